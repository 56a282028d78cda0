using TalksTracker.Domain;

namespace TalksTracker.Data.Intake;

public sealed record ProposalView(
    int Id,
    int Start,
    int End,
    string Quote,
    string? SourceMention,
    int? SourceId,
    string? ViaMention,
    int? ViaSourceId,
    string? Cue,
    string? Hedge,
    Stance Stance,
    int Credibility,
    ProposalDecision Decision,
    IReadOnlyList<int> MeetingIds,
    IReadOnlyList<int> AgendaItemIds,
    IReadOnlyList<int> ActorIds,
    IReadOnlyList<SupportedStatus> StatusChanges,
    Guid Version)
{
    /// <summary>The positions the claim states, to be recorded with it (<see cref="ProposalPosition"/>).</summary>
    public IReadOnlyList<ProposalPosition> Positions { get; init; } = [];
}
