namespace TalksTracker.Domain.Extraction;

/// <summary>Judgements about a candidate source phrase: is it one, its head, number and kind.</summary>
internal static class NounPhrase
{
    private const int MaxWords = 14;

    private static readonly WordSet InstitutionWords = new(
        "agency", "organization", "organisation", "union", "council", "committee", "fund", "bank", "court",
        "group", "forces", "movement", "party", "commission", "institute", "foundation", "association",
        "alliance", "league", "front", "brigade", "brigades", "corps", "guard", "nations", "crisis", "forum",
        "federation", "center", "centre", "board", "panel", "tribunal", "observatory", "network", "secretariat",
        "project", "programme", "initiative");

    /// <summary>Possessive determiners that may open a source whose owner is named elsewhere: "its foreign ministry".</summary>
    public static readonly WordSet PossessiveDeterminers = new("its", "his", "her", "their");

    private static readonly WordSet PluralNouns = new("people", "media", "police", "staff", "authorities");

    private static readonly WordSet SingularEndingInS = new("news", "press", "affairs", "status", "analysis", "us");

    /// <summary>Whether the words can name who a statement comes from.</summary>
    public static bool IsPlausibleSource(string[] words)
    {
        if (words.Length == 0 || words.Length > MaxWords * 2 || (words.Length > MaxWords && Array.IndexOf(words, "and") < 0))
        {
            return false;
        }

        if ((words.Length == 1 && Lexicon.Pronouns.Contains(words[0])) || IsGroupReference(words))
        {
            return true;
        }

        if (Lexicon.NonSubjectStarters.Contains(words[0]) || Lexicon.NegatedSubjectStarters.Contains(words[0]))
        {
            return false;
        }

        // "The sultanate", "the Gulf state": a descriptor of a state, resolved to the state later.
        if (words.Length >= 2 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) && State.Descriptor(words[1..]) is not null)
        {
            return true;
        }

        if (words.Length > 1 && PossessiveDeterminers.Contains(words[0]))
        {
            // "its foreign ministry", "his office": the owner is resolved later.
            return IsPlausibleSource(words[1..]);
        }

        var and = Array.FindIndex(words, w => w.Equals("and", StringComparison.OrdinalIgnoreCase));
        if (and > 0 && and < words.Length - 1 && words.Length > MaxWords / 2)
        {
            // A joint subject: "Egyptian Foreign Minister … and his Qatari counterpart …"; each side is judged alone.
            return IsPlausibleSource(words[..and]) && IsPlausibleSource(words[(and + 1)..]);
        }

        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var isVerb = char.IsLower(word[0]) && Lexicon.SpeechVerbs.Contains(word) && !Lexicon.NounLikeVerbs.Contains(word);

            // "Ukraine and its European allies": a possessive after "and" belongs to a joint subject.
            var jointPossessive = i > 0 && PossessiveDeterminers.Contains(word) && words[i - 1].Equals("and", StringComparison.OrdinalIgnoreCase);
            if (isVerb || (Lexicon.ClauseWords.Contains(word) && !jointPossessive) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
                || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        if (OneOfIndex(words) is { } nounIndex)
        {
            return IsPlausibleSource(words[nounIndex..]);
        }

        var head = HeadIndex(words);
        var headWord = WithoutPossessive(words[head]);
        if (headWord.StartsWith("co-", StringComparison.OrdinalIgnoreCase))
        {
            // "the co-chairs", "the co-sponsors": the noun after the prefix heads the phrase.
            headWord = headWord[3..];
        }

        if (Lexicon.RelationNouns.Contains(headWord) && (head <= 1 || !Array.Exists(words[1..head], IsCapitalised)))
        {
            // "Relations soured …, accusing …", "Bilateral ties frayed": a relation between parties does not speak; its parties
            // do. A name that ends in the noun is a body ("the Inter-Services Public Relations").
            return false;
        }

        if (Lexicon.SourceNouns.Contains(headWord) || InstitutionWords.Contains(headWord))
        {
            return true;
        }

        if (Lexicon.Determiners.Contains(headWord) || Lexicon.Pronouns.Contains(headWord))
        {
            return false;
        }

        return IsCapitalised(headWord)
            || (char.IsDigit(headWord[0]) && head > 0 && IsCapitalised(words[head - 1]));
    }

    /// <summary>A bare reference to a member of an earlier group: "another", "the other", "one of them", "a second".</summary>
    public static bool IsGroupReference(string[] words) => words.Length switch
    {
        1 => words[0].Equals("another", StringComparison.OrdinalIgnoreCase) || words[0].Equals("one", StringComparison.OrdinalIgnoreCase),
        2 => (words[0].Equals("the", StringComparison.OrdinalIgnoreCase) || words[0].Equals("a", StringComparison.OrdinalIgnoreCase))
            && (words[1].Equals("other", StringComparison.OrdinalIgnoreCase) || words[1].Equals("second", StringComparison.OrdinalIgnoreCase)
                || words[1].Equals("third", StringComparison.OrdinalIgnoreCase)),
        3 => words[0].Equals("one", StringComparison.OrdinalIgnoreCase) && words[1].Equals("of", StringComparison.OrdinalIgnoreCase)
            && words[2].Equals("them", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The plural a group of this noun is named with: "official" → "officials", "person" → "people".</summary>
    public static string PluralOf(string noun) => noun.ToLowerInvariant() switch
    {
        "person" => "people",
        "spokesman" => "spokesmen",
        "spokeswoman" => "spokeswomen",
        "spokesperson" => "spokespeople",
        "authority" => "authorities",
        "party" => "parties",
        _ => noun + "s",
    };

    /// <summary>For "one of the diplomats": the index of "diplomats" after the determiner; otherwise null.</summary>
    public static int? OneOfIndex(string[] words)
    {
        if (words.Length >= 3 && words[0].Equals("one", StringComparison.OrdinalIgnoreCase)
            && words[1].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            var i = Lexicon.Determiners.Contains(words[2]) && words.Length > 3 ? 3 : 2;
            return i;
        }

        return null;
    }

    /// <summary>The head noun: the last word before a post-modifier ("officials" in "two officials with knowledge of …").</summary>
    public static int HeadIndex(string[] words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (Lexicon.PostModifiers.Contains(words[i]))
            {
                return i - 1;
            }
        }

        return words.Length - 1;
    }

    public static bool IsPlural(string[] words)
    {
        if (words.Length == 0)
        {
            return false;
        }

        if (Lexicon.PluralDeterminers.Contains(words[0]) || words[0].Equals("they", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A joint source, "Tusk and Rutte", is they.
        var and = Array.FindIndex(words, w => w.Equals("and", StringComparison.OrdinalIgnoreCase));
        if (and > 0 && and < words.Length - 1 && char.IsUpper(words[and + 1][0]) && IsCapitalised(words[and - 1]))
        {
            return !Array.Exists(words, w => InstitutionWords.Contains(w) || Lexicon.GovernmentWords.Contains(w) && char.IsUpper(w[0]));
        }

        if (IsPersonName(words))
        {
            return false;
        }

        var headIndex = HeadIndex(words);
        var head = WithoutPossessive(words[headIndex]);
        if (PluralNouns.Contains(head))
        {
            return true;
        }

        // "Sources in the defence establishment": a source noun opening the sentence is capitalised but no name.
        var openingNoun = headIndex == 0 && Lexicon.SourceNouns.Contains(head);
        return head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal)
            && !SingularEndingInS.Contains(head) && (!IsCapitalised(head) || openingNoun);
    }

    /// <summary>A personal name: two or more capitalised words (titles allowed), none of them a body or title noun.</summary>
    public static bool IsPersonName(string[] words)
    {
        var capitalised = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if ((Lexicon.Honorifics.Contains(word) && word.EndsWith('.'))
                || (i > 0 && i < words.Length - 1 && Lexicon.NameParticles.Contains(word)))
            {
                // Titles and particles inside a name: "Lt. Gen. Maly Socheata", "Carlos Fernández de Cossío".
                continue;
            }

            if (!IsCapitalised(word) || Lexicon.SourceNouns.Contains(WithoutPossessive(word))
                || InstitutionWords.Contains(word) || Lexicon.Determiners.Contains(word))
            {
                return false;
            }

            capitalised++;
        }

        return capitalised >= 2;
    }

    public static SourceKind GuessKind(string[] words)
    {
        var head = WithoutPossessive(words[HeadIndex(words)]);
        var lastWord = WithoutPossessive(words[^1]);
        if (ContainsAny(words, Lexicon.MediaWords) || ContainsPair(words, "associated", "press")
            || ContainsPair(words, "news", "agency"))
        {
            return SourceKind.MediaOutlet;
        }

        if (Lexicon.DocumentWords.Contains(head))
        {
            return SourceKind.Document;
        }

        if (ContainsAny(words, Lexicon.AnalystWords))
        {
            return SourceKind.Analyst;
        }

        if (Lexicon.GovernmentWords.Contains(head))
        {
            return SourceKind.GovernmentStatement;
        }

        if (InstitutionWords.Contains(head))
        {
            return SourceKind.Other;
        }

        if (IsCapitalised(lastWord) && !Lexicon.Determiners.Contains(lastWord) && CapitalisedNameWords(words) >= 2)
        {
            return SourceKind.NamedOfficial;
        }

        if (ContainsAny(words, Lexicon.SourceNouns))
        {
            return SourceKind.AnonymousOfficial;
        }

        return words.Length == 1 && IsCapitalised(words[0]) ? SourceKind.GovernmentStatement : SourceKind.Other;
    }

    /// <summary>Whether the phrase can be "he" or "she": a person, not a body or an outlet.</summary>
    public static bool IsPerson(string[] words, SourceKind kind) => kind switch
    {
        // "Army spokesman Brig. Gen. Nabil Abdallah" is a person although "army" names a body.
        SourceKind.NamedOfficial => !Lexicon.OrganisationWords.Contains(WithoutPossessive(words[^1])),
        SourceKind.AnonymousOfficial or SourceKind.Analyst => !Lexicon.OrganisationWords.Contains(WithoutPossessive(words[HeadIndex(words)])),
        _ => false,
    };

    /// <summary>Capitalised, looking past a lower-case Arabic article: "al-Ansari".</summary>
    public static bool IsCapitalised(string word) => IsCapitalised(word.AsSpan());

    /// <summary>Capitalised, looking past a lower-case Arabic article: "al-Ansari".</summary>
    public static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        var dash = word.IndexOf('-');
        if (dash is > 0 and <= 3 && dash + 1 < word.Length && char.IsLower(word[0]))
        {
            return char.IsUpper(word[dash + 1]);
        }

        return word.Length > 0 && char.IsUpper(word[0]);
    }

    public static string WithoutPossessive(string word)
    {
        if (word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’')
        {
            return word[..^2];
        }

        return word.Length > 1 && word[^1] is '\'' or '’' ? word[..^1] : word;
    }

    private static int CapitalisedNameWords(string[] words)
    {
        var count = 0;
        for (var i = words.Length - 1; i >= 0 && (IsCapitalised(words[i]) || (i > 0 && Lexicon.NameParticles.Contains(words[i]))); i--)
        {
            if (IsCapitalised(words[i]) && !Lexicon.Determiners.Contains(words[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool ContainsAny(string[] words, WordSet set)
    {
        foreach (var word in words)
        {
            if (set.Contains(WithoutPossessive(word)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPair(string[] words, string first, string second)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].Equals(first, StringComparison.OrdinalIgnoreCase)
                && words[i + 1].Equals(second, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
