namespace TalksTracker.Data;

/// <summary>
/// The database and its backups hold password hashes, API key hashes and data-protection keys: on Unix
/// they are readable by their owner only (files 0600, a folder made for them 0700), whatever the
/// process's umask. SQLite gives its -wal, -shm and -journal files the database file's permissions, so
/// creating the database file first is enough for them. On Windows the folder's ACL applies instead.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Makes the folder <paramref name="path"/> is in (0700 when it is new).</summary>
    public static void CreateFolderFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            // Only the last level gets the mode; an existing folder is left as its owner set it.
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>
    /// Creates an empty file at <paramref name="path"/> readable by its owner only, unless it exists (an empty
    /// file is an empty SQLite database, so SQLite opens it instead of creating one with the umask's mode).
    /// </summary>
    public static void CreateEmptyFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        CreateFolderFor(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first.
        }
    }

    /// <summary>
    /// An existing SQLite file and its -wal/-shm/-journal lose any group or other permission, so a database made
    /// before this rule is closed too.
    /// </summary>
    public static void TightenSqliteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            Tighten(file);
        }
    }

    private static void Tighten(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & GroupOrOthers) != 0)
            {
                File.SetUnixFileMode(file, File.GetUnixFileMode(file) & ~GroupOrOthers);
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Not ours to change (another owner, a read-only mount): SQLite still opens it as before.
        }
    }
}
