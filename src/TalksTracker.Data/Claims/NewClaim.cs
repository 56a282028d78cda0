using TalksTracker.Domain;

namespace TalksTracker.Data.Claims;

public sealed record NewClaim(
    int ReportId,
    int Start,
    int End,
    int? SourceId,
    Stance Stance,
    int Credibility,
    int? ViaSourceId = null,
    string? Cue = null,
    string? Hedge = null,
    IReadOnlyList<int>? MeetingIds = null,
    IReadOnlyList<int>? AgendaItemIds = null,
    IReadOnlyList<int>? ActorIds = null);
