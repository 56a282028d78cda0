using TalksTracker.Domain;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

public sealed record ActorView(
    int Id,
    string Name,
    ActorKind Kind,
    string? Description,
    NamedRef? Parent,
    IReadOnlyList<NamedRef> Parts,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ActorTrackRole> Tracks,
    IReadOnlyList<TimelineEntry> Meetings,
    IReadOnlyList<ClaimView> Claims,
    int ClaimTotal,
    Guid Version);
