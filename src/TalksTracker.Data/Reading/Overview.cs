using TalksTracker.Data.Catalog;
using TalksTracker.Data.Meetings;

namespace TalksTracker.Data.Reading;

public sealed record Overview(OverviewCounts Counts, IReadOnlyList<TrackSummary> Tracks, IReadOnlyList<TimelineEntry> RecentMeetings, IReadOnlyList<ReportListItem> RecentReports);
