namespace TalksTracker.Data.Progress;

/// <summary>Meetings and reports of a track per month ("2026-11").</summary>
public sealed record MonthlyActivity(string Month, int Meetings, int Reports);

/// <summary>A track's activity per month, and the ids of its meetings (what an open board's chart follows).</summary>
public sealed record TrackActivity(IReadOnlyList<MonthlyActivity> Months, IReadOnlyList<int> MeetingIds);
