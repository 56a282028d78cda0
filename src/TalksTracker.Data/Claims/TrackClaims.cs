using System.Linq.Expressions;
using TalksTracker.Domain;

namespace TalksTracker.Data.Claims;

/// <summary>The claims about a track: those linked to one of its meetings or one of its agenda items.</summary>
internal static class TrackClaims
{
    /// <summary>
    /// Their ids, read from the track's side (its meetings' and agenda items' link indexes) as one list, so the database
    /// reads the track's links once. Written as "a claim with a link to a meeting of the track", SQLite tested every
    /// claim against every meeting of the track, which does not scale to a busy track (docs/query-shapes.md).
    /// </summary>
    public static IQueryable<int> IdsAbout(TalksTrackerDbContext db, int trackId) =>
        db.ClaimMeetings.Where(cm => cm.Meeting!.TrackId == trackId).Select(cm => cm.ClaimId)
            .Union(db.ClaimAgendaItems.Where(ca => ca.AgendaItem!.TrackId == trackId).Select(ca => ca.ClaimId));

    /// <summary>
    /// Whether a claim is about the track, tested from the claim's own links (one or two rows each): for filters that
    /// keep few claims before this test (the digest's recent ones). The "+ 0" keeps SQLite from answering each test by
    /// walking the track's meetings through their TrackId index (thousands of lookups per claim on a big track) instead
    /// of the claim's links; it changes no value, and PostgreSQL plans the test as a join either way.
    /// </summary>
    public static Expression<Func<Claim, bool>> IsAbout(int trackId) =>
        c => c.Meetings.Any(m => m.Meeting!.TrackId + 0 == trackId) || c.AgendaItems.Any(a => a.AgendaItem!.TrackId + 0 == trackId);
}
