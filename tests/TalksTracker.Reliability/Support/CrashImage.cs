using System.Runtime.InteropServices;

namespace TalksTracker.Reliability.Support;

/// <summary>
/// What the disk holds if a process dies at this instant. The process is frozen with SIGSTOP (it stops
/// between system calls, exactly where SIGKILL would stop it), the database, -wal and -shm files are
/// copied as the kernel has them, and it is let go with SIGCONT. A process crash loses only what the
/// process had not yet handed to the kernel, so opening the copy is opening the database after a
/// SIGKILL at that moment — without paying a process start-up for every kill point.
/// </summary>
public static partial class CrashImage
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    /// <summary>Freezes the process, runs <paramref name="whileFrozen"/>, copies the files into <paramref name="folder"/>, resumes it.</summary>
    public static string Capture(ChildProcess process, string databasePath, string folder, Action whileFrozen)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Path.GetFileName(databasePath));
        Freeze(process, () =>
        {
            whileFrozen();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                if (File.Exists(databasePath + suffix))
                {
                    File.Copy(databasePath + suffix, copy + suffix, overwrite: true);
                }
            }
        });
        return copy;
    }

    /// <summary>
    /// Freezes the process (SIGSTOP, waiting until the kernel reports it stopped), runs <paramref name="whileFrozen"/>,
    /// and resumes it (SIGCONT) whatever happens. On PostgreSQL this alone is the crash image: the server's committed
    /// state, read by another session while the client cannot move, is what a SIGKILL at this instant would leave
    /// (the server rolls back the dead client's open transaction, which no other session can see).
    /// </summary>
    public static void Freeze(ChildProcess process, Action whileFrozen)
    {
        if (Signal(process.Id, SigStop) != 0)
        {
            throw new InvalidOperationException($"SIGSTOP failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            // SIGSTOP is delivered asynchronously: wait until the kernel reports the process stopped.
            var until = DateTime.UtcNow.AddSeconds(5);
            while (!IsStopped(process.Id) && DateTime.UtcNow < until)
            {
                Thread.Sleep(1);
            }

            whileFrozen();
        }
        finally
        {
            Signal(process.Id, SigCont);
        }
    }

    private static bool IsStopped(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) S ..." — state T is stopped.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is 'T' or 't' or 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
