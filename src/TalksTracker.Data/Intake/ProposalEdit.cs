using TalksTracker.Domain;

namespace TalksTracker.Data.Intake;

/// <summary>An editor's change to one proposal.</summary>
/// <param name="SourceMention">The source the text names, created on completion when no known source is chosen; null with no <paramref name="SourceId"/>: the outlet's own voice.</param>
/// <param name="ViaMention">The relay the text names, created on completion when no known source is chosen.</param>
public sealed record ProposalEdit(
    int Id,
    int Start,
    int End,
    int? SourceId,
    string? SourceMention,
    int? ViaSourceId,
    string? ViaMention,
    Stance Stance,
    int Credibility,
    ProposalDecision Decision,
    IReadOnlyList<int> MeetingIds,
    IReadOnlyList<int> AgendaItemIds,
    IReadOnlyList<int> ActorIds,
    IReadOnlyList<SupportedStatus> StatusChanges)
{
    /// <summary>The positions to record with the claim: the ones found, as the editor kept, changed or added them.</summary>
    public IReadOnlyList<ProposalPosition> Positions { get; init; } = [];

    /// <summary>The proposal's version the edit starts from: what the API checks (the page checks the card it saw).</summary>
    public Guid Version { get; init; }

    /// <summary>The proposal as the editor sees it, unchanged: what an edit starts from.</summary>
    public static ProposalEdit From(ProposalView p) => new(p.Id, p.Start, p.End, p.SourceId, p.SourceMention, p.ViaSourceId, p.ViaMention,
        p.Stance, p.Credibility, p.Decision, p.MeetingIds, p.AgendaItemIds, p.ActorIds, p.StatusChanges) { Positions = p.Positions, Version = p.Version };
}
