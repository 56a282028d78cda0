namespace TalksTracker.Data.Intake;

/// <summary>The kinds of record a proposal links to.</summary>
public enum ProposalLink
{
    Meeting,
    AgendaItem,
    Actor,
}
