namespace TalksTracker.Data.Meetings;

public sealed record TimelineResult(IReadOnlyList<TimelineEntry> Entries, int Total, int Page, int PageSize);
