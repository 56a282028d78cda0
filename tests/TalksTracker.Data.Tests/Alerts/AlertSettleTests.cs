using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Alerts;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Alerts;

/// <summary>
/// PostgreSQL hands out audit ids before commit, so an entry can commit below one a pass has already read. A pass
/// reads only entries older than the settle time, so such an entry is alerted rather than passed over (docs/alerts.md).
/// Only PostgreSQL: on SQLite one writer at a time commits in id order, and the second save here would wait.
/// </summary>
public sealed class AlertSettleTestsOnPostgres(PostgresEmptyDatabase database) : IClassFixture<PostgresEmptyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_committed_late_below_a_newer_one_is_read_once_both_have_settled()
    {
        var db = database.OrSkip();
        var settled = new AlertProcessor(db.Contexts, db.Clock, new AlertSettings(TimeSpan.FromSeconds(10)));
        await settled.CatchUpAsync(Ct);
        var cursor = await CursorAsync(db);

        await using var slow = await SlowThenQuickSaveAsync(db);

        // Not yet settled: the pass leaves the quick entry, so the cursor cannot pass the slow one.
        Assert.Equal(0, (await settled.PassAsync(Ct)).Entries);
        await slow.Database.CommitTransactionAsync(Ct);
        db.Clock.Advance(TimeSpan.FromSeconds(11));

        var pass = await settled.PassAsync(Ct);
        await using var read = db.NewContext();
        var written = await read.AuditEntries.Where(e => e.Id > cursor && e.EntityType == nameof(Track)).Select(e => e.Id).ToListAsync(Ct);
        Assert.Equal(2, written.Count);
        Assert.True(pass.Entries >= 2);
        Assert.True(await CursorAsync(db) >= written.Max());
    }

    [Fact]
    public async Task Without_a_settle_time_the_late_entry_is_passed_over()
    {
        // The case the settle time is for, shown: with none, the cursor moves past the slow save's entry before it commits.
        var db = database.OrSkip();
        var eager = new AlertProcessor(db.Contexts, db.Clock);
        await eager.CatchUpAsync(Ct);

        await using var slow = await SlowThenQuickSaveAsync(db);

        Assert.True((await eager.PassAsync(Ct)).Entries >= 1);
        var cursor = await CursorAsync(db);
        await slow.Database.CommitTransactionAsync(Ct);

        await using var read = db.NewContext();
        var slowEntry = await read.AuditEntries.Where(e => e.EntityType == nameof(Track)).OrderByDescending(e => e.Id).Skip(1).Select(e => e.Id).FirstAsync(Ct);
        Assert.True(slowEntry < cursor, "the slow save's entry lies below the cursor: no later pass reads it");
    }

    /// <summary>A long save takes its audit id first and is left open (the answer commits it); a quick one commits after it.</summary>
    private static async Task<TalksTrackerDbContext> SlowThenQuickSaveAsync(SeededDatabase db)
    {
        var slow = db.NewContext();
        await slow.Database.BeginTransactionAsync(Ct);
        slow.Tracks.Add(new Track { Name = $"Slow track {Guid.NewGuid():N}" });
        await slow.SaveChangesAsync(Ct);
        await using var quick = db.NewContext();
        quick.Tracks.Add(new Track { Name = $"Quick track {Guid.NewGuid():N}" });
        await quick.SaveChangesAsync(Ct);
        return slow;
    }

    private static async Task<long> CursorAsync(SeededDatabase db)
    {
        await using var read = db.NewContext();
        return await read.AlertCursors.Where(c => c.Id == AlertCursor.TheOne).Select(c => c.Position).SingleAsync(Ct);
    }
}
