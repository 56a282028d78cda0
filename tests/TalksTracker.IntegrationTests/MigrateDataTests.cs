using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Cli;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>`migrate-data --to postgres`: a used SQLite database (seed, accounts, API keys, an intake with proposals, audit) into an empty PostgreSQL one.</summary>
public sealed class MigrateDataTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TalksTrackerAppFactory _app = new WithoutAlertPasses();

    /// <summary>
    /// The source app with its alert worker off: a pass moves the alert cursor, and a write to the source between the
    /// copy and the comparison would read as a difference (migrate-data is run with the app stopped, deploy.md).
    /// </summary>
    private sealed class WithoutAlertPasses : TalksTrackerAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Alerts:PassSeconds"] = "0" };
    }
    private string _target = "";

    public async ValueTask InitializeAsync()
    {
        PostgresServer.SkipUnlessAvailable();
        _target = await PostgresServer.CreateDatabaseAsync("talkstracker_copy");
        var created = await _app.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/reports",
            new { text = "Envoys meet in Muscat\nAccording to a Gulf official, envoys met in Muscat on Monday. The talks are said to continue.", outlet = "Gulf Times" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_target.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(_target);
        }
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, stdout, stderr, new Dictionary<string, string?>
        {
            ["ConnectionStrings:TalksTracker"] = $"Data Source={_app.DatabasePath};Pooling=False",
        });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private TalksTrackerDbContext Target()
    {
        var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
        options.UseTalksTrackerDatabase(DatabaseProvider.Postgres, _target).UseProductClock(TestClock.NewFake());
        return new TalksTrackerDbContext(options.Options);
    }

    private TalksTrackerDbContext Source()
    {
        var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
        options.UseTalksTrackerDatabase(DatabaseProvider.Sqlite, $"Data Source={_app.DatabasePath};Pooling=False").UseProductClock(TestClock.NewFake());
        return new TalksTrackerDbContext(options.Options);
    }

    [Fact]
    public async Task The_demo_accounts_are_not_carried_into_the_target_unless_asked()
    {
        var refused = await Run("migrate-data", "--to", "postgres", "--connection", _target);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("admin@demo.local", refused.Err);
        Assert.Contains("--with-demo-accounts", refused.Err);
        await using var target = Target();
        Assert.Empty(await target.Database.GetAppliedMigrationsAsync(Ct)); // untouched: not even the schema
    }

    [Fact]
    public async Task Everything_is_copied_counts_match_ids_continue_and_a_second_copy_is_refused()
    {
        var result = await Run("migrate-data", "--to", "postgres", "--connection", _target, "--with-demo-accounts");

        Assert.True(result.Exit == 0, result.Err + result.Out);
        Assert.Contains("counts match", result.Out);
        Assert.Contains("Spot checks passed", result.Out);
        await using (var source = Source())
        await using (var target = Target())
        {
            Assert.True(await source.Users.CountAsync(Ct) >= 4); // the demo accounts
            Assert.Equal(await source.Users.CountAsync(Ct), await target.Users.CountAsync(Ct));
            Assert.Equal(await source.UserRoles.CountAsync(Ct), await target.UserRoles.CountAsync(Ct));
            Assert.Equal(await source.ApiKeys.CountAsync(Ct), await target.ApiKeys.CountAsync(Ct));
            Assert.NotEqual(0, await target.ClaimProposals.CountAsync(Ct));
            Assert.Equal(await source.AuditEntries.CountAsync(Ct), await target.AuditEntries.CountAsync(Ct)); // moved, not added to
            Assert.Equal(await source.Claims.CountAsync(Ct), await target.Claims.CountAsync(Ct));
            var quote = await source.Claims.OrderBy(c => c.Id).Select(c => new { c.Id, c.Quote, c.Version, c.RecordedAt }).FirstAsync(Ct);
            var copied = await target.Claims.SingleAsync(c => c.Id == quote.Id, Ct);
            Assert.Equal((quote.Quote, quote.Version), (copied.Quote, copied.Version));
            Assert.Equal(DateTimeKind.Utc, copied.RecordedAt.Kind);

            // Ids continue after the copied ones: the sequences were moved past them.
            var venue = new Venue { Name = "Muscat (after the copy)" };
            target.Venues.Add(venue);
            await target.SaveChangesAsync(Ct);
            Assert.True(venue.Id > await source.Venues.MaxAsync(v => v.Id, Ct));
        }

        var again = await Run("migrate-data", "--to", "postgres", "--connection", _target, "--with-demo-accounts");
        Assert.Equal(1, again.Exit);
        Assert.Contains("not empty", again.Err);
    }

    [Fact]
    public async Task Tables_larger_than_a_batch_are_copied_whole_across_batch_boundaries()
    {
        // More than one 2,000-row batch in a table with a single integer key (actors) and in one with a
        // two-column key (claim–actor links), so the copy pages by key across several batches.
        await using (var source = Source())
        {
            await source.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
                INSERT INTO Actors (Name, Kind, Version) SELECT 'Bulk actor ' || i, 'State', lower(hex(randomblob(16))) FROM n
                """, Ct);
            await source.Database.ExecuteSqlRawAsync("""
                INSERT OR IGNORE INTO ClaimActors (ClaimId, ActorId)
                SELECT c.Id, a.Id FROM Claims c CROSS JOIN (SELECT Id FROM Actors WHERE Name LIKE 'Bulk actor %' AND Id % 5 = 0) a
                """, Ct);
        }

        var result = await Run("migrate-data", "--to", "postgres", "--connection", _target, "--with-demo-accounts");

        Assert.True(result.Exit == 0, result.Err + result.Out);
        await using (var source = Source())
        await using (var target = Target())
        {
            var links = await source.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM ClaimActors").SingleAsync(Ct);
            Assert.True(links > 4_000, $"{links} links: not enough to span batches");
            Assert.Equal(links, await target.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"ClaimActors\"").SingleAsync(Ct));
            Assert.Equal(
                await source.Actors.OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Name).ToListAsync(Ct),
                await target.Actors.OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Name).ToListAsync(Ct));
            var sourcePairs = await source.Database.SqlQueryRaw<string>("SELECT ClaimId || '-' || ActorId AS \"Value\" FROM ClaimActors ORDER BY ClaimId, ActorId").ToListAsync(Ct);
            var targetPairs = await target.Database.SqlQueryRaw<string>("SELECT \"ClaimId\" || '-' || \"ActorId\" AS \"Value\" FROM \"ClaimActors\" ORDER BY \"ClaimId\", \"ActorId\"").ToListAsync(Ct);
            Assert.Equal(sourcePairs, targetPairs);
        }
    }

    [Theory]
    [InlineData("--to", "sqlite", "--connection", "Host=x")]
    [InlineData("--to", "postgres")]
    [InlineData("--connection", "Host=x")]
    public async Task Wrong_options_are_usage_errors(params string[] args)
    {
        var result = await Run(["migrate-data", .. args]);

        Assert.Equal(2, result.Exit);
    }
}
