using System.Globalization;

namespace TalksTracker.Domain.Timeline;

/// <summary>How much time the timeline chart shows at once, coarsest first.</summary>
public enum ChartZoom
{
    Decade,
    Year,
    Quarter,
    Month,
    Week,
}

/// <summary>One line of the chart's time axis; a labelled tick names the period starting there.</summary>
/// <param name="At">Where the tick falls, from 0 (the window's start) to 1 (its end).</param>
/// <param name="Label">Null for a minor tick (a grid line only).</param>
/// <param name="Period">The zoom whose window is the period the tick starts, to zoom into it; null where there is none.</param>
public sealed record ChartTick(DateOnly Date, double At, string? Label, ChartZoom? Period);

/// <summary>
/// What the chart shows: a zoom and a day inside the window. Windows are calendar periods (a decade, a year, a quarter,
/// a month, a Monday-to-Sunday week), so a link to one is stable; panning moves the day by one window and zooming keeps
/// it, so zooming in after panning lands where the reader was looking.
/// </summary>
public sealed record ChartView(ChartZoom Zoom, DateOnly At)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly Start => Zoom switch
    {
        ChartZoom.Decade => new DateOnly(At.Year - At.Year % 10, 1, 1),
        ChartZoom.Year => new DateOnly(At.Year, 1, 1),
        ChartZoom.Quarter => new DateOnly(At.Year, (At.Month - 1) / 3 * 3 + 1, 1),
        ChartZoom.Month => new DateOnly(At.Year, At.Month, 1),
        _ => At.AddDays(-(((int)At.DayOfWeek + 6) % 7)),
    };

    /// <summary>The window's last day (inclusive).</summary>
    public DateOnly End => Zoom switch
    {
        ChartZoom.Decade => Start.AddYears(10).AddDays(-1),
        ChartZoom.Year => Start.AddYears(1).AddDays(-1),
        ChartZoom.Quarter => Start.AddMonths(3).AddDays(-1),
        ChartZoom.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start.AddDays(6),
    };

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The window in words: "2020s", "2025", "Q1 2025", "March 2025", "week of 3 Mar 2025".</summary>
    public string Title => Zoom switch
    {
        ChartZoom.Decade => $"{Start.Year}s",
        ChartZoom.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        ChartZoom.Quarter => $"Q{(Start.Month - 1) / 3 + 1} {Start.Year}",
        ChartZoom.Month => Start.ToString("MMMM yyyy", English),
        _ => $"week of {Start.ToString("d MMM yyyy", English)}",
    };

    public ChartView Earlier() => this with { At = Shift(-1) };

    public ChartView Later() => this with { At = Shift(1) };

    /// <summary>The next finer zoom at the same day; null at the finest (a week, drawn day by day).</summary>
    public ChartView? ZoomIn() => Zoom == ChartZoom.Week ? null : this with { Zoom = Zoom + 1 };

    public ChartView? ZoomOut() => Zoom == ChartZoom.Decade ? null : this with { Zoom = Zoom - 1 };

    /// <summary>Where a day's start falls across the window, from 0 to 1 (outside that range for days outside it).</summary>
    public double PositionOf(DateOnly day) => (day.DayNumber - Start.DayNumber) / (double)Days;

    /// <summary>
    /// The axis: years in a decade, months in a year, months with weekly lines in a quarter, Mondays with daily lines
    /// in a month, days in a week. A labelled tick links to its own period where that is a zoom.
    /// </summary>
    public IReadOnlyList<ChartTick> Ticks()
    {
        var ticks = new List<ChartTick>();
        switch (Zoom)
        {
            case ChartZoom.Decade:
                for (var d = Start; d <= End; d = d.AddYears(1))
                {
                    ticks.Add(Tick(d, d.Year.ToString(CultureInfo.InvariantCulture), ChartZoom.Year));
                }

                break;
            case ChartZoom.Year:
                for (var d = Start; d <= End; d = d.AddMonths(1))
                {
                    ticks.Add(Tick(d, d.ToString("MMM", English), ChartZoom.Month));
                }

                break;
            case ChartZoom.Quarter:
                for (var d = Start; d <= End; d = d.AddDays(1))
                {
                    if (d.Day == 1)
                    {
                        ticks.Add(Tick(d, d.ToString("MMM yyyy", English), ChartZoom.Month));
                    }
                    else if (d.DayOfWeek == DayOfWeek.Monday)
                    {
                        ticks.Add(Tick(d, null, null));
                    }
                }

                break;
            case ChartZoom.Month:
                for (var d = Start; d <= End; d = d.AddDays(1))
                {
                    ticks.Add(d.DayOfWeek == DayOfWeek.Monday ? Tick(d, d.ToString("d MMM", English), ChartZoom.Week) : Tick(d, null, null));
                }

                break;
            default:
                for (var d = Start; d <= End; d = d.AddDays(1))
                {
                    ticks.Add(Tick(d, d.ToString("ddd d", English), null));
                }

                break;
        }

        return ticks;

        ChartTick Tick(DateOnly day, string? label, ChartZoom? period) => new(day, PositionOf(day), label, period);
    }

    private DateOnly Shift(int direction) => Zoom switch
    {
        ChartZoom.Decade => At.AddYears(10 * direction),
        ChartZoom.Year => At.AddYears(direction),
        ChartZoom.Quarter => At.AddMonths(3 * direction),
        ChartZoom.Month => At.AddMonths(direction),
        _ => At.AddDays(7 * direction),
    };
}
