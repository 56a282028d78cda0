namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Finds sentence spans in one forward pass. A sentence ends at terminal punctuation (plus any
/// closing quotes) followed by whitespace and something that can start a sentence, or at a line
/// break. Abbreviations, initials, decimals, ellipses inside a sentence and full stops inside a
/// quotation do not end it.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>A quotation left open longer than this is taken to be a stray quote mark.</summary>
    private const int MaxQuoteLength = 600;

    /// <summary>Words that commonly open a sentence; after "U.S." they decide that the dot ends one.</summary>
    private static readonly WordSet SentenceOpeners = new(
        "the", "a", "an", "it", "he", "she", "they", "we", "i", "but", "in", "this", "that", "these", "those",
        "however", "meanwhile", "on", "at", "its", "his", "her", "their", "there", "as", "after", "while",
        "earlier", "later", "according", "officials", "analysts", "both", "neither", "no");

    public static List<TextSpan> Split(string text, int start, int end)
    {
        var sentences = new List<TextSpan>();
        var sentenceStart = start;
        var quoteOpenedAt = -1;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (LineBreakEndsSentence(text, i, end))
                {
                    Add(text, sentenceStart, i, sentences);
                    sentenceStart = i + 1;
                    quoteOpenedAt = -1;
                }

                i++;
                continue;
            }

            if (quoteOpenedAt >= 0 && i - quoteOpenedAt > MaxQuoteLength)
            {
                quoteOpenedAt = -1;
            }

            if (IsQuote(c))
            {
                quoteOpenedAt = NextQuoteState(text, i, quoteOpenedAt);
                i++;
                continue;
            }

            if (!IsTerminal(c))
            {
                i++;
                continue;
            }

            var runStart = i;
            var j = i;
            while (j < end && IsTerminal(text[j]))
            {
                j++;
            }

            var isSingleDot = c == '.' && j == runStart + 1;

            while (j < end && IsCloser(text[j]))
            {
                if (IsQuote(text[j]))
                {
                    quoteOpenedAt = NextQuoteState(text, j, quoteOpenedAt);
                }

                j++;
            }

            if (EndsSentence(text, runStart, isSingleDot, j, end, quoteOpenedAt >= 0 && !EndsQuotedSentence(text, runStart, j, end, quoteOpenedAt)))
            {
                Add(text, sentenceStart, j, sentences);
                sentenceStart = j;

                // A quotation running on to the next sentence stays open: “We are ready. But not at any price,” he said.
                if (quoteOpenedAt >= 0 && !ContinuesQuotation(text, j, end))
                {
                    quoteOpenedAt = -1;
                }
            }

            i = j;
        }

        Add(text, sentenceStart, end, sentences);
        return sentences;
    }

    private static bool EndsSentence(string text, int runStart, bool isSingleDot, int runEnd, int end, bool insideQuote)
    {
        if (runEnd >= end)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[runEnd]) || insideQuote)
        {
            return false;
        }

        var next = runEnd;
        while (next < end && char.IsWhiteSpace(text[next]) && text[next] != '\n')
        {
            next++;
        }

        if (next >= end || text[next] == '\n')
        {
            return true;
        }

        if (!CanStartSentence(text, next))
        {
            return false;
        }

        if (!isSingleDot)
        {
            return true;
        }

        var word = WordBefore(text, runStart);
        if (word.IsEmpty || char.IsDigit(word[^1]))
        {
            return true;
        }

        if (Lexicon.IsAbbreviation(word, text.AsSpan(next, end - next)) || word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        // "U.S." ends a sentence only when the next word is one that typically opens one.
        return !word.Contains('.') || SentenceOpeners.Contains(WordAt(text, next, end));
    }

    /// <summary>
    /// Inside a quotation, a full stop, "?" or "!" ends a sentence when a capitalised word follows on the same line
    /// and the quotation runs on, unclosed, to the end of the paragraph (“Diplomacy is not dead. But it cannot …¶), or
    /// the quotation opens its paragraph, news style, before its attribution: “A. B,” he said.
    /// </summary>
    private static bool EndsQuotedSentence(string text, int runStart, int runEnd, int end, int quoteOpenedAt)
    {
        if (runEnd >= end || text[runEnd] != ' ' || runEnd + 1 >= end || !char.IsUpper(text[runEnd + 1]))
        {
            return false;
        }

        // The quotation must hold at least three words before the stop: not “U.S. Army.”-like fragments.
        var words = 0;
        for (var i = runStart - 1; i >= 0 && words < 3 && !IsQuote(text[i]) && text[i] != '\n'; i--)
        {
            if (text[i] == ' ')
            {
                words++;
            }
        }

        if (words < 3)
        {
            return false;
        }

        // A quotation left open to the end of its paragraph (news style: the next paragraph reopens it) is split, and
        // so is one that opens its paragraph (a one-paragraph quote in news style: “A. B,” he said.); a quotation
        // closed inside a paragraph of reported speech stays one sentence with its attribution.
        for (var i = runEnd; i < end && i - runEnd < MaxQuoteLength; i++)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (text[i] is '”' or '"' or '»')
            {
                return OpensParagraph(text, quoteOpenedAt);
            }
        }

        return runEnd + MaxQuoteLength >= end;
    }

    /// <summary>Whether only white space stands between the start of the line and <paramref name="at"/>.</summary>
    private static bool OpensParagraph(string text, int at)
    {
        for (var i = at - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the quotation is still open after a sentence ends inside it: no closing mark before the next one.</summary>
    private static bool ContinuesQuotation(string text, int from, int end)
    {
        for (var i = from; i < end && text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return !IsQuote(text[i]);
            }
        }

        return false;
    }

    private static bool LineBreakEndsSentence(string text, int i, int end)
    {
        // A single line break followed by a lower-case word is a soft wrap inside a sentence.
        var next = i + 1;
        while (next < end && text[next] is ' ' or '\t' or '\r')
        {
            next++;
        }

        return next >= end || !char.IsLower(text[next]);
    }

    private static bool CanStartSentence(string text, int i)
    {
        var c = text[i];
        if (char.IsLower(c))
        {
            return false;
        }

        // Upper case, caseless scripts (Arabic, Hebrew), digits, quotes, brackets and symbols all may open one.
        return !char.IsLowSurrogate(c);
    }

    private static ReadOnlySpan<char> WordBefore(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return text.AsSpan(start, dot - start);
    }

    private static ReadOnlySpan<char> WordAt(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsLetter(text[i]))
        {
            i++;
        }

        return text.AsSpan(start, i - start);
    }

    private static int NextQuoteState(string text, int i, int quoteOpenedAt)
    {
        var c = text[i];
        return c switch
        {
            '“' or '„' or '«' => i,
            '”' or '»' => -1,
            '"' => quoteOpenedAt >= 0 ? -1 : i,
            _ => quoteOpenedAt,
        };
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or '»' or ')' or ']';

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…' or '؟' or '۔' or '。' or '！' or '？';

    /// <summary>Adds the span trimmed of white space, if it holds any letter or digit.</summary>
    private static void Add(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]))
            {
                sentences.Add(new TextSpan(start, end));
                return;
            }
        }
    }
}
