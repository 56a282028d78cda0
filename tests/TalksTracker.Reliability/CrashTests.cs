using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Cli;
using TalksTracker.Reliability.Support;

namespace TalksTracker.Reliability;

/// <summary>
/// Kill points at random (seeded) moments, against the real Cli during bulk imports and the real web
/// app during API posts. Each process life ends in a real SIGKILL and a restart; within a life, more
/// kill points are taken as crash images (<see cref="CrashImage"/>: frozen, files copied, resumed).
/// After every kill point the database (or its image) must pass integrity_check, every report must be
/// whole (report, all its proposals or claims, their audit entries) or absent, every import or 201 the
/// client had seen must be there, and the search index must agree with its tables.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talkstracker-crash-").FullName;

    private string _databaseName = "crash.db";

    private string DatabasePath => Path.Combine(_folder, _databaseName);
    private string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Environment => new()
    {
        ["ConnectionStrings__TalksTracker"] = ConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__TalksTracker"] = "Warning",
    };

    /// <summary>Most kill points hit the Cli; a fifth hit the web app during API posts.</summary>
    private static (int Import, int Web) Split(int total) => (total - total / 5, total / 5);

    private const string CrashAdmin = "crash-admin@test.local";

    private string? _apiKey;

    private async Task<string> CreateApiKeyAsync()
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["apikey", "create", "--user", CrashAdmin, "--name", "crash test"], output, TextWriter.Null,
            new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = ConnectionString });
        Assert.Equal(0, exit);
        return output.ToString().Trim();
    }

    private async Task MigrateAsync()
    {
        var exit = await CliApp.RunAsync(["migrate"], TextWriter.Null, TextWriter.Null, new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = ConnectionString });
        Assert.Equal(0, exit);
    }

    /// <summary>Kill points per database: each database then stays small, so every check costs the same and the run is linear in kill points.</summary>
    private const int KillPointsPerDatabase = 40;

    [Fact]
    public async Task A_bulk_import_killed_at_random_moments_leaves_every_report_whole_or_absent()
    {
        var target = Split(Harness.KillPoints).Import;
        var random = new Random(Harness.Seed);
        var watch = Stopwatch.StartNew();
        var totals = new ImportTotals();
        for (var database = 1; totals.KillPoints < target; database++)
        {
            _databaseName = $"crash-import-{database}.db";
            await MigrateAsync();
            await ImportWithKillsAsync(Math.Min(KillPointsPerDatabase, target - totals.KillPoints), random, totals);
            totals.Databases++;
        }

        Harness.Record($"crash/import: {totals.KillPoints} kill points ({totals.Sigkills} SIGKILLs + {totals.Images} crash images) over {totals.Runs} Cli runs "
                       + $"on {totals.Databases} databases, {totals.Files} files, {totals.Proposals} proposals, "
                       + $"0 lost, 0 half-written, {watch.Elapsed.TotalSeconds:0} s ({totals.Checking.Elapsed.TotalSeconds:0} s checking; seed {Harness.Seed})");
    }

    private sealed class ImportTotals
    {
        public int Sigkills { get; set; }
        public int Images { get; set; }
        public int Runs { get; set; }
        public int Files { get; set; }
        public int Proposals { get; set; }
        public int Databases { get; set; }
        public int KillPoints => Sigkills + Images;
        public Stopwatch Checking { get; } = new();
    }

    /// <summary>Imports into the current database with <paramref name="killPoints"/> kill points, then a last run to completion.</summary>
    private async Task ImportWithKillsAsync(int killPoints, Random random, ImportTotals totals)
    {
        var files = new List<string>();
        var done = new HashSet<string>();
        var (sigkills, images) = (0, 0);
        var folder = Path.Combine(_folder, Path.GetFileNameWithoutExtension(_databaseName));
        Directory.CreateDirectory(folder);
        while (sigkills + images < killPoints)
        {
            // Each run gets the files not yet reported done (a file committed just before the kill
            // is offered again and must be recognised as already taken in, not doubled).
            while (files.Count - done.Count < 60)
            {
                var number = totals.Files + files.Count;
                var path = Path.Combine(folder, $"report-{number:D5}.txt");
                await File.WriteAllTextAsync(path, ReportTexts.Make(number), Ct);
                files.Add(path);
            }

            var batch = files.Where(f => !done.Contains(f)).Take(60).ToList();
            using var child = ChildProcess.Start(Harness.CliDll, ["import", .. batch], Environment);
            totals.Runs++;
            // Usually kill once imports commit; one run in five is killed anywhere from start-up on.
            if (random.Next(5) > 0)
            {
                await WaitForAsync(() => child.Lines > 0 || child.HasExited);
                for (var i = random.Next(3, 13); i > 0 && sigkills + images < killPoints - 1; i--)
                {
                    await Task.Delay(random.Next(0, 250), Ct);
                    if (child.HasExited)
                    {
                        break;
                    }

                    HashSet<string> seen = [];
                    var image = CrashImage.Capture(child, DatabasePath, Path.Combine(_folder, "image"), () =>
                    {
                        Thread.Sleep(20); // lets lines already in the pipe arrive: they were written before the freeze
                        seen = Done(child.Stdout);
                    });
                    images++;
                    totals.Checking.Start();
                    using var connection = DatabaseChecks.Open(image);
                    CheckAfterCrash(connection, seen, searchIndex: false);
                    totals.Checking.Stop();
                }
            }

            await Task.Delay(random.Next(0, 250), Ct);
            var killed = child.Kill();
            sigkills += killed ? 1 : 0;
            Assert.True(killed || child.ExitCode == 0, $"The import exited with {child.ExitCode}: {child.Stderr}");
            Assert.DoesNotContain("locked", child.Stderr, StringComparison.OrdinalIgnoreCase);
            done.UnionWith(Done(child.Stdout));
            totals.Checking.Start();
            using (var connection = DatabaseChecks.Open(DatabasePath))
            {
                CheckAfterCrash(connection, done);
            }

            totals.Checking.Stop();
        }

        // A last run to completion: every file is then in exactly once.
        using (var last = ChildProcess.Start(Harness.CliDll, ["import", .. files], Environment))
        {
            await last.WaitAsync(TimeSpan.FromMinutes(5), Ct);
            Assert.True(last.ExitCode == 0, last.Stderr);
        }

        using (var connection = DatabaseChecks.Open(DatabasePath))
        {
            CheckAfterCrash(connection, files.ToHashSet());
            Assert.Equal(files.Count, DatabaseChecks.Scalar<int>(connection, "SELECT COUNT(*) FROM Reports"));
            Assert.Equal(files.Count, DatabaseChecks.Scalar<int>(connection, "SELECT COUNT(DISTINCT ContentHash) FROM Reports"));
            totals.Proposals += DatabaseChecks.Scalar<int>(connection, "SELECT COUNT(*) FROM ClaimProposals");
        }

        totals.Sigkills += sigkills;
        totals.Images += images;
        totals.Files += files.Count;
    }

    /// <summary>Sound file, whole reports, search index in step, and every file the Cli had reported done is there.</summary>
    private static void CheckAfterCrash(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlySet<string> reportedDone, bool searchIndex = true)
    {
        DatabaseChecks.AssertSound(connection);
        if (searchIndex)
        {
            // The index is written by triggers in the same transactions; checked after every real SIGKILL and at the end.
            DatabaseChecks.AssertSearchIndexAgrees(connection);
        }

        DatabaseChecks.AssertReportsWhole(connection);
        var stored = DatabaseChecks.References(connection);
        var missing = reportedDone.Where(f => !stored.Contains(ReferenceOf(f))).ToList();
        Assert.True(missing.Count == 0, $"Reported taken in but missing after the crash: {string.Join(", ", missing)}");
    }

    private static readonly ConcurrentDictionary<string, string> References = new();

    private static string ReferenceOf(string file) => References.GetOrAdd(file, f => DatabaseChecks.Reference(File.ReadAllText(f))!);

    private static HashSet<string> Done(string stdout) =>
        stdout.Split('\n')
            .Where(line => line.Contains(": report ", StringComparison.Ordinal) || line.Contains(": already taken in", StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(": ", StringComparison.Ordinal)])
            .ToHashSet();

    [Fact]
    public async Task The_web_app_killed_during_api_posts_keeps_every_acknowledged_save()
    {
        await MigrateAsync();
        var target = Split(Harness.KillPoints).Web;
        var random = new Random(Harness.Seed + 1);
        var acknowledged = new ConcurrentDictionary<int, (string Text, int Claims)>();
        var unexpected = new ConcurrentBag<string>();
        var number = 1_000_000;
        var posted = 0;
        var watch = Stopwatch.StartNew();
        var (sigkills, images, runs) = (0, 0, 0);
        while (sigkills + images < target)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{Harness.FreePort()}/");
            var env = Environment;
            env["Urls"] = baseAddress.ToString();
            env["ASPNETCORE_ENVIRONMENT"] = "Testing"; // as Production, but on the tests' clock
            env["Seed__OnFirstStart"] = "false";
            env["Serilog__MinimumLevel__Default"] = "Warning";
            env["Serilog__WriteTo__1__Args__path"] = Path.Combine(_folder, "logs", "web-.log");
            env["Bootstrap__AdminEmail"] = CrashAdmin;
            env["Bootstrap__AdminPassword"] = "crash test admin password";
            using var server = ChildProcess.Start(Harness.WebDll, [], env);
            runs++;
            using var client = ApiKeyHandler.Client(baseAddress, () => _apiKey, TimeSpan.FromSeconds(30));
            await WaitHealthyAsync(client, server);
            // The first start creates the admin; the API needs a key, made once with the real Cli.
            _apiKey ??= await CreateApiKeyAsync();

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref number);
                    var text = ReportTexts.Make(n, sentences: 6);
                    var withClaims = n % 2 == 0;
                    object body = withClaims
                        ? new { text, claims = new[] { new { start = 0, end = 10, sourceName = "analysts", credibility = 3 }, new { start = 11, end = 30, sourceName = "a Gulf official", credibility = 2 } } }
                        : new { text };
                    try
                    {
                        Interlocked.Increment(ref posted);
                        using var response = await client.PostAsJsonAsync("/api/reports", body, stop.Token);
                        var content = await response.Content.ReadAsStringAsync(stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[JsonDocument.Parse(content).RootElement.GetProperty("reportId").GetInt32()] = (text, withClaims ? 2 : 0);
                        }
                        else
                        {
                            unexpected.Add($"{(int)response.StatusCode}: {content}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // The server died or was frozen past the end: this post was never acknowledged.
                        await Task.Delay(10, CancellationToken.None);
                    }
                }
            })).ToList();

            for (var i = random.Next(4, 14); i > 0 && sigkills + images < target - 1; i--)
            {
                await Task.Delay(random.Next(20, 400), Ct);
                Dictionary<int, (string Text, int Claims)> seen = [];
                var image = CrashImage.Capture(server, DatabasePath, Path.Combine(_folder, "image"), () =>
                {
                    Thread.Sleep(20); // responses already on the wire were sent before the freeze
                    seen = acknowledged.ToDictionary();
                });
                images++;
                using var connection = DatabaseChecks.Open(image);
                CheckAcknowledged(connection, seen);
            }

            await Task.Delay(random.Next(20, 600), Ct);
            sigkills += server.Kill() ? 1 : 0;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(unexpected.IsEmpty, $"Answers other than 201: {string.Join(" | ", unexpected.Take(3))}\nServer log: {Tail(server.Stdout + server.Stderr)}");
            using (var connection = DatabaseChecks.Open(DatabasePath))
            {
                CheckAcknowledged(connection, acknowledged.ToDictionary());
            }
        }

        Harness.Record($"crash/web: {sigkills + images} kill points ({sigkills} SIGKILLs of the web app + {images} crash images) during {posted} API posts from 4 clients, "
                       + $"{acknowledged.Count} acknowledged (201), 0 lost, {watch.Elapsed.TotalSeconds:0} s (seed {Harness.Seed})");
    }

    private static void CheckAcknowledged(Microsoft.Data.Sqlite.SqliteConnection connection, Dictionary<int, (string Text, int Claims)> acknowledged)
    {
        DatabaseChecks.AssertSound(connection);
        DatabaseChecks.AssertSearchIndexAgrees(connection);
        DatabaseChecks.AssertReportsWhole(connection, acknowledged.ToDictionary(a => a.Key, a => a.Value.Claims));
        var stored = DatabaseChecks.Column(connection, "SELECT Id, Text FROM Reports", r => (r.GetInt32(0), r.GetString(1))).ToDictionary(r => r.Item1, r => r.Item2);
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var text) || DatabaseChecks.Reference(text) != DatabaseChecks.Reference(a.Value.Text)).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"Acknowledged with 201 but not there after the crash: reports {string.Join(", ", lost)}");
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(5, Ct);
        }
    }

    private static async Task WaitHealthyAsync(HttpClient client, ChildProcess server)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            Assert.False(server.HasExited, $"The web app exited: {server.Stderr}{server.Stdout}");
            try
            {
                if ((await client.GetAsync("/health", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("The web app did not become healthy within 60 s.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left behind only if a file is still open
        }
    }
}
