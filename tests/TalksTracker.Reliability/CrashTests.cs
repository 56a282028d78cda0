using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksTracker.Cli;
using TalksTracker.Data;
using TalksTracker.Reliability.Support;
using TalksTracker.Testing;

namespace TalksTracker.Reliability;

/// <summary>
/// Kill points at random (seeded) moments, against the real Cli during bulk imports and the real web
/// app during API posts. Each process life ends in a real SIGKILL and a restart; within a life, more
/// kill points are taken as crash images (<see cref="CrashImage"/>: frozen, files copied, resumed).
/// After every kill point the database (or its image) must pass integrity_check, every report must be
/// whole (report, all its proposals or claims, their audit entries) or absent, every import or 201 the
/// client had seen must be there, and the search index must agree with its tables.
/// Both engines run it (<see cref="CrashTestsOnSqlite"/>, <see cref="CrashTestsOnPostgres"/>); what differs is
/// how a crash image is taken and which checks of the storage itself apply (SQLite's file and FTS5 index).
/// </summary>
public abstract class CrashTests : IAsyncDisposable
{
    private readonly Lazy<string> _folder = new(() => Directory.CreateTempSubdirectory("talkstracker-crash-").FullName);

    /// <summary>The test's temporary folder, made when first used (a skipped variant makes none).</summary>
    protected string Folder => _folder.Value;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The database the processes work on now; <see cref="NewDatabaseAsync"/> moves to a fresh one.</summary>
    protected abstract string ConnectionString { get; }

    /// <summary>Makes (SQLite: names) a fresh, empty database and makes it the current one.</summary>
    protected abstract Task NewDatabaseAsync(string name);

    /// <summary>A connection of the test's own to the current database.</summary>
    protected abstract DbConnection OpenDatabase();

    /// <summary>
    /// A kill point without a process death: freezes <paramref name="process"/>, runs <paramref name="whileFrozen"/>
    /// (which notes what had been acknowledged), then runs <paramref name="check"/> on the database as a SIGKILL at that
    /// instant would leave it.
    /// </summary>
    protected abstract void AtCrashImage(ChildProcess process, Action whileFrozen, Action<DbConnection> check);

    /// <summary>All kill points of a run (import and web together).</summary>
    protected virtual int KillPoints => Harness.KillPoints;

    /// <summary>Crash images taken per Cli life before its SIGKILL (the bounds of Random.Next).</summary>
    protected virtual (int Min, int Max) ImportImagesPerLife => (3, 13);

    /// <summary>Crash images taken per web app life before its SIGKILL (the bounds of Random.Next).</summary>
    protected virtual (int Min, int Max) WebImagesPerLife => (4, 14);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Environment
    {
        get
        {
            var env = new Dictionary<string, string>
            {
                ["ConnectionStrings__TalksTracker"] = ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__TalksTracker"] = "Warning",
            };
            if (Provider == DatabaseProvider.Postgres)
            {
                env["Database__Provider"] = "Postgres";
            }

            return env;
        }
    }

    /// <summary>The same database for the Cli run inside the test process.</summary>
    private Dictionary<string, string?> CliSettings => new()
    {
        ["ConnectionStrings:TalksTracker"] = ConnectionString,
        ["Database:Provider"] = Provider.ToString(),
    };

    /// <summary>Most kill points hit the Cli; a fifth hit the web app during API posts.</summary>
    private static (int Import, int Web) Split(int total) => (total - total / 5, total / 5);

    private const string CrashAdmin = "crash-admin@test.local";

    private string? _apiKey;

    private async Task<string> CreateApiKeyAsync()
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["apikey", "create", "--user", CrashAdmin, "--name", "crash test"], output, TextWriter.Null, CliSettings);
        Assert.Equal(0, exit);
        return output.ToString().Trim();
    }

    private async Task MigrateAsync()
    {
        var exit = await CliApp.RunAsync(["migrate"], TextWriter.Null, TextWriter.Null, CliSettings);
        Assert.Equal(0, exit);
    }

    /// <summary>Kill points per database: each database then stays small, so every check costs the same and the run is linear in kill points.</summary>
    private const int KillPointsPerDatabase = 40;

    [Fact]
    public async Task A_bulk_import_killed_at_random_moments_leaves_every_report_whole_or_absent()
    {
        var target = Split(KillPoints).Import;
        var random = new Random(Harness.Seed);
        var watch = Stopwatch.StartNew();
        var totals = new ImportTotals();
        for (var database = 1; totals.KillPoints < target; database++)
        {
            await NewDatabaseAsync($"crash-import-{database}");
            await MigrateAsync();
            await ImportWithKillsAsync(Math.Min(KillPointsPerDatabase, target - totals.KillPoints), random, totals);
            totals.Databases++;
        }

        Harness.Record($"crash/import ({Provider}): {totals.KillPoints} kill points ({totals.Sigkills} SIGKILLs + {totals.Images} crash images) over {totals.Runs} Cli runs "
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
        var folder = Path.Combine(Folder, $"files-{totals.Databases + 1}");
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
                for (var i = random.Next(ImportImagesPerLife.Min, ImportImagesPerLife.Max); i > 0 && sigkills + images < killPoints - 1; i--)
                {
                    await Task.Delay(random.Next(0, 250), Ct);
                    if (child.HasExited)
                    {
                        break;
                    }

                    HashSet<string> seen = [];
                    totals.Checking.Start();
                    AtCrashImage(child, () =>
                    {
                        Thread.Sleep(20); // lets lines already in the pipe arrive: they were written before the freeze
                        seen = Done(child.Stdout);
                    }, connection => CheckAfterCrash(connection, seen, searchIndex: false));
                    images++;
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
            using (var connection = OpenDatabase())
            {
                CheckAfterCrash(connection, done);
            }

            await DatabaseChecks.AssertDerivedFiguresAgreeAsync(Provider, ConnectionString, Ct);
            totals.Checking.Stop();
        }

        // A last run to completion: every file is then in exactly once.
        using (var last = ChildProcess.Start(Harness.CliDll, ["import", .. files], Environment))
        {
            await last.WaitAsync(TimeSpan.FromMinutes(5), Ct);
            Assert.True(last.ExitCode == 0, last.Stderr);
        }

        using (var connection = OpenDatabase())
        {
            CheckAfterCrash(connection, files.ToHashSet());
            Assert.Equal(files.Count, DatabaseChecks.Scalar<int>(connection, """SELECT COUNT(*) FROM "Reports" """));
            Assert.Equal(files.Count, DatabaseChecks.Scalar<int>(connection, """SELECT COUNT(DISTINCT "ContentHash") FROM "Reports" """));
            totals.Proposals += DatabaseChecks.Scalar<int>(connection, """SELECT COUNT(*) FROM "ClaimProposals" """);
        }

        await DatabaseChecks.AssertDerivedFiguresAgreeAsync(Provider, ConnectionString, Ct);

        totals.Sigkills += sigkills;
        totals.Images += images;
        totals.Files += files.Count;
    }

    /// <summary>Sound file, whole reports, search index in step, and every file the Cli had reported done is there.</summary>
    private static void CheckAfterCrash(DbConnection connection, IReadOnlySet<string> reportedDone, bool searchIndex = true)
    {
        CheckStorage(connection, searchIndex);

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

    /// <summary>
    /// The checks of the storage itself, SQLite only: PRAGMA integrity_check / foreign_key_check of the file and the
    /// FTS5 index against its tables. On PostgreSQL a client's death cannot touch the server's files, foreign keys are
    /// always enforced, and the search vectors are generated columns of the rows themselves, so there is nothing of
    /// the kind to check; the whole-or-absent and nothing-lost checks run on both engines.
    /// </summary>
    private static void CheckStorage(DbConnection connection, bool searchIndex)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        DatabaseChecks.AssertSound(sqlite);
        if (searchIndex)
        {
            // The index is written by triggers in the same transactions; checked after every real SIGKILL and at the end.
            DatabaseChecks.AssertSearchIndexAgrees(sqlite);
        }
    }

    [Fact]
    public async Task The_web_app_killed_during_api_posts_keeps_every_acknowledged_save()
    {
        await NewDatabaseAsync("crash-web");
        await MigrateAsync();
        var target = Split(KillPoints).Web;
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
            env["Serilog__WriteTo__1__Args__path"] = Path.Combine(Folder, "logs", "web-.log");
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

            // As the import is usually killed once its first report is in, each life's kill points start once a post
            // of this life has been acknowledged (at most 30 s): under load the first posts of a fresh process are
            // slow, and kill points before any 201 check next to nothing (a run once had 12 posts and 0 acknowledged).
            var acknowledgedBefore = acknowledged.Count;
            await WaitForAsync(() => acknowledged.Count > acknowledgedBefore || server.HasExited);
            for (var i = random.Next(WebImagesPerLife.Min, WebImagesPerLife.Max); i > 0 && sigkills + images < target - 1; i--)
            {
                await Task.Delay(random.Next(20, 400), Ct);
                Dictionary<int, (string Text, int Claims)> seen = [];
                AtCrashImage(server, () =>
                {
                    Thread.Sleep(20); // responses already on the wire were sent before the freeze
                    seen = acknowledged.ToDictionary();
                }, connection => CheckAcknowledged(connection, seen));
                images++;
            }

            await Task.Delay(random.Next(20, 600), Ct);
            sigkills += server.Kill() ? 1 : 0;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(unexpected.IsEmpty, $"Answers other than 201: {string.Join(" | ", unexpected.Take(3))}\nServer log: {Tail(server.Stdout + server.Stderr)}");
            using (var connection = OpenDatabase())
            {
                CheckAcknowledged(connection, acknowledged.ToDictionary());
            }

            await DatabaseChecks.AssertDerivedFiguresAgreeAsync(Provider, ConnectionString, Ct);
        }

        Harness.Record($"crash/web ({Provider}): {sigkills + images} kill points ({sigkills} SIGKILLs of the web app + {images} crash images) during {posted} API posts from 4 clients, "
                       + $"{acknowledged.Count} acknowledged (201), 0 lost, {watch.Elapsed.TotalSeconds:0} s (seed {Harness.Seed})");
    }

    private static void CheckAcknowledged(DbConnection connection, Dictionary<int, (string Text, int Claims)> acknowledged)
    {
        CheckStorage(connection, searchIndex: true);
        DatabaseChecks.AssertReportsWhole(connection, acknowledged.ToDictionary(a => a.Key, a => a.Value.Claims));
        var stored = DatabaseChecks.Column(connection, """SELECT "Id", "Text" FROM "Reports" """, r => (r.GetInt32(0), r.GetString(1))).ToDictionary(r => r.Item1, r => r.Item2);
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

    public virtual ValueTask DisposeAsync()
    {
        try
        {
            if (_folder.IsValueCreated)
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // left behind only if a file is still open
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The crash tests on SQLite files: crash images are copies of the database, -wal and -shm files taken while the
/// process is frozen (<see cref="CrashImage.Capture"/>), so each is a real recovery from what the kernel held.
/// </summary>
public sealed class CrashTestsOnSqlite : CrashTests
{
    private string _databaseName = "crash.db";

    private string DatabasePath => Path.Combine(Folder, _databaseName);

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    protected override Task NewDatabaseAsync(string name)
    {
        _databaseName = $"{name}.db";
        return Task.CompletedTask;
    }

    protected override DbConnection OpenDatabase() => DatabaseChecks.Open(DatabasePath);

    protected override void AtCrashImage(ChildProcess process, Action whileFrozen, Action<DbConnection> check)
    {
        var image = CrashImage.Capture(process, DatabasePath, Path.Combine(Folder, "image"), whileFrozen);
        using var connection = DatabaseChecks.Open(image);
        check(connection);
    }
}

/// <summary>
/// The crash tests on PostgreSQL: the Cli and the web app are SIGKILLed mid-write and restarted as on SQLite; a crash
/// image is the server's committed state read while the process is frozen (<see cref="CrashImage.Freeze"/>). Fewer
/// kill points (3 in 20 of SQLite's: 30 by default) and fewer images per process life (2-7 per Cli run, 1-4 per web
/// app life, against 3-12 and 4-13 on SQLite), so more of them are real SIGKILLs — the part PostgreSQL adds is the
/// server rolling back a killed client's transaction and releasing its locks, which only a real death exercises.
/// </summary>
public sealed class CrashTestsOnPostgres : CrashTests
{
    private readonly List<string> _databases = [];
    private string? _connectionString;

    public CrashTestsOnPostgres()
    {
        PostgresServer.SkipUnlessAvailable();
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => _connectionString ?? throw new InvalidOperationException("No database yet: call NewDatabaseAsync.");

    protected override int KillPoints => Math.Max(10, Harness.KillPoints * 3 / 20);

    protected override (int Min, int Max) ImportImagesPerLife => (2, 8);

    protected override (int Min, int Max) WebImagesPerLife => (1, 5);

    protected override async Task NewDatabaseAsync(string name)
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync($"talkstracker_{name.Replace('-', '_')}");
        _databases.Add(_connectionString);
    }

    protected override DbConnection OpenDatabase() => DatabaseChecks.OpenPostgres(ConnectionString);

    protected override void AtCrashImage(ChildProcess process, Action whileFrozen, Action<DbConnection> check) =>
        CrashImage.Freeze(process, () =>
        {
            whileFrozen();
            using var connection = OpenDatabase();
            check(connection);
        });

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await PostgresServer.DropDatabaseAsync(database);
        }

        await base.DisposeAsync();
    }
}
