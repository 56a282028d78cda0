namespace TalksTracker.Data.Export;

public enum ExportFormat
{
    Csv,
    Json,
    Stix,
}
