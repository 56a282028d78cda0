using System.Collections.Concurrent;

namespace TalksTracker.Domain.Provenance;

/// <summary>What the origin rules need to know about one claim.</summary>
public readonly record struct ClaimOriginFacts(int ClaimId, int ReportId, int? SourceId, int? ViaSourceId, string? Outlet);

/// <summary>
/// Where a claim ultimately comes from. A relayed claim ("according to a senior source", via
/// "Israeli media") comes from the source at the end of the relay chain; a relaying source's own
/// claims in the same report come from what it relays. The outlet's own voice is an origin only
/// in a report that cites no source on the subject: otherwise it is taken to retell those sources.
/// </summary>
public static class Origins
{
    /// <param name="dependent">Sources that stand for others across reports (see <see cref="Independence"/>); optional.</param>
    public static string Of(
        ClaimOriginFacts claim,
        IReadOnlyDictionary<(int ReportId, int SourceId), int> relayedInReport,
        IReadOnlyDictionary<int, int>? dependent = null)
    {
        if (claim.SourceId is not { } source)
        {
            return string.IsNullOrWhiteSpace(claim.Outlet) ? $"outlet:report {claim.ReportId}" : OutletKey(claim.Outlet);
        }

        var origin = ResolveRelay(claim.ReportId, source, relayedInReport);
        return SourceKey(dependent is not null && dependent.TryGetValue(origin, out var group) ? group : origin);
    }

    // The same few keys are made for every claim of a source or an outlet, thousands of times when many subjects are
    // assessed: made once each (bounded, outlets being free text).
    private const int KeysKept = 20_000;
    private static readonly ConcurrentDictionary<int, string> SourceKeys = new();
    private static readonly ConcurrentDictionary<string, string> OutletKeys = new(StringComparer.Ordinal);

    private static string SourceKey(int source) =>
        SourceKeys.TryGetValue(source, out var key) ? key
        : SourceKeys.Count < KeysKept ? SourceKeys.GetOrAdd(source, id => $"source:{id}")
        : $"source:{source}";

    private static string OutletKey(string outlet) =>
        OutletKeys.TryGetValue(outlet, out var key) ? key
        : OutletKeys.Count < KeysKept ? OutletKeys.GetOrAdd(outlet, o => $"outlet:{o.Trim().ToLowerInvariant()}")
        : $"outlet:{outlet.Trim().ToLowerInvariant()}";

    /// <summary>The independent origin of each claim that counts as one (the outlet's own voice only where a report cites no source).</summary>
    public static IReadOnlyDictionary<int, string> OfEach(IReadOnlyCollection<ClaimOriginFacts> claims, IReadOnlyDictionary<int, int>? dependent = null)
    {
        var relays = RelaysByReport(claims);
        var attributedReports = claims.Where(c => c.SourceId is not null).Select(c => c.ReportId).ToHashSet();
        return claims
            .Where(c => c.SourceId is not null || !attributedReports.Contains(c.ReportId))
            .DistinctBy(c => c.ClaimId)
            .ToDictionary(c => c.ClaimId, c => Of(c, relays, dependent));
    }

    /// <summary>An origin key (see <see cref="Of"/>) as people read it: the source's name, or the outlet's own voice.</summary>
    public static string Name(string? origin, IReadOnlyDictionary<int, string> sourceNames) => origin switch
    {
        null => "none (the outlet retells the sources it cites)",
        _ when origin.StartsWith("source:", StringComparison.Ordinal) && int.TryParse(origin.AsSpan(7), out var id) => sourceNames.GetValueOrDefault(id, origin),
        _ when origin.StartsWith("outlet:", StringComparison.Ordinal) => $"{origin[7..]} (outlet's own voice)",
        _ => origin,
    };

    /// <summary>
    /// Who passed a claim's words on, from the one who spoke to the report that printed them: the source
    /// (or the outlet's own voice), the source that relayed it, if any, and the report.
    /// </summary>
    public static IReadOnlyList<string> RelayChain(string? sourceName, string? viaName, string? outlet, string reportTitle)
    {
        var chain = new List<string> { sourceName ?? $"{outlet ?? "the outlet"} (own voice)" };
        if (viaName is not null)
        {
            chain.Add($"via {viaName}");
        }

        chain.Add($"in “{reportTitle}”");
        return chain;
    }

    /// <summary>The number of independent origins behind a set of claims.</summary>
    public static int CountIndependent(IReadOnlyCollection<ClaimOriginFacts> claims, IReadOnlyDictionary<int, int>? dependent = null) =>
        OfEach(claims, dependent).Values.Distinct().Count();

    /// <summary>Within each report, which source each relaying source passes on (the "via" of a relayed claim).</summary>
    public static IReadOnlyDictionary<(int ReportId, int SourceId), int> RelaysByReport(IEnumerable<ClaimOriginFacts> claims)
    {
        var relays = new Dictionary<(int, int), int>();
        foreach (var c in claims)
        {
            if (c is { SourceId: { } source, ViaSourceId: { } via } && via != source)
            {
                relays.TryAdd((c.ReportId, via), source);
            }
        }

        return relays;
    }

    private static int ResolveRelay(int reportId, int source, IReadOnlyDictionary<(int, int), int> relays)
    {
        // Follow the chain to its end; a cycle stops where it would revisit a source.
        var seen = new HashSet<int> { source };
        while (relays.TryGetValue((reportId, source), out var next) && seen.Add(next))
        {
            source = next;
        }

        return source;
    }
}
