using System.Diagnostics;
using System.Globalization;
using System.Net;
using TalksTracker.Data;

namespace TalksTracker.Benchmarks;

/// <summary>
/// The web app as it is deployed: its own process (<c>dotnet TalksTracker.Web.dll</c>, the app's runtime settings,
/// so server garbage collection as in production), Production environment, on a loopback port. The load
/// generator stays in the benchmark process, so the memory read here is the server's alone.
/// </summary>
public sealed record ServerMemory(double ResidentMb, double PeakResidentMb, double? OwnMb, double? MappedFileMb);

public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string logFolder)
    {
        _process = process;
        LogFolder = logFolder;
    }

    /// <summary>Where Kestrel listens: a port the kernel chose (port 0), read from the app's "Now listening on" line.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");
    public string LogFolder { get; }
    public int Id => _process.Id;

    /// <summary>
    /// Starts the app next to the benchmark's own build (the referenced web project's output is copied beside it), with
    /// the web project's folder as its content root, and waits until <c>/health</c> answers. Logging is at Warning (as in the in-process test host), rate limits are lifted
    /// (the load is one client far faster than people), seeding is off.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string connectionString, DatabaseProvider provider, CancellationToken ct = default)
    {
        var folder = AppContext.BaseDirectory;
        var app = Path.Combine(folder, "TalksTracker.Web.dll");
        if (!File.Exists(app))
        {
            throw new FileNotFoundException("The web app's build is not beside the benchmark; build the solution first.", app);
        }

        var logFolder = Directory.CreateTempSubdirectory("talkstracker-bench-server-").FullName;
        var contentRoot = WebProjectFolder() ?? folder;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.ArgumentList.Add("--urls");
        // Port 0: Kestrel binds a free port itself, so no other process can take it between choosing and binding.
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__TalksTracker"] = connectionString;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["Seed__OnFirstStart"] = "false";
        // A Production host on PostgreSQL needs the key its data-protection keys are encrypted with (deploy.md).
        start.Environment["DataProtection__KeyEncryptionKeyFile"] = Path.Combine(logFolder, "dataprotection.key");
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(logFolder, "talkstracker-.log");
        start.Environment["RateLimits__ApiPerSecond"] = "100000";
        start.Environment["RateLimits__ApiBurst"] = "100000";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var server = new ServerProcess(process, logFolder);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Memory of the server process in MB (Linux /proc; elsewhere the process API, without the split): resident now and
    /// at its peak, and of the resident, the process's own (heap, stacks, compiled code: RssAnon) and the file-backed
    /// pages (RssFile: libraries and, on SQLite, the database pages its memory-mapped reads touched; shared with the page cache).
    /// </summary>
    public ServerMemory Memory()
    {
        var status = $"/proc/{_process.Id}/status";
        if (File.Exists(status))
        {
            var lines = File.ReadAllLines(status);
            return new ServerMemory(Megabytes(lines, "VmRSS:"), Megabytes(lines, "VmHWM:"), Megabytes(lines, "RssAnon:"), Megabytes(lines, "RssFile:"));
        }

        _process.Refresh();
        return new ServerMemory(_process.WorkingSet64 / 1048576.0, _process.PeakWorkingSet64 / 1048576.0, null, null);
    }

    /// <summary>Processor time the server has used so far (user and system), in seconds.</summary>
    public double ProcessorSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// Processor time the runtime's background compiler thread (tiered compilation) has used so far, in seconds; null
    /// where threads cannot be read (not Linux). While it grows, the server is still compiling hot code at full optimisation.
    /// </summary>
    public double? CompilerSeconds()
    {
        var tasks = $"/proc/{_process.Id}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }

        double ticks = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A polite stop first (SIGTERM: the host shuts down and closes the database), then a hard one.
            try
            {
                using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
                term?.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No kill command (not Linux): the hard stop below.
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(LogFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open: left in the temporary folder.
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            wait.CancelAfter(timeout);
            var exited = _process.WaitForExitAsync(wait.Token);
            var first = await Task.WhenAny(_listening.Task, exited);
            if (first != _listening.Task)
            {
                throw _process.HasExited
                    ? new InvalidOperationException($"The web app stopped with exit code {_process.ExitCode} before listening: {Tail()}")
                    : new TimeoutException($"The web app did not start listening within {timeout.TotalSeconds:0} s: {Tail()}");
            }

            Address = await _listening.Task;
        }

        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app stopped with exit code {_process.ExitCode} before answering: {Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The web app did not answer /health within {timeout.TotalSeconds:0} s: {Tail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningOn.Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>
    /// The web project's folder (its appsettings.json and wwwroot), as `dotnet run --project src/TalksTracker.Web` uses
    /// it, from the manifest the ASP.NET testing package writes into the build output. Not the build output itself: the
    /// Cli's appsettings.json is copied there too, and which of the two wins depends on the build order.
    /// </summary>
    private static string? WebProjectFolder()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        var roots = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
        var web = roots.FirstOrDefault(r => r.Key.StartsWith("TalksTracker.Web,", StringComparison.Ordinal)).Value;
        return web is not null && File.Exists(Path.Combine(web, "appsettings.json")) ? web : null;
    }

    private static readonly System.Text.RegularExpressions.Regex ListeningOn = new(@"Now listening on: (http://\S+)");

    private static double Megabytes(string[] lines, string field) =>
        lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0
            : 0;
}
