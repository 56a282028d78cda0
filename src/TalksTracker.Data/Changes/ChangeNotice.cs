using Microsoft.EntityFrameworkCore;

namespace TalksTracker.Data.Changes;

/// <summary>How a save that wrote audit entries tells the <see cref="ChangeFeed"/>s of every process.</summary>
internal static class ChangeNotice
{
    /// <summary>
    /// Marks the context so its commit wakes this process's feed (<see cref="ChangeSignalInterceptor"/>); on PostgreSQL
    /// also NOTIFYs within the transaction, which the server delivers to every instance's listener only on commit.
    /// </summary>
    public static async Task SendAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        db.WroteAuditEntries = true;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_notify('" + ChangeFeed.Channel + "', '')", ct);
        }
    }
}
