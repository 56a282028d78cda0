namespace TalksTracker.Domain;

/// <summary>A half-open character range [Start, End) into a report's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    /// <summary>Why this span cannot point into a text of the given length, or null when it can.</summary>
    public string? ProblemFor(int textLength)
    {
        if (Start < 0)
        {
            return $"The span starts at {Start}; it must start at 0 or later.";
        }

        if (End <= Start)
        {
            return $"The span [{Start}, {End}) is empty or reversed; its end must come after its start.";
        }

        if (End > textLength)
        {
            return $"The span ends at {End}, past the end of the report text ({textLength} characters).";
        }

        return null;
    }

    public string Slice(string text) => text.Substring(Start, Length);
}
