namespace TalksTracker.Data.Auditing;

public sealed record AuditResults(IReadOnlyList<AuditEntryView> Entries, int Total);
