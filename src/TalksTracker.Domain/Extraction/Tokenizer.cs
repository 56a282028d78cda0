using System.Globalization;

namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Splits a sentence into words and punctuation in one forward pass. Words keep internal dots,
/// apostrophes and hyphens ("U.S.", "Iran's", "al-Din", "60,000") so that abbreviations and
/// possessives stay one word; quotation state is tracked so speech verbs inside quotes are ignored.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, TextSpan span) => Tokenize(text, span, new List<Token>(Math.Max(4, span.Length / 5)));

    /// <summary>Tokenizes into <paramref name="tokens"/>, cleared first, so one list can serve every sentence of a report.</summary>
    /// <param name="startsInQuote">The sentence continues a quotation opened in the sentence before it.</param>
    public static List<Token> Tokenize(string text, TextSpan span, List<Token> tokens, bool startsInQuote = false)
    {
        tokens.Clear();
        var inDouble = startsInQuote;
        var inSingle = false;
        var i = span.Start;
        var end = span.End;
        while (i < end)
        {
            var c = text[i];
            if (IsWordStart(text, i))
            {
                var wordEnd = ScanWord(text, i, end, inSingle);
                tokens.Add(new Token(i, wordEnd, TokenKind.Word, inDouble || inSingle));
                i = wordEnd;
                continue;
            }

            if (c == '(' && tokens.Count > 0 && tokens[^1].IsWord && char.IsUpper(text[tokens[^1].Start]) && AcronymAfterName(text, i, end) is { } after)
            {
                // "The Southern African Development Community (SADC) and …": the acronym of a name is part of it.
                i = after;
                continue;
            }

            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            TokenKind? kind = null;
            switch (c)
            {
                case '"':
                    kind = inDouble ? TokenKind.CloseQuote : TokenKind.OpenQuote;
                    inDouble = !inDouble;
                    break;
                case '“' or '„' or '«':
                    kind = TokenKind.OpenQuote;
                    inDouble = true;
                    break;
                case '”' or '»':
                    kind = TokenKind.CloseQuote;
                    inDouble = false;
                    break;
                case '‘':
                    kind = TokenKind.OpenQuote;
                    inSingle = true;
                    break;
                case '’' or '\'':
                    kind = inSingle ? TokenKind.CloseQuote : TokenKind.Other;
                    inSingle = false;
                    break;
                case ',' or '،':
                    kind = TokenKind.Comma;
                    break;
                case ':':
                    kind = TokenKind.Colon;
                    break;
                case ';':
                    kind = TokenKind.Semicolon;
                    break;
                case '—' or '–' or '-':
                    kind = TokenKind.Dash;
                    break;
                case '(' or ')' or '[' or ']' or '{' or '}':
                    kind = TokenKind.Bracket;
                    break;
                case '.' or '!' or '?' or '…' or '؟' or '۔' or '。' or '！' or '？':
                    kind = TokenKind.Terminal;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        kind = TokenKind.Other;
                    }

                    break;
            }

            if (kind is { } k)
            {
                tokens.Add(new Token(i, i + length, k, inDouble || inSingle));
            }

            i += length;
        }

        return tokens;
    }

    /// <summary>
    /// The index after "(SADC)" at <paramref name="open"/> when the brackets hold one capitalised acronym and a word or a
    /// comma follows: the acronym of the name before it. Not a dateline's "(AFP) -" nor a possessive "(ECOWAS)'s".
    /// </summary>
    private static int? AcronymAfterName(string text, int open, int end)
    {
        if (AcronymEnd(text, open, end) is not { } after)
        {
            return null;
        }

        var next = after;
        while (next < end && text[next] == ' ')
        {
            next++;
        }

        return next < end && (text[next] == ',' || (next > after && char.IsLetter(text[next]))) ? after : null;
    }

    /// <summary>The index after "(SADC)" when <paramref name="open"/> opens brackets holding one capitalised acronym, else null.</summary>
    public static int? AcronymEnd(string text, int open, int end)
    {
        if (open >= end || text[open] != '(')
        {
            return null;
        }

        var close = open + 1;
        while (close < end && close - open <= 9 && (char.IsUpper(text[close]) || (close > open + 1 && text[close] is '-' or '&')))
        {
            close++;
        }

        return close - open >= 3 && close < end && text[close] == ')' ? close + 1 : null;
    }

    /// <summary>True when a letter or digit starts at <paramref name="i"/> (surrogate pairs included).</summary>
    public static bool IsWordStart(string text, int i) =>
        char.IsLetterOrDigit(text, i) && !char.IsLowSurrogate(text[i]);

    public static bool IsWordChar(string text, int i)
    {
        if (char.IsLowSurrogate(text[i]))
        {
            return false;
        }

        if (char.IsLetterOrDigit(text, i))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static int ScanWord(string text, int start, int end, bool inSingleQuote)
    {
        var i = start;
        var hasDot = false;
        while (i < end)
        {
            if (IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                continue;
            }

            var c = text[i];
            var nextIsWord = i + 1 < end && IsWordChar(text, i + 1);
            var joins = c switch
            {
                '.' => nextIsWord && char.IsLetter(text[i + 1]) || nextIsWord && char.IsDigit(text[i - 1]),
                '\'' or '’' => nextIsWord && char.IsLetter(text[i - 1]),
                '-' or '‐' or '‑' => nextIsWord,
                ',' => nextIsWord && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]),
                _ => false,
            };
            if (!joins)
            {
                break;
            }

            hasDot |= c == '.';
            i++;
        }

        // A trailing dot belongs to acronyms ("U.S."), initials ("J.") and known abbreviations ("Gen.").
        if (i < end && text[i] == '.')
        {
            var word = text.AsSpan(start, i - start);
            if (hasDot || (word.Length == 1 && char.IsUpper(word[0])) || Lexicon.IsAbbreviation(word, text.AsSpan(i + 1, end - i - 1)))
            {
                i++;
            }
        }

        // A plural possessive ("peacekeepers' headquarters") keeps its apostrophe, unless it closes a quote.
        if (!inSingleQuote && i < end && text[i] is '\'' or '’' && text[i - 1] is 's' or 'S'
            && (i + 1 >= end || !IsWordChar(text, i + 1)))
        {
            i++;
        }

        return i;
    }
}
