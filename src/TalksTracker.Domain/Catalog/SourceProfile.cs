using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Catalog;

/// <summary>
/// What a source's own words say about it, for an editor creating it from a report: its kind
/// ("a senior Israeli security source" is an anonymous official) and the names of the state or
/// group it speaks for, best first ("Israel"). The catalog decides which of those names is a known
/// actor; this only reads the phrase.
/// </summary>
public sealed record SourceProfile(SourceKind Kind, IReadOnlyList<string> AffiliationNames)
{
    private static readonly WordSet SpokespersonWords = new(
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "mouthpiece");

    /// <summary>Heads of a phrase that names a non-state party speaking as itself: "the group", "the rebels".</summary>
    private static readonly WordSet PartyWords = new(
        "group", "groups", "movement", "militia", "militias", "rebels", "faction", "factions", "party", "front",
        "insurgents", "fighters", "guerrillas", "opposition", "resistance", "brigades", "wing");

    /// <summary>Words that make a phrase an international body rather than a state's: "the UN mission", "the Red Cross".</summary>
    private static readonly WordSet InstitutionWords = new(
        "un", "u.n.", "nations", "union", "nato", "iaea", "icrc", "unhcr", "unicef", "who", "osce", "asean", "igad",
        "ecowas", "organisation", "organization", "commission", "court", "cross", "crescent", "league", "bank",
        "fund", "secretariat", "agency", "bloc");

    /// <summary>Words that say the speaker is a person holding an office, whatever else the phrase names.</summary>
    private static readonly WordSet PersonWords = new(
        "official", "officials", "diplomat", "diplomats", "envoy", "minister", "president", "secretary-general",
        "ambassador", "negotiator", "adviser", "advisor", "commander", "officer", "source", "sources", "aide",
        "chief", "head", "leader", "mediator", "representative", "delegate", "member");

    public static SourceProfile Of(string mention)
    {
        var words = Words(mention);
        if (words.Length == 0)
        {
            return new SourceProfile(SourceKind.Other, []);
        }

        return new SourceProfile(KindOf(words), AffiliationsOf(words));
    }

    private static SourceKind KindOf(string[] words)
    {
        if (words.Any(w => SpokespersonWords.Contains(w)))
        {
            return SourceKind.Spokesperson;
        }

        var kind = NounPhrase.GuessKind(words);
        if (kind is SourceKind.MediaOutlet or SourceKind.Document or SourceKind.Analyst or SourceKind.NamedOfficial)
        {
            return kind;
        }

        var lower = words.Select(w => NounPhrase.WithoutPossessive(w).ToLowerInvariant()).ToArray();
        var personal = lower.Any(w => PersonWords.Contains(w));
        if (!personal && lower.Any(w => InstitutionWords.Contains(w)))
        {
            return SourceKind.Institution;
        }

        if (!personal && PartyWords.Contains(lower[^1]))
        {
            return SourceKind.Party;
        }

        return kind;
    }

    /// <summary>The owner before "'s", the state of a demonym, the place after "of": "Iran's ministry", "Turkish", "minister of Qatar".</summary>
    private static List<string> AffiliationsOf(string[] words)
    {
        var names = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (i + 1 < words.Length && Demonyms.StateOf($"{word} {words[i + 1]}") is { } pairState)
            {
                names.Add(pairState);
                i++;
                continue;
            }

            if (Demonyms.StateOf(NounPhrase.WithoutPossessive(word)) is { } state)
            {
                names.Add(state);
            }
            else if (IsPossessive(word) && NounPhrase.IsCapitalised(word))
            {
                names.Add(OwnerBefore(words, i));
            }
            else if (word.Equals("of", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Length && NounPhrase.IsCapitalised(words[i + 1]))
            {
                names.Add(string.Join(' ', words.Skip(i + 1).TakeWhile(NounPhrase.IsCapitalised)));
            }
            else if (NounPhrase.IsCapitalised(word) && !IsArticle(word) && i + 1 < words.Length && IsLowerPersonWord(words[i + 1]))
            {
                // "a senior Hamas official", "M23 spokesman Bosco Mahoro": the name before a lower-case office word.
                var start = i;
                while (start > 0 && NounPhrase.IsCapitalised(words[start - 1]) && Demonyms.StateOf(words[start - 1]) is null
                    && !IsArticle(words[start - 1]))
                {
                    start--;
                }

                names.Add(string.Join(' ', words[start..(i + 1)]));
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsArticle(string word) => word is "A" or "An" or "The";

    private static bool IsLowerPersonWord(string word) =>
        word.Length > 0 && char.IsLower(word[0]) && (PersonWords.Contains(word) || SpokespersonWords.Contains(word));

    // "United Arab Emirates'" or "Iran's": the capitalised run ending at the possessive.
    private static string OwnerBefore(string[] words, int possessive)
    {
        var start = possessive;
        while (start > 0 && NounPhrase.IsCapitalised(words[start - 1]))
        {
            start--;
        }

        return string.Join(' ', words[start..(possessive + 1)].Select((w, k) => start + k == possessive ? NounPhrase.WithoutPossessive(w) : w));
    }

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || (word.Length > 1 && word[^1] is '\'' or '’');

    private static string[] Words(string mention) =>
        mention.Split((char[])[' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '“', '”', '(', ')', '.', ';', ':'))
            .Where(w => w.Length > 0)
            .ToArray();
}
