namespace TalksTracker.Domain.Search;

/// <summary>A run of snippet text, either plain or a matched word to highlight.</summary>
public sealed record SnippetSegment(string Text, bool IsMatch);

/// <summary>
/// A search snippet as segments, so pages render matches as &lt;mark&gt; elements around plain text
/// and never build HTML from report text. The engine marks matches with two private characters.
/// </summary>
public static class Snippet
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    /// <summary>Splits engine output with <see cref="MatchStart"/>/<see cref="MatchEnd"/> markers into segments; stray markers are dropped.</summary>
    public static IReadOnlyList<SnippetSegment> Split(string? marked)
    {
        var segments = new List<SnippetSegment>();
        if (string.IsNullOrEmpty(marked))
        {
            return segments;
        }

        var inMatch = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var atEnd = i == marked.Length;
            var c = atEnd ? '\0' : marked[i];
            if (!atEnd && c != MatchStart && c != MatchEnd)
            {
                continue;
            }

            if (i > start)
            {
                Add(marked[start..i], inMatch);
            }

            if (!atEnd)
            {
                inMatch = c == MatchStart;
            }

            start = i + 1;
        }

        return segments;

        void Add(string text, bool isMatch)
        {
            if (segments.Count > 0 && segments[^1].IsMatch == isMatch)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            }
            else
            {
                segments.Add(new SnippetSegment(text, isMatch));
            }
        }
    }
}
