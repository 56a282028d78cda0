using Microsoft.EntityFrameworkCore;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Model;

public class MigrationsTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
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
    public async Task The_database_runs_in_WAL_mode_with_foreign_keys_on()
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
