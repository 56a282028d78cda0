using TalksTracker.Data.Catalog;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;

namespace TalksTracker.Data.Reading;

/// <summary>The front page: counts, every track with its progress at a glance, and what came in last.</summary>
public sealed record Overview(
    OverviewCounts Counts, IReadOnlyList<TrackSummary> Tracks, IReadOnlyList<TrackProgressSummary> Progress,
    IReadOnlyList<TimelineEntry> RecentMeetings, IReadOnlyList<ReportListItem> RecentReports);
