using Microsoft.EntityFrameworkCore;

namespace TalksTracker.Data.Tests.Security;

/// <summary>
/// The database holds password hashes, API key hashes and data-protection keys: on Unix its file, its -wal and
/// -shm, its folder and the backups are its owner's only, whatever the umask (typically 022, which gives 0644).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("talkstracker-perm-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static TalksTrackerDbContext Context(string connectionString) =>
        new((DbContextOptions<TalksTrackerDbContext>)new DbContextOptionsBuilder<TalksTrackerDbContext>().UseTalksTrackerDatabase(DatabaseProvider.Sqlite, connectionString).Options);

    [Fact]
    public async Task A_new_database_its_wal_and_shm_and_its_new_folder_are_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var connectionString = DataServiceCollectionExtensions.ResolveSqliteConnectionString("Data Source=data/talkstracker.db;Pooling=False", _root);
        var path = Path.Combine(_root, "data", "talkstracker.db");

        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", Ct);
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE PermissionProbe (X INTEGER);", Ct);
            // While a connection is open in WAL mode, -wal and -shm exist.
            Assert.True(File.Exists(path + "-wal") && File.Exists(path + "-shm"), "WAL mode keeps -wal and -shm beside the file");
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-wal"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-shm"));
        }

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_database_made_world_readable_before_the_rule_is_closed_when_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(_root, "old.db");
        await File.WriteAllBytesAsync(path, [], Ct);
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (var db = Context($"Data Source={path};Pooling=False"))
        {
            await db.Database.MigrateAsync(Ct);
        }

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_backup_and_a_restored_database_are_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(_root, "live.db");
        var connectionString = $"Data Source={path};Pooling=False";
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync(Ct);
        }

        var backup = Path.Combine(_root, "backups", "copy.db");
        var outcome = await new DatabaseBackup().BackupAsync(connectionString, backup, Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(backup));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(backup)!));

        File.Delete(path);
        var restored = await new DatabaseBackup().RestoreAsync(connectionString, backup, Ct);
        Assert.True(restored.Succeeded, restored.Message);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }
}
