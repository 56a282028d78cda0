using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Seeding;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Seeding;

public abstract class SeederTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_start_loads_the_seed_article_as_a_track_meeting_report_and_claims()
    {
        await using var db = database.NewContext();

        var report = await db.Reports.SingleAsync(Ct);
        Assert.Equal("Under Russian auspices and US approval: Unannounced security talks between Syria and Israel", report.Title);
        Assert.Null(report.Outlet);
        Assert.Null(report.PublishedOn);
        Assert.Equal(18, await db.Claims.CountAsync(Ct));
        Assert.Equal("Syria–Israel security track", (await db.Tracks.SingleAsync(Ct)).Name);
        var meeting = await db.Meetings.Include(m => m.Venue).SingleAsync(Ct);
        Assert.Equal("Baku", meeting.Venue!.Name);
        Assert.Equal(DatePrecision.ApproximateRange, meeting.Date.Precision);
        Assert.Equal(MeetingFormat.Indirect, meeting.Format);
        Assert.Equal(MeetingStatus.Reported, meeting.Status);
    }

    [Fact]
    public async Task Every_seeded_claim_span_slices_its_quote_out_of_the_report_text()
    {
        await using var db = database.NewContext();
        var text = await db.Reports.Select(r => r.Text).SingleAsync(Ct);

        foreach (var claim in await db.Claims.ToListAsync(Ct))
        {
            Assert.Equal(claim.Quote, text[claim.Start..claim.End]);
        }
    }

    [Fact]
    public async Task Aliases_and_attribution_follow_the_annotation()
    {
        await using var db = database.NewContext();

        var russia = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Name == "Russia", Ct);
        Assert.Contains(russia.Aliases, a => a.Alias == "Moscow");
        var redeployment = await db.Claims.Include(c => c.Source).Include(c => c.ViaSource)
            .SingleAsync(c => c.Quote.StartsWith("According to the same source, Russia has proposed"), Ct);
        Assert.Equal("a senior Israeli security source", redeployment.Source!.Name);
        Assert.Equal("Israeli media", redeployment.ViaSource!.Name);
        var syria = await db.TrackParticipants.SingleAsync(p => p.Actor!.Name == "Syria", Ct);
        Assert.Equal(Acknowledgement.Unacknowledged, syria.Acknowledgement);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var outcomes = await database.Get<Seeder>().SeedAsync(Seeder.DefaultFolder, Ct);

        Assert.All(outcomes, o => Assert.False(o.Loaded));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Reports.CountAsync(Ct));
        Assert.Equal(18, await db.Claims.CountAsync(Ct));
        Assert.Equal(1, await db.Meetings.CountAsync(Ct));
    }
}

public abstract class BrokenSeedTests(SeededDatabase database)
{
    [Fact]
    public async Task A_seed_whose_quote_is_not_in_the_text_is_refused_and_leaves_nothing_behind()
    {
        var folder = Directory.CreateTempSubdirectory("broken-seed-").FullName;
        try
        {
            File.Copy(Path.Combine(Seeder.DefaultFolder, "seed-article.txt"), Path.Combine(folder, "seed-article.txt"));
            var json = await File.ReadAllTextAsync(Path.Combine(Seeder.DefaultFolder, "seed-article.json"), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "seed-article.json"),
                json.Replace("Moscow is playing a central role", "Moscow is playing no role"), TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<SeedException>(() => database.Get<Seeder>().SeedAsync(folder, TestContext.Current.CancellationToken));

            Assert.Contains("s2", error.Message);
            await using var db = database.NewContext();
            Assert.Equal(0, await db.Reports.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Actors.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SeederTestsOnSqlite(SeededDatabase database) : SeederTests(database), IClassFixture<SeededDatabase>;

public sealed class SeederTestsOnPostgres(PostgresSeededDatabase database) : SeederTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

public sealed class BrokenSeedTestsOnSqlite(EmptyDatabase database) : BrokenSeedTests(database), IClassFixture<EmptyDatabase>;

public sealed class BrokenSeedTestsOnPostgres(PostgresEmptyDatabase database) : BrokenSeedTests(database.OrSkip()), IClassFixture<PostgresEmptyDatabase>;
