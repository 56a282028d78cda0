using Microsoft.Data.Sqlite;
using Npgsql;

namespace TalksTracker.Data.Persistence;

/// <summary>
/// The one place "another writer saved the same thing at the same moment" is recognised, on both engines: a unique
/// index hit (SQLite's constraint error, PostgreSQL's 23505) or a transaction the database gave up to keep writers
/// apart (PostgreSQL's serialization failure 40001 and deadlock 40P01). The transaction was rolled back, so nothing
/// is half-written; hosts answer with <see cref="Message"/> (web: 409 problem details, the Cli: exit 1).
/// </summary>
public static class DatabaseConflict
{
    public const string Message = "Another change to the same record was saved at the same moment; nothing of yours was saved. Reload and try again.";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 19 /* SQLITE_CONSTRAINT */, SqliteExtendedErrorCode: 2067 /* UNIQUE */ or 1555 /* PRIMARYKEY */ }:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                    return true;
            }
        }

        return false;
    }
}
