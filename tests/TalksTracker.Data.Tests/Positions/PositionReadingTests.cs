using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Positions;
using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Positions;

/// <summary>
/// What the pages read of positions on the seeded track: the three the seed's claims state, an item's matrix with the
/// claims behind each position, the positions stated at a meeting, and the digest's position changes.
/// </summary>
public abstract class PositionReadingTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PositionService Positions => database.Get<PositionService>();

    private async Task<int> ItemAsync(string title)
    {
        await using var db = database.NewContext();
        return await db.AgendaItems.Where(a => a.Title == title).Select(a => a.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Should_seed_the_articles_three_positions_each_resting_on_the_claims_that_state_it()
    {
        await using var db = database.NewContext();
        var seeded = await db.Positions.AsNoTracking().Where(p => p.AsOfStart == new DateOnly(2026, 11, 26))
            .Select(p => new { Party = p.PartyActor!.Name, p.Kind, Item = p.AgendaItem!.Title, p.Wording, Quotes = p.Evidence.Select(e => e.Claim!.Quote).ToList() })
            .ToListAsync(Ct);

        Assert.Equal(3, seeded.Count);
        Assert.Contains(seeded, p => (p.Party, p.Kind, p.Item) == ("Russia", PositionKind.Proposal, "Regulating military deployments near the border"));
        Assert.Contains(seeded, p => (p.Party, p.Kind, p.Item) == ("Israel", PositionKind.Objection, "Expanded Turkish military role"));
        // "prefer the continuation …", then "considers Russian oversight preferable": one stance, stated twice.
        var preference = Assert.Single(seeded, p => (p.Party, p.Kind, p.Item) == ("Israel", PositionKind.Preference, "Continued Russian military presence in southern Syria"));
        Assert.Equal(2, preference.Quotes.Count);
        Assert.All(seeded, p => Assert.Contains(p.Quotes, q => q.Contains(p.Wording, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_give_an_items_matrix_with_the_claims_each_position_rests_on_and_their_sources()
    {
        var itemId = await ItemAsync("Continued Russian military presence in southern Syria");

        var matrix = await Positions.MatrixAsync(itemId, new DateOnly(2026, 11, 30), Ct);

        var israel = Assert.Single(matrix!.Item.Positions, p => p.Party.Name == "Israel");
        Assert.Equal(PositionKind.Preference, israel.Kind);
        Assert.Equal(2, israel.ClaimIds.Count);
        Assert.All(israel.ClaimIds, id => Assert.Contains(matrix.Evidence, c => c.Id == id));
        var claim = Assert.Single(matrix.Evidence, c => c.Source?.Name == "a senior Israeli security source");
        Assert.Contains("prefer the continuation", claim.Quote);
        Assert.Equal(GapState.Open, matrix.Item.Gap.State);
        Assert.Contains("Only Israel has a stated position", matrix.Item.Gap.Explanation);
        Assert.Null(await Positions.MatrixAsync(int.MaxValue, ct: Ct));
    }

    [Fact]
    public async Task Should_list_the_positions_stated_at_a_meeting_those_resting_on_a_claim_about_it()
    {
        int meetingId;
        await using (var db = database.NewContext())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync(Ct);
        }

        var stated = await Positions.ForMeetingAsync(meetingId, Ct);

        Assert.Contains(stated, p => p.Party.Name == "Russia" && p.Kind == PositionKind.Proposal);
        // Israel's preference rests on a claim the seed ties to no meeting.
        Assert.DoesNotContain(stated, p => p.Kind == PositionKind.Preference);
        Assert.Empty(await Positions.ForMeetingAsync(int.MaxValue, Ct));
    }

    [Fact]
    public async Task Should_list_position_changes_in_the_digest_with_the_stance_before()
    {
        var itemId = await ItemAsync("Expanded Turkish military role");
        int trackId, israel, claimId;
        await using (var db = database.NewContext())
        {
            trackId = await db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.TrackId).SingleAsync(Ct);
            israel = await db.Actors.Where(a => a.Name == "Israel").Select(a => a.Id).SingleAsync(Ct);
            claimId = await db.Claims.Where(c => c.Quote.Contains("Turkish")).Select(c => c.Id).FirstAsync(Ct);
        }

        var moved = await Positions.RecordAsync(itemId, new NewPosition(israel, PositionKind.Condition, "would accept it only with Russian oversight",
            new MeetingDateInput(DatePrecision.Exact, "2026-12-01"), [claimId]), Ct);
        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.SelectMany(e => e.Value)));

        var digest = (await database.Get<DigestService>().SinceAsync(trackId, new DateOnly(2026, 11, 29), ct: Ct))!;
        var change = Assert.Single(digest.PositionChanges);
        Assert.Equal((moved.Value!.Id, "Israel", PositionKind.Condition, (PositionKind?)PositionKind.Objection, "1 Dec 2026"),
            (change.PositionId, change.Party, change.Kind, change.Was, change.AsOf));
        Assert.False(digest.IsEmpty);

        // The seed's own positions, dated by the report, are first statements.
        var sinceSeed = (await database.Get<DigestService>().SinceAsync(trackId, new DateOnly(2026, 11, 20), ct: Ct))!;
        Assert.Contains(sinceSeed.PositionChanges, c => c.Party == "Russia" && c.Kind == PositionKind.Proposal && c.Was is null);
        Assert.Empty((await database.Get<DigestService>().SinceAsync(trackId, new DateOnly(2026, 12, 2), ct: Ct))!.PositionChanges);
    }
}

public sealed class PositionReadingTestsOnSqlite(SeededDatabase database) : PositionReadingTests(database), IClassFixture<SeededDatabase>;

public sealed class PositionReadingTestsOnPostgres(PostgresSeededDatabase database) : PositionReadingTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
