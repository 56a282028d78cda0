using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>
/// Every relay recorded on a claim (who passed on whose words), which the independence rules need whole: reading them
/// walks every relayed claim, too slow to repeat on every call (docs/query-shapes.md), so they are kept between
/// calls and read again only when the relayed claims change. Claims are only ever added or deleted, never re-attributed,
/// so the count, the highest id and the sum of the relaying sources' ids of the relayed claims (one index-only query)
/// tell when; every instance checks this on every call, so several instances sharing a database stay right.
/// </summary>
internal sealed class RelayCache
{
    private Snapshot? _snapshot;

    public async Task<IReadOnlyList<Independence.Relay>> GetAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        var fingerprint = await db.Database.SqlQueryRaw<RelayFingerprint>(
                """SELECT count(*) AS "Count", CAST(coalesce(max("Id"), 0) AS BIGINT) AS "Highest", CAST(coalesce(sum("ViaSourceId"), 0) AS BIGINT) AS "Sum" FROM "Claims" WHERE "ViaSourceId" IS NOT NULL""")
            .SingleAsync(ct);
        var key = (fingerprint.Count, fingerprint.Highest, fingerprint.Sum);
        if (_snapshot is { } cached && cached.Key == key)
        {
            return cached.Relays;
        }

        var relays = await db.Claims.AsNoTracking().Where(c => c.ViaSourceId != null && c.SourceId != null)
            .Select(c => new { Relayer = c.ViaSourceId!.Value, Speaker = c.SourceId!.Value }).Distinct()
            .ToListAsync(ct);
        var snapshot = new Snapshot(key, relays.Select(r => new Independence.Relay(r.Relayer, r.Speaker)).ToList());
        _snapshot = snapshot;
        return snapshot.Relays;
    }

    /// <summary>
    /// Which sources stand for others (<see cref="Independence.DependentSources"/>) for these relays and affiliations:
    /// worked out again only when the relays (a new snapshot) or any source's affiliation changed since the last call.
    /// </summary>
    public IReadOnlyDictionary<int, int> DependentSources(IReadOnlyList<Independence.Relay> relays, IReadOnlyDictionary<int, int?> affiliations)
    {
        if (_dependent is { } kept && ReferenceEquals(kept.Relays, relays) && kept.Affiliations.Count == affiliations.Count
            && affiliations.All(a => kept.Affiliations.TryGetValue(a.Key, out var same) && same == a.Value))
        {
            return kept.Dependent;
        }

        var dependent = Independence.DependentSources(relays, affiliations);
        _dependent = new Dependence(relays, affiliations.ToDictionary(), dependent);
        return dependent;
    }

    private Dependence? _dependent;

    private sealed record Snapshot((long, long, long) Key, IReadOnlyList<Independence.Relay> Relays);

    private sealed record Dependence(IReadOnlyList<Independence.Relay> Relays, Dictionary<int, int?> Affiliations, IReadOnlyDictionary<int, int> Dependent);

    private sealed class RelayFingerprint
    {
        public long Count { get; set; }
        public long Highest { get; set; }
        public long Sum { get; set; }
    }
}
