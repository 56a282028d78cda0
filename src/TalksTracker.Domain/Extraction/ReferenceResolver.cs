namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Resolves a source phrase to the first full mention of the same source earlier in the report:
/// "the source", "the same source", "the diplomats", "one of the diplomats", "the spokesman",
/// "he", "she", "they", "Mr. Mirzoyan", "Baghaei". A reference takes the most recently used
/// compatible source (same noun, same number; a person for "he"/"she"). Anything else is a new
/// full mention. One instance per report.
/// </summary>
internal sealed class ReferenceResolver
{
    /// <summary>How many earlier sources a reference may reach back over; keeps huge inputs linear.</summary>
    private const int MaxCandidates = 64;

    private static readonly WordSet DefiniteArticles = new("the", "this", "that", "these", "those");

    private readonly List<SourceEntry> _recent = [];
    private readonly Dictionary<string, string> _nameByLastWord = new(StringComparer.OrdinalIgnoreCase);

    public SourceEntry Resolve(Phrase phrase)
    {
        var words = phrase.Words;
        var resolved = words.Length == 1 && Lexicon.Pronouns.Contains(words[0])
            ? ResolvePronoun(words[0])
            : ResolveOneOf(words) ?? ResolveDefinite(words) ?? ResolveSurname(words) ?? FindSame(phrase.Text);
        if (resolved is not null)
        {
            Touch(resolved);
            return resolved;
        }

        var entry = SourceEntry.From(phrase.Text, words);
        if (!(words.Length == 1 && Lexicon.Pronouns.Contains(words[0])))
        {
            Touch(entry);
        }

        return entry;
    }

    /// <summary>Remembers the names in a sentence ("U.S. envoy Morgan Ortagus") so a later bare surname resolves to them.</summary>
    public void ObserveNames(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsWord || !NounPhrase.IsCapitalised(tokens[i].Of(text).ToString()))
            {
                i++;
                continue;
            }

            var start = i;
            var lastCapital = i;
            while (i + 1 < tokens.Count && tokens[i + 1].IsWord
                && (char.IsUpper(tokens[i + 1].Of(text)[0]) || Lexicon.TitleWords.Contains(tokens[i + 1].Of(text))))
            {
                i++;
                if (char.IsUpper(tokens[i].Of(text)[0]))
                {
                    lastCapital = i;
                }
            }

            while (start < lastCapital && (Lexicon.Determiners.Contains(tokens[start].Of(text))
                || Lexicon.NonSubjectStarters.Contains(tokens[start].Of(text))))
            {
                start++;
            }

            if (lastCapital > start)
            {
                var last = NounPhrase.WithoutPossessive(tokens[lastCapital].Of(text).ToString());
                var fullText = text[tokens[start].Start..(tokens[lastCapital].Start + last.Length)];
                _nameByLastWord.TryAdd(last, fullText);
            }

            i++;
        }
    }

    private SourceEntry? ResolvePronoun(string pronoun)
    {
        var lower = pronoun.ToLowerInvariant();
        return FindRecent(e => lower switch
        {
            "he" or "she" => e.IsPerson && !e.IsPlural,
            "they" => e.IsPlural,
            _ => !e.IsPerson && !e.IsPlural,
        });
    }

    /// <summary>"one of the diplomats" points back to a plural mention of diplomats.</summary>
    private SourceEntry? ResolveOneOf(string[] words)
    {
        if (NounPhrase.OneOfIndex(words) is not { } index || index != words.Length - 1)
        {
            return null;
        }

        var noun = words[index];
        return FindRecent(e => e.IsPlural && e.HasWord(noun));
    }

    /// <summary>"the source", "the same source", "the second diplomat", "the officials".</summary>
    private SourceEntry? ResolveDefinite(string[] words)
    {
        if (words.Length < 2 || !DefiniteArticles.Contains(words[0]))
        {
            return null;
        }

        for (var i = 1; i < words.Length - 1; i++)
        {
            if (!Lexicon.ReferenceModifiers.Contains(words[i]))
            {
                return null;
            }
        }

        // A capital makes it a name, not a back-reference: "the Kremlin".
        var noun = words[^1];
        if (!Lexicon.ReferenceNouns.Contains(noun) || !char.IsLower(noun[0]))
        {
            return null;
        }

        var plural = NounPhrase.IsPlural([noun]);
        return FindRecent(e => e.IsPlural == plural && e.HasWord(noun))
            ?? (Lexicon.OfficialNouns.Contains(noun) && !plural
                ? FindRecent(e => e.IsPerson && !e.IsPlural && e.Kind != SourceKind.Analyst && e.HasAnyWord(Lexicon.OfficialNouns))
                : null);
    }

    /// <summary>"Baghaei", "Mr. Mirzoyan": the earlier mention whose name ends with that surname.</summary>
    private SourceEntry? ResolveSurname(string[] words)
    {
        var i = 0;
        while (i < words.Length - 1 && Lexicon.Honorifics.Contains(words[i]))
        {
            i++;
        }

        if (i != words.Length - 1 || !NounPhrase.IsCapitalised(words[i]))
        {
            return null;
        }

        var surname = NounPhrase.WithoutPossessive(words[i]);
        var known = FindRecent(e => e.Words.Length > 1 && e.LastName.Equals(surname, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        return _nameByLastWord.TryGetValue(surname, out var fullName) && fullName.Contains(' ', StringComparison.Ordinal)
            ? FindSame(fullName) ?? SourceEntry.From(fullName, fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    private SourceEntry? FindSame(string text) =>
        FindRecent(e => e.Text.Equals(text, StringComparison.OrdinalIgnoreCase));

    private SourceEntry? FindRecent(Func<SourceEntry, bool> match)
    {
        for (var i = _recent.Count - 1; i >= 0 && i >= _recent.Count - MaxCandidates; i--)
        {
            if (match(_recent[i]))
            {
                return _recent[i];
            }
        }

        return null;
    }

    private void Touch(SourceEntry entry)
    {
        _recent.Remove(entry);
        _recent.Add(entry);
        if (_recent.Count > MaxCandidates * 2)
        {
            _recent.RemoveRange(0, _recent.Count - MaxCandidates);
        }
    }
}

/// <summary>A source as first fully mentioned in a report.</summary>
internal sealed record SourceEntry(string Text, string[] Words, SourceKind Kind, bool IsPlural, bool IsPerson)
{
    public string LastName => NounPhrase.WithoutPossessive(Words[^1]);

    public static SourceEntry From(string text, string[] words)
    {
        var kind = NounPhrase.GuessKind(words);
        return new SourceEntry(text, words, kind, NounPhrase.IsPlural(words), NounPhrase.IsPerson(words, kind));
    }

    public bool HasWord(string word)
    {
        foreach (var w in Words)
        {
            if (NounPhrase.WithoutPossessive(w).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasAnyWord(WordSet set)
    {
        foreach (var w in Words)
        {
            if (set.Contains(w))
            {
                return true;
            }
        }

        return false;
    }
}
