using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Positions;
using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Progress;

/// <summary>
/// Undated records in the digest on both engines: PostgreSQL sorts NULLs first in a descending order and SQLite last,
/// so a date that may be missing must not decide the order alone. A party's undated positions come before its dated
/// ones (GapRules: they cannot be placed in time), so the stance before a dated change is the latest dated one; the
/// lists, newest first, end with their undated records.
/// </summary>
public abstract class DigestUndatedOrderTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_take_the_stance_before_a_change_from_the_latest_dated_one_and_list_undated_records_last()
    {
        int trackId, itemId, israel, claimId;
        await using (var db = database.NewContext())
        {
            itemId = await db.AgendaItems.Where(a => a.Title == "Expanded Turkish military role").Select(a => a.Id).SingleAsync(Ct);
            trackId = await db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.TrackId).SingleAsync(Ct);
            israel = await db.Actors.Where(a => a.Name == "Israel").Select(a => a.Id).SingleAsync(Ct);
            claimId = await db.Claims.Where(c => c.Quote.Contains("Turkish")).Select(c => c.Id).FirstAsync(Ct);
            db.Meetings.AddRange(
                new Meeting { TrackId = trackId, Title = "Undated contact", Date = FuzzyDate.Unknown },
                new Meeting { TrackId = trackId, Title = "December round", Date = FuzzyDate.Exact(new DateOnly(2026, 12, 1)) });
            await db.SaveChangesAsync(Ct);
        }

        // The seed dates Israel's objection 26 Nov 2026; an undated proposal is recorded after it, then a dated condition.
        var positions = database.Get<PositionService>();
        var undated = await positions.RecordAsync(itemId, new NewPosition(israel, PositionKind.Proposal, "proposed a Turkish role at some point",
            new MeetingDateInput(DatePrecision.Unknown), [claimId]), Ct);
        var moved = await positions.RecordAsync(itemId, new NewPosition(israel, PositionKind.Condition, "would accept it only with Russian oversight",
            new MeetingDateInput(DatePrecision.Exact, "2026-12-01"), [claimId]), Ct);
        Assert.True(undated.Succeeded && moved.Succeeded, string.Join("; ", undated.Errors.Concat(moved.Errors).SelectMany(e => e.Value)));

        var digest = (await database.Get<DigestService>().SinceAsync(trackId, new DateOnly(2026, 11, 29), ct: Ct))!;

        Assert.Equal([(moved.Value!.Id, PositionKind.Condition, (PositionKind?)PositionKind.Objection), (undated.Value!.Id, PositionKind.Proposal, null)],
            digest.PositionChanges.Select(c => (c.PositionId, c.Kind, c.Was)));
        Assert.Equal(["December round", "Undated contact"], digest.NewMeetings.Select(m => m.Title));
    }
}

public sealed class DigestUndatedOrderTestsOnSqlite(SeededDatabase database) : DigestUndatedOrderTests(database), IClassFixture<SeededDatabase>;

public sealed class DigestUndatedOrderTestsOnPostgres(PostgresSeededDatabase database) : DigestUndatedOrderTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
