using TalksTracker.Data.Claims;

namespace TalksTracker.Data.Progress;

/// <summary>What changed on a track since a date, by the date <see cref="Basis"/> names (see <see cref="DigestService"/>).</summary>
public sealed record Digest(
    int TrackId,
    DateOnly Since,
    DigestBasis Basis,
    IReadOnlyList<DigestMeeting> NewMeetings,
    IReadOnlyList<DigestStatusChange> StatusChanges,
    IReadOnlyList<DigestSource> NewSources,
    IReadOnlyList<ClaimView> Denials,
    IReadOnlyList<DigestPositionChange> PositionChanges)
{
    public bool IsEmpty => NewMeetings.Count == 0 && StatusChanges.Count == 0 && NewSources.Count == 0 && Denials.Count == 0 && PositionChanges.Count == 0;
}
