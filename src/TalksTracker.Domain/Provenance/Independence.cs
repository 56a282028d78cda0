namespace TalksTracker.Domain.Provenance;

/// <summary>
/// Sources that are not independent of each other across reports: a source that relays another
/// and shares its affiliation ("Israeli media" relaying "a senior Israeli security source", both
/// Israeli) is treated as the same origin everywhere, not only in the report that records the relay.
/// </summary>
public static class Independence
{
    /// <summary>A relay seen in some report: <paramref name="Relayer"/> passed on what <paramref name="Speaker"/> said.</summary>
    public readonly record struct Relay(int Relayer, int Speaker);

    /// <summary>
    /// For every source that depends on another, the source that stands for the group: the end of
    /// the relay chain (a source that speaks but relays no one in the group), else the smallest id,
    /// so the answer does not depend on input order.
    /// </summary>
    public static IReadOnlyDictionary<int, int> DependentSources(IEnumerable<Relay> relays, IReadOnlyDictionary<int, int?> affiliations)
    {
        var parent = new Dictionary<int, int>();
        var relayers = new HashSet<int>();
        foreach (var relay in relays)
        {
            if (relay.Relayer != relay.Speaker
                && affiliations.GetValueOrDefault(relay.Relayer) is { } a
                && affiliations.GetValueOrDefault(relay.Speaker) is { } b
                && a == b)
            {
                Union(relay.Relayer, relay.Speaker);
                relayers.Add(relay.Relayer);
            }
        }

        return parent.Keys
            .GroupBy(Find)
            .SelectMany(group =>
            {
                var origin = group.OrderBy(s => relayers.Contains(s)).ThenBy(s => s).First();
                return group.Select(member => (member, origin));
            })
            .ToDictionary(x => x.member, x => x.origin);

        int Find(int x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        void Union(int x, int y)
        {
            parent.TryAdd(x, x);
            parent.TryAdd(y, y);
            var (rx, ry) = (Find(x), Find(y));
            if (rx != ry)
            {
                parent[Math.Max(rx, ry)] = Math.Min(rx, ry);
            }
        }
    }
}
