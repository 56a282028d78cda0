using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Transfer;
using System.Data.Common;
using Npgsql;

namespace TalksTracker.Benchmarks;

public sealed record BenchmarkOptions
{
    public Scale Scale { get; init; } = Scale.S;
    /// <summary>Folder for benchmarks.md and benchmarks.json; null writes nothing.</summary>
    public string? Out { get; init; }
    /// <summary>A database to use: generated there when missing, reused (no generation) when it already holds reports.</summary>
    public string? Db { get; init; }
    public string? ApiKey { get; init; } = Environment.GetEnvironmentVariable("TALKSTRACKER_BENCH_API_KEY");
    public int HttpClients { get; init; } = 50;
    /// <summary>Also time live updates: as many change streams as clients, told of saves through the API (#25).</summary>
    public bool HttpLive { get; init; } = true;
    public int? HttpRequestsPerPath { get; init; }
    public static readonly IReadOnlyList<string> DefaultHttpPaths = ["/timeline", "/api/meetings"];
    /// <summary>The paths loaded over HTTP; the targets are set for <see cref="DefaultHttpPaths"/>.</summary>
    public IReadOnlyList<string> HttpPaths { get; init; } = DefaultHttpPaths;
    /// <summary>
    /// The HTTP floors, loaded like the paths (no target): what the server costs before a page's own work. The timeline
    /// and the API answer are measured against them as queries are against their hand-written SQL.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultHttpFloors = new Dictionary<string, string>
    {
        ["/health"] = "the pipeline's floor: the health check (one database ping) through the same middleware, authentication included",
        ["/account/denied"] = "the page floor: a one-line page in the app's layout, prerendered for an interactive circuit like every page",
    };
    /// <summary>The floors loaded after <see cref="HttpPaths"/> (none when paths are chosen with --http-path).</summary>
    public IReadOnlyDictionary<string, string> HttpFloors { get; init; } = DefaultHttpFloors;
    public TimeSpan? QueryBudget { get; init; }
    public int? MaxIterations { get; init; }
    public bool SkipHttp { get; init; }
    /// <summary>Measure only the HTTP load (on a database given with <see cref="Db"/>): for working on the server's cost per request.</summary>
    public bool SkipQueries { get; init; }

    /// <summary>Only the queries whose name contains this, or one of its '|'-separated parts (for working on a few queries; the report then holds only those).</summary>
    public string? QueryFilter { get; init; }
    /// <summary>Force the bulk import (raw inserts) at any scale; L always uses it.</summary>
    public bool Bulk { get; init; }
    /// <summary>Bulk mode: keep the FTS triggers firing per row instead of one rebuild at the end.</summary>
    public bool KeepSearchTriggers { get; init; }
    /// <summary>The database the queries and HTTP run on. PostgreSQL gets a copy of the generated SQLite database.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    /// <summary>With <see cref="Provider"/> Postgres: a connection string to a server's maintenance database (TALKSTRACKER_POSTGRES).</summary>
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("TALKSTRACKER_POSTGRES");
}

public sealed record PostgresCopy(string Database, long Rows, double Seconds, double AnalyzeSeconds);

public sealed record TargetResult(string Name, double Value, double Limit, string Comparison, string Unit, bool Met, string? Note);

public sealed class BenchmarkReport
{
    public required string Scale { get; init; }
    /// <summary>"SQLite 3.x" or "PostgreSQL 15.x": the engine every query and HTTP figure was measured on.</summary>
    public string Engine { get; set; } = "SQLite";
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    /// <summary>PostgreSQL runs: the copy of the generated SQLite database (the product's migrate-data path).</summary>
    public PostgresCopy? Copy { get; set; }
    public required DateTime StartedAt { get; init; }
    public required string Machine { get; init; }
    public required GeneratedData Data { get; init; }
    public List<QueryResult> Queries { get; } = [];
    public List<HttpResult> Http { get; } = [];
    public LiveResult? Live { get; set; }

    public OverviewAfterSaveResult? OverviewAfterSave { get; set; }
    public Dictionary<string, double> Memory { get; } = [];
    public Dictionary<string, double> HttpWarmUpSeconds { get; } = [];
    public List<TargetResult> Targets { get; } = [];
    public List<string> Errors { get; } = [];
    public double TotalSeconds { get; set; }
    public string DatabasePath { get; set; } = "";
    public Dictionary<string, long> Counts { get; } = [];
    /// <summary>/proc/loadavg at the start and the end: the machine is shared, so say how busy it was.</summary>
    public string LoadAtStart { get; set; } = "";
    public string LoadAtEnd { get; set; } = "";
}

/// <summary>Generates (or reuses) a database, measures the product's queries, extraction and HTTP, and writes the report.</summary>
public static class BenchmarkRunner
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, Action<string> log, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var scale = options.Scale;
        var folder = options.Db is null ? Directory.CreateTempSubdirectory("talkstracker-bench-").FullName : Path.GetDirectoryName(Path.GetFullPath(options.Db))!;
        Directory.CreateDirectory(folder);
        var dbPath = options.Db is null ? Path.Combine(folder, "talkstracker.db") : Path.GetFullPath(options.Db);
        var connectionString = $"Data Source={dbPath}";
        var data = new GeneratedData { Scale = scale };
        var report = new BenchmarkReport
        {
            Scale = scale.Name,
            StartedAt = TimeProvider.System.GetUtcNow().UtcDateTime, // when the run really happened, not a product date
            Machine = $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}, " +
                      $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GB available to .NET",
            Data = data,
            DatabasePath = dbPath,
            Provider = options.Provider,
        };

        report.LoadAtStart = Load();
        await using (var services = BuildServices(DatabaseProvider.Sqlite, connectionString))
        {
            var contexts = services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null, ct);
            var generator = new DataGenerator(scale);
            bool existing;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                existing = await db.Reports.AnyAsync(ct);
            }

            if (existing)
            {
                log($"Reusing {dbPath} (already holds reports): no generation, no import figures.");
                data.Reused = true;
                data.Mode = "reused";
            }
            else
            {
                log($"Generating scale {scale.Name} into {dbPath}");
                var watch = Stopwatch.StartNew();
                await generator.CreateCatalogAsync(contexts, write: true, ct);
                data.CatalogSeconds = watch.Elapsed.TotalSeconds;
                log($"  catalog in {data.CatalogSeconds:0.0} s");
                var bulk = scale.Bulk || options.Bulk;
                if (bulk)
                {
                    data.Mode = $"bulk (prepared raw inserts on one connection, {DataGenerator.BulkBatch:N0} reports per transaction, synchronous OFF and the written tables' " +
                                "secondary indexes dropped during the load, built again at the end; " +
                                (options.KeepSearchTriggers ? "FTS5 kept in sync by the product's triggers" : "FTS5 insert triggers off during the load, both indexes rebuilt once at the end") +
                                "; the product's per-meeting and per-agenda-item figures rebuilt; all inside the timing)";
                    await generator.ImportBulkAsync(connectionString, contexts, !options.KeepSearchTriggers, data, log, ct);
                }
                else
                {
                    data.Mode = "IntakeService.TakeInAsync (the product's import path, claims given; one report per call)";
                    await generator.ImportThroughIntakeAsync(services.GetRequiredService<IntakeService>(), data, log, ct);
                }

                log($"  imported {data.Reports:N0} reports, {data.Claims:N0} claims in {data.ImportSeconds:0.0} s: {data.ClaimsPerSecond:N0} claims/s" +
                    (data.ImportCpuSeconds > 0 ? $" ({data.ImportCpuSeconds:0.0} s of processor time: {data.ClaimsPerCpuSecond:N0} claims per processor-second)" : ""));
                watch.Restart();
                await generator.CompleteHistoryAsync(connectionString, backdate: !bulk, ct);
                if (!bulk)
                {
                    // Back-dating sets relaying sources with raw SQL, which the product's saves never see.
                    await using var db = await contexts.CreateDbContextAsync(ct);
                    await TalksTracker.Data.Derived.DerivedFigures.RebuildAllAsync(db, ct);
                }

                data.PostSeconds = watch.Elapsed.TotalSeconds;
                report.Errors.AddRange(data.Errors.Take(20));
                if (data.Errors.Count > 20)
                {
                    report.Errors.Add($"... and {data.Errors.Count - 20} more import errors");
                }

                await CheckQuotesAsync(generator, connectionString, report, ct);
            }
        }

        SqliteConnection.ClearAllPools();
        data.DatabaseBytes = new FileInfo(dbPath).Length;
        var measured = connectionString;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            measured = await CopyToPostgresAsync(options, connectionString, report, log, ct);
        }

        if (!options.SkipQueries)
        {
            await using var services = BuildServices(options.Provider, measured);
            await using DbConnection floor = options.Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(measured) : new SqliteConnection(measured);
            await floor.OpenAsync(ct);
            if (floor is SqliteConnection)
            {
                // The floor reads with the product's read settings, so the ratio compares queries, not settings.
                await using var mmap = floor.CreateCommand();
                mmap.CommandText = $"PRAGMA mmap_size = {SqlitePragmaInterceptor.DefaultMmapSize};";
                await mmap.ExecuteNonQueryAsync(ct);
            }

            report.Engine = options.Provider == DatabaseProvider.Postgres ? $"PostgreSQL {floor.ServerVersion}" : $"SQLite {floor.ServerVersion}";
            foreach (var table in new[] { "Reports", "Claims", "Meetings", "Tracks", "Sources", "Actors", "ClaimMeetings", "ClaimActors", "ClaimAgendaItems", "AgendaStatusChanges", "Positions", "PositionEvidence", "AuditEntries" })
            {
                report.Counts[table] = new Floor(floor).Scalar($"SELECT count(*) FROM {table}");
            }

            var iterations = options.MaxIterations ?? (scale == Scale.XS ? 5 : 200);
            // Time per query (product and floor each): S stays short enough for a one-minute run.
            var budget = options.QueryBudget ?? TimeSpan.FromSeconds(scale.Name switch { "XS" => 0.3, "S" => 0.4, "M" => 2, _ => 4 });
            // Warm-up until the compiler is quiet (tiered compilation), at most this long per query (product and floor each).
            var warmupLimit = TimeSpan.FromSeconds(scale.Name switch { "XS" => 0, "S" => 0.5, "M" => 3, _ => 5 });
            var harness = new Harness(warmup: scale == Scale.XS ? 1 : 5, iterations, budget, warmupLimit);
            var suite = new QuerySuite(services, floor, scale);
            foreach (var q in suite.Definitions().Where(q => options.QueryFilter is null || options.QueryFilter.Split('|').Any(f => q.Name.Contains(f, StringComparison.OrdinalIgnoreCase))))
            {
                try
                {
                    Func<int, Task<int>> service = async i => (await q.Service(i)).Length;
                    Stats serviceStats;
                    Stats? floorStats = null;
                    bool? same = null;
                    string? answer = null;
                    if (q.Floor is not { } floorCall)
                    {
                        (serviceStats, _) = await harness.MeasureAsync(service);
                    }
                    else
                    {
                        (serviceStats, floorStats) = await harness.MeasurePairAsync(service, i => Task.FromResult(floorCall(i).Length));
                        // The same answer: compared once, on the first sample.
                        var fromService = await q.Service(0);
                        var fromFloor = floorCall(0);
                        same = fromService == fromFloor;
                        answer = fromService.Length > 120 ? fromService[..120] + "…" : fromService;
                        if (same == false)
                        {
                            report.Errors.Add($"{q.Name}: the floor's answer differs from the product's ({Short(fromFloor)} vs {Short(fromService)})");
                        }
                    }

                    var result = new QueryResult
                    {
                        Name = q.Name, Group = q.Group, Description = q.Description, TargetP95Ms = q.TargetP95Ms,
                        Service = serviceStats, Floor = floorStats, SameAnswer = same, Answer = answer,
                    };
                    report.Queries.Add(result);
                    log($"  {q.Name,-38} p50 {serviceStats.P50,8:0.00} ms  p95 {serviceStats.P95,8:0.00} ms" +
                        (floorStats is null ? "" : $"  floor p50 {floorStats.P50,8:0.00} p95 {floorStats.P95,8:0.00}  ratio {result.Ratio,5:0.00}") + $"  n={serviceStats.Count}");
                }
                catch (Exception e)
                {
                    report.Errors.Add($"{q.Name}: {e.GetType().Name}: {e.Message}");
                    log($"  {q.Name}: FAILED {e.Message}");
                }
            }
        }

        SqliteConnection.ClearAllPools();
        if (!options.SkipHttp)
        {
            await RunHttpAsync(options, measured, report, log);
        }

        Evaluate(report, options);
        report.LoadAtEnd = Load();
        report.TotalSeconds = total.Elapsed.TotalSeconds;
        if (options.Out is { } outFolder)
        {
            ReportWriter.Write(report, outFolder);
            log($"Wrote the report into {outFolder} ({(options.Provider == DatabaseProvider.Postgres ? "benchmarks-postgres" : "benchmarks")}.md and .json)");
        }

        if (options.Db is null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left behind only if something still holds the file.
            }
        }

        return report;
    }

    private static void Record(BenchmarkReport report, string when, ServerMemory memory)
    {
        report.Memory[$"server_resident_{when}_mb"] = memory.ResidentMb;
        if (memory.OwnMb is { } own)
        {
            report.Memory[$"server_own_{when}_mb"] = own;
        }

        if (memory.MappedFileMb is { } mapped)
        {
            report.Memory[$"server_mapped_file_{when}_mb"] = mapped;
        }
    }

    /// <summary>A fresh API key for the bootstrap admin (made by the app on its first start), through the product's key service.</summary>
    private static async Task<TalksTracker.Data.Accounts.NewApiKey> AdminApiKeyAsync(DatabaseProvider provider, string connectionString)
    {
        await using var services = BuildServices(provider, connectionString);
        var contexts = services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();
        string adminId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var email = TalksTracker.Web.Accounts.AccountBootstrapper.DefaultAdminEmail.ToUpperInvariant();
            adminId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync()
                      ?? throw new InvalidOperationException($"No account {email} in the database; pass --api-key.");
        }

        var key = await services.GetRequiredService<TalksTracker.Data.Accounts.ApiKeyService>().CreateAsync(adminId, "benchmark load");
        return key.Value ?? throw new InvalidOperationException("Could not create an API key for the load.");
    }

    private static async Task RevokeAsync(DatabaseProvider provider, string connectionString, int keyId)
    {
        await using var services = BuildServices(provider, connectionString);
        var contexts = services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();
        await services.GetRequiredService<TalksTracker.Data.Accounts.ApiKeyService>().RevokeAsync(keyId, ownerId: null);
    }

    private static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString) =>
        new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddTalksTrackerData(_ => provider, _ => connectionString)
            .BuildServiceProvider();

    /// <summary>
    /// A fresh PostgreSQL database (talkstracker_bench_SCALE, dropped first if it exists) with the product's
    /// migrations, filled by the product's copier (what <c>migrate-data --to postgres</c> runs) from the
    /// generated SQLite database, checked by row counts, then analysed so the planner has statistics.
    /// </summary>
    private static async Task<string> CopyToPostgresAsync(BenchmarkOptions options, string sqlite, BenchmarkReport report, Action<string> log, CancellationToken ct)
    {
        var server = options.Postgres
                     ?? throw new InvalidOperationException("--provider postgres needs --postgres \"Host=...;Username=...\" or TALKSTRACKER_POSTGRES (`. tests/postgres.sh; talkstracker_postgres_start` starts a throwaway server).");
        var name = $"talkstracker_bench_{options.Scale.Name.ToLowerInvariant()}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(ct);
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        log($"Copying into PostgreSQL database {name}");
        await using var from = BuildServices(DatabaseProvider.Sqlite, sqlite);
        await using var to = BuildServices(DatabaseProvider.Postgres, target);
        await to.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null, ct);
        var watch = Stopwatch.StartNew();
        var copies = await new DatabaseCopier().CopyAsync(
            from.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>(), to.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>(),
            line => log("  " + line), ct);
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var copy in copies.Where(c => !c.Matches))
        {
            report.Errors.Add($"copy to PostgreSQL: {copy.Table} has {copy.Target} rows, the SQLite database {copy.Source}");
        }

        watch.Restart();
        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(ct);
        }

        report.Copy = new PostgresCopy(name, copies.Sum(c => (long)c.Target), seconds, watch.Elapsed.TotalSeconds);
        log($"  copied {report.Copy.Rows:N0} rows in {seconds:0.0} s ({report.Copy.Rows / Math.Max(seconds, 0.001):N0} rows/s); VACUUM ANALYZE {report.Copy.AnalyzeSeconds:0.0} s");
        NpgsqlConnection.ClearAllPools();
        return target;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Short(string s) => s.Length > 80 ? s[..80] + "…" : s;

    /// <summary>Every stored quote must be the planned sentence: the import kept the spans.</summary>
    private static async Task CheckQuotesAsync(DataGenerator generator, string connectionString, BenchmarkReport report, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var floor = new Floor(connection);
        var step = Math.Max(1, generator.Scale.Reports / 50);
        var wrong = 0;
        for (var i = 0; i < generator.Scale.Reports; i += step)
        {
            var plan = generator.PlanReport(i);
            var rows = floor.Rows("SELECT c.Quote FROM Claims c JOIN Reports r ON r.Id = c.ReportId WHERE r.Url = $u ORDER BY c.Start", ("$u", $"https://news.example/{i + 1}"));
            var expected = plan.Claims.Select(c => plan.Text[c.Start..c.End]).ToList();
            if (rows.Count != expected.Count || rows.Select(r => (string)r[0]!).Where((q, k) => q != expected[k]).Any())
            {
                wrong++;
            }
        }

        if (wrong > 0)
        {
            report.Errors.Add($"{wrong} sampled reports have claims whose stored quote is not the planned sentence");
        }
    }

    private const int LiveSaves = 20;
    private const int OverviewSaves = 20;

    private static async Task RunHttpAsync(BenchmarkOptions options, string connectionString, BenchmarkReport report, Action<string> log)
    {
        var scale = options.Scale;
        var perPath = options.HttpRequestsPerPath ?? scale.Name switch { "XS" => 100, "S" => 300, _ => 2_000 };
        var budget = TimeSpan.FromSeconds(scale.Name switch { "XS" or "S" => 8, _ => 60 });
        try
        {
            await using var server = await ServerProcess.StartAsync(connectionString, options.Provider);
            var address = server.Address;
            log($"HTTP: the web app in its own process ({server.Id}) at {address}, {options.HttpClients} concurrent clients, up to {perPath} requests per path within {budget.TotalSeconds:0} s");
            var before = server.Memory();
            Record(report, "before_load", before);
            // Without a key given, the load signs in as the admin the app creates on first start, with a key made for
            // this run and revoked after it (a reused database keeps no live admin key from a benchmark).
            var madeKey = options.ApiKey is null ? await AdminApiKeyAsync(options.Provider, connectionString) : null;
            var apiKey = options.ApiKey ?? madeKey!.Key;
            var load = new HttpLoad(address, apiKey, options.HttpClients, perPath, budget, server.ProcessorSeconds, server.CompilerSeconds);
            try
            {
                report.Http.AddRange(await load.RunAsync([.. options.HttpPaths, .. options.HttpFloors.Keys]));
                foreach (var h in report.Http)
                {
                    h.Floor = options.HttpFloors.GetValueOrDefault(h.Path);
                }
            }
            finally
            {
                if (madeKey is not null)
                {
                    await RevokeAsync(options.Provider, connectionString, madeKey.Id);
                }
            }

            foreach (var (path, seconds) in load.WarmUpSeconds)
            {
                report.HttpWarmUpSeconds[path] = seconds;
                log($"  warm-up of {path}: {seconds:0} s under load");
            }

            foreach (var (path, (count, samples)) in load.WarmUpErrors.Where(e => e.Value.Count > 0))
            {
                report.Errors.Add($"HTTP {path}: {count} errors before the measured run ({string.Join("; ", samples)})");
            }
            var after = server.Memory();
            Record(report, "after_load", after);
            if (options.HttpLive)
            {
                // After the load and its memory figures: the saves add meetings, which the pages above did not read.
                var liveKey = options.ApiKey is null ? await AdminApiKeyAsync(options.Provider, connectionString) : null;
                try
                {
                    report.Live = await new LiveLoad(address, options.ApiKey ?? liveKey!.Key, options.HttpClients, LiveSaves).RunAsync();
                    log($"  live: {report.Live.Streams} streams, {report.Live.Saves} saves: save to event p50 {report.Live.Latency.P50:0.0} ms, p95 {report.Live.Latency.P95:0.0} ms, max {report.Live.Latency.Max:0.0} ms, {report.Live.Missed} missed");
                    report.Errors.AddRange(report.Live.Errors.Select(e => $"live: {e}"));
                    var front = report.OverviewAfterSave = await new OverviewAfterSave(address, options.ApiKey ?? liveKey!.Key, OverviewSaves).RunAsync();
                    log($"  overview after a save, one reader: at once p50 {front.Immediately.P50:0.0} ms, p95 {front.Immediately.P95:0.0} ms; a second later p50 {front.SecondLater.P50:0.0} ms, p95 {front.SecondLater.P95:0.0} ms");
                    report.Errors.AddRange(front.Errors.Select(e => $"overview after a save: {e}"));
                }
                finally
                {
                    if (liveKey is not null)
                    {
                        await RevokeAsync(options.Provider, connectionString, liveKey.Id);
                    }
                }
            }

            report.Memory["server_peak_resident_mb"] = after.PeakResidentMb;
            log($"  server memory: resident {before.ResidentMb:0} MB before the load, {after.ResidentMb:0} MB after ({after.OwnMb:0} MB its own, {after.MappedFileMb:0} MB file-backed: libraries and, on SQLite, mapped database pages), {after.PeakResidentMb:0} MB at peak");
            var client = Process.GetCurrentProcess();
            report.Memory["load_generator_peak_working_set_mb"] = client.PeakWorkingSet64 / 1048576.0;
            foreach (var h in report.Http)
            {
                log($"  GET {h.Path,-14} p50 {h.Latency.P50,8:0.0} ms  p95 {h.Latency.P95,8:0.0} ms  max {h.Latency.Max,8:0.0}  {h.RequestsPerSecond,6:0} req/s  server CPU {h.ServerCpuMsPerRequest,5:0.0} ms/request  client CPU {h.ClientCpuMsPerRequest,5:0.0} ms/request  {h.BytesPerResponse / 1024,6:0} KB/response  {h.Requests} requests, {h.Errors} errors");
                if (h.Errors > 0)
                {
                    report.Errors.Add($"HTTP {h.Path}: {h.Errors} errors ({string.Join("; ", h.ErrorSamples)})");
                }
            }
        }
        catch (Exception e)
        {
            report.Errors.Add($"HTTP load: {e.GetType().Name}: {e.Message}");
            log($"HTTP load FAILED: {e}");
        }
    }

    private static void Evaluate(BenchmarkReport report, BenchmarkOptions options)
    {
        var scale = options.Scale;
        foreach (var q in report.Queries)
        {
            if (q.TargetP95Ms is { } limit)
            {
                report.Targets.Add(new TargetResult($"{q.Name} p95", q.Service.P95, limit, "≤", "ms", q.Service.P95 <= limit, null));
            }
        }

        foreach (var q in report.Queries.Where(q => q.Ratio is not null))
        {
            report.Targets.Add(new TargetResult($"{q.Name} ratio to floor (p50)", q.Ratio!.Value, 1.5, "≤", "×", q.Ratio <= 1.5, null));
        }

        var data = report.Data;
        if (!data.Reused)
        {
            var bulk = scale.Bulk || options.Bulk;
            report.Targets.Add(new TargetResult(bulk ? "bulk import throughput" : "import throughput (intake path; the 20k/s target is for bulk mode)",
                data.ClaimsPerSecond, 20_000, "≥", "claims/s", data.ClaimsPerSecond >= 20_000, bulk ? null : "intake path, not the bulk mode the target is set for"));
        }

        foreach (var h in report.Http.Where(h => h.Floor is null))
        {
            report.Targets.Add(new TargetResult($"HTTP GET {h.Path} p95 at {options.HttpClients} clients", h.Latency.P95, 100, "≤", "ms", h.Latency.P95 <= 100 && h.Errors == 0,
                h.Errors == 0 ? null : $"{h.Errors} errors"));
        }

        if (report.Live is { } live)
        {
            report.Targets.Add(new TargetResult($"live: a save told to {live.Streams} open pages, p95", live.Latency.P95, 1_000, "≤", "ms",
                live.Latency.P95 <= 1_000 && live.Missed == 0, live.Missed == 0 ? null : $"{live.Missed} of {live.Saves * live.Streams} never told"));
        }

        if (report.OverviewAfterSave is { } front)
        {
            report.Targets.Add(new TargetResult("overview for one reader a second after a save, p95", front.SecondLater.P95, 50, "≤", "ms", front.SecondLater.P95 <= 50, null));
        }
    }
}
