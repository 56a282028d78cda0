using TalksTracker.Domain;

namespace TalksTracker.Domain.Tests.Model;

public class FuzzyDateTests
{
    [Fact]
    public void Exact_day_reads_as_the_day()
    {
        var date = FuzzyDate.Exact(new DateOnly(2026, 11, 26));

        Assert.Equal("26 Nov 2026", date.Display);
        Assert.Equal(new DateOnly(2026, 11, 26), date.SortKey);
    }

    [Fact]
    public void Month_reads_as_the_month_and_sorts_by_its_middle()
    {
        var date = FuzzyDate.Month(2026, 11);

        Assert.Equal("Nov 2026", date.Display);
        Assert.Equal(new DateOnly(2026, 11, 1), date.Start);
        Assert.Equal(new DateOnly(2026, 11, 30), date.End);
        Assert.Equal(new DateOnly(2026, 11, 15), date.SortKey);
    }

    [Fact]
    public void Approximate_range_with_a_label_says_how_the_report_put_it()
    {
        var date = FuzzyDate.Approximate(new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 26), "recent weeks");

        Assert.Equal("~ recent weeks before 26 Nov 2026", date.Display);
    }

    [Fact]
    public void Approximate_range_without_a_label_shows_both_ends()
    {
        var date = FuzzyDate.Approximate(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        Assert.Equal("~ 1 Oct 2026 – 31 Oct 2026", date.Display);
    }

    [Fact]
    public void Unknown_date_says_so_and_has_no_sort_key()
    {
        Assert.Equal("date unknown", FuzzyDate.Unknown.Display);
        Assert.Null(FuzzyDate.Unknown.SortKey);
        Assert.False(FuzzyDate.Unknown.IsKnown);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FuzzyDate.Approximate(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void Dates_of_different_precision_sort_sensibly_together()
    {
        var dates = new[]
        {
            FuzzyDate.Unknown,
            FuzzyDate.Exact(new DateOnly(2026, 11, 20)),
            FuzzyDate.Month(2026, 10),
            FuzzyDate.Approximate(new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 26), "recent weeks"),
        };

        var newestFirst = dates.OrderBy(d => d.SortKey is null).ThenByDescending(d => d.SortKey).Select(d => d.Display).ToList();

        Assert.Equal(["20 Nov 2026", "~ recent weeks before 26 Nov 2026", "Oct 2026", "date unknown"], newestFirst);
    }

    [Theory]
    [InlineData(DatePrecision.Exact, "2026-11-26", null, "26 Nov 2026")]
    [InlineData(DatePrecision.Month, "2026-11-01", "2026-11-30", "Nov 2026")]
    [InlineData(DatePrecision.ApproximateRange, "2026-11-01", null, "date unknown")]
    [InlineData(DatePrecision.ApproximateRange, "2026-11-10", "2026-11-01", "date unknown")]
    [InlineData(DatePrecision.Unknown, "2026-11-01", "2026-11-30", "date unknown")]
    public void Rebuilding_from_stored_parts_falls_back_to_unknown_when_parts_are_missing(DatePrecision precision, string? start, string? end, string expected)
    {
        var date = FuzzyDate.FromParts(precision, start is null ? null : DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), null);

        Assert.Equal(expected, date.Display);
    }

    [Fact]
    public void Overlap_is_true_when_any_possible_day_falls_in_the_range()
    {
        var date = FuzzyDate.Month(2026, 11);

        Assert.True(date.Overlaps(new DateOnly(2026, 11, 30), null));
        Assert.True(date.Overlaps(null, new DateOnly(2026, 11, 1)));
        Assert.False(date.Overlaps(new DateOnly(2026, 12, 1), null));
        Assert.False(FuzzyDate.Unknown.Overlaps(null, null));
    }
}
