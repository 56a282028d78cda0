using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Tests.Meetings;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Tracks;

/// <summary>The tracks list's counts: meetings, agenda items, and claims about the track's meetings or agenda items, each claim once.</summary>
public abstract class TrackListTests(TimelineDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_naming_two_meetings_of_a_track_is_counted_once()
    {
        var service = database.Get<TrackService>();
        var before = Assert.Single(await service.ListAsync(Ct));
        await using (var db = database.NewContext())
        {
            var claimsAbout = await db.ClaimMeetings.Select(cm => cm.ClaimId).Union(db.ClaimAgendaItems.Select(ca => ca.ClaimId)).CountAsync(Ct);
            Assert.Equal(claimsAbout, before.ClaimCount);
            // The seed has claims about an agenda item and none of the track's meetings: they count too.
            Assert.True(claimsAbout > await db.ClaimMeetings.Select(cm => cm.ClaimId).Distinct().CountAsync(Ct));

            // One of Baku's claims now also names the Geneva meeting of the same track.
            var claimId = await db.ClaimMeetings.Where(cm => cm.MeetingId == database.BakuId).Select(cm => cm.ClaimId).FirstAsync(Ct);
            db.ClaimMeetings.Add(new ClaimMeeting { ClaimId = claimId, MeetingId = database.GenevaId });
            await db.SaveChangesAsync(Ct);
        }

        var after = Assert.Single(await service.ListAsync(Ct));
        Assert.Equal(before.ClaimCount, after.ClaimCount);
        Assert.Equal(2, after.MeetingCount);
    }
}

public sealed class SqliteTrackListTests(TimelineDatabase database) : TrackListTests(database), IClassFixture<TimelineDatabase>;

public sealed class PostgresTrackListTests(PostgresTimelineDatabase database) : TrackListTests(database.OrSkip()), IClassFixture<PostgresTimelineDatabase>;
