using TalksTracker.Domain.Reading;

namespace TalksTracker.Domain.Tests.Reading;

public class HighlighterTests
{
    [Fact]
    public void Segments_cover_the_whole_text_in_order()
    {
        var segments = Highlighter.Segment(20, [new TextSpan(2, 5), new TextSpan(10, 15)]);

        Assert.Equal(0, segments[0].Start);
        Assert.Equal(20, segments[^1].End);
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal([null, 0, null, 1, null], segments.Select(s => s.SpanIndex));
    }

    [Fact]
    public void Where_spans_overlap_the_inner_one_wins()
    {
        var segments = Highlighter.Segment(10, [new TextSpan(0, 10), new TextSpan(3, 6)]);

        Assert.Equal([(0, 3, (int?)0), (3, 6, 1), (6, 10, 0)], segments.Select(s => (s.Start, s.End, s.SpanIndex)));
    }

    [Fact]
    public void Spans_past_the_text_are_clipped_and_empty_ones_ignored()
    {
        var segments = Highlighter.Segment(5, [new TextSpan(3, 50), new TextSpan(2, 2)]);

        Assert.Equal([(0, 3, (int?)null), (3, 5, 0)], segments.Select(s => (s.Start, s.End, s.SpanIndex)));
    }

    [Fact]
    public void Empty_text_has_no_segments() => Assert.Empty(Highlighter.Segment(0, [new TextSpan(0, 1)]));
}
