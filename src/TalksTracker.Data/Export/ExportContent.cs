namespace TalksTracker.Data.Export;

/// <summary>What a CSV export holds (JSON and STIX hold both).</summary>
public enum ExportContent
{
    Claims,
    Board,
}
