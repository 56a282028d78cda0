using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Timeline;

namespace TalksTracker.Data.Meetings;

/// <summary>What one lane of the timeline chart is: a track, or an actor taking part.</summary>
public enum ChartLanes
{
    Track,
    Actor,
}

/// <summary>The few fields a bar needs: its link, its accessible name and its colour.</summary>
public sealed record ChartMeeting(int Id, string Title, FuzzyDate Date, MeetingStatus Status);

/// <summary>One lane: its track or actor (id 0: meetings with no participant recorded), its bars, and how many meetings of the window it holds.</summary>
public sealed record ChartLane(NamedRef Lane, LaneLayout<ChartMeeting> Layout, int Meetings);

/// <summary>The chart for a window under the timeline's filters; undated meetings are listed apart.</summary>
public sealed record TimelineChart(
    ChartView View,
    ChartLanes LaneKind,
    IReadOnlyList<ChartLane> Lanes,
    int LanesNotShown,
    IReadOnlyList<ChartMeeting> Undated,
    int UndatedTotal)
{
    public const int MaxLanes = 30;
    public const int MaxRows = 4;
    /// <summary>Beyond this a lane draws an even sample across the window (a decade of the busiest track at L is thousands).</summary>
    public const int MaxBarsPerLane = 40;
    public const int MaxUndated = 20;

    /// <summary>A bar's least width, as a share of the window, so a single day stays visible and clickable (about 10 px on a phone).</summary>
    public const double MinBarWidth = 0.03;
}
