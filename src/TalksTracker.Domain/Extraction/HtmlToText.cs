using System.Globalization;

namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Simple HTML to text in one pass: tags removed (block tags become line breaks), comments,
/// script, style and similar content dropped, entities decoded, white space collapsed as a browser would.
/// </summary>
internal static class HtmlToText
{
    private const int MaxEntityLength = 32;

    private static readonly WordSet DroppedElements = new("script", "style", "noscript", "template", "svg", "iframe", "object", "head");

    private static readonly WordSet BlockElements = new(
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote",
        "section", "article", "header", "footer", "aside", "nav", "main", "figure", "figcaption", "pre", "hr",
        "dl", "dt", "dd", "title", "body", "html", "form", "address", "caption");

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = " ",
        ["ndash"] = "–", ["mdash"] = "—", ["lsquo"] = "‘", ["rsquo"] = "’", ["ldquo"] = "“", ["rdquo"] = "”",
        ["sbquo"] = "‚", ["bdquo"] = "„", ["hellip"] = "…", ["laquo"] = "«", ["raquo"] = "»", ["copy"] = "©",
        ["reg"] = "®", ["trade"] = "™", ["euro"] = "€", ["pound"] = "£", ["shy"] = "", ["zwnj"] = "", ["zwj"] = "",
        ["lrm"] = "", ["rlm"] = "", ["thinsp"] = " ", ["ensp"] = " ", ["emsp"] = " ", ["middot"] = "·", ["bull"] = "•",
        ["deg"] = "°", ["prime"] = "′", ["Prime"] = "″", ["times"] = "×", ["eacute"] = "é", ["egrave"] = "è",
        ["aacute"] = "á", ["agrave"] = "à", ["iacute"] = "í", ["oacute"] = "ó", ["uacute"] = "ú", ["ntilde"] = "ñ",
        ["ccedil"] = "ç", ["uuml"] = "ü", ["ouml"] = "ö", ["auml"] = "ä", ["szlig"] = "ß",
    };

    public static (string, int[], int[]) Convert(string html)
    {
        var builder = new TextMapBuilder(html.Length / 2);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = SkipMarkup(html, i, builder);
            }
            else if (c == '&' && Decode(html, i) is { } entity)
            {
                AppendText(builder, entity.Text, i, entity.End);
                i = entity.End;
            }
            else
            {
                AppendText(builder, c.ToString(), i, i + 1);
                i++;
            }
        }

        return builder.Build();
    }

    private static void AppendText(TextMapBuilder builder, string text, int start, int end)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' || char.IsControl(c))
            {
                builder.AppendSpace(start);
            }
            else
            {
                builder.Append(c == '\u00A0' ? ' ' : c, start, end);
            }
        }
    }

    /// <summary>Skips a tag, comment or dropped element starting at '&lt;'; block tags leave a line break.</summary>
    private static int SkipMarkup(string html, int i, TextMapBuilder builder)
    {
        if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        var nameStart = i + 1 < html.Length && html[i + 1] == '/' ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        var isTag = nameEnd > nameStart || (nameStart < html.Length && html[nameStart] is '!' or '?');
        if (!isTag)
        {
            // A lone '<' is text ("a < b").
            AppendText(builder, "<", i, i + 1);
            return i + 1;
        }

        var tagEnd = html.IndexOf('>', nameEnd);
        var after = tagEnd < 0 ? html.Length : tagEnd + 1;
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        var closing = nameStart == i + 2;
        if (!closing && DroppedElements.Contains(name))
        {
            var endTag = html.IndexOf("</" + name.ToString(), after, StringComparison.OrdinalIgnoreCase);
            if (endTag < 0)
            {
                return html.Length;
            }

            var endTagClose = html.IndexOf('>', endTag);
            return endTagClose < 0 ? html.Length : endTagClose + 1;
        }

        if (BlockElements.Contains(name))
        {
            var paragraph = !name.Equals("br", StringComparison.OrdinalIgnoreCase) && !name.Equals("li", StringComparison.OrdinalIgnoreCase);
            builder.AppendBreak(i, paragraph);
        }
        else if (name is "td" or "th")
        {
            builder.AppendSpace(i);
        }

        return after;
    }

    /// <summary>The entity at '&amp;' (named or numeric), or null when there is none; a bad number decodes to U+FFFD.</summary>
    internal static (string Text, int End)? Decode(string html, int i)
    {
        var semicolon = html.IndexOf(';', i + 1, Math.Min(MaxEntityLength, html.Length - i - 1));
        if (semicolon < 0)
        {
            return null;
        }

        var body = html.AsSpan(i + 1, semicolon - i - 1);
        if (body.Length > 1 && body[0] == '#')
        {
            var hex = body[1] is 'x' or 'X';
            var digits = hex ? body[2..] : body[1..];
            var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (!int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code)
                || code is <= 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                return ("\uFFFD", semicolon + 1);
            }

            return (char.ConvertFromUtf32(code), semicolon + 1);
        }

        return Entities.TryGetValue(body.ToString(), out var text) ? (text, semicolon + 1) : null;
    }
}
