namespace TalksTracker.Domain.Extraction;

/// <summary>
/// How a pasted report text divides into a title and the body sentences to propose as claims.
/// A title typed by the editor wins and the whole text is body; otherwise the first line is the
/// title only when it reads like a headline, and else a title is derived from the first sentence.
/// Bylines, photo captions and link lines ("Read more") are kept in the text but left out of the
/// body, and a dateline ("BEIRUT, Dec 3 (Reuters) -") is left out of the sentence it opens.
/// </summary>
public sealed record ReportLayout(string Title, TextSpan? TitleLine, IReadOnlyList<TextSpan> Body, int SkippedLines)
{
    /// <summary>A headline longer than this is a paragraph that lacks a full stop.</summary>
    public const int MaxHeadlineLength = 160;

    /// <summary>A derived title is the first sentence cut to about this length.</summary>
    public const int DerivedTitleLength = 100;

    private const int MaxDatelineLength = 80;

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "Capt", "Prof", "Lieut", "Sgt", "Supt", "Cmdr", "Brig", "Maj", "Gen", "Col", "Sen", "Rep", "Gov", "Rev", "Hon", "Messrs" };

    private static readonly string[] DatelineSeparators = [" - ", " -- ", " — ", " – ", "—", "–"];

    private static readonly string[] LinkLineOpeners =
        ["read more", "related:", "related coverage", "related stories", "related articles", "click here", "see also", "also read",
         "sign up", "subscribe", "follow us", "share this", "advertisement", "more from", "watch:", "listen:"];

    private static readonly string[] CaptionOpeners = ["file photo", "photo:", "photos:", "picture:", "image:", "caption:", "video:", "graphic:", "file image"];

    private static readonly string[] CreditOpeners = ["reporting by", "additional reporting by", "writing by", "editing by", "compiled by", "produced by", "translated by"];

    /// <param name="text">Normalised report text (see <see cref="ReportText"/>).</param>
    /// <param name="givenTitle">The title the editor typed, or null/blank to find or derive one.</param>
    public static ReportLayout Of(string text, string? givenTitle = null)
    {
        var lines = Lines(text);
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return new ReportLayout(givenTitle?.Trim() ?? string.Empty, null, [], 0);
        }

        TextSpan? titleLine = null;
        var firstLine = lines[first].Slice(text);
        if (string.IsNullOrWhiteSpace(givenTitle)
                ? IsHeadline(firstLine)
                : string.Equals(firstLine, givenTitle.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // A typed title that repeats the first line still keeps that line out of the claims.
            titleLine = lines[first];
        }

        var (body, skipped) = BodyOf(text, lines, titleLine is null ? first : first + 1);
        var title = !string.IsNullOrWhiteSpace(givenTitle) ? givenTitle.Trim()
            : titleLine is { } line ? line.Slice(text)
            : DeriveTitle(FirstSentence(text, body));
        return new ReportLayout(title, titleLine, body, skipped);
    }

    /// <summary>Short, one line, no sentence-final full stop, not a dateline-led sentence, byline, caption or link.</summary>
    public static bool IsHeadline(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length is 0 or > MaxHeadlineLength || !trimmed.Any(char.IsLetter) || char.IsLower(trimmed[0]))
        {
            return false;
        }

        if (trimmed[^1] is '.' or ',' or ';' or ':' && !trimmed.EndsWith("...", StringComparison.Ordinal)
            || trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 25)
        {
            return false;
        }

        return DatelineLength(trimmed) == 0 && !IsBoilerplate(trimmed)
            && SentenceSplitter.Split(trimmed, 0, trimmed.Length).Count <= 1;
    }

    /// <summary>
    /// How many characters at the start of a line are a dateline and the dash after it: "MOSCOW (AP) — ",
    /// "BEIRUT, Dec 3 (Reuters) - ", "Dec 3 (Reuters) - "; 0 when the line does not open with one.
    /// A dateline is short, ends at a dash, and either names a wire in brackets or opens with a place in capitals.
    /// </summary>
    public static int DatelineLength(ReadOnlySpan<char> line)
    {
        var window = line[..Math.Min(line.Length, MaxDatelineLength + 4)];
        var cut = -1;
        var separator = 0;
        foreach (var s in DatelineSeparators)
        {
            var at = window.IndexOf(s, StringComparison.Ordinal);
            if (at > 0 && (cut < 0 || at < cut))
            {
                (cut, separator) = (at, s.Length);
            }
        }

        if (window.IndexOf("/. ", StringComparison.Ordinal) is > 0 and var slash && (cut < 0 || slash < cut) && IsSlashedAgency(window[..(slash + 1)]))
        {
            // TASS: "GENEVA, December 10. /TASS/. The 65th round …".
            (cut, separator) = (slash + 1, 1);
        }

        if (cut < 0)
        {
            return 0;
        }

        var prefix = line[..cut].Trim();
        if (prefix.Length < 2 || prefix.Length > MaxDatelineLength || prefix.IndexOfAny("?!\"“”") >= 0)
        {
            return 0;
        }

        if (!NamesWire(prefix) && !OpensWithCapitalPlace(prefix))
        {
            return 0;
        }

        var end = cut + separator;
        while (end < line.Length && line[end] == ' ')
        {
            end++;
        }

        if (!NamesWire(prefix))
        {
            // RIA Novosti: "MOSCOW, 2 Dec - RIA Novosti. Consultations …": the agency after the dash, closed by a full stop.
            end += AgencyAfterDash(line[end..]);
        }

        // Something must follow: a line that is only "MOSCOW (AP) —" leaves nothing to extract.
        return end < line.Length ? end : 0;

        // The length of "RIA Novosti. " at the start of the text: one to three capitalised words, a full stop, a space and a
        // capital. The last word has four letters or more and is no title, so "Gen. Smith said" or "Mr. Li said" stay text.
        static int AgencyAfterDash(ReadOnlySpan<char> text)
        {
            var stop = text[..Math.Min(text.Length, 32)].IndexOf(". ", StringComparison.Ordinal);
            if (stop < 4 || stop + 2 >= text.Length || !char.IsUpper(text[stop + 2]))
            {
                return 0;
            }

            var words = 0;
            var lastWord = ReadOnlySpan<char>.Empty;
            foreach (var range in text[..stop].Split(' '))
            {
                var word = text[..stop][range];
                if (word.Length == 0 || !char.IsUpper(word[0]))
                {
                    return 0;
                }

                foreach (var c in word)
                {
                    if (!char.IsLetter(c) && c != '-')
                    {
                        return 0;
                    }
                }

                words++;
                lastWord = word;
            }

            var end = stop + 2;
            return words is >= 1 and <= 3 && lastWord.Length >= 4 && !Titles.Contains(lastWord.ToString()) ? end : 0;
        }

        static bool NamesWire(ReadOnlySpan<char> prefix)
        {
            var open = prefix.LastIndexOf('(');
            var close = prefix.LastIndexOf(')');
            return open >= 0 && close == prefix.Length - 1 && close - open is > 2 and < 32 && char.IsUpper(prefix[open + 1]);
        }

        static bool IsSlashedAgency(ReadOnlySpan<char> prefix)
        {
            var open = prefix[..^1].LastIndexOf('/');
            return prefix.Length > 2 && prefix[^1] == '/' && open >= 0 && prefix.Length - 1 - open is > 2 and < 32 && char.IsUpper(prefix[open + 1]);
        }

        static bool OpensWithCapitalPlace(ReadOnlySpan<char> prefix)
        {
            var end = prefix.IndexOfAny(',', '(');
            var place = (end < 0 ? prefix : prefix[..end]).Trim();
            var letters = 0;
            foreach (var c in place)
            {
                if (char.IsLetter(c))
                {
                    if (!char.IsUpper(c))
                    {
                        return false;
                    }

                    letters++;
                }
                else if (c is not (' ' or '/' or '-' or '\'' or '.'))
                {
                    return false;
                }
            }

            return letters >= 2;
        }
    }

    /// <summary>A line that is not report text: a byline, a credit line, a photo caption or a link to elsewhere.</summary>
    public static bool IsBoilerplate(string line)
    {
        var trimmed = line.Trim().TrimStart('(', '[').Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (trimmed.StartsWith("By ", StringComparison.Ordinal) && words.Length <= 12 && words.Length > 1 && char.IsUpper(words[1][0]) && trimmed[^1] != '.')
        {
            return true;
        }

        if (Opens(trimmed, CreditOpeners) || Opens(trimmed, CaptionOpeners) || (Opens(trimmed, LinkLineOpeners) && words.Length <= 30))
        {
            return true;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return true;
        }

        return EndsWithPhotoCredit(trimmed);

        static bool Opens(string line, string[] openers) => openers.Any(o => line.StartsWith(o, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first sentence shortened at a word to about <see cref="DerivedTitleLength"/> characters, with an ellipsis when cut.</summary>
    public static string DeriveTitle(string sentence)
    {
        var s = string.Join(' ', sentence.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (s.Length <= DerivedTitleLength)
        {
            return s.TrimEnd('.').TrimEnd();
        }

        var cut = s.LastIndexOf(' ', DerivedTitleLength);
        var head = (cut < DerivedTitleLength / 2 ? s[..DerivedTitleLength] : s[..cut]).TrimEnd(',', ';', ':', '-', '—', '–', ' ');
        return head + "…";
    }

    /// <summary>Captions end with a picture credit: "(Reuters)", "(AP Photo/Jane Doe)", "REUTERS/Jane Doe/File Photo".</summary>
    private static bool EndsWithPhotoCredit(string line)
    {
        if (line.Length > 400)
        {
            return false;
        }

        if (line.EndsWith(')'))
        {
            var open = line.LastIndexOf('(');
            var credit = open < 0 ? "" : line[(open + 1)..^1];
            var creditWords = credit.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (open > 0 && creditWords.Length is > 0 and <= 5 && creditWords.All(w => char.IsUpper(w[0])) && line[..open].TrimEnd().EndsWith('.'))
            {
                return true;
            }
        }

        var slash = line.LastIndexOf('/');
        if (slash > 0)
        {
            var agencyStart = line.LastIndexOf(' ', slash) + 1;
            var agency = line.AsSpan(agencyStart, slash - agencyStart);
            return agency.Length >= 2 && !agency.ContainsAnyExceptInRange('A', 'Z') && line.AsSpan(0, agencyStart).TrimEnd().EndsWith(".");
        }

        return false;
    }

    private static List<TextSpan> Lines(string text)
    {
        var lines = new List<TextSpan>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var (s, e) = (start, end);
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            lines.Add(new TextSpan(s, e));
            start = end + 1;
        }

        return lines;
    }

    /// <summary>Runs of report lines from a line on, each starting after any dateline; boilerplate lines end a run.</summary>
    private static (List<TextSpan> Body, int Skipped) BodyOf(string text, List<TextSpan> lines, int from)
    {
        var body = new List<TextSpan>();
        var skipped = 0;
        int? runStart = null;
        var runEnd = 0;
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var content = line.Slice(text);
            if (IsBoilerplate(content))
            {
                skipped++;
                Close();
                continue;
            }

            var dateline = DatelineLength(content);
            if (dateline > 0)
            {
                Close();
            }

            runStart ??= line.Start + dateline;
            runEnd = line.End;
        }

        Close();
        return (body, skipped);

        void Close()
        {
            if (runStart is { } s && runEnd > s)
            {
                body.Add(new TextSpan(s, runEnd));
            }

            runStart = null;
        }
    }

    private static string FirstSentence(string text, List<TextSpan> body) =>
        body.Count == 0 ? string.Empty
            : SentenceSplitter.Split(text, body[0].Start, body[0].End) is [var first, ..] ? first.Slice(text) : body[0].Slice(text);
}
