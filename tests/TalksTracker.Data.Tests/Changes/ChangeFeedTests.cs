using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data.Changes;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Changes;

public abstract class ChangeFeedTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_in_this_process_is_delivered_at_once_with_the_records_it_touched()
    {
        var feed = database.Get<ChangeFeed>();
        await using var batches = new BatchesSeen(feed);
        await batches.ReadyAsync(database);

        var written = Stopwatch.StartNew();
        var (meetingId, trackId) = await RetitleAMeetingAsync(database.Contexts);

        var change = await batches.FirstAsync(r => r.Kind == nameof(Meeting) && r.Id == meetingId);
        Assert.True(written.Elapsed < TimeSpan.FromSeconds(2), $"Seen after {written.ElapsedMilliseconds} ms.");
        Assert.Equal(AuditAction.Updated, change.Action);
        Assert.Contains(new RecordRef(nameof(Meeting), meetingId), change.Touches);
        Assert.DoesNotContain(new RecordRef(nameof(Track), trackId), change.Touches); // the track did not change
        // The version is the newest entry once the feed has read it: reached by this process's signals alone (no poll
        // runs on the test clock), though not necessarily by the batch above — CI once saw one more entry land after it.
        var newest = await NewestEntryAsync();
        var waited = Stopwatch.StartNew();
        while (feed.CurrentVersion < newest && waited.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(20, Ct);
        }

        Assert.True(feed.CurrentVersion >= newest, $"The feed is at {feed.CurrentVersion}; the newest entry is {newest}.");
    }

    [Fact]
    public async Task A_new_claim_linked_to_a_meeting_arrives_as_a_new_claim_of_that_meeting()
    {
        await using var batches = new BatchesSeen(database.Get<ChangeFeed>());
        await batches.ReadyAsync(database);

        int claimId, meetingId;
        await using (var db = database.NewContext())
        {
            var report = await db.Reports.OrderBy(r => r.Id).FirstAsync(Ct);
            meetingId = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
            var claim = db.Claims.Add(new Claim { ReportId = report.Id, Start = 0, End = 5, Quote = report.Text[..5] }).Entity;
            db.ClaimMeetings.Add(new ClaimMeeting { Claim = claim, MeetingId = meetingId });
            await db.SaveChangesAsync(Ct);
            claimId = claim.Id;
        }

        var link = await batches.FirstAsync(r => r.Kind == nameof(ClaimMeeting) && r.Touches.Contains(new RecordRef(nameof(Meeting), meetingId)));
        var dossier = new LiveScope { Meetings = [meetingId] };
        var change = dossier.Classify(new ChangeBatch(link.Version, [link]));
        Assert.Equal([claimId], change.NewClaims);
        Assert.False(change.OtherChanges);
    }

    [Fact]
    public async Task A_page_that_read_before_a_save_and_subscribed_after_catches_it_up_from_the_trail()
    {
        var feed = database.Get<ChangeFeed>();
        await using var batches = new BatchesSeen(feed);
        await batches.ReadyAsync(database);
        var readAt = feed.CurrentVersion;

        var (meetingId, _) = await RetitleAMeetingAsync(database.Contexts);

        var missed = Assert.IsType<ChangeBatch>(await feed.SinceAsync(readAt, Ct));
        Assert.Contains(missed.Records, r => r.Kind == nameof(Meeting) && r.Id == meetingId && r.Version > readAt);
        Assert.All(missed.Records, r => Assert.True(r.Version > readAt));
        Assert.Equal(missed.Records[^1].Version, missed.Version);
        Assert.Null(await feed.SinceAsync(missed.Version, Ct));
    }

    /// <summary>Another instance or process: its own services over the same database, so its saves wake only its own feed.</summary>
    protected ServiceProvider OtherInstance() => new ServiceCollection()
        .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
        .AddSingleton<TimeProvider>(database.Clock)
        .AddTalksTrackerData(_ => database.Provider, _ => database.ConnectionString)
        .BuildServiceProvider();

    protected static async Task<(int MeetingId, int TrackId)> RetitleAMeetingAsync(IDbContextFactory<TalksTrackerDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var meeting = await db.Meetings.OrderBy(m => m.Id).FirstAsync(Ct);
        meeting.Summary = $"Checked {Guid.NewGuid():N}";
        await db.SaveChangesAsync(Ct);
        return (meeting.Id, meeting.TrackId);
    }

    private async Task<long> NewestEntryAsync()
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.MaxAsync(a => a.Id, Ct);
    }

    /// <summary>Every batch a feed delivers from now on.</summary>
    protected sealed class BatchesSeen : IAsyncDisposable
    {
        private readonly List<ChangedRecord> _seen = [];
        private readonly IDisposable _subscription;
        private readonly ChangeFeed _feed;
        private readonly SemaphoreSlim _arrived = new(0);

        public BatchesSeen(ChangeFeed feed)
        {
            _feed = feed;
            _subscription = feed.Subscribe(batch =>
            {
                lock (_seen)
                {
                    _seen.AddRange(batch.Records);
                }

                _arrived.Release();
            });
        }

        /// <summary>Waits until the feed has read the trail as it stands, so what follows is news to it.</summary>
        public async Task ReadyAsync(SeededDatabase database)
        {
            await using var db = database.NewContext();
            var newest = await db.AuditEntries.MaxAsync(a => a.Id, Ct);
            var waited = Stopwatch.StartNew();
            while (_feed.CurrentVersion < newest)
            {
                // Another test's "other instance" wrote without signalling this feed, and its poll waits on the
                // test clock, which barely moves: wake it, as a save in this process would.
                _feed.Signal();
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"The feed did not reach version {newest}: it is at {_feed.CurrentVersion}.");
                await Task.Delay(20, Ct);
            }
        }

        /// <summary>The first record delivered that matches, waiting up to <paramref name="seconds"/>.</summary>
        /// <param name="because">What the feed logged meanwhile, told when nothing came.</param>
        public async Task<ChangedRecord> FirstAsync(Func<ChangedRecord, bool> match, double seconds = 10, List<string>? because = null)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                lock (_seen)
                {
                    if (_seen.FirstOrDefault(match) is { } found)
                    {
                        return found;
                    }
                }

                var left = TimeSpan.FromSeconds(seconds) - waited.Elapsed;
                Assert.True(left > TimeSpan.Zero, $"No matching change was delivered within {seconds} s. {string.Join(" ", because ?? [])}");
                await _arrived.WaitAsync(left, Ct);
            }
        }

        public ValueTask DisposeAsync()
        {
            _subscription.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class ChangeFeedTestsOnSqlite(SeededDatabase database) : ChangeFeedTests(database), IClassFixture<SeededDatabase>
{
    private readonly SeededDatabase _database = database;

    [Fact]
    public async Task A_write_by_another_process_like_the_cli_is_caught_by_the_poll_within_a_second()
    {
        await using var feed = new ChangeFeed(_database.Contexts, TimeProvider.System);
        await using var batches = new BatchesSeen(feed);
        await batches.ReadyAsync(_database);

        await using var cli = OtherInstance();
        var written = Stopwatch.StartNew();
        var (meetingId, _) = await RetitleAMeetingAsync(cli.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>());

        await batches.FirstAsync(r => r.Kind == nameof(Meeting) && r.Id == meetingId);
        Assert.True(written.Elapsed < TimeSpan.FromSeconds(1), $"Seen after {written.ElapsedMilliseconds} ms.");
    }
}

public sealed class ChangeFeedTestsOnPostgres(PostgresSeededDatabase database) : ChangeFeedTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>
{
    private readonly PostgresSeededDatabase _database = database;

    [Fact]
    public async Task A_save_through_another_instance_reaches_this_one_by_notify()
    {
        // Polled only every ten minutes: what arrives within seconds was told.
        var log = new LogKept();
        await using var feed = new ChangeFeed(_database.Contexts, TimeProvider.System, log) { PostgresPollInterval = TimeSpan.FromMinutes(10) };
        await using var batches = new BatchesSeen(feed);
        await batches.ReadyAsync(_database);
        await using var other = OtherInstance();
        var contexts = other.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();

        // The first save may be caught up when the listener connects; the second can only be told.
        var (first, _) = await RetitleAMeetingAsync(contexts);
        await batches.FirstAsync(r => r.Kind == nameof(Meeting) && r.Id == first, because: log.Lines);
        var written = Stopwatch.StartNew();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.Venues.Add(new Venue { Name = $"Told {Guid.NewGuid():N}" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await batches.FirstAsync(r => r.Kind == nameof(Venue) && r.Action == AuditAction.Created);
        Assert.True(written.Elapsed < TimeSpan.FromSeconds(2), $"Seen after {written.ElapsedMilliseconds} ms.");
    }
}

/// <summary>What the feed logs (a listener that cannot connect), to say why nothing came.</summary>
internal sealed class LogKept : Microsoft.Extensions.Logging.ILogger<ChangeFeed>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
        }
    }
}
