using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Timeline;

namespace TalksTracker.Data.Meetings;

public sealed partial class MeetingService
{
    /// <summary>
    /// The timeline chart for a window, under the same filters as the list. It draws only what is visible: one query
    /// reads the dates of the meetings overlapping the window (ids and dates, no text), the lanes are laid out here, and
    /// a second query reads titles and statuses of the bars drawn (at most 40 a lane), so a decade of thousands of meetings
    /// costs one narrow scan and a few hundred rows. With no day given the window holds the latest dated meeting
    /// (or <paramref name="today"/> when none matches).
    /// </summary>
    public async Task<TimelineChart> ChartAsync(TimelineQuery filters, ChartLanes laneKind, ChartZoom zoom, DateOnly? at, DateOnly today,
        CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var meetings = Filter(db, filters);
        var view = new ChartView(zoom, at ?? await meetings.MaxAsync(m => m.SortDate, ct) ?? today);
        var (start, end) = (view.Start, view.End);
        var inWindow = meetings.Where(m => m.DateStart != null && m.DateStart <= end && m.DateEnd >= start);

        var points = laneKind == ChartLanes.Track
            ? await inWindow.Select(m => new LanePoint(m.TrackId, m.Id, m.DatePrecision, m.DateStart, m.DateEnd)).ToListAsync(ct)
            : await (from m in inWindow
                     join p in db.MeetingParticipants on m.Id equals p.MeetingId into participants
                     from p in participants.DefaultIfEmpty()
                     select new LanePoint(p == null ? 0 : p.ActorId, m.Id, m.DatePrecision, m.DateStart, m.DateEnd)).ToListAsync(ct);

        // The busiest lanes are drawn; the rest are counted, to be reached by filtering on their track or actor.
        var lanes = points.GroupBy(p => p.Lane).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var drawn = lanes.Take(TimelineChart.MaxLanes).ToList();
        var laneIds = drawn.Select(g => g.Key).Where(id => id != 0).ToList();
        var names = laneKind == ChartLanes.Track
            ? await db.Tracks.AsNoTracking().Where(t => laneIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct)
            : await db.Actors.AsNoTracking().Where(a => laneIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var layouts = drawn.Select(g => (Lane: g.Key, Count: g.Count(), Layout: LaneStacking.Stack(
            g.Select(p => (p.MeetingId, FuzzyDate.FromParts(p.Precision, p.Start, p.End, null))), view, TimelineChart.MaxRows, TimelineChart.MinBarWidth, TimelineChart.MaxBarsPerLane))).ToList();
        var barIds = layouts.SelectMany(l => l.Layout.Bars).Select(b => b.Item).Distinct().ToList();
        // One list parameter (a JSON array SQLite reads with json_each) rather than one parameter per bar: a decade draws
        // about 1,200 bars, and EF writing and binding 1,200 parameters took 10 of the chart's 50 ms at L (4 ms so).
        var details = await ChartMeetings(db.Meetings.AsNoTracking().Where(m => EF.Parameter(barIds).Contains(m.Id))).ToDictionaryAsync(m => m.Id, ct);

        var chartLanes = layouts
            .Select(l => new ChartLane(
                new NamedRef(l.Lane, l.Lane == 0 ? "No participant recorded" : names.GetValueOrDefault(l.Lane, "?")),
                new LaneLayout<ChartMeeting>(
                    l.Layout.Bars.Select(b => new ChartBar<ChartMeeting>(ToChartMeeting(details[b.Item]), b.Start, b.End, b.ClippedStart, b.ClippedEnd, b.Row)).ToList(),
                    l.Layout.Rows, l.Layout.NotShown),
                l.Count))
            .OrderBy(l => l.Lane.Id == 0).ThenBy(l => l.Lane.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var undated = meetings.Where(m => m.DateStart == null);
        var undatedTotal = await undated.CountAsync(ct);
        var undatedShown = undatedTotal == 0 ? [] : await ChartMeetings(undated.OrderBy(m => m.Title).ThenBy(m => m.Id).Take(TimelineChart.MaxUndated)).ToListAsync(ct);

        return new TimelineChart(view, laneKind, chartLanes, lanes.Count - drawn.Count, undatedShown.Select(ToChartMeeting).ToList(), undatedTotal);
    }

    private static IQueryable<ChartMeetingRow> ChartMeetings(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new ChartMeetingRow(m.Id, m.Title, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.Status));

    private static ChartMeeting ToChartMeeting(ChartMeetingRow r) =>
        new(r.Id, r.Title, FuzzyDate.FromParts(r.Precision, r.Start, r.End, r.Label), r.Status);

    private sealed record LanePoint(int Lane, int MeetingId, DatePrecision Precision, DateOnly? Start, DateOnly? End);

    private sealed record ChartMeetingRow(int Id, string Title, DatePrecision Precision, DateOnly? Start, DateOnly? End, string? Label, MeetingStatus Status);
}
