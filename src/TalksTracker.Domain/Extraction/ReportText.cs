namespace TalksTracker.Domain.Extraction;

public enum ReportFormat
{
    PlainText,
    Markdown,
    Html,
}

/// <summary>
/// The plain text the product stores for a report, normalised from what was pasted or uploaded:
/// line endings unified, control characters blanked, entities decoded even in plain text, Markdown syntax and HTML tags removed, HTML
/// entities decoded, script and style content dropped. Claim spans always point into
/// <see cref="Text"/>; <see cref="ToOriginal(TextSpan)"/> maps one back into the original input.
/// </summary>
public sealed class ReportText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private ReportText(string original, ReportFormat format, (string Text, int[] Starts, int[] Ends) built)
    {
        Original = original;
        Format = format;
        (Text, _starts, _ends) = built;
    }

    public string Text { get; }

    public string Original { get; }

    public ReportFormat Format { get; }

    public static ReportText Normalise(string? original, ReportFormat format)
    {
        var raw = original ?? string.Empty;
        var built = format switch
        {
            ReportFormat.Html => HtmlToText.Convert(raw),
            ReportFormat.Markdown => MarkdownToText.Convert(raw),
            _ => PlainText(raw),
        };
        return new ReportText(raw, format, built);
    }

    /// <summary>A guess from the content: HTML if it has block tags, Markdown if it has headings, links or emphasis.</summary>
    public static ReportFormat Detect(string? original)
    {
        var raw = original ?? string.Empty;
        var sample = raw.AsSpan(0, Math.Min(raw.Length, 4096));
        if (sample.Contains("<p", StringComparison.OrdinalIgnoreCase) || sample.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || sample.Contains("<br", StringComparison.OrdinalIgnoreCase) || sample.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || sample.Contains("<body", StringComparison.OrdinalIgnoreCase) || sample.Contains("</", StringComparison.Ordinal))
        {
            return ReportFormat.Html;
        }

        return sample.StartsWith("# ") || sample.Contains("\n#", StringComparison.Ordinal) || sample.Contains("](", StringComparison.Ordinal)
            || sample.Contains("**", StringComparison.Ordinal) || sample.Contains("\n> ", StringComparison.Ordinal)
            ? ReportFormat.Markdown
            : ReportFormat.PlainText;
    }

    /// <summary>The original offset of a normalised offset in [0, Text.Length].</summary>
    public int ToOriginal(int offset)
    {
        if (_starts.Length == 0)
        {
            return 0;
        }

        return offset >= _starts.Length ? _ends[^1] : _starts[Math.Max(0, offset)];
    }

    /// <summary>The original range a span of <see cref="Text"/> came from (tags and markup inside it included).</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.Length <= 0 || span.Start < 0 || span.End > _starts.Length)
        {
            return new TextSpan(ToOriginal(span.Start), ToOriginal(span.Start));
        }

        return new TextSpan(_starts[span.Start], _ends[span.End - 1]);
    }

    private static (string, int[], int[]) PlainText(string raw)
    {
        var builder = new TextMapBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                var end = i + 1 < raw.Length && raw[i + 1] == '\n' ? i + 2 : i + 1;
                builder.Append('\n', i, end);
                i = end - 1;
            }
            else if (c == '&' && HtmlToText.Decode(raw, i) is { Text: not "\uFFFD" } entity)
            {
                // Text copied from a page's source keeps its entities (&amp; &nbsp; &#8217;): decode them, as a browser would.
                builder.Append(entity.Text.Replace('\u00A0', ' '), i, entity.End);
                i = entity.End - 1;
            }
            else if (c == '\uFEFF' || c == '\u200B')
            {
                // Byte order marks and zero-width spaces carry nothing.
            }
            else
            {
                builder.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c, i, i + 1);
            }
        }

        return builder.Build();
    }
}
