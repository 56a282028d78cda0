using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TalksTracker.Data.Persistence;

namespace TalksTracker.Data;

/// <summary>
/// Which database engine holds the data (setting <c>Database:Provider</c>): an embedded SQLite file
/// (the default: one instance, nothing to install) or a shared PostgreSQL server (several instances).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public const string SettingName = "Database:Provider";

    /// <summary>The assembly holding the PostgreSQL migrations (SQLite's live in TalksTracker.Data itself).</summary>
    public const string PostgresMigrationsAssembly = "TalksTracker.Data.Postgres";

    /// <summary>Bytes of a SQLite database file that reads may memory-map; 0 turns memory-mapped reads off.</summary>
    public const string SqliteMmapSizeSettingName = "Database:SqliteMmapSize";

    /// <summary>
    /// Reads <c>Database:SqliteMmapSize</c>: unset means <see cref="SqlitePragmaInterceptor.DefaultMmapSize"/>; a
    /// negative number or anything but a whole number of bytes is refused.
    /// </summary>
    public static long SqliteMmapSize(IConfiguration? configuration) => ParseMmapSize(configuration?[SqliteMmapSizeSettingName]);

    public static long ParseMmapSize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? SqlitePragmaInterceptor.DefaultMmapSize
        : long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes
        : throw new InvalidOperationException(
            $"{SqliteMmapSizeSettingName} '{value}' is not a number of bytes: use 0 to turn memory-mapped reads off (network storage), or leave it unset for {SqlitePragmaInterceptor.DefaultMmapSize}.");

    /// <summary>Reads <c>Database:Provider</c>; unset means SQLite, an unknown name is refused.</summary>
    public static DatabaseProvider FromConfiguration(IConfiguration configuration) => Parse(configuration[SettingName]);

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{SettingName} '{value}' is not known: use Sqlite or Postgres."),
    };

    /// <summary>Configures a context for the provider, with the migrations assembly and interceptors that belong to it.</summary>
    /// <param name="sqliteMmapSize">On SQLite, the bytes of the file reads may memory-map (see <see cref="SqliteMmapSize"/>); null for the default.</param>
    public static DbContextOptionsBuilder UseTalksTrackerDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, long? sqliteMmapSize = null)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return options
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                .AddInterceptors(new VersioningInterceptor());
        }

        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(TalksTrackerDbContext).Assembly.GetName().Name))
            .AddInterceptors(new VersioningInterceptor(), new SqlitePragmaInterceptor(sqliteMmapSize ?? SqlitePragmaInterceptor.DefaultMmapSize));
    }
}
