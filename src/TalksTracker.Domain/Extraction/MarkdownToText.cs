namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Markdown to text, line by line: headings, quotes, list markers, rules, fences and link
/// definitions removed; inline emphasis, code marks, links ([text](url) keeps text), images
/// (alt text) and inline tags removed; soft-wrapped paragraph lines joined with a space.
/// </summary>
internal static class MarkdownToText
{
    /// <summary>How far a link or inline tag may reach; bounds the work on lines full of '[' or '&lt;'.</summary>
    private const int MaxInlineReach = 2000;

    public static (string, int[], int[]) Convert(string markdown)
    {
        var builder = new TextMapBuilder(markdown.Length);
        var inFence = false;
        var previousWasParagraph = false;
        var lineStart = 0;
        while (lineStart <= markdown.Length)
        {
            var newline = markdown.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? markdown.Length : newline;
            var contentEnd = lineEnd > lineStart && markdown[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var line = markdown.AsSpan(lineStart, contentEnd - lineStart);
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;

            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~"))
            {
                inFence = !inFence;
                builder.AppendBreak(lineStart, paragraph: true);
                previousWasParagraph = false;
            }
            else if (inFence)
            {
                AppendVerbatim(builder, markdown, lineStart, contentEnd);
                builder.AppendBreak(lineEnd, paragraph: false);
            }
            else if (trimmed.IsWhiteSpace() || IsRule(trimmed) || IsLinkDefinition(trimmed))
            {
                builder.AppendBreak(lineStart, paragraph: true);
                previousWasParagraph = false;
            }
            else
            {
                var blockStart = lineStart + indent + BlockMarkerLength(trimmed, out var isBlock);
                if (isBlock || !previousWasParagraph)
                {
                    builder.AppendBreak(lineStart, paragraph: false);
                }
                else
                {
                    builder.AppendSpace(lineStart);
                }

                var inlineEnd = isBlock && trimmed[0] == '#' ? TrimClosingHashes(markdown, blockStart, contentEnd) : contentEnd;
                AppendInline(builder, markdown, blockStart, inlineEnd);
                previousWasParagraph = !(isBlock && trimmed[0] == '#');
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return builder.Build();
    }

    /// <summary>Length of a heading, quote or list marker at the line start ("## ", "> ", "- ", "1. ").</summary>
    private static int BlockMarkerLength(ReadOnlySpan<char> line, out bool isBlock)
    {
        var i = 0;
        while (i < line.Length && line[i] == '>')
        {
            i++;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
        }

        var hashes = i;
        while (hashes < line.Length && line[hashes] == '#' && hashes - i < 6)
        {
            hashes++;
        }

        if (hashes > i && (hashes == line.Length || line[hashes] == ' '))
        {
            isBlock = true;
            return Math.Min(line.Length, hashes + 1);
        }

        if (i + 1 < line.Length && line[i] is '-' or '*' or '+' && line[i + 1] == ' ')
        {
            isBlock = true;
            return i + 2;
        }

        var digits = i;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]) && digits - i < 9)
        {
            digits++;
        }

        if (digits > i && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
        {
            isBlock = true;
            return digits + 2;
        }

        isBlock = i > 0;
        return i;
    }

    private static void AppendInline(TextMapBuilder builder, string md, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var c = md[i];
            if (c == '\\' && i + 1 < end && char.IsAsciiLetterOrDigit(md[i + 1]) is false && !char.IsWhiteSpace(md[i + 1]))
            {
                builder.Append(md[i + 1], i + 1, i + 2);
                i += 2;
            }
            else if (c is '*' or '`' || c == '~' && i + 1 < end && md[i + 1] == '~')
            {
                i += c == '~' ? 2 : 1;
            }
            else if (c == '_' && (i == start || !char.IsLetterOrDigit(md[i - 1]) || i + 1 >= end || !char.IsLetterOrDigit(md[i + 1])))
            {
                i++;
            }
            else if ((c == '[' || c == '!' && i + 1 < end && md[i + 1] == '[') && Link(md, c == '!' ? i + 1 : i, end) is { } link)
            {
                AppendInline(builder, md, link.TextStart, link.TextEnd);
                i = link.End;
            }
            else if (c == '<' && i + 1 < end && (char.IsAsciiLetter(md[i + 1]) || md[i + 1] == '/') && md.IndexOf('>', i, Math.Min(end - i, MaxInlineReach)) is var close and > 0)
            {
                // Inline HTML tag or autolink: keep an autolink's address, drop a tag.
                var inner = md.AsSpan(i + 1, close - i - 1);
                if (inner.Contains("://", StringComparison.Ordinal) || inner.Contains('@'))
                {
                    AppendVerbatim(builder, md, i + 1, close);
                }

                i = close + 1;
            }
            else
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    builder.AppendSpace(i);
                }
                else
                {
                    builder.Append(c, i, i + 1);
                }

                i++;
            }
        }
    }

    /// <summary>"[text](url)" or "[text][ref]" starting at '['.</summary>
    private static (int TextStart, int TextEnd, int End)? Link(string md, int open, int end)
    {
        var depth = 0;
        end = Math.Min(end, open + MaxInlineReach);
        for (var i = open; i < end; i++)
        {
            if (md[i] == '[')
            {
                depth++;
            }
            else if (md[i] == ']' && --depth == 0)
            {
                if (i + 1 < end && md[i + 1] is '(' or '[')
                {
                    var closer = md[i + 1] == '(' ? ')' : ']';
                    var close = md.IndexOf(closer, i + 2, end - i - 2);
                    return close < 0 ? null : (open + 1, i, close + 1);
                }

                return null;
            }
        }

        return null;
    }

    private static void AppendVerbatim(TextMapBuilder builder, string md, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            builder.Append(char.IsControl(md[i]) ? ' ' : md[i], i, i + 1);
        }
    }

    private static int TrimClosingHashes(string md, int start, int end)
    {
        var i = end;
        while (i > start && md[i - 1] is '#' or ' ')
        {
            i--;
        }

        return i == start ? end : i;
    }

    private static bool IsRule(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3)
        {
            return false;
        }

        var c = trimmed[0];
        return c is '-' or '*' or '_' or '=' && !trimmed.ContainsAnyExcept(c, ' ');
    }

    private static bool IsLinkDefinition(ReadOnlySpan<char> line) =>
        line.Length > 3 && line[0] == '[' && line.IndexOf("]:") > 1;
}
