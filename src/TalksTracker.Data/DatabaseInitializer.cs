using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalksTracker.Data.Seeding;

namespace TalksTracker.Data;

/// <summary>Brings a database to the current schema and, when it holds no reports yet, loads the seeds.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<TalksTrackerDbContext> contextFactory, Seeder seeder, ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// Whether the database is there with the current schema, found without changing it: a SQLite file that does
    /// not exist is not opened (opening would create it), and otherwise only the migrations history is read, which
    /// EF looks for before reading, so a database without tables logs no error. For readers that must not migrate.
    /// </summary>
    public async Task<DatabaseSchema> SchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite() && SqliteFileMissing(db.Database.GetConnectionString()!))
        {
            return DatabaseSchema.Missing;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
        return applied.Count == 0 ? DatabaseSchema.Missing
            : db.Database.GetMigrations().All(applied.Contains) ? DatabaseSchema.Current
            : DatabaseSchema.Behind;
    }

    private static bool SqliteFileMissing(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        return sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory && !File.Exists(file);
    }

    public async Task InitializeAsync(string? seedFolder, CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            // A migration fills derived figures in SQL; what only C# can count is completed here (nothing to do afterwards).
            await Derived.DerivedFigures.CompleteAsync(db, cancellationToken);

            // WAL lets readers go on while a writer commits; the setting is kept in the file.
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }

            if (await db.Reports.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        if (seedFolder is null)
        {
            return;
        }

        foreach (var outcome in await seeder.SeedAsync(seedFolder, cancellationToken))
        {
            logger.LogInformation("Seed {File}: {Message}", outcome.File, outcome.Message);
        }
    }
}

/// <summary>What <see cref="DatabaseInitializer.SchemaAsync"/> found.</summary>
public enum DatabaseSchema
{
    /// <summary>No database, or one no migration was applied to.</summary>
    Missing,

    /// <summary>Some migrations are not applied yet (<c>migrate</c> applies them).</summary>
    Behind,

    /// <summary>Every migration is applied.</summary>
    Current,
}
