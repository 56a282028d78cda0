using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Model;

public abstract class MigrationsTests(SeededDatabase database)
{
    protected SeededDatabase Database => database;

    [Fact]
    public async Task Every_migration_is_applied_to_a_new_database()
    {
        await using var db = database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add`.");
    }

    [Fact]
    public async Task A_claim_span_that_ends_before_it_starts_is_refused_by_the_database()
    {
        await using var db = database.NewContext();
        var report = new Report { Title = "Span check", Text = "Some text here.", ContentHash = "span-check", TakenInAt = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc) };
        db.Reports.Add(report);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Claims.Add(new Claim { ReportId = report.Id, Start = 5, End = 2, Quote = "x", Stance = Stance.Asserts, Credibility = 3 });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Names_compare_without_case()
    {
        await using var db = database.NewContext();
        db.Actors.Add(new Actor { Name = "Oman", Kind = ActorKind.State, Aliases = [new ActorAlias { Alias = "Muscat" }] });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Oman", (await db.Actors.SingleAsync(a => a.Name == "OMAN", TestContext.Current.CancellationToken)).Name);
        Assert.Equal("Muscat", (await db.ActorAliases.SingleAsync(a => a.Alias == "muscat", TestContext.Current.CancellationToken)).Alias);
    }
}

public sealed class MigrationsTestsOnSqlite(EmptyDatabase database) : MigrationsTests(database), IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task The_database_runs_in_WAL_mode_with_foreign_keys_on_and_reads_memory_mapped()
    {
        await using var db = Database.NewContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA mmap_size;";
        Assert.True((long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) > 0, "reads are memory-mapped");
    }
}

public sealed class MigrationsTestsOnPostgres(PostgresEmptyDatabase database) : MigrationsTests(database.OrSkip()), IClassFixture<PostgresEmptyDatabase>;
