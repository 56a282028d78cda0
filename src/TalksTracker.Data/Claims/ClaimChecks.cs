using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Claims;

/// <summary>
/// The checks every save of a claim's attribution, grading and links makes — recording one, a review's proposal, a
/// correction after review: the stance is one of the three, credibility 1–6, and each source and linked record exists.
/// Problems are keyed SourceId, ViaSourceId, Stance, Credibility, MeetingIds, AgendaItemIds and ActorIds.
/// </summary>
internal static class ClaimChecks
{
    public static async Task CheckAsync(TalksTrackerDbContext db, Stance? stance, int credibility, int? sourceId, int? viaSourceId,
        IEnumerable<int>? meetingIds, IEnumerable<int>? agendaItemIds, IEnumerable<int>? actorIds, ProblemList problems, CancellationToken ct)
    {
        if (credibility is < 1 or > 6)
        {
            problems.Add("Credibility", "Credibility is graded from 1 (confirmed) to 6 (cannot be judged).");
        }

        // Null where a body left the stance out: refused, rather than read as "asserts".
        if (stance is not { } given || !Enum.IsDefined(given))
        {
            problems.Add("Stance", "The stance must be asserts, denies or hedged.");
        }

        await RecordChecks.CheckExistsAsync(db.Sources, sourceId is { } s ? [s] : Array.Empty<int>(), "SourceId", "source", problems, ct);
        await RecordChecks.CheckExistsAsync(db.Sources, viaSourceId is { } v ? [v] : Array.Empty<int>(), "ViaSourceId", "source", problems, ct);
        await RecordChecks.CheckExistsAsync(db.Meetings, meetingIds ?? [], "MeetingIds", "meeting", problems, ct);
        await RecordChecks.CheckExistsAsync(db.AgendaItems, agendaItemIds ?? [], "AgendaItemIds", "agenda item", problems, ct);
        await RecordChecks.CheckExistsAsync(db.Actors, actorIds ?? [], "ActorIds", "actor", problems, ct);
    }
}
