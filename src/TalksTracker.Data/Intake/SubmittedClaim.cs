using TalksTracker.Domain;

namespace TalksTracker.Data.Intake;

/// <summary>A claim handed in with a report: a span into the (normalised) text and a source by id or by name.</summary>
public sealed record SubmittedClaim(
    int Start,
    int End,
    int? SourceId = null,
    string? SourceName = null,
    Stance Stance = Stance.Asserts,
    int Credibility = 6,
    string? Cue = null,
    string? Hedge = null,
    IReadOnlyList<int>? MeetingIds = null,
    IReadOnlyList<int>? AgendaItemIds = null,
    IReadOnlyList<int>? ActorIds = null);
