using TalksTracker.Domain.Catalog;

namespace TalksTracker.Domain.Tests.Catalog;

public class MeetingDateInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Each_precision_reads_into_the_date_it_means()
    {
        Assert.Equal(FuzzyDate.Exact(new DateOnly(2026, 11, 24)), Parse(new(DatePrecision.Exact, " 2026-11-24 ")));
        Assert.Equal(FuzzyDate.Month(2026, 11), Parse(new(DatePrecision.Month, "2026-11")));
        Assert.Equal(FuzzyDate.Month(2026, 11), Parse(new(DatePrecision.Month, "2026-11-24")));
        Assert.Equal(FuzzyDate.Approximate(new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 26), "recent weeks"),
            Parse(new(DatePrecision.ApproximateRange, "2026-10-15", "2026-11-26", " recent weeks ")));
        Assert.Equal(FuzzyDate.Unknown, Parse(new(DatePrecision.Unknown, "not looked at", "either")));
    }

    [Theory]
    [InlineData(DatePrecision.Exact, "", null, null, "Start", "Give the day as YYYY-MM-DD.")]
    [InlineData(DatePrecision.Exact, "24/11/2026", null, null, "Start", "“24/11/2026” is not a date written YYYY-MM-DD.")]
    [InlineData(DatePrecision.Month, "November", null, null, "Start", "“November” is not a month written YYYY-MM.")]
    [InlineData(DatePrecision.Month, "2032-01", null, null, "Start", "A meeting date lies between 1900 and 2031.")]
    [InlineData(DatePrecision.ApproximateRange, "2026-11-01", null, null, "End", "Give both ends of the range as YYYY-MM-DD.")]
    [InlineData(DatePrecision.ApproximateRange, "2026-11-26", "2026-10-15", null, "End", "The end of the range comes before its start.")]
    [InlineData(DatePrecision.ApproximateRange, "1899-12-31", "2026-10-15", null, "Start", "A meeting date lies between 1900 and 2031.")]
    [InlineData((DatePrecision)9, null, null, null, "Precision", "Choose how precisely the date is known: exact day, month, approximate range or unknown.")]
    public void A_date_that_does_not_read_names_its_field(DatePrecision precision, string? start, string? end, string? label, string field, string message)
    {
        var (date, problems) = new MeetingDateInput(precision, start, end, label).Parse(Today);

        Assert.Null(date);
        Assert.Equal(message, Assert.Single(problems, p => p.Key == field).Value);
        Assert.Single(problems);
    }

    [Fact]
    public void A_range_label_longer_than_the_column_is_refused()
    {
        var (date, problems) = new MeetingDateInput(DatePrecision.ApproximateRange, "2026-10-01", "2026-11-01", new string('w', 101)).Parse(Today);

        Assert.Null(date);
        Assert.Equal(["Label"], problems.Keys);
    }

    private static FuzzyDate? Parse(MeetingDateInput input)
    {
        var (date, problems) = input.Parse(Today);
        Assert.Empty(problems);
        return date;
    }
}
