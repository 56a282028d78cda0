using System.Globalization;
using System.Text;

namespace TalksTracker.Domain.Search;

/// <summary>One thing the user asked to find: a word, a "quoted phrase", or a word ending in * (prefix).</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix);

/// <summary>
/// What a user typed into a search box, made safe for a full-text engine. Every word or phrase is
/// quoted (so AND, OR, NOT, NEAR(, parentheses, ^, :, - are plain words), a trailing * asks for a
/// prefix, and the terms are AND-ed. Text beyond <see cref="MaxCharacters"/> characters or
/// <see cref="MaxTerms"/> terms is left out, and <see cref="Truncated"/> says so.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<SearchTerm> Terms, bool Truncated)
{
    public const int MaxCharacters = 500;
    public const int MaxTerms = 32;

    public static SearchQuery Empty { get; } = new("", [], false);

    /// <summary>True when nothing searchable was typed (blank, or only punctuation and symbols).</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The SQLite FTS5 MATCH expression, e.g. <c>"moscow" "baku"*</c>; null when there is nothing to search.</summary>
    public string? Fts5Match => ExpandedQuery.Exact(this).Fts5Match;

    /// <summary>A note for the user when part of the query was left out.</summary>
    public string? Notice => Truncated
        ? $"Only the first {MaxTerms} words (up to {MaxCharacters} characters) of the query were searched."
        : null;

    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Empty;
        }

        var truncated = false;
        var text = input;
        if (text.Length > MaxCharacters)
        {
            var cut = char.IsHighSurrogate(text[MaxCharacters - 1]) ? MaxCharacters - 1 : MaxCharacters;
            text = text[..cut];
            truncated = true;
        }

        text = WithoutControls(text).Trim();

        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            SearchTerm term;
            var close = text[i] == '"' ? text.IndexOf('"', i + 1) : -1;
            if (close > i)
            {
                // A "quoted phrase": its words must appear together, in order.
                var phrase = Collapse(text[(i + 1)..close]);
                i = close + 1;
                var prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }

                term = new SearchTerm(phrase, IsPhrase: true, IsPrefix: prefix);
            }
            else
            {
                var start = text[i] == '"' ? i + 1 : i; // an unbalanced quote is only punctuation
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }

                var word = text[start..end];
                i = Math.Max(end, i + 1);
                var prefix = word.EndsWith('*');
                term = new SearchTerm(prefix ? word.TrimEnd('*') : word, IsPhrase: false, IsPrefix: prefix);
            }

            if (!HasWordCharacter(term.Text))
            {
                continue; // only punctuation, symbols or emoji: the index holds no such word
            }

            if (terms.Count == MaxTerms)
            {
                truncated = true;
                break;
            }

            terms.Add(term);
        }

        return new SearchQuery(string.Join(" ", terms.Select(t => t.IsPhrase ? $"\"{t.Text}\"" : t.Text + (t.IsPrefix ? "*" : ""))), terms, truncated);
    }

    /// <summary>
    /// Whether a name (an actor's, or an alias) is what the query asks for: it equals the whole query
    /// or one of its terms, or starts with a prefix term — ignoring case and diacritics.
    /// </summary>
    public bool MatchesName(string name)
    {
        if (IsEmpty)
        {
            return false;
        }

        var wanted = Fold(name);
        if (wanted.Length == 0)
        {
            return false;
        }

        if (_foldedWhole == wanted)
        {
            return true;
        }

        for (var i = 0; i < Terms.Count; i++)
        {
            if (Terms[i].IsPrefix ? wanted.StartsWith(_foldedTerms[i], StringComparison.Ordinal) : _foldedTerms[i] == wanted)
            {
                return true;
            }
        }

        return false;
    }

    // Folded once: a search matches every actor's name and aliases against them (hundreds of names a query).
    private readonly string _foldedWhole = Fold(string.Join(" ", Terms.Select(t => t.Text)));
    private readonly string[] _foldedTerms = [.. Terms.Select(t => Fold(t.Text))];

    /// <summary>One term as an FTS5 string (a quoted phrase, with * for a prefix): no operator can come from the user.</summary>
    public static string ToFts5(SearchTerm term) => "\"" + term.Text.Replace("\"", "\"\"") + "\"" + (term.IsPrefix ? "*" : "");

    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // The characters the index tokenizer keeps in words (Unicode letters, digits, private use).
    private static bool HasWordCharacter(string text) =>
        text.Any(c => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse);

    /// <summary>Lower case, without diacritics, words separated by single spaces.</summary>
    public static string Fold(string text)
    {
        // Plain ASCII (most names and queries) has no diacritic to take apart: no normalisation, no mark to drop.
        var ascii = Ascii.IsValid(text);
        var decomposed = ascii ? text : WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (!ascii && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Control characters (NUL, the snippet markers) are never part of a word: spaces stand in for them.</summary>
    public static string WithoutControls(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    // Broken UTF-16 (a lone surrogate) cannot be normalised; it is no letter, so a space stands in for it.
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? ' ' : text[i]);
            }
        }

        return builder.ToString();
    }
}
