using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TalksTracker.Data.Changes;

/// <summary>
/// Tells open pages what was saved, wherever it was saved (docs/persistence.md, "Live changes"). The audit trail is
/// the feed: every save writes its entries in the same transaction, so the highest entry id is the data version. The
/// feed reads the entries newer than the last it read — once per batch, whatever the number of subscribers — when
/// woken: by a save in this process (right after its commit, <see cref="ChangeSignalInterceptor"/>), by PostgreSQL's
/// NOTIFY from any instance, or by a short poll that catches writes of other processes on SQLite (the command line).
/// </summary>
public sealed class ChangeFeed : IAsyncDisposable, IDisposable
{
    public const string Channel = "talkstracker_changes";

    /// <summary>How long an id skipped by a later commit is waited for (PostgreSQL hands out ids before commit).</summary>
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private const int BatchSize = 500;

    private readonly IDbContextFactory<TalksTrackerDbContext> _contexts;
    private readonly ILogger _logger;
    // Waiting is measured on the machine's clock, not the product's (which tests stop).
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SortedSet<long> _readAboveFloor = [];
    private Action<ChangeBatch>[] _subscribers = [];
    private TaskCompletionSource _wake = NewWake();
    private Task? _running;
    private long _floor;
    private long _version;
    private long _generation;
    private DateTimeOffset? _gapSeen;

    /// <param name="clock">The product's clock: it runs in every environment (tests start it at a fixed instant), so the
    /// feed's polls and backoffs wait on it like everything else.</param>
    public ChangeFeed(IDbContextFactory<TalksTrackerDbContext> contexts, TimeProvider clock, ILogger<ChangeFeed>? logger = null)
    {
        _contexts = contexts;
        _clock = clock;
        _logger = logger ?? NullLogger<ChangeFeed>.Instance;
    }

    /// <summary>The data version: the id of the newest audit entry the feed has read (0 before it started).</summary>
    public long CurrentVersion => Interlocked.Read(ref _version);

    /// <summary>
    /// Changes whenever something may have been written: at each commit in this process that wrote audit entries (before
    /// the writer is answered) and at each batch read from the trail (another process's writes; on PostgreSQL also a late
    /// commit below <see cref="CurrentVersion"/>, which leaves the version as it was). What is kept per generation is
    /// therefore never older than a save this process has answered, nor than the feed's last read.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Raised after every move of <see cref="Generation"/>, on the thread that moved it (a committing save's or the
    /// feed's): a handler must return at once.
    /// </summary>
    public event Action? GenerationMoved;

    /// <summary>How often SQLite is polled for writes of other processes (PostgreSQL is told, and polled only as a safety net).</summary>
    public TimeSpan SqlitePollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PostgresPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Calls <paramref name="onChange"/> with every batch read from now on, on the feed's own thread: it must return
    /// at once (a page hands the batch to its circuit). Dispose the answer to stop.
    /// </summary>
    public IDisposable Subscribe(Action<ChangeBatch> onChange)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        Start();
        return new Subscription(this, onChange);
    }

    /// <summary>Something was committed in this process: read the trail now rather than at the next poll.</summary>
    public void Signal()
    {
        MoveGeneration();
        Volatile.Read(ref _wake).TrySetResult();
    }

    /// <summary>Starts reading (once); the first read sets the version, so earlier entries are never delivered.</summary>
    public Task Start()
    {
        lock (_lock)
        {
            return _running ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        bool postgres;
        await using (var db = await _contexts.CreateDbContextAsync(ct))
        {
            postgres = db.Database.IsNpgsql();
            var start = await RetryAsync(async () => await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0, ct);
            _floor = start;
            Interlocked.Exchange(ref _version, start);
            if (postgres)
            {
                var connectionString = db.Database.GetConnectionString()!;
                _ = Task.Run(() => ListenAsync(connectionString, ct), ct);
            }
        }

        var interval = postgres ? PostgresPollInterval : SqlitePollInterval;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            // A signal from here on (during the read) wakes the wait below; the ones before are answered by this read.
            var wake = NewWake();
            Volatile.Write(ref _wake, wake);
            try
            {
                var more = await ReadAsync(ct);
                failures = 0;
                if (more)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                await BackOffAsync(e, "Reading the change feed", failures, ct);
                continue;
            }

            await Task.WhenAny(wake.Task, Task.Delay(interval, _clock, ct));
        }
    }

    /// <summary>
    /// What was saved after <paramref name="version"/> and is already in the trail (the oldest
    /// <see cref="BatchSize"/> entries), or null when nothing was: for a page that read its data at that version and
    /// subscribed after, so that a save in between is not lost. May repeat what the feed delivers next; a page
    /// applies a change twice harmlessly.
    /// </summary>
    public async Task<ChangeBatch?> SinceAsync(long version, CancellationToken ct = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = await EntriesAfterAsync(db, version, ct);
        return rows.Count == 0 ? null : new ChangeBatch(rows[^1].Version, rows);
    }

    private static Task<List<ChangedRecord>> EntriesAfterAsync(TalksTrackerDbContext db, long after, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > after)
            .OrderBy(a => a.Id)
            .Take(BatchSize)
            .Select(a => ChangedRecord.From(a.Id, a.EntityType, a.EntityId, a.Action, a.Changes))
            .ToListAsync(ct);

    /// <summary>Reads what is newer than the floor, delivers what was not delivered yet; true when more is waiting.</summary>
    private async Task<bool> ReadAsync(CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var rows = await EntriesAfterAsync(db, _floor, ct);
        var fresh = rows.Where(r => !_readAboveFloor.Contains(r.Version)).ToList();
        foreach (var row in fresh)
        {
            _readAboveFloor.Add(row.Version);
        }

        AdvanceFloor();
        if (fresh.Count > 0)
        {
            var version = Math.Max(CurrentVersion, fresh[^1].Version);
            Interlocked.Exchange(ref _version, version);
            Deliver(new ChangeBatch(version, fresh));
        }

        return rows.Count == BatchSize;
    }

    // The floor is the id up to which everything was read. On PostgreSQL a transaction that took an id earlier can
    // commit later, so an id skipped is read again until it appears or GapPatience passes (a rolled-back save leaves it empty).
    private void AdvanceFloor()
    {
        while (_readAboveFloor.Count > 0 && _readAboveFloor.Min == _floor + 1)
        {
            _floor = _readAboveFloor.Min;
            _readAboveFloor.Remove(_floor);
        }

        if (_readAboveFloor.Count == 0)
        {
            _gapSeen = null;
            return;
        }

        var now = _clock.GetUtcNow();
        _gapSeen ??= now;
        if (now - _gapSeen.Value >= GapPatience)
        {
            _floor = _readAboveFloor.Min - 1;
            _gapSeen = null;
            AdvanceFloor();
        }
    }

    private void Deliver(ChangeBatch batch)
    {
        MoveGeneration();
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(batch);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "A subscriber of the change feed failed on version {Version}", batch.Version);
            }
        }
    }

    private void MoveGeneration()
    {
        Interlocked.Increment(ref _generation);
        try
        {
            GenerationMoved?.Invoke();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A watcher of the data generation failed");
        }
    }

    /// <summary>Keeps a connection of its own listening for other instances' commits; reconnects with backoff.</summary>
    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 };
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (failures > 0)
                {
                    _logger.LogInformation("Listening for changes again after {Failures} failures", failures);
                }

                failures = 0;
                Signal(); // what was committed while nobody listened
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                await BackOffAsync(e, "Listening for changes on PostgreSQL", failures, ct);
            }
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await read();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await BackOffAsync(e, "Starting the change feed", failures, ct);
            }
        }
    }

    /// <summary>Logs a failure and waits before the retry: 0.5 s, doubling with each failure in a row, at most 30 s.</summary>
    private async Task BackOffAsync(Exception e, string what, int failures, CancellationToken ct)
    {
        _logger.LogWarning(e, "{What} failed ({Failures} in a row); retrying", what, failures);
        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
        try
        {
            await Task.Delay(delay, _clock, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop sees the token.
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Unsubscribe(Action<ChangeBatch> onChange)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => s != onChange)];
        }
    }

    /// <summary>
    /// Stops reading without waiting; for hosts disposed synchronously (the Cli's), where a container holding an
    /// only-async singleton would throw.
    /// </summary>
    public void Dispose() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task? running;
        lock (_lock)
        {
            running = _running;
        }

        if (running is not null)
        {
            try
            {
                await running;
            }
            catch (Exception e)
            {
                // Stopped while starting (the database gone with the app): nothing is left to tell.
                _logger.LogDebug(e, "The change feed stopped while starting");
            }
        }
    }

    private sealed class Subscription(ChangeFeed feed, Action<ChangeBatch> onChange) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChange);
    }
}
