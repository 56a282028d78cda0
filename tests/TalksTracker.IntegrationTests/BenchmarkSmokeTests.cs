using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Benchmarks;
using TalksTracker.Data;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The scale benchmark at its smallest: generation through the intake, every measured query with its
/// floor (same answer), extraction and the HTTP load on Kestrel must run without errors. No timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_benchmark_runs_end_to_end_without_errors()
    {
        var report = await BenchmarkRunner.RunAsync(
            new BenchmarkOptions { Scale = Scale.XS, HttpClients = 10, HttpRequestsPerPath = 40, QueryBudget = TimeSpan.FromMilliseconds(100), MaxIterations = 3 },
            _ => { },
            TestContext.Current.CancellationToken);

        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors));
        Assert.Equal(Scale.XS.Claims, report.Data.Claims);
        Assert.All(report.Queries, q => Assert.NotEqual(false, q.SameAnswer));
        Assert.Equal([.. BenchmarkOptions.DefaultHttpPaths, .. BenchmarkOptions.DefaultHttpFloors.Keys], report.Http.Select(h => h.Path));
        Assert.All(report.Http, h => Assert.True(h.Requests > 0));
        Assert.Equal(BenchmarkOptions.DefaultHttpPaths.Count, report.Targets.Count(t => t.Name.StartsWith("HTTP", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_benchmark_runs_end_to_end_on_PostgreSQL_without_errors()
    {
        PostgresServer.SkipUnlessAvailable();
        // Generated in SQLite, copied by the product's migrate-data copier into talkstracker_bench_xs on the test server,
        // then every query, floor and the HTTP load (the app in its own process) run on PostgreSQL.
        var report = await BenchmarkRunner.RunAsync(
            new BenchmarkOptions
            {
                Scale = Scale.XS, Provider = DatabaseProvider.Postgres, Postgres = PostgresServer.AdminConnectionString,
                HttpClients = 10, HttpRequestsPerPath = 40, QueryBudget = TimeSpan.FromMilliseconds(100), MaxIterations = 3,
            },
            _ => { },
            TestContext.Current.CancellationToken);

        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors));
        Assert.StartsWith("PostgreSQL", report.Engine);
        Assert.NotNull(report.Copy);
        Assert.All(report.Queries, q => Assert.NotEqual(false, q.SameAnswer));
        Assert.Equal([.. BenchmarkOptions.DefaultHttpPaths, .. BenchmarkOptions.DefaultHttpFloors.Keys], report.Http.Select(h => h.Path));
        Assert.All(report.Http, h => Assert.True(h.Requests > 0));
        Assert.Equal(BenchmarkOptions.DefaultHttpPaths.Count, report.Targets.Count(t => t.Name.StartsWith("HTTP", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_bulk_load_leaves_the_schema_and_the_figures_the_product_keeps()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("talkstracker-bulk-").FullName;
        try
        {
            var path = Path.Combine(folder, "talkstracker.db");
            var report = await BenchmarkRunner.RunAsync(
                new BenchmarkOptions { Scale = Scale.XS, Bulk = true, SkipHttp = true, Db = path, QueryBudget = TimeSpan.FromMilliseconds(100), MaxIterations = 3 },
                _ => { },
                ct);

            Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors));
            Assert.Equal(Scale.XS.Claims, report.Data.Claims);
            var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
            options.UseTalksTrackerDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
            await using var db = new TalksTrackerDbContext(options.Options);
            // The per-meeting and per-agenda-item figures equal what the claims say, as after the product's own saves.
            Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, ct));
            // Every index the model declares is back after the load dropped them.
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index'").ToListAsync(ct);
            Assert.All(db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => i.GetDatabaseName()!), name => Assert.Contains(name, indexes));
            // FTS5 raises an error here when an index and its content table disagree.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ClaimSearch(ClaimSearch) VALUES ('integrity-check');", ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ReportSearch(ReportSearch) VALUES ('integrity-check');", ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
