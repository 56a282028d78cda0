namespace TalksTracker.Domain.Linking;

/// <summary>
/// Finds the agenda items a sentence speaks of by their words rather than their exact title: "limit the presence of
/// non-state armed groups" is about "Limiting non-state armed groups", "the continuation of the Russian military
/// presence in southern Syria" about "Continued Russian military presence in southern Syria". Words are compared by a
/// crude stem (inflection stripped, first five letters), and an item matches when the sentence has more than half of
/// its title's content words and at least two of them (one when the title has one): a shared generic word or two
/// ("Turkish military") is not enough for "Expanded Turkish military role".
/// </summary>
/// <remarks>Built once for a catalog's items and used for every sentence of a report.</remarks>
public sealed class AgendaMatcher<T>(IEnumerable<(T Id, string Title)> items)
{
    private readonly List<(T Id, HashSet<string> Stems)> _items =
        [.. items.Select(item => (item.Id, AgendaWords.Stems(item.Title))).Where(item => item.Item2.Count > 0)];

    /// <summary>The ids of the items whose titles the sentence speaks of, best match first.</summary>
    public IReadOnlyList<T> Matching(string sentence)
    {
        var order = AgendaWords.StemsInOrder(sentence);
        var words = order.ToHashSet();
        return _items
            .Select(item => (item.Id, item.Stems.Count, Matched: item.Stems.Count(words.Contains), First: order.FindIndex(item.Stems.Contains)))
            .Where(item => item.Matched >= Math.Min(2, item.Count) && item.Matched * 2 > item.Count)
            .OrderByDescending(item => item.Matched)
            .ThenByDescending(item => (double)item.Matched / item.Count)
            // Two items named as fully: the one named first is what the sentence is about ("a prisoner exchange to pave
            // the way for a ceasefire extension"); the catalogue's order says nothing.
            .ThenBy(item => item.First)
            .Select(item => item.Id)
            .ToList();
    }
}

/// <summary>Content words compared by stem, as <see cref="AgendaMatcher{T}"/> compares them.</summary>
public static class AgendaWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "near", "between", "by", "from", "at", "and", "or",
        "its", "their", "into", "over", "as", "about", "per", "than",
    };

    private static readonly string[] Suffixes = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"];

    private const int StemLength = 5;

    /// <summary>Words the press uses for one another in talks ("truce" for "ceasefire"), by stem: each read as the first.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        [Stem("truce")] = Stem("ceasefire"), [Stem("swap")] = Stem("exchange"), [Stem("handover")] = Stem("transfer"),
        [Stem("pullback")] = Stem("withdraw"), [Stem("pullout")] = Stem("withdraw"), [Stem("soldiers")] = Stem("troops"),
        [Stem("negotiations")] = Stem("talks"), [Stem("retreat")] = Stem("withdraw"),
        [Stem("exit")] = Stem("withdraw"), [Stem("departure")] = Stem("withdraw"), [Stem("drawdown")] = Stem("withdraw"),
        [Stem("arms")] = Stem("weapons"), [Stem("guns")] = Stem("weapons"), [Stem("rifles")] = Stem("weapons"),
        [Stem("firearms")] = Stem("weapons"), [Stem("weaponry")] = Stem("weapons"),
        [Stem("decommissioning")] = Stem("disarmament"), [Stem("demobilisation")] = Stem("disarmament"), [Stem("demobilization")] = Stem("disarmament"),
        [Stem("merger")] = Stem("integration"), [Stem("merged")] = Stem("integration"), [Stem("merge")] = Stem("integration"),
        [Stem("repatriation")] = Stem("return"), [Stem("reparations")] = Stem("compensation"), [Stem("pardon")] = Stem("amnesty"),
        [Stem("dialogue")] = Stem("talks"), [Stem("assurances")] = Stem("guarantees"),
        [Stem("verification")] = Stem("monitoring"), [Stem("monitors")] = Stem("monitoring"),
        [Stem("financing")] = Stem("funding"), [Stem("stationing")] = Stem("deployment"),
        [Stem("halt")] = Stem("suspension"), [Stem("cessation")] = Stem("suspension"),
    };

    /// <summary>
    /// Words of one subject in security talks ("convoys" and "relief" are humanitarian access, "garrison" and "stationing"
    /// a presence): not the same thing, as <see cref="Synonyms"/> are, but enough to tell which of a track's items a stance
    /// speaks of when it names none by its words.
    /// </summary>
    private static readonly Dictionary<string, string> FieldByStem = new[]
    {
        ("humanitarian", "humanitarian aid relief convoys food medicine corridor corridors"),
        ("detainees", "prisoners detainees captives hostages abductees inmates jailed"),
        ("ceasefire", "ceasefire hostilities shelling firing fighting armistice"),
        ("withdrawal", "withdraw departure redeploy redeployment evacuation vacate"),
        ("border", "border frontier boundary demarcation delimitation"),
        ("trade", "trade customs commerce goods traders transit tariffs"),
        ("sanctions", "sanctions embargo blacklist restrictions"),
        ("disarmament", "disarmament weapons cantonment arsenal stockpiles"),
        ("amnesty", "amnesty immunity prosecution impunity trials"),
        ("monitoring", "monitoring observers observer mission"),
        ("guarantees", "guarantees guarantor guarantors"),
        ("elections", "elections election vote ballot polls referendum"),
        ("nuclear", "nuclear enrichment uranium centrifuges reactor reactors"),
        ("missiles", "missiles missile rockets ballistic"),
        ("displaced", "refugees displaced returnees migrants deportation deportees"),
        ("funding", "funding budget money payment payments salaries cash"),
        ("presence", "bases base garrison garrisons deployment presence"),
        ("maritime", "naval navy vessels ships shipping maritime coastguard navigation sea seas port ports harbour harbor"),
        ("airspace", "airspace overflights aircraft jets flights fly planes"),
        ("exercises", "exercises drills manoeuvres maneuvers"),
        ("constitution", "constitution constitutional charter"),
        ("water", "water dams river irrigation"),
        ("energy", "pipeline pipelines gas oil energy"),
        ("policing", "police policing gendarmerie"),
        ("intelligence", "intelligence database"),
        ("patrols", "patrols patrol patrolling"),
        ("hotline", "hotline hotlines liaison communication communications"),
        ("inquiry", "investigation inquiry probe accountability"),
        ("mines", "mines demining landmines explosives ordnance"),
        ("reconstruction", "reconstruction rebuilding rebuild"),
        ("autonomy", "autonomy devolution federalism"),
        ("supplies", "resupply supplies delivery deliveries provisions necessities"),
        ("court", "court courts tribunal jurisdiction ruling arbitration"),
        ("integration", "integration unification unify unified unifying absorption"),
        ("transition", "transition transitional interim"),
        ("buffer", "buffer demilitarised demilitarized demilitarisation demilitarization"),
    }.SelectMany(f => f.Item2.Split(' ').Select(word => (Stem: Stem(word), Field: f.Item1)))
        .GroupBy(f => Synonyms.GetValueOrDefault(f.Stem, f.Stem)).ToDictionary(g => g.Key, g => g.First().Field, StringComparer.Ordinal);

    /// <summary>The subjects (<see cref="FieldByStem"/>) of a text's stems.</summary>
    public static HashSet<string> Fields(IEnumerable<string> stems) =>
        [.. stems.Select(stem => FieldByStem.GetValueOrDefault(stem)).OfType<string>()];

    /// <summary>The content words of a text as stems: "Regulating military deployments" → regul, milit, deplo.</summary>
    public static HashSet<string> Stems(string text) => [.. StemsInOrder(text)];

    /// <summary>The stems of <see cref="Stems"/> in the order the text has them, repeats kept.</summary>
    public static List<string> StemsInOrder(string text)
    {
        var stems = new List<string>();
        var words = text.Split((char[])[' ', '\t', '\n', '\r', '-', '‐', '–', '—', '/', ',', '.', ';', ':', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
            .Select(raw => Possessive(raw.Trim('\'', '’').ToLowerInvariant())).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "pull" or "pulls" or "pulled" or "pulling" && i + 1 < words.Count && words[i + 1] is "back" or "out")
            {
                // "pull back", "pull out": a withdrawal in other words.
                stems.Add(Stem("withdraw"));
                i++;
                continue;
            }

            if (word.Length < 3 || StopWords.Contains(word) || !word.Any(char.IsLetter))
            {
                continue;
            }

            var stem = Stem(word);
            stems.Add(Synonyms.GetValueOrDefault(stem, stem));
        }

        return stems;
    }

    private static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                // "forces", "drones", "routes" are "force", "drone", "route" with an "s": only "-ses", "-xes", "-zes",
                // "-ches" and "-shes" lose their "es" ("crosses", "searches", "clashes").
                word = suffix == "es" && word[^3] is not ('s' or 'x' or 'z' or 'h') ? word[..^1] : word[..^suffix.Length];
                break;
            }
        }

        return word.Length <= StemLength ? word : word[..StemLength];
    }

    private static string Possessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
}
