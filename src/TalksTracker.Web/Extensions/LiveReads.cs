using System.Collections.Concurrent;
using TalksTracker.Data.Changes;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// One read per data version for pages that reload after a live change: fifty open dossiers of one meeting told of
/// one change share one read instead of making fifty at once (docs/benchmarks.md, "Live pages"). Only for views that
/// are the same for every reader and never changed by the page that shows them.
/// </summary>
public sealed class LiveReads(ChangeFeed feed)
{
    private readonly ConcurrentDictionary<string, (long Version, Lazy<Task<object?>> Read)> _reads = new();

    /// <summary>The answer of <paramref name="read"/> for <paramref name="key"/> at the feed's current generation, read once.</summary>
    /// <remarks>The generation, not the version: a late commit on PostgreSQL is delivered without moving the version.</remarks>
    public async Task<T?> OnceAsync<T>(string key, Func<Task<T?>> read) where T : class
    {
        var version = feed.Generation;
        var entry = _reads.AddOrUpdate(key,
            _ => (version, Start(read)),
            (_, known) => known.Version >= version && !known.Read.Value.IsFaulted ? known : (version, Start(read)));
        return (T?)await entry.Read.Value;
    }

    /// <summary>
    /// A section's read: its first for a page is the page's own; a re-read for a live change (<paramref name="again"/>) is
    /// shared with every other page open on the same view, through <see cref="OnceAsync"/>.
    /// </summary>
    public Task<T?> ReadAsync<T>(string key, bool again, Func<Task<T?>> read) where T : class =>
        again ? OnceAsync(key, read) : read();

    private static Lazy<Task<object?>> Start<T>(Func<Task<T?>> read) where T : class =>
        new(async () => await read(), LazyThreadSafetyMode.ExecutionAndPublication);
}
