namespace TalksTracker.Domain.Timeline;

/// <summary>Where one meeting is drawn in its lane: a span of the window (0 to 1) and a row.</summary>
/// <param name="ClippedStart">The date begins before the window (the bar runs off its left edge).</param>
/// <param name="ClippedEnd">The date ends after the window.</param>
public sealed record ChartBar<T>(T Item, double Start, double End, bool ClippedStart, bool ClippedEnd, int Row)
{
    public double Width => End - Start;
}

/// <summary>A lane's bars, stacked in rows, and how many meetings in the window did not fit.</summary>
public sealed record LaneLayout<T>(IReadOnlyList<ChartBar<T>> Bars, int Rows, int NotShown);

public static class LaneStacking
{
    /// <summary>
    /// The part of the window a date covers, drawn with its precision: an exact day is that day, a month the whole month,
    /// an approximate range the range. Null when the date is unknown or falls outside the window.
    /// </summary>
    public static (double Start, double End, bool ClippedStart, bool ClippedEnd)? SpanOf(FuzzyDate date, ChartView view)
    {
        if (!date.Overlaps(view.Start, view.End))
        {
            return null;
        }

        var (first, last) = (date.Start!.Value, date.End!.Value);
        var clippedStart = first < view.Start;
        var clippedEnd = last > view.End;
        return (view.PositionOf(clippedStart ? view.Start : first), view.PositionOf((clippedEnd ? view.End : last).AddDays(1)), clippedStart, clippedEnd);
    }

    /// <summary>
    /// Stacks the meetings of one lane: each in the first row where it does not overlap the bar before it (a bar is drawn
    /// at least <paramref name="minWidth"/> of the window wide, so a single day stays visible and clickable), earliest
    /// first and longer first on the same start. What does not fit in <paramref name="maxRows"/> rows is counted, not drawn.
    /// A lane with more than <paramref name="maxBars"/> meetings in the window draws an even sample of them across time (every
    /// second, third… in date order), so a decade of a busy track shows where its meetings fall without drawing thousands.
    /// </summary>
    public static LaneLayout<T> Stack<T>(IEnumerable<(T Item, FuzzyDate Date)> meetings, ChartView view, int maxRows, double minWidth,
        int maxBars = int.MaxValue)
    {
        var spans = meetings
            .Select(m => (m.Item, Span: SpanOf(m.Date, view)))
            .Where(m => m.Span is not null)
            .Select(m => (m.Item, Span: m.Span!.Value))
            .OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.End)
            .ToList();
        var notShown = 0;
        if (spans.Count > maxBars)
        {
            var step = (double)spans.Count / maxBars;
            notShown = spans.Count - maxBars;
            spans = Enumerable.Range(0, maxBars).Select(i => spans[(int)(i * step)]).ToList();
        }

        var rowEnds = new List<double>();
        var bars = new List<ChartBar<T>>();
        foreach (var (item, span) in spans)
        {
            var drawnEnd = Math.Max(span.End, span.Start + minWidth);
            var row = rowEnds.FindIndex(end => end <= span.Start);
            if (row < 0 && rowEnds.Count < maxRows)
            {
                rowEnds.Add(0);
                row = rowEnds.Count - 1;
            }

            if (row < 0)
            {
                notShown++;
                continue;
            }

            rowEnds[row] = drawnEnd;
            bars.Add(new ChartBar<T>(item, span.Start, span.End, span.ClippedStart, span.ClippedEnd, row));
        }

        return new LaneLayout<T>(bars, rowEnds.Count, notShown);
    }
}
