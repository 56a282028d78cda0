using TalksTracker.Domain;

namespace TalksTracker.Domain.Tests.Model;

public class TextSpanTests
{
    [Theory]
    [InlineData(0, 5, 10)]
    [InlineData(5, 10, 10)]
    public void A_span_inside_the_text_has_no_problem(int start, int end, int length) =>
        Assert.Null(new TextSpan(start, end).ProblemFor(length));

    [Theory]
    [InlineData(-1, 5, 10, "start at 0")]
    [InlineData(5, 5, 10, "empty or reversed")]
    [InlineData(6, 5, 10, "empty or reversed")]
    [InlineData(5, 11, 10, "past the end")]
    public void A_span_outside_the_text_is_explained(int start, int end, int length, string expected) =>
        Assert.Contains(expected, new TextSpan(start, end).ProblemFor(length));

    [Fact]
    public void Slice_returns_exactly_the_spanned_characters() =>
        Assert.Equal("Baku", new TextSpan(9, 13).Slice("Talks in Baku."));
}
