using TalksTracker.Domain.Positions;

namespace TalksTracker.Data.Intake;

/// <summary>
/// A position a proposed claim states, as found at intake (<see cref="PositionFinder"/>) or set by the editor: completing
/// the review records it, resting on the claim, unless the editor removed it or rejected the claim.
/// </summary>
/// <param name="PartyActorId">The party: an actor that is a state, state body, armed group or organisation.</param>
/// <param name="Wording">The report's words that state it.</param>
public sealed record ProposalPosition(int PartyActorId, PositionKind Kind, int AgendaItemId, string Wording);
