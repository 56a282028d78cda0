using TalksTracker.Domain;
using TalksTracker.Data.Meetings;

namespace TalksTracker.Data.Catalog;

/// <summary>
/// A track as lists show it, with the <see cref="Version"/> an editor sends back with a correction. An archived track
/// (<see cref="ArchivedAt"/>) is left out of pickers and the list of current tracks.
/// </summary>
public sealed record TrackSummary(
    int Id,
    string Name,
    bool IsOfficial,
    string? Description,
    IReadOnlyList<TrackRoleView> Roles,
    int MeetingCount,
    int AgendaItemCount,
    int ClaimCount,
    FuzzyDate? LatestMeeting,
    DateTime? ArchivedAt,
    Guid Version);
