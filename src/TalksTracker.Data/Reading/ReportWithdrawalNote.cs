namespace TalksTracker.Data.Reading;

/// <summary>Who withdrew a report, when (UTC) and why: shown on the report, whose claims left the record with it.</summary>
public sealed record ReportWithdrawalNote(DateTime At, string By, string Reason);
