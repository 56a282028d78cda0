namespace TalksTracker.Data.Export;

/// <summary>What a CSV export holds (JSON and STIX hold all).</summary>
public enum ExportContent
{
    Claims,
    Board,
    /// <summary>The parties' positions, each with the ids of the claims it rests on and their sources.</summary>
    Positions,
}
