namespace TalksTracker.Domain.Alerts;

/// <summary>What a saved search is tested against: a new claim, its report and what it is about.</summary>
public sealed record SearchableClaim(string Text, Stance Stance, IReadOnlySet<int> Tracks, IReadOnlySet<int> Actors, IReadOnlySet<int> Sources);

/// <summary>
/// Whether a new claim matches a followed search: the timeline's or the search page's query string. The words of
/// <c>q</c> must all appear in the claim's quote or its report's title; <c>track</c>, <c>actor</c>, <c>source</c> and
/// <c>stance</c> must match when given. The timeline's other filters (dates, venue, reliability) narrow what a page lists,
/// not what is news, and are not tested.
/// </summary>
public static class SavedSearch
{
    public static bool Matches(string query, SearchableClaim claim)
    {
        var parameters = Parse(query);
        var words = parameters.GetValueOrDefault("q", "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.All(w => claim.Text.Contains(w.Trim('"'), StringComparison.OrdinalIgnoreCase))
            && IdMatches(parameters, "track", claim.Tracks)
            && IdMatches(parameters, "actor", claim.Actors)
            && IdMatches(parameters, "source", claim.Sources)
            && (!parameters.TryGetValue("stance", out var stance) || string.Equals(stance, claim.Stance.ToString(), StringComparison.OrdinalIgnoreCase))
            && parameters.Keys.Any(k => k is "q" or "track" or "actor" or "source" or "stance");
    }

    private static bool IdMatches(Dictionary<string, string> parameters, string name, IReadOnlySet<int> ids) =>
        !parameters.TryGetValue(name, out var value) || (int.TryParse(value, out var id) && ids.Contains(id));

    private static Dictionary<string, string> Parse(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0].Length > 0 && pair.Length == 2 && pair[1].Length > 0)
            .GroupBy(pair => Uri.UnescapeDataString(pair[0]), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First()[1].Replace('+', ' ')), StringComparer.OrdinalIgnoreCase);
}
