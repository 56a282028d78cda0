using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

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

    /// <summary>Reads <c>Database:Provider</c>; unset means SQLite, an unknown name is refused.</summary>
    public static DatabaseProvider FromConfiguration(IConfiguration configuration) => Parse(configuration[SettingName]);

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{SettingName} '{value}' is not known: use Sqlite or Postgres."),
    };

    /// <summary>Configures a context for the provider, with the migrations assembly and interceptors that belong to it.</summary>
    public static DbContextOptionsBuilder UseTalksTrackerDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return options
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                .AddInterceptors(new VersioningInterceptor());
        }

        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(TalksTrackerDbContext).Assembly.GetName().Name))
            .AddInterceptors(new VersioningInterceptor(), new SqlitePragmaInterceptor());
    }

    public static bool IsPostgres(this DatabaseFacade database) => database.IsNpgsql();
}
