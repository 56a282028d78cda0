using System.Globalization;

namespace TalksTracker.Domain;

public enum DatePrecision
{
    Unknown,
    Exact,
    Month,
    ApproximateRange,
}

/// <summary>
/// A date as precisely as the reporting allows: an exact day, a month, an approximate range
/// ("recent weeks" before a date) or unknown. Displays its precision honestly and sorts by the
/// middle of what it could mean.
/// </summary>
public readonly record struct FuzzyDate
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private FuzzyDate(DatePrecision precision, DateOnly? start, DateOnly? end, string? label)
    {
        Precision = precision;
        Start = start;
        End = end;
        Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
    }

    public DatePrecision Precision { get; }
    public DateOnly? Start { get; }
    public DateOnly? End { get; }
    public string? Label { get; }

    public static FuzzyDate Unknown => new(DatePrecision.Unknown, null, null, null);

    public static FuzzyDate Exact(DateOnly day) => new(DatePrecision.Exact, day, day, null);

    public static FuzzyDate Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(DatePrecision.Month, first, first.AddMonths(1).AddDays(-1), null);
    }

    /// <summary>An approximate range; <paramref name="label"/> says how the report put it ("recent weeks").</summary>
    public static FuzzyDate Approximate(DateOnly start, DateOnly end, string? label = null)
    {
        if (end < start)
        {
            throw new ArgumentException("The end of an approximate range cannot come before its start.", nameof(end));
        }

        return new(DatePrecision.ApproximateRange, start, end, label);
    }

    /// <summary>Rebuilds a date from stored parts, falling back to Unknown where parts are missing.</summary>
    public static FuzzyDate FromParts(DatePrecision precision, DateOnly? start, DateOnly? end, string? label) =>
        precision switch
        {
            DatePrecision.Exact when start is { } d => Exact(d),
            DatePrecision.Month when start is { } d => Month(d.Year, d.Month),
            DatePrecision.ApproximateRange when start is { } s && end is { } e && e >= s => Approximate(s, e, label),
            _ => Unknown,
        };

    /// <summary>The middle of the possible dates; null when unknown (sorted last).</summary>
    public DateOnly? SortKey => Start is { } s && End is { } e
        ? s.AddDays((e.DayNumber - s.DayNumber) / 2)
        : null;

    public bool IsKnown => Precision != DatePrecision.Unknown;

    /// <summary>How the date reads on a page: "Nov 2026", "~ recent weeks before 26 Nov 2026", "date unknown".</summary>
    public string Display => ToString();

    /// <summary>Whether any day of this date could fall within [from, to] (open ends allowed).</summary>
    public bool Overlaps(DateOnly? from, DateOnly? to) =>
        IsKnown && (from is null || End >= from) && (to is null || Start <= to);

    public override string ToString() => Precision switch
    {
        DatePrecision.Exact => Start!.Value.ToString("d MMM yyyy", English),
        DatePrecision.Month => Start!.Value.ToString("MMM yyyy", English),
        DatePrecision.ApproximateRange when Label is not null =>
            $"~ {Label} before {End!.Value.ToString("d MMM yyyy", English)}",
        DatePrecision.ApproximateRange =>
            $"~ {Start!.Value.ToString("d MMM yyyy", English)} – {End!.Value.ToString("d MMM yyyy", English)}",
        _ => "date unknown",
    };
}
