namespace TalksTracker.Domain.Positions;

/// <summary>
/// One stance of a party on an agenda item at a date, and the claims it rests on. The rules compare parties and
/// items by name, so callers pass the catalogue's names (unique there).
/// </summary>
/// <param name="Id">The stored id, or any number that orders positions recorded on the same day (later = higher).</param>
/// <param name="Wording">The words of the report that state it ("prefer the continuation of the Russian military presence").</param>
/// <param name="ClaimIds">The claims it rests on; a position resting on none does not count (see <see cref="GapRules"/>).</param>
public sealed record PartyPosition(
    int Id,
    string Party,
    string Item,
    PositionKind Kind,
    string Wording,
    FuzzyDate AsOf,
    IReadOnlyList<int> ClaimIds);
