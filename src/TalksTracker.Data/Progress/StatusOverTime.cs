namespace TalksTracker.Data.Progress;

/// <summary>Status of every agenda item at each date a status was reported (null: none yet).</summary>
public sealed record StatusOverTime(IReadOnlyList<DateOnly> Dates, IReadOnlyList<StatusSeries> Items);
