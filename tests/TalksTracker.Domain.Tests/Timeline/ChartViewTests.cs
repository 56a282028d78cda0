using TalksTracker.Domain.Timeline;

namespace TalksTracker.Domain.Tests.Timeline;

public class ChartViewTests
{
    private static readonly DateOnly Day = new(2025, 5, 14); // a Wednesday

    [Theory]
    [InlineData(ChartZoom.Decade, "2020-01-01", "2029-12-31", "2020s")]
    [InlineData(ChartZoom.Year, "2025-01-01", "2025-12-31", "2025")]
    [InlineData(ChartZoom.Quarter, "2025-04-01", "2025-06-30", "Q2 2025")]
    [InlineData(ChartZoom.Month, "2025-05-01", "2025-05-31", "May 2025")]
    [InlineData(ChartZoom.Week, "2025-05-12", "2025-05-18", "week of 12 May 2025")]
    public void The_window_is_the_calendar_period_around_the_day(ChartZoom zoom, string start, string end, string title)
    {
        var view = new ChartView(zoom, Day);

        Assert.Equal(DateOnly.Parse(start), view.Start);
        Assert.Equal(DateOnly.Parse(end), view.End);
        Assert.Equal(title, view.Title);
    }

    [Fact]
    public void Panning_moves_one_window_and_zooming_keeps_the_day()
    {
        var quarter = new ChartView(ChartZoom.Quarter, Day);

        Assert.Equal(new DateOnly(2025, 1, 1), quarter.Earlier().Start);
        Assert.Equal(new DateOnly(2025, 7, 1), quarter.Later().Start);
        Assert.Equal(new ChartView(ChartZoom.Month, new DateOnly(2025, 2, 14)), quarter.Earlier().ZoomIn());
        Assert.Equal(new ChartView(ChartZoom.Month, Day), quarter.ZoomIn());
        Assert.Equal(new ChartView(ChartZoom.Year, Day), quarter.ZoomOut());
        Assert.Null(new ChartView(ChartZoom.Week, Day).ZoomIn());
        Assert.Null(new ChartView(ChartZoom.Decade, Day).ZoomOut());
        Assert.Equal(new DateOnly(2025, 5, 5), new ChartView(ChartZoom.Week, Day).Earlier().Start);
    }

    [Fact]
    public void A_year_has_a_tick_per_month_each_zooming_into_its_month()
    {
        var ticks = new ChartView(ChartZoom.Year, Day).Ticks();

        Assert.Equal(12, ticks.Count);
        Assert.Equal(["Jan", "Feb", "Mar"], ticks.Take(3).Select(t => t.Label));
        Assert.All(ticks, t => Assert.Equal(ChartZoom.Month, t.Period));
        Assert.Equal(0, ticks[0].At);
        Assert.Equal(31 / 365.0, ticks[1].At, 6);
    }

    [Fact]
    public void A_month_labels_its_Mondays_and_draws_a_line_for_every_day_and_a_week_labels_every_day()
    {
        var month = new ChartView(ChartZoom.Month, Day).Ticks();
        Assert.Equal(31, month.Count);
        Assert.Equal(["5 May", "12 May", "19 May", "26 May"], month.Where(t => t.Label is not null).Select(t => t.Label));
        Assert.All(month.Where(t => t.Label is not null), t => Assert.Equal(ChartZoom.Week, t.Period));

        var week = new ChartView(ChartZoom.Week, Day).Ticks();
        Assert.Equal(["Mon 12", "Tue 13", "Wed 14", "Thu 15", "Fri 16", "Sat 17", "Sun 18"], week.Select(t => t.Label));
        Assert.All(week, t => Assert.Null(t.Period));
    }

    [Fact]
    public void A_quarter_labels_its_months_and_draws_a_line_for_each_other_Monday()
    {
        var ticks = new ChartView(ChartZoom.Quarter, Day).Ticks();

        Assert.Equal(["Apr 2025", "May 2025", "Jun 2025"], ticks.Where(t => t.Label is not null).Select(t => t.Label));
        Assert.All(ticks.Where(t => t.Label is null), t => Assert.Equal(DayOfWeek.Monday, t.Date.DayOfWeek));
        Assert.Equal(new DateOnly(2025, 4, 7), ticks[1].Date);
    }
}
