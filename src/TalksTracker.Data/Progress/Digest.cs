using TalksTracker.Data.Claims;

namespace TalksTracker.Data.Progress;

/// <summary>What changed on a track since a date: everything recorded on or after it (records' RecordedAt, UTC).</summary>
public sealed record Digest(
    int TrackId,
    DateOnly Since,
    IReadOnlyList<DigestMeeting> NewMeetings,
    IReadOnlyList<DigestStatusChange> StatusChanges,
    IReadOnlyList<DigestSource> NewSources,
    IReadOnlyList<ClaimView> Denials)
{
    public bool IsEmpty => NewMeetings.Count == 0 && StatusChanges.Count == 0 && NewSources.Count == 0 && Denials.Count == 0;
}
