using System.Globalization;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain.Timeline;

namespace TalksTracker.Web.Timeline;

/// <summary>What the chart above the list shows, as it appears in the URL: lanes, zoom and a day in the window.</summary>
public sealed record ChartParameters(ChartLanes Lanes, ChartZoom Zoom, DateOnly? At)
{
    public static ChartParameters Default { get; } = new(ChartLanes.Track, ChartZoom.Year, null);
}

/// <summary>
/// The chart's own query-string names. The list's filters (<see cref="TimelineQueryString"/>) are shared and left alone;
/// these change only the picture, so the list and its page stay as they were when the chart is zoomed or panned.
/// </summary>
public static class TimelineChartQueryString
{
    public const string Lanes = "lanes";
    public const string Zoom = "zoom";
    public const string At = "at";

    public static (ChartParameters Chart, IReadOnlyDictionary<string, string[]> Problems) Parse(Func<string, string?> value)
    {
        var problems = new ProblemList();
        var lanes = value(Lanes)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "track" => ChartLanes.Track,
            "actor" => ChartLanes.Actor,
            var other => Bad(Lanes, $"'{Shorten(other)}' is not track or actor.", ChartLanes.Track),
        };
        var zoomText = value(Zoom)?.Trim();
        var zoom = string.IsNullOrEmpty(zoomText)
            ? ChartParameters.Default.Zoom
            : zoomText.All(char.IsLetter) && Enum.TryParse<ChartZoom>(zoomText, ignoreCase: true, out var z)
                ? z
                : Bad(Zoom, $"'{Shorten(zoomText)}' is not one of: {string.Join(", ", Enum.GetNames<ChartZoom>().Select(n => n.ToLowerInvariant()))}.",
                    ChartParameters.Default.Zoom);
        var atText = value(At)?.Trim();
        DateOnly? at = string.IsNullOrEmpty(atText)
            ? null
            // Far from any report, and far enough from DateOnly's ends that a decade can be panned and drawn.
            : DateOnly.TryParseExact(atText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 2200
                ? day
                : Bad<DateOnly?>(At, $"'{Shorten(atText)}' is not a date from 1900 to 2200; use YYYY-MM-DD.", null);
        return (new ChartParameters(lanes, zoom, at), problems.ToDictionary());

        T Bad<T>(string key, string message, T fallback)
        {
            problems.Add(key, message);
            return fallback;
        }
    }

    /// <summary>The query-string values for a chart view; defaults are left out so links stay short.</summary>
    public static IReadOnlyDictionary<string, object?> ToParameters(ChartLanes lanes, ChartView view) =>
        ToParameters(new ChartParameters(lanes, view.Zoom, view.At));

    public static IReadOnlyDictionary<string, object?> ToParameters(ChartParameters chart) => new Dictionary<string, object?>
    {
        [Lanes] = chart.Lanes == ChartLanes.Actor ? "actor" : null,
        [Zoom] = chart.Zoom == ChartParameters.Default.Zoom ? null : chart.Zoom.ToString().ToLowerInvariant(),
        [At] = chart.At?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
