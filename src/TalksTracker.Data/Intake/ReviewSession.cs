namespace TalksTracker.Data.Intake;

public sealed record ReviewSession(
    int ReportId,
    string Title,
    string Text,
    int ExistingClaims,
    IReadOnlyList<ProposalView> Proposals,
    IReadOnlyList<ReviewChoice> Sources,
    IReadOnlyList<ReviewChoice> Meetings,
    IReadOnlyList<ReviewChoice> AgendaItems,
    IReadOnlyList<ReviewChoice> Actors)
{
    /// <summary>
    /// What each source or relay the text names, and no known source matches, would be created as: completing the
    /// review creates it so, unless the editor picks a known source or the outlet's own voice instead.
    /// </summary>
    public IReadOnlyDictionary<string, SourceSuggestion> NewSources { get; init; } = new Dictionary<string, SourceSuggestion>();

    /// <summary>The actors that can hold a position (states, state bodies, armed groups, organisations).</summary>
    public IReadOnlyList<ReviewChoice> Parties { get; init; } = [];
}
