using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalksTracker.Data.Persistence;

namespace TalksTracker.Data;

/// <summary>
/// Per-connection SQLite settings, chosen on purpose (docs/reliability.md):
/// <list type="bullet">
/// <item><c>busy_timeout = 10000</c>: writers wait up to 10 s for each other rather than failing
/// with "database is locked" (see <see cref="DatabaseBusy"/>); never longer than the connection's
/// command timeout (<c>Default Timeout</c> in the connection string, 30 s unless set), which bounds
/// Microsoft.Data.Sqlite's own retries of a busy statement.</item>
/// <item><c>synchronous = NORMAL</c> (with WAL, set by <see cref="DatabaseInitializer"/>): a commit
/// is in the WAL file before it is acknowledged, so every acknowledged transaction survives a
/// process crash (1,000 kill points tested: docs/reliability.md); only a power or OS crash can lose the last few
/// commits, never corrupt the file. FULL would fsync every commit for that case too, at a large
/// write cost on the Cli's bulk imports.</item>
/// <item><c>foreign_keys = ON</c>: SQLite's default is off; the schema relies on them.</item>
/// <item><c>mmap_size</c> up to 2 GB unless <c>Database:SqliteMmapSize</c> says otherwise (0: off, for network
/// storage, where an I/O error on a mapped read would end the process): reads map the database file instead of
/// copying each page through a system call, which makes the random reads the provenance pages make cheaper
/// (measured in docs/query-shapes.md). Writes still go through
/// the WAL as before, so durability is unchanged; the mapped pages are the operating system's file cache, shared
/// by every connection, not memory of the process.</item>
/// </list>
/// They are set once per physical connection: a pooled connection keeps them, and every page opens a
/// context (so a connection) several times, where three statements per open were a measurable share of a
/// sub-millisecond query. Code that changes one of them on a connection of the pool must set it back; the settings
/// are the process's (a connection string's pool is not shared between different ones).
/// <para>Before a connection may create the database file, the file is made readable by its owner only (0600 on
/// Unix; SQLite gives -wal and -shm the same mode): it holds password and key hashes (<see cref="OwnerOnlyFiles"/>).</para>
/// </summary>
/// <param name="mmapSize">Bytes of the file reads may map; 0 turns memory-mapped reads off.</param>
public sealed class SqlitePragmaInterceptor(long mmapSize = SqlitePragmaInterceptor.DefaultMmapSize) : DbConnectionInterceptor
{
    // Keyed by the native handle, which the pool keeps open (and reuses) across SqliteConnection objects.
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    // The file each connection string opens, when opening may create it: made owner-only first (OwnerOnlyFiles).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> CreatableFiles = new();

    private static void CreateOwnerOnly(DbConnection connection)
    {
        if (OperatingSystem.IsWindows() || connection is not SqliteConnection sqlite)
        {
            return;
        }

        var file = CreatableFiles.GetOrAdd(sqlite.ConnectionString, static connectionString =>
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (builder.Mode != SqliteOpenMode.ReadWriteCreate || builder.DataSource is not { Length: > 0 } dataSource || dataSource == ":memory:"
                || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = Path.GetFullPath(dataSource);
            OwnerOnlyFiles.TightenSqliteFiles(path); // once per process: a database made before the rule
            return path;
        });
        if (file is not null)
        {
            OwnerOnlyFiles.CreateEmptyFile(file);
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        CreateOwnerOnly(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        CreateOwnerOnly(connection);
        return ValueTask.FromResult(result);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    /// <summary>Bytes of the database file reads map unless configured: SQLite's compiled-in ceiling (SQLITE_MAX_MMAP_SIZE); a larger file is read past it as before.</summary>
    public const long DefaultMmapSize = 0x7fff0000;

    private string Pragmas(DbConnection connection)
    {
        var busyTimeout = DatabaseBusy.BusyTimeout;
        if (connection is SqliteConnection { DefaultTimeout: > 0 } sqlite && TimeSpan.FromSeconds(sqlite.DefaultTimeout) < busyTimeout)
        {
            busyTimeout = TimeSpan.FromSeconds(sqlite.DefaultTimeout);
        }

        return $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = {mmapSize};";
    }
}
