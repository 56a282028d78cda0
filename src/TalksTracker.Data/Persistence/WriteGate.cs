using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TalksTracker.Data.Persistence;

/// <summary>What a writer queues behind on PostgreSQL; each value is the key of one transaction-scoped advisory lock.</summary>
/// <remarks>Values are fixed forever: instances of different versions running side by side must take the same lock.</remarks>
public enum WriteLock : long
{
    /// <summary>
    /// Writers that look a record up by its name or fingerprint and create it when absent: intake (a report by its
    /// text, sources by name) and the catalog's creations (actors, venues, meetings, agenda items, sources). Two of
    /// them at once would both miss and both create.
    /// </summary>
    Names = 0x5454_4E61_6D65_7331, // "TTNames1"

    /// <summary>Saves that change claims' links to meetings or agenda items: the track counts are changed by a difference.</summary>
    TrackCounts = 0x5472_6B43_6C61_696D, // the value the first release used, kept
}

/// <summary>
/// The one way a writer gets exclusive use of what it reads before it writes, on both engines. On SQLite a
/// transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), so it holds the database's one write lock from
/// its first statement and writers queue within the busy timeout (<see cref="DatabaseBusy"/>). PostgreSQL runs
/// writers side by side, so the gate also takes the advisory lock of the writer's <see cref="WriteLock"/>, held to
/// the commit or rollback. What still collides (a unique index hit by a writer outside the gate, a serialization
/// failure) is recognised by <see cref="DatabaseConflict"/> and answered as a conflict, never a 500.
/// </summary>
public static class WriteGate
{
    /// <summary>Begins the write transaction of one operation, queued behind other writers of <paramref name="purpose"/>.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(TalksTrackerDbContext db, WriteLock purpose, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            await EnterAsync(db, purpose, ct).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Within a transaction already begun: queues behind other writers of <paramref name="purpose"/> (PostgreSQL only).</summary>
    public static Task EnterAsync(TalksTrackerDbContext db, WriteLock purpose, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [(long)purpose], ct)
            : Task.CompletedTask;
}
