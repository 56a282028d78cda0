namespace TalksTracker.Data.Reading;

public sealed record ReportListItem(int Id, string Title, string? Outlet, DateOnly? PublishedOn, DateTime TakenInAt, string Language, int ClaimCount, bool Withdrawn = false);
