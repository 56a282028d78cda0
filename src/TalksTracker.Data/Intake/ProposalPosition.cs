using TalksTracker.Domain.Positions;

namespace TalksTracker.Data.Intake;

/// <summary>
/// A position a proposed claim states, as found at intake (<see cref="PositionFinder"/>) or set by the editor: completing
/// the review records it, resting on the claim, unless the editor removed it or rejected the claim.
/// </summary>
/// <param name="PartyActorId">The party: an actor that is a state, state body, armed group or organisation; 0 for a <paramref name="NewParty"/>.</param>
/// <param name="Wording">The report's words that state it.</param>
/// <param name="NewParty">
/// A party the catalogue lacks, by the name the finder read ("Arakan Army"): completing the review records the position on
/// the actor of that name, creating it when there is none (as <see cref="PositionFinder.KindOf"/> says), as it does for a
/// source the text names. Picking a catalogue party instead clears it.
/// </param>
public sealed record ProposalPosition(int PartyActorId, PositionKind Kind, int AgendaItemId, string Wording, string? NewParty = null);
