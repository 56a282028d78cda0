using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalksTracker.Data.Seeding;

namespace TalksTracker.Data;

/// <summary>Brings a database to the current schema and, when it holds no reports yet, loads the seeds.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<TalksTrackerDbContext> contextFactory, Seeder seeder, ILogger<DatabaseInitializer> logger)
{
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
