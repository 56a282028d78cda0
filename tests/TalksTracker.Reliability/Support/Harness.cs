using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace TalksTracker.Reliability.Support;

/// <summary>Where the built Cli and web app are, and how many kill points this run makes.</summary>
public static class Harness
{
    public static string RepoRoot { get; } = FindRoot();

    private static string Configuration =>
        typeof(Harness).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string CliDll => Built("TalksTracker.Cli", "talkstracker.dll");
    public static string WebDll => Built("TalksTracker.Web", "TalksTracker.Web.dll");

    /// <summary>Kill points for the crash tests: 200 in CI, TALKSTRACKER_KILL_POINTS for the longer documented run.</summary>
    public static int KillPoints =>
        int.TryParse(Environment.GetEnvironmentVariable("TALKSTRACKER_KILL_POINTS"), out var n) && n > 0 ? n : 200;

    /// <summary>Seed of the random kill moments; TALKSTRACKER_SEED to replay a run.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("TALKSTRACKER_SEED"), out var n) ? n : 20261127;

    /// <summary>Figures for docs/reliability.md, printed and appended to TALKSTRACKER_FIGURES when set.</summary>
    public static void Record(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable("TALKSTRACKER_FIGURES") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{DateTime.UtcNow:u} {line}{Environment.NewLine}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(RepoRoot, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: {path} is missing.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalksTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TalksTracker.sln not found above the test output.");
    }
}

/// <summary>
/// Every HTTP request the harness makes to a raw Kestrel or child-process server goes through here,
/// so authentication is added in one line (set <see cref="Key"/> or TALKSTRACKER_API_KEY).
/// </summary>
public sealed class ApiKeyHandler(HttpMessageHandler inner, Func<string?> key) : DelegatingHandler(inner)
{
    /// <summary>A client whose every request carries the key <paramref name="key"/> returns at the time (read per request, so it can be set later).</summary>
    public static HttpClient Client(Uri baseAddress, Func<string?> key, TimeSpan? timeout = null) =>
        new(new ApiKeyHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }, key))
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (key() is { Length: > 0 } value)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A real child process (the Cli or the web app) that can be killed with SIGKILL.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private int _lines;

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public static ChildProcess Start(string dll, IEnumerable<string> args, IDictionary<string, string> environment, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_gcServer"] = "0";
        // Children run as deployed except for the clock: the Testing environment honours Clock:Start (the test instant).
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Clock__Start"] = TalksTracker.Testing.TestClock.Setting;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (child._stdout)
            {
                child._stdout.AppendLine(e.Data);
                child._lines++;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._stderr)
                {
                    child._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public int Lines
    {
        get
        {
            lock (_stdout)
            {
                return _lines;
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>SIGKILL (no shutdown code runs); true if it was still running when killed.</summary>
    public bool Kill()
    {
        if (_process.HasExited)
        {
            return false;
        }

        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        // Bounded: a process that does not go after SIGKILL (or output still held open) is a failure, not a hang.
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"Process {_process.Id} was sent SIGKILL but had not gone 30 s later.");
        }

        return true;
    }

    /// <summary>Waits for the process to end on its own, at most <paramref name="limit"/>; then kills it and fails.</summary>
    public async Task WaitAsync(TimeSpan limit, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"Process {_process.Id} did not finish within {limit.TotalSeconds:0} s; killed. Output so far:\n{Stdout}\n{Stderr}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

/// <summary>The app on real Kestrel (a loopback port), started once per fixture.</summary>
public sealed class KestrelAppFactory : TalksTracker.Testing.TalksTrackerAppFactory
{
    private readonly Lock _lock = new();
    private Uri? _address;

    public Uri Address
    {
        get
        {
            lock (_lock)
            {
                return _address ??= StartKestrel();
            }
        }
    }
}
