namespace TalksTracker.Data.Progress;

/// <summary>Meetings and reports of a track per month ("2026-11").</summary>
public sealed record MonthlyActivity(string Month, int Meetings, int Reports);
