namespace TalksTracker.Data.Export;

/// <summary>
/// What a snapshot reads: a board CSV needs only the boards, a claims CSV the claims without their provenance (it has no
/// column for it), JSON and STIX everything. Working out every claim's links and confidence is by far the costliest part
/// of an export (links are pairs: a claim about a busy agenda item has thousands), so formats that do not write it
/// never pay for it.
/// </summary>
public enum ExportParts
{
    Boards,
    /// <summary>The boards and the positions (a positions CSV): no claims beyond the ids and sources positions rest on.</summary>
    BoardsAndPositions,
    BoardsAndClaims,
    Everything,
}
