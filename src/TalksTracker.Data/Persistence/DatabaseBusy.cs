using Microsoft.Data.Sqlite;
using Npgsql;

namespace TalksTracker.Data.Persistence;

/// <summary>
/// The one place "the database stayed busy" is recognised. Writers do not fail on a lock: every
/// connection waits up to <see cref="BusyTimeout"/> for another writer (SQLite's busy handler, set in
/// <see cref="SqlitePragmaInterceptor"/>), transactions begin IMMEDIATE (Microsoft.Data.Sqlite's
/// default) so they never need to upgrade a read lock, and Microsoft.Data.Sqlite retries a busy statement
/// until the command timeout. Only a write that waited past all of that surfaces here; its transaction
/// was rolled back, so nothing is half-written, and hosts answer with <see cref="Message"/> (web: 503).
/// </summary>
public static class DatabaseBusy
{
    /// <summary>How long one statement waits for another writer before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    public const string Message = "The database stayed busy with other writers for too long; nothing was saved. Try again in a moment.";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ }
                or PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }

        return false;
    }
}
