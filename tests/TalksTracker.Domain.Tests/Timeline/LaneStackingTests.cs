using TalksTracker.Domain.Timeline;

namespace TalksTracker.Domain.Tests.Timeline;

public class LaneStackingTests
{
    private static readonly ChartView May2025 = new(ChartZoom.Month, new DateOnly(2025, 5, 1)); // 31 days

    [Fact]
    public void Each_precision_covers_what_it_could_mean()
    {
        var year = new ChartView(ChartZoom.Year, new DateOnly(2025, 1, 1));

        var day = LaneStacking.SpanOf(FuzzyDate.Exact(new DateOnly(2025, 1, 1)), year)!.Value;
        Assert.Equal((0, 1 / 365.0), (day.Start, day.End));
        var month = LaneStacking.SpanOf(FuzzyDate.Month(2025, 2), year)!.Value;
        Assert.Equal((31 / 365.0, 59 / 365.0), (month.Start, month.End));
        var range = LaneStacking.SpanOf(FuzzyDate.Approximate(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10), "recent weeks"), year)!.Value;
        Assert.Equal((59 / 365.0, 69 / 365.0), (range.Start, range.End));
        Assert.Null(LaneStacking.SpanOf(FuzzyDate.Unknown, year));
        Assert.Null(LaneStacking.SpanOf(FuzzyDate.Exact(new DateOnly(2026, 1, 1)), year));
    }

    [Fact]
    public void A_date_running_past_the_window_is_cut_at_its_edge_and_says_so()
    {
        var span = LaneStacking.SpanOf(FuzzyDate.Approximate(new DateOnly(2025, 4, 20), new DateOnly(2025, 5, 3)), May2025)!.Value;

        Assert.Equal((0, 3 / 31.0, true, false), span);
        var monthInWeek = LaneStacking.SpanOf(FuzzyDate.Month(2025, 5), new ChartView(ChartZoom.Week, new DateOnly(2025, 5, 14)))!.Value;
        Assert.Equal((0, 1, true, true), monthInWeek);
        var monthEnd = LaneStacking.SpanOf(FuzzyDate.Month(2025, 5), new ChartView(ChartZoom.Week, new DateOnly(2025, 5, 28)))!.Value;
        Assert.Equal((0, 6 / 7.0, true, false), monthEnd); // the week of Mon 26 May to Sun 1 Jun
    }

    [Fact]
    public void Overlapping_meetings_are_stacked_in_rows_and_those_that_do_not_overlap_share_one()
    {
        var layout = LaneStacking.Stack(
        [
            ("month", FuzzyDate.Month(2025, 5)),
            ("3 May", FuzzyDate.Exact(new DateOnly(2025, 5, 3))),
            ("20 May", FuzzyDate.Exact(new DateOnly(2025, 5, 20))),
            ("range", FuzzyDate.Approximate(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 10))),
            ("unknown", FuzzyDate.Unknown),
        ], May2025, maxRows: 5, minWidth: 0);

        Assert.Equal(3, layout.Rows);
        Assert.Equal(0, layout.NotShown);
        Assert.Equal(new Dictionary<string, int> { ["month"] = 0, ["range"] = 1, ["3 May"] = 2, ["20 May"] = 1 },
            layout.Bars.ToDictionary(b => b.Item, b => b.Row));
    }

    [Fact]
    public void A_day_is_drawn_at_least_the_minimum_width_so_the_next_day_goes_below_it()
    {
        (string, FuzzyDate)[] days = [("1", FuzzyDate.Exact(new DateOnly(2025, 5, 1))), ("2", FuzzyDate.Exact(new DateOnly(2025, 5, 2)))];

        Assert.Equal([0, 0], LaneStacking.Stack(days, May2025, maxRows: 4, minWidth: 1 / 31.0).Bars.Select(b => b.Row));
        Assert.Equal([0, 1], LaneStacking.Stack(days, May2025, maxRows: 4, minWidth: 0.05).Bars.Select(b => b.Row));
    }

    [Fact]
    public void What_does_not_fit_in_the_rows_is_counted_not_drawn()
    {
        var same = Enumerable.Range(1, 7).Select(i => (i, FuzzyDate.Exact(new DateOnly(2025, 5, 9))));

        var layout = LaneStacking.Stack(same, May2025, maxRows: 3, minWidth: 0.02);

        Assert.Equal(3, layout.Bars.Count);
        Assert.Equal(3, layout.Rows);
        Assert.Equal(4, layout.NotShown);
    }

    [Fact]
    public void A_lane_with_more_meetings_than_bars_draws_an_even_sample_across_the_window()
    {
        var year = new ChartView(ChartZoom.Year, new DateOnly(2025, 1, 1));
        var daily = Enumerable.Range(0, 100).Select(i => (i, FuzzyDate.Exact(new DateOnly(2025, 1, 1).AddDays(i * 3))));

        var layout = LaneStacking.Stack(daily, year, maxRows: 4, minWidth: 0.01, maxBars: 10);

        Assert.Equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90], layout.Bars.Select(b => b.Item));
        Assert.Equal(90, layout.NotShown);
        Assert.Equal(1, layout.Rows);
    }
}
