using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TalksTracker.Data.Derived;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Meetings;

/// <summary>The per-meeting figures the timeline filters on stay equal to what the claims say, through every kind of change.</summary>
public abstract class DerivedFiguresTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertFiguresMatchClaimsAsync()
    {
        await using var db = database.NewContext();
        Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
    }

    private async Task<MeetingClaimFacts?> FactsAsync(int meetingId)
    {
        await using var db = database.NewContext();
        return await db.MeetingClaimFacts.AsNoTracking().SingleOrDefaultAsync(f => f.MeetingId == meetingId, Ct);
    }

    private async Task<(int Meeting, int Report, int Actor, int AgendaItem, int SourceA, int SourceE)> ArrangeAsync()
    {
        await using var db = database.NewContext();
        var track = await db.Tracks.OrderBy(t => t.Id).FirstAsync(Ct);
        var meeting = new Meeting { TrackId = track.Id, Title = "Figures check round", Date = FuzzyDate.Exact(new DateOnly(2026, 3, 4)) };
        var sourceA = new Source { Name = "figures check source A", Kind = SourceKind.NamedOfficial, Reliability = Reliability.A };
        var sourceE = new Source { Name = "figures check source E", Kind = SourceKind.Analyst, Reliability = Reliability.E };
        db.AddRange(meeting, sourceA, sourceE);
        await db.SaveChangesAsync(Ct);
        var report = await db.Reports.OrderBy(r => r.Id).FirstAsync(Ct);
        var actor = await db.Actors.OrderBy(a => a.Id).FirstAsync(Ct);
        var item = await db.AgendaItems.OrderBy(a => a.Id).FirstAsync(Ct);
        return (meeting.Id, report.Id, actor.Id, item.Id, sourceA.Id, sourceE.Id);
    }

    [Fact]
    public async Task The_seeded_database_has_figures_that_match_its_claims()
    {
        await AssertFiguresMatchClaimsAsync();
        await using var db = database.NewContext();
        Assert.True(await db.MeetingClaimFacts.AnyAsync(Ct));
    }

    [Fact]
    public async Task Figures_follow_a_claim_through_create_update_regrade_and_delete()
    {
        var (meetingId, reportId, actorId, itemId, sourceA, sourceE) = await ArrangeAsync();
        Guid meetingVersion;
        await using (var db = database.NewContext())
        {
            meetingVersion = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct);
        }

        // Created through the product's path, with links to the meeting, an actor and an agenda item.
        var recorded = await database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 10, sourceA, Stance.Asserts, 2, MeetingIds: [meetingId], AgendaItemIds: [itemId], ActorIds: [actorId]), Ct);
        Assert.True(recorded.Succeeded);
        var claimId = recorded.Value;
        Assert.Equal((1, Reliability.A, 1), await SummaryAsync(meetingId));
        await AssertFiguresMatchClaimsAsync();
        await using (var db = database.NewContext())
        {
            Assert.True(await db.MeetingMentions.AnyAsync(m => m.MeetingId == meetingId && m.ActorId == actorId, Ct));
            Assert.True(await db.MeetingClaimAgendaItems.AnyAsync(m => m.MeetingId == meetingId && m.AgendaItemId == itemId, Ct));
            // The figures live beside the meeting: an editor's copy of the meeting is not made stale by new claims.
            Assert.Equal(meetingVersion, await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct));
        }

        // A second claim, then the first is given another source.
        var denial = await database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 10, 20, sourceE, Stance.Denies, 4, MeetingIds: [meetingId], AgendaItemIds: [itemId]), Ct);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.AgendaItemDenials.AnyAsync(d => d.ClaimId == denial.Value && d.AgendaItemId == itemId, Ct));
        }

        await using (var db = database.NewContext())
        {
            (await db.Claims.SingleAsync(c => c.Id == claimId, Ct)).SourceId = sourceE;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((2, Reliability.E, 1), await SummaryAsync(meetingId));
        await AssertFiguresMatchClaimsAsync();

        // The source is regraded.
        await using (var db = database.NewContext())
        {
            (await db.Sources.SingleAsync(s => s.Id == sourceE, Ct)).Reliability = Reliability.B;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(Reliability.B, (await FactsAsync(meetingId))!.BestReliability);
        await AssertFiguresMatchClaimsAsync();

        // The denial becomes an assertion, then a denial again, and its report's date changes.
        await using (var db = database.NewContext())
        {
            (await db.Claims.SingleAsync(c => c.Id == denial.Value, Ct)).Stance = Stance.Asserts;
            await db.SaveChangesAsync(Ct);
            Assert.False(await db.AgendaItemDenials.AnyAsync(d => d.ClaimId == denial.Value, Ct));
            (await db.Claims.SingleAsync(c => c.Id == denial.Value, Ct)).Stance = Stance.Denies;
            (await db.Reports.SingleAsync(r => r.Id == reportId, Ct)).PublishedOn = new DateOnly(2026, 5, 6);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(new DateOnly(2026, 5, 6), await db.AgendaItemDenials.Where(d => d.ClaimId == denial.Value).Select(d => d.Date).SingleAsync(Ct));
        }

        await AssertFiguresMatchClaimsAsync();

        // The actor and agenda links are taken off; then the claim is deleted.
        await using (var db = database.NewContext())
        {
            db.ClaimActors.RemoveRange(db.ClaimActors.Where(a => a.ClaimId == claimId));
            db.ClaimAgendaItems.RemoveRange(db.ClaimAgendaItems.Where(a => a.ClaimId == claimId));
            await db.SaveChangesAsync(Ct);
            Assert.False(await db.MeetingMentions.AnyAsync(m => m.MeetingId == meetingId, Ct));
            // The denial still names the agenda item.
            Assert.True(await db.MeetingClaimAgendaItems.AnyAsync(m => m.MeetingId == meetingId && m.AgendaItemId == itemId, Ct));
        }

        await AssertFiguresMatchClaimsAsync();

        await using (var db = database.NewContext())
        {
            db.Claims.Remove(await db.Claims.SingleAsync(c => c.Id == claimId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, (await FactsAsync(meetingId))!.Claims);
        await AssertFiguresMatchClaimsAsync();
    }

    [Fact]
    public async Task A_tracks_claim_count_counts_each_claim_once_through_link_changes_moves_and_deletes()
    {
        var (_, reportId, _, _, sourceA, _) = await ArrangeAsync();
        int first, second, firstA, firstB, secondA;
        await using (var db = database.NewContext())
        {
            var tracks = new[] { new Track { Name = "Track count check one" }, new Track { Name = "Track count check two" } };
            var meetings = new[]
            {
                new Meeting { Track = tracks[0], Title = "Count check 1a", Date = FuzzyDate.Exact(new DateOnly(2026, 4, 1)) },
                new Meeting { Track = tracks[0], Title = "Count check 1b", Date = FuzzyDate.Exact(new DateOnly(2026, 4, 2)) },
                new Meeting { Track = tracks[1], Title = "Count check 2a", Date = FuzzyDate.Exact(new DateOnly(2026, 4, 3)) },
            };
            db.AddRange(meetings);
            await db.SaveChangesAsync(Ct);
            (first, second) = (tracks[0].Id, tracks[1].Id);
            (firstA, firstB, secondA) = (meetings[0].Id, meetings[1].Id, meetings[2].Id);
        }

        Assert.Equal((0, 0), await ClaimCountsAsync(first, second));

        // One claim about both meetings of the first track counts once for it.
        var claim = await database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 12, sourceA, Stance.Asserts, 2, MeetingIds: [firstA, firstB]), Ct);
        Assert.True(claim.Succeeded);
        Assert.Equal((1, 0), await ClaimCountsAsync(first, second));

        // Linked to the second track's meeting too; then one of its two links to the first track is taken off.
        await using (var db = database.NewContext())
        {
            db.ClaimMeetings.Add(new ClaimMeeting { ClaimId = claim.Value, MeetingId = secondA });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((1, 1), await ClaimCountsAsync(first, second));
        await using (var db = database.NewContext())
        {
            db.ClaimMeetings.Remove(await db.ClaimMeetings.SingleAsync(cm => cm.ClaimId == claim.Value && cm.MeetingId == firstA, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((1, 1), await ClaimCountsAsync(first, second));
        await AssertFiguresMatchClaimsAsync();

        // The meeting that still links it to the first track moves to the second, which already counts the claim.
        await using (var db = database.NewContext())
        {
            (await db.Meetings.SingleAsync(m => m.Id == firstB, Ct)).TrackId = second;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((0, 1), await ClaimCountsAsync(first, second));

        // A second claim about the moved meeting, saved synchronously (as framework code may), then the first claim is deleted.
        await using (var db = database.NewContext())
        {
            var another = new Claim { ReportId = reportId, Start = 12, End = 20, Quote = "count check", Stance = Stance.Asserts };
            another.Meetings.Add(new ClaimMeeting { MeetingId = firstB });
            db.Claims.Add(another);
            db.SaveChanges();
        }

        Assert.Equal((0, 2), await ClaimCountsAsync(first, second));
        await using (var db = database.NewContext())
        {
            db.Claims.Remove(await db.Claims.SingleAsync(c => c.Id == claim.Value, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((0, 1), await ClaimCountsAsync(first, second));
        await AssertFiguresMatchClaimsAsync();
    }

    [Fact]
    public async Task A_tracks_claim_count_counts_claims_about_its_agenda_items_through_links_moves_and_deletes()
    {
        var (_, reportId, _, _, sourceA, _) = await ArrangeAsync();
        int first, second, meeting, itemA, itemB;
        await using (var db = database.NewContext())
        {
            var tracks = new[] { new Track { Name = "Agenda count check one" }, new Track { Name = "Agenda count check two" } };
            var round = new Meeting { Track = tracks[0], Title = "Agenda count check round", Date = FuzzyDate.Exact(new DateOnly(2026, 4, 5)) };
            var items = new[] { new AgendaItem { Track = tracks[0], Title = "Agenda count check A" }, new AgendaItem { Track = tracks[0], Title = "Agenda count check B" } };
            db.AddRange(tracks);
            db.Add(round);
            db.AddRange(items);
            await db.SaveChangesAsync(Ct);
            (first, second, meeting, itemA, itemB) = (tracks[0].Id, tracks[1].Id, round.Id, items[0].Id, items[1].Id);
        }

        // A claim about an agenda item and no meeting counts for the item's track.
        var claim = await database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 12, sourceA, Stance.Asserts, 2, AgendaItemIds: [itemA]), Ct);
        Assert.True(claim.Succeeded);
        Assert.Equal((1, 0), await ClaimCountsAsync(first, second));

        // Also about the track's meeting and its other item: still one claim for the track.
        await using (var db = database.NewContext())
        {
            db.ClaimMeetings.Add(new ClaimMeeting { ClaimId = claim.Value, MeetingId = meeting });
            db.ClaimAgendaItems.Add(new ClaimAgendaItem { ClaimId = claim.Value, AgendaItemId = itemB });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((1, 0), await ClaimCountsAsync(first, second));
        await AssertFiguresMatchClaimsAsync();

        // The second item moves to the other track, taking the claim's link with it.
        await using (var db = database.NewContext())
        {
            (await db.AgendaItems.SingleAsync(a => a.Id == itemB, Ct)).TrackId = second;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((1, 1), await ClaimCountsAsync(first, second));

        // Its links to the first track's meeting and item are taken off: it is about the second track only.
        await using (var db = database.NewContext())
        {
            db.ClaimMeetings.Remove(await db.ClaimMeetings.SingleAsync(cm => cm.ClaimId == claim.Value && cm.MeetingId == meeting, Ct));
            db.ClaimAgendaItems.Remove(await db.ClaimAgendaItems.SingleAsync(ca => ca.ClaimId == claim.Value && ca.AgendaItemId == itemA, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((0, 1), await ClaimCountsAsync(first, second));

        // The item is deleted, and its links with it.
        await using (var db = database.NewContext())
        {
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(a => a.Id == itemB, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal((0, 0), await ClaimCountsAsync(first, second));
        await AssertFiguresMatchClaimsAsync();
    }

    /// <summary>The two tracks' claim counts as the tracks list shows them.</summary>
    private async Task<(int First, int Second)> ClaimCountsAsync(int first, int second)
    {
        var tracks = await database.Get<TrackService>().ListAsync(Ct);
        return (tracks.Single(t => t.Id == first).ClaimCount, tracks.Single(t => t.Id == second).ClaimCount);
    }

    [Fact]
    public async Task Origins_follow_relays_and_outlets()
    {
        var (meetingId, _, _, _, sourceA, sourceE) = await ArrangeAsync();
        int reportId;
        await using (var db = database.NewContext())
        {
            var report = new Report { Title = "Figures relay check", Text = "One said this. Two said that.", ContentHash = "figures-relay-check", Outlet = "Relay Daily" };
            db.Reports.Add(report);
            await db.SaveChangesAsync(Ct);
            reportId = report.Id;
        }

        var provenance = database.Get<ClaimService>();
        var first = await provenance.RecordClaimAsync(new NewClaim(reportId, 0, 13, sourceA, Stance.Asserts, 2, MeetingIds: [meetingId]), Ct);
        await provenance.RecordClaimAsync(new NewClaim(reportId, 14, 28, sourceE, Stance.Asserts, 3, MeetingIds: [meetingId]), Ct);
        Assert.Equal(2, (await FactsAsync(meetingId))!.IndependentOrigins);

        // Source A now speaks through source E in that report: one origin.
        await using (var db = database.NewContext())
        {
            (await db.Claims.SingleAsync(c => c.Id == first.Value, Ct)).ViaSourceId = sourceE;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, (await FactsAsync(meetingId))!.IndependentOrigins);
        await AssertFiguresMatchClaimsAsync();

        // The outlet's own voice counts where a report cites no source; renaming the outlet is followed too.
        await provenance.RecordClaimAsync(new NewClaim(await OtherReportAsync(), 0, 5, null, Stance.Hedged, 5, MeetingIds: [meetingId]), Ct);
        await using (var db = database.NewContext())
        {
            (await db.Reports.SingleAsync(r => r.Id == reportId, Ct)).Outlet = "Renamed Daily";
            await db.SaveChangesAsync(Ct);
        }

        await AssertFiguresMatchClaimsAsync();
    }

    private async Task<int> OtherReportAsync()
    {
        await using var db = database.NewContext();
        var report = new Report { Title = "Figures outlet check", Text = "Talks went on, it was said.", ContentHash = "figures-outlet-check", Outlet = "Outlet Weekly" };
        db.Reports.Add(report);
        await db.SaveChangesAsync(Ct);
        return report.Id;
    }

    [Fact]
    public async Task A_load_that_bypasses_the_context_is_made_right_by_a_rebuild()
    {
        var (meetingId, _, _, _, _, _) = await ArrangeAsync();
        await using var db = database.NewContext();
        var claims = await db.Claims.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync(Ct);
        foreach (var claim in claims)
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ClaimMeetings" ("ClaimId", "MeetingId") VALUES ({claim}, {meetingId})""", Ct);
        }

        Assert.NotEmpty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));

        await DerivedFigures.RebuildAllAsync(db, Ct);

        Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
        Assert.Equal(3, (await FactsAsync(meetingId))!.Claims);
    }

    [Fact]
    public async Task The_timeline_order_indexes_exist()
    {
        await using var db = database.NewContext();
        var names = database.Provider == DatabaseProvider.Postgres
            ? await db.Database.SqlQueryRaw<string>("""SELECT indexname AS "Value" FROM pg_indexes WHERE tablename = 'Meetings'""").ToListAsync(Ct)
            : await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Meetings'").ToListAsync(Ct);

        Assert.All(TimelineIndexes.Names, name => Assert.Contains(name, names));
    }

    private async Task<(int Claims, Reliability? Best, int? Origins)> SummaryAsync(int meetingId)
    {
        var facts = await FactsAsync(meetingId);
        Assert.NotNull(facts);
        return (facts.Claims, facts.BestReliability, facts.IndependentOrigins);
    }
}

public sealed class DerivedFiguresTestsOnSqlite(SeededDatabase database) : DerivedFiguresTests(database), IClassFixture<SeededDatabase>;

public sealed class DerivedFiguresTestsOnPostgres(PostgresSeededDatabase database) : DerivedFiguresTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

/// <summary>The migration that made the figures fills them from the claims a database already holds.</summary>
public abstract class DerivedFiguresMigrationTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_claims_are_counted_when_the_migration_runs()
    {
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var figures = migrations.Single(m => m.EndsWith("_TimelineAtScale", StringComparison.Ordinal));

        await migrator.MigrateAsync(migrations[migrations.IndexOf(figures) - 1], Ct);
        await migrator.MigrateAsync(null, Ct);
        await DerivedFigures.CompleteAsync(db, Ct);

        Assert.True(await db.MeetingClaimFacts.AnyAsync(Ct));
        Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
    }
}

public sealed class DerivedFiguresMigrationTestsOnSqlite(SeededDatabase database) : DerivedFiguresMigrationTests(database), IClassFixture<SeededDatabase>;

public sealed class DerivedFiguresMigrationTestsOnPostgres(PostgresSeededDatabase database) : DerivedFiguresMigrationTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
