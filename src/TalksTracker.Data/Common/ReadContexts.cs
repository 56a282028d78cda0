using Microsoft.EntityFrameworkCore;

namespace TalksTracker.Data.Common;

/// <summary>
/// A context for a page's reads that opens its connection once: otherwise EF opens and closes it around each
/// statement, and on the reading pages (a few sub-millisecond statements each) that is a measurable share of their
/// time (docs/query-shapes.md). Disposing the context closes it.
/// </summary>
internal static class ReadContexts
{
    public static async Task<TalksTrackerDbContext> OpenAsync(this IDbContextFactory<TalksTrackerDbContext> factory, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
