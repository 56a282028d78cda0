namespace TalksTracker.Domain.Intake;

/// <summary>What a report text must be before it is taken in; limits are documented in the README.</summary>
public static class ReportInput
{
    /// <summary>Two million characters: far above any news report, well below what would strain a page.</summary>
    public const int MaxTextLength = 2_000_000;

    /// <summary>Why a text cannot be taken in as a report, or null when it can.</summary>
    public static string? ProblemWith(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The report text is empty.";
        }

        if (text.Length > MaxTextLength)
        {
            return $"The report text has {text.Length:N0} characters; the limit is {MaxTextLength:N0}.";
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return "The report text contains NUL characters: it looks like a binary file, not text.";
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                control++;
            }
            else if (c == '\uFFFD')
            {
                control++;
            }
        }

        return control > text.Length / 100 + 2
            ? "The report text is not readable text (broken encoding or a binary file)."
            : null;
    }

    /// <summary>Line endings made uniform and trailing blank space dropped, so the same report hashes the same.</summary>
    public static string Canonical(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
