using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalksTracker.Data;

/// <summary>
/// Per-connection SQLite settings, chosen on purpose: writers wait for each other rather than
/// failing with "database is locked", and in WAL mode NORMAL sync keeps every committed
/// transaction through a process crash (only an OS crash can lose the last few).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
