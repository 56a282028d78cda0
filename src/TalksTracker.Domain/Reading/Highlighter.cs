namespace TalksTracker.Domain.Reading;

/// <summary>A run of report text, highlighted as the span at <see cref="SpanIndex"/> or plain (null).</summary>
public readonly record struct HighlightSegment(int Start, int End, int? SpanIndex);

/// <summary>
/// Cuts a text into runs so every claim span can be highlighted. Where spans overlap, the
/// innermost (latest-starting) span wins; spans outside the text are clipped, empty ones ignored.
/// </summary>
public static class Highlighter
{
    public static IReadOnlyList<HighlightSegment> Segment(int textLength, IReadOnlyList<TextSpan> spans)
    {
        if (textLength <= 0)
        {
            return [];
        }

        var cuts = new SortedSet<int> { 0, textLength };
        foreach (var s in spans)
        {
            var (start, end) = (Math.Clamp(s.Start, 0, textLength), Math.Clamp(s.End, 0, textLength));
            if (end > start)
            {
                cuts.Add(start);
                cuts.Add(end);
            }
        }

        var segments = new List<HighlightSegment>(cuts.Count);
        var previous = 0;
        foreach (var cut in cuts.Skip(1))
        {
            segments.Add(new HighlightSegment(previous, cut, Covering(spans, previous, cut)));
            previous = cut;
        }

        return segments;
    }

    private static int? Covering(IReadOnlyList<TextSpan> spans, int start, int end)
    {
        int? best = null;
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Start <= start && s.End >= end && s.End > s.Start && (best is null || s.Start > spans[best.Value].Start))
            {
                best = i;
            }
        }

        return best;
    }
}
