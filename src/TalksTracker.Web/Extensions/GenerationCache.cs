using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using TalksTracker.Data.Changes;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// What a reading page or API answer produced for one key, kept until the data changes (#26): fifty readers of one
/// timeline cost one read and one render until the next save. The one cache of answers in the app.
/// </summary>
/// <remarks>
/// An answer kept here must be the same for everyone whose requests share its key: callers put into the key whatever it
/// depends on (the address, the reader's roles via <see cref="ViewerKey"/>) and keep nothing of the user in it. Entries
/// are tied to <see cref="ChangeFeed.Generation"/>, which moves at every commit in this process and every batch the
/// feed reads, so an answer is never older than a save this instance has answered, nor than the feed's last read of
/// the others' (another instance's or the command line's save shows within the feed's poll, as live pages do).
/// </remarks>
public sealed class GenerationCache : IDisposable
{
    private readonly ChangeFeed _feed;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<(string Key, long Generation), TaskCompletionSource<object?>> _making = new();
    private readonly ConcurrentDictionary<string, KeptFresh> _keptFresh = new();
    private readonly IDisposable _subscription;
    private readonly ILogger _logger;
    private long _produced;
    private long _served;
    private long _madeAhead;

    // Set on the flow of a make ahead, so that what it asks the cache for on the way (the overview's content its reads)
    // is counted as made ahead too.
    private static readonly AsyncLocal<bool> MakingAhead = new();

    /// <param name="clock">The product's clock (it runs in every environment): how long since an answer kept fresh was
    /// asked for, and the waits between its makes.</param>
    public GenerationCache(ChangeFeed feed, TimeProvider clock, IConfiguration? configuration = null, ILogger<GenerationCache>? logger = null)
    {
        _feed = feed;
        _clock = clock;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<GenerationCache>.Instance;
        // Sizes are counted in characters; the default keeps a few hundred timeline pages.
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = (configuration?.GetValue("Rendering:AnswerCacheMegabytes", 64) ?? 64) * 1024L * 1024 / 2 });
        // The feed reads (and moves the generation) only while someone listens: other instances' saves must reach us.
        _subscription = feed.Subscribe(static _ => { });
        feed.GenerationMoved += MakeFreshAgain;
    }

    /// <summary>How long an answer kept fresh is still made again after each change since it was last asked for.</summary>
    public TimeSpan KeptFreshFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many answers were produced and how many served from memory since the start (for the benchmark and tests).</summary>
    public (long Produced, long Served) Counts => (Interlocked.Read(ref _produced), Interlocked.Read(ref _served));

    /// <summary>How many answers were made again after a change with no reader asking (<see cref="GetFreshAsync"/>).</summary>
    public long MadeAhead => Interlocked.Read(ref _madeAhead);

    /// <summary>What of the reader an answer may depend on: their roles (sorted), never who they are.</summary>
    public static string ViewerKey(ClaimsPrincipal? user) =>
        user is null ? string.Empty
            : string.Join(',', user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal));

    /// <summary>
    /// The answer for <paramref name="key"/> at the current generation: from memory, or made by <paramref name="produce"/>
    /// once however many requests ask for it at the same time.
    /// </summary>
    /// <param name="ct">Stops this caller's wait; the answer is still made for the others waiting on it, so
    /// <paramref name="produce"/> is not given it.</param>
    public async Task<string> GetOrAddAsync(string key, Func<Task<string>> produce, CancellationToken ct = default)
    {
        if (TryGet(key, out string? kept, out var generation))
        {
            return kept;
        }

        var made = await MakeOnceAsync(key, generation, async () =>
        {
            var answer = await produce();
            return (answer, answer.Length);
        }, ct);
        // None when the caller that made it failed: this one tries for itself.
        return made.Answer ?? await produce();
    }

    /// <summary>
    /// The answer for <paramref name="key"/> at the current generation, made once however many ask (as
    /// <see cref="GetOrAddAsync"/>), and made again in the background after every change for as long as readers keep
    /// asking for it (<see cref="KeptFreshFor"/> since the last), so the first reader after a save finds it made: for
    /// an answer too costly to make on a reader's time (the overview's fifty boards, #26).
    /// </summary>
    /// <param name="make">Made again with no request behind it: it may use only what lives as long as the app.</param>
    public async Task<T> GetFreshAsync<T>(string key, Func<Task<(T Answer, long Size)>> make, CancellationToken ct = default)
        where T : class
    {
        async Task<(object? Answer, long Size)> Made() => await make();
        _keptFresh.GetOrAdd(key, static (k, cache) => new KeptFresh(cache, k), this).Asked(Made);
        if (TryGet(key, out T? kept, out var generation))
        {
            return kept;
        }

        var made = await MakeOnceAsync(key, generation, Made, ct);
        return made.Answer as T ?? (await make()).Answer;
    }

    /// <summary>
    /// A live page's read for <paramref name="key"/> at the current generation, made once for every page open on the same
    /// view: fifty open dossiers of one meeting told of one change share one read instead of making fifty at once
    /// (docs/benchmarks.md, "Live pages"). Only for views that are the same for every reader and never changed by the
    /// page that shows them. A read that finds nothing is not kept.
    /// </summary>
    public async Task<T?> ReadOnceAsync<T>(string key, Func<Task<T?>> read) where T : class
    {
        var kept = LiveKey + key;
        if (TryGet(kept, out T? answer, out var generation))
        {
            return answer;
        }

        var made = await MakeOnceAsync(kept, generation, async () => (await read(), LiveViewSize));
        return made.Answer ?? (made.ByThisCaller ? null : await read());
    }

    /// <summary>
    /// A section's read: its first for a page is the page's own; a re-read for a live change (<paramref name="again"/>) is
    /// shared with every other page open on the same view, through <see cref="ReadOnceAsync"/>.
    /// </summary>
    public Task<T?> ReadAsync<T>(string key, bool again, Func<Task<T?>> read) where T : class =>
        again ? ReadOnceAsync(key, read) : read();

    // Live reads' keys apart from the reading pages' own.
    private const string LiveKey = "live ";

    // What a live view (a dossier, a matrix) is counted as against the size limit, in characters: its size is not
    // measured, and a page's worth of text is what such a view holds.
    private const long LiveViewSize = 32 * 1024;

    // At every move of the generation: each answer kept fresh that readers still ask for is made at the new one.
    private void MakeFreshAgain()
    {
        foreach (var fresh in _keptFresh.Values)
        {
            if (!fresh.AskedWithin(KeptFreshFor))
            {
                _keptFresh.TryRemove(new KeyValuePair<string, KeptFresh>(fresh.Key, fresh));
                continue;
            }

            fresh.MakeAgain();
        }
    }

    /// <summary>
    /// Makes the answer for <paramref name="key"/> at <paramref name="generation"/> (from <see cref="TryGet"/>) once
    /// however many callers ask at the same time: the first runs <paramref name="make"/> and keeps what it returns; the
    /// others wait for it. <paramref name="make"/> may return no answer (what it made is not to be kept): the callers
    /// that waited then get none and make their own (<c>ByThisCaller</c> false).
    /// </summary>
    /// <remarks>
    /// After a save, fifty readers of one page would otherwise each render it at the same moment, the most expensive
    /// moment of the page's life (#26). <paramref name="make"/> runs on the first caller's flow and is not cancelled by
    /// another's <paramref name="ct"/>; when it fails, the waiters get no answer and make their own.
    /// </remarks>
    public Task<(T? Answer, bool ByThisCaller)> MakeOnceAsync<T>(string key, long generation, Func<Task<(T? Answer, long Size)>> make, CancellationToken ct = default)
        where T : class =>
        MakeOnceAsync(key, generation, make, ahead: false, ct);

    // Ahead: made by no reader's request (KeptFresh), counted apart so that Produced stays what readers caused.
    private async Task<(T? Answer, bool ByThisCaller)> MakeOnceAsync<T>(string key, long generation, Func<Task<(T? Answer, long Size)>> make, bool ahead, CancellationToken ct)
        where T : class
    {
        var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var making = _making.GetOrAdd((key, generation), mine);
        if (making != mine)
        {
            var theirs = await making.Task.WaitAsync(ct);
            if (theirs is not null)
            {
                Interlocked.Increment(ref _served);
            }

            return (theirs as T, false);
        }

        T? answer = null;
        try
        {
            (answer, var size) = await make();
            if (answer is not null)
            {
                Keep(key, generation, answer, size, ahead);
            }

            return (answer, true);
        }
        finally
        {
            _making.TryRemove(new KeyValuePair<(string, long), TaskCompletionSource<object?>>((key, generation), mine));
            mine.TrySetResult(answer);
        }
    }

    /// <summary>
    /// The answer kept for <paramref name="key"/> at the current generation, if any; otherwise false, with the generation
    /// an answer made now must be kept under (<see cref="MakeOnceAsync"/>) (read before it is made, so a save while it is made
    /// leaves it stale rather than newer than it claims).
    /// </summary>
    public bool TryGet<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? answer, out long generation)
        where T : class
    {
        generation = _feed.Generation;
        if (_cache.TryGetValue(key, out Entry? kept) && kept!.Generation == generation && kept.Answer is T found)
        {
            Interlocked.Increment(ref _served);
            answer = found;
            return true;
        }

        answer = null;
        return false;
    }

    /// <summary>
    /// Keeps an answer made at <paramref name="generation"/> (from <see cref="TryGet"/>) for the requests after it;
    /// <paramref name="size"/> in characters, or what it holds in memory counted as such.
    /// </summary>
    private void Keep(string key, long generation, object answer, long size, bool ahead)
    {
        Interlocked.Increment(ref ahead || MakingAhead.Value ? ref _madeAhead : ref _produced);
        // An answer of an older generation finishing late must not replace a newer one.
        if (!_cache.TryGetValue(key, out Entry? newer) || newer!.Generation <= generation)
        {
            _cache.Set(key, new Entry(generation, answer), new MemoryCacheEntryOptions { Size = size + key.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
    }

    public void Dispose()
    {
        _feed.GenerationMoved -= MakeFreshAgain;
        _subscription.Dispose();
        _cache.Dispose();
    }

    private sealed record Entry(long Generation, object Answer);

    /// <summary>
    /// One answer kept fresh: made again after the generation moved, one make at a time, a moment after the move (a save
    /// in this process moves it at its commit and again when the feed reads it, milliseconds apart: one make for both).
    /// A move during a make is answered by one more make after it, started no sooner than the last one took, so that a
    /// stream of saves costs at most about half a core.
    /// </summary>
    private sealed class KeptFresh(GenerationCache cache, string key)
    {
        private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(25);
        private readonly Lock _lock = new();
        private Func<Task<(object? Answer, long Size)>>? _make;
        private long _askedAt;
        private bool _running;

        public string Key => key;

        public void Asked(Func<Task<(object? Answer, long Size)>> make)
        {
            Volatile.Write(ref _make, make);
            Interlocked.Exchange(ref _askedAt, cache._clock.GetTimestamp());
        }

        public bool AskedWithin(TimeSpan span) => cache._clock.GetElapsedTime(Interlocked.Read(ref _askedAt)) <= span;

        public void MakeAgain()
        {
            lock (_lock)
            {
                if (_running)
                {
                    return;
                }

                _running = true;
            }

            _ = Task.Run(RunAsync);
        }

        private async Task RunAsync()
        {
            MakingAhead.Value = true;
            await Task.Delay(Settle, cache._clock);
            while (true)
            {
                var started = cache._clock.GetTimestamp();
                var generation = cache._feed.Generation;
                try
                {
                    if (!(cache._cache.TryGetValue(key, out Entry? kept) && kept!.Generation == generation))
                    {
                        await cache.MakeOnceAsync(key, generation, Volatile.Read(ref _make)!, ahead: true, CancellationToken.None);
                    }
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The next reader makes it on their own time, as without keeping it fresh.
                    cache._logger.LogWarning(e, "Making {Key} again after a change failed", key);
                }

                // The generation moves before its watchers are told: a move not seen here finds _running false.
                lock (_lock)
                {
                    if (cache._feed.Generation == generation)
                    {
                        _running = false;
                        return;
                    }
                }

                await Task.Delay(cache._clock.GetElapsedTime(started), cache._clock);
            }
        }
    }
}
