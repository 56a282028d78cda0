using Microsoft.Data.Sqlite;

namespace TalksTracker.Data;

/// <summary>What a backup or restore did, or why it refused.</summary>
public sealed record BackupOutcome(bool Succeeded, string Message)
{
    public static BackupOutcome Done(string message) => new(true, message);
    public static BackupOutcome Refused(string message) => new(false, message);
}

/// <summary>
/// Online backup and offline restore of the SQLite database file.
/// <para>Backup uses SQLite's backup API on a live connection: it copies one consistent snapshot
/// while the app keeps running (WAL: writers go on; the copy sees what was committed when it
/// started). The copy is written to a temporary file beside the target, turned into a single
/// self-contained file (rollback journal, no -wal/-shm), checked with <c>PRAGMA integrity_check</c>
/// and only then renamed into place, so a crash never leaves a half-written backup under the name.</para>
/// <para>Restore checks the file first (opens, integrity check, is a TalksTracker database), refuses
/// while anything else has the database open (the web app must be stopped: replacing the file under
/// a running process would make it keep writing to the old file), copies it beside the database,
/// removes the old -wal/-shm and renames the copy into place (atomic on one file system).</para>
/// </summary>
public sealed class DatabaseBackup
{
    public async Task<BackupOutcome> BackupAsync(string connectionString, string targetPath, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(targetPath);
        var temp = target + $".{Guid.NewGuid():N}.tmp";
        try
        {
            // Owner-only (0600) like the database, before SQLite would create it with the umask's mode; the rename keeps it.
            OwnerOnlyFiles.CreateEmptyFile(temp);
            await using (var source = new SqliteConnection(Unpooled(connectionString)))
            await using (var copy = new SqliteConnection(FileConnection(temp)))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                // Set a long busy timeout: the backup's read snapshot may wait for a checkpoint in progress.
                await ExecuteAsync(source, "PRAGMA busy_timeout = 30000;", ct);
                source.BackupDatabase(copy);
                await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;", ct);
                if (await IntegrityAsync(copy, ct) is { } problem)
                {
                    return BackupOutcome.Refused($"The copy failed its integrity check ({problem}); {target} was not written.");
                }
            }

            File.Move(temp, target, overwrite: true);
            var reports = await CountReportsAsync(target, ct);
            return BackupOutcome.Done($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes, {reports} reports, integrity ok).");
        }
        finally
        {
            DeleteQuietly(temp);
            DeleteQuietly(temp + "-journal");
        }
    }

    /// <summary>Why a file is not a usable TalksTracker backup, or null when it is.</summary>
    public async Task<string?> VerifyAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            return $"There is no file {path}.";
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            await connection.OpenAsync(ct);
            if (await IntegrityAsync(connection, ct) is { } problem)
            {
                return $"{path} fails the integrity check: {problem}.";
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Reports', 'Claims', 'AuditEntries')";
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct)) == 4 ? null : $"{path} is an SQLite file but not a TalksTracker database.";
        }
        catch (SqliteException e)
        {
            return $"{path} is not a readable SQLite database: {e.Message}";
        }
    }

    public async Task<BackupOutcome> RestoreAsync(string connectionString, string fromPath, CancellationToken ct = default)
    {
        var from = Path.GetFullPath(fromPath);
        if (await VerifyAsync(from, ct) is { } problem)
        {
            return BackupOutcome.Refused($"{problem} Nothing was restored.");
        }

        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (target == from)
        {
            return BackupOutcome.Refused("The backup is the database itself. Nothing was restored.");
        }

        var temp = target + $".{Guid.NewGuid():N}.restoring";
        try
        {
            OwnerOnlyFiles.CreateEmptyFile(temp);
            // A copy made with the backup API is a clean single file even if the backup had a -wal beside it.
            await using (var source = new SqliteConnection(FileConnection(from, readOnly: true)))
            await using (var copy = new SqliteConnection(FileConnection(temp)))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;", ct);
            }

            SqliteConnection.ClearAllPools();
            if (File.Exists(target))
            {
                // Leaving WAL mode needs the only connection to the file: if that fails, something has it open.
                await using var current = new SqliteConnection(FileConnection(target));
                await current.OpenAsync(ct);
                await ExecuteAsync(current, "PRAGMA busy_timeout = 0;", ct);
                string mode;
                try
                {
                    await using var command = current.CreateCommand();
                    command.CommandText = "PRAGMA journal_mode = DELETE;";
                    command.CommandTimeout = 1; // Microsoft.Data.Sqlite retries a busy statement until this runs out
                    mode = Convert.ToString(await command.ExecuteScalarAsync(ct)) ?? "";
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
                {
                    mode = "busy";
                }

                if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
                {
                    return BackupOutcome.Refused($"The database {target} is in use (stop the web app and any other command first). Nothing was restored.");
                }
            }

            SqliteConnection.ClearAllPools();
            DeleteQuietly(target + "-wal");
            DeleteQuietly(target + "-shm");
            DeleteQuietly(target + "-journal");
            File.Move(temp, target, overwrite: true);
            var reports = await CountReportsAsync(target, ct);
            return BackupOutcome.Done($"Restored {target} from {from} ({reports} reports, integrity ok).");
        }
        finally
        {
            DeleteQuietly(temp);
            DeleteQuietly(temp + "-journal");
        }
    }

    /// <summary>The first problem <c>PRAGMA integrity_check</c> reports, or null for "ok".</summary>
    public static async Task<string?> IntegrityAsync(SqliteConnection connection, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = Convert.ToString(await command.ExecuteScalarAsync(ct));
        return result == "ok" ? null : result;
    }

    private static async Task<long> CountReportsAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(path, readOnly: true));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Reports";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Unpooled(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    private static string FileConnection(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless; the next run uses a new name.
        }
    }
}
