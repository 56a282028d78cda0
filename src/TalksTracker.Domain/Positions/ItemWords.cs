using TalksTracker.Domain.Linking;

namespace TalksTracker.Domain.Positions;

/// <summary>The words of a track's agenda items, as <see cref="PositionFinder"/> and <see cref="ItemChooser"/> both read them.</summary>
internal static class ItemWords
{
    /// <summary>Each item's stems, from its name and its aliases, in catalogue order (an item listed twice is one).</summary>
    public static List<(string Item, HashSet<string> Stems)> Of(IEnumerable<AgendaItemName> items) =>
        [.. items.GroupBy(i => i.Name, StringComparer.Ordinal)
            .Select(g => (Item: g.Key, Stems: g.SelectMany(i => i.Aliases.Prepend(i.Name)).SelectMany(AgendaWords.Stems).ToHashSet(StringComparer.Ordinal)))];

    /// <summary>Of each item's stems, those no other item has: a word that names the item alone ("treaty", "hilltops").</summary>
    public static List<(string Item, HashSet<string> Stems)> OwnOf(IReadOnlyList<(string Item, HashSet<string> Stems)> stems) =>
        [.. stems.Select(i => (i.Item, i.Stems.Where(stem => stems.Count(other => other.Stems.Contains(stem)) == 1).ToHashSet(StringComparer.Ordinal)))];
}
