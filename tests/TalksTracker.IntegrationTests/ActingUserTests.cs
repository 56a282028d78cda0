using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Cli;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>Every change is audited under the user who made it, Identity's own changes included, without a user parameter.</summary>
public sealed class ActingUserTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_change_made_through_identity_is_audited_under_the_acting_admin()
    {
        var admin = TalksTrackerAppFactory.DemoEmail(Roles.Admin);
        var email = $"acting-{Guid.NewGuid():N}@test.local";
        string userId;
        using (var scope = app.Services.CreateScope())
        using (CurrentActor.As(admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, TalksTrackerAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Editor)).Succeeded);
            userId = user.Id;
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.Where(a => a.Changes.Contains(userId)).ToListAsync(Ct);
        Assert.Contains(entries, e => e.EntityType == nameof(AppUser) && e.Action == AuditAction.Created);
        var role = Assert.Single(entries, e => e.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal));
        Assert.Equal(Roles.Editor, System.Text.Json.JsonDocument.Parse(role.Changes).RootElement.GetProperty("RoleName").GetProperty("after").GetString());
        Assert.All(entries, e => Assert.Equal(admin, e.User));
    }

    [Fact]
    public async Task The_command_line_acts_as_the_name_given_with_as_and_otherwise_as_its_operating_system_user()
    {
        var folder = Directory.CreateTempSubdirectory("talkstracker-acting-").FullName;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = $"Data Source={Path.Combine(folder, "cli.db")};Pooling=False" };
        var first = Path.Combine(folder, "first.txt");
        var second = Path.Combine(folder, "second.txt");
        await File.WriteAllTextAsync(first, "Envoys meet in Muscat\nA Gulf official said envoys met in Muscat on Monday.", Ct);
        await File.WriteAllTextAsync(second, "Envoys meet again\nA Gulf official said envoys met again in Muscat on Tuesday.", Ct);

        Assert.Equal(0, await CliApp.RunAsync(["migrate"], TextWriter.Null, TextWriter.Null, settings));
        Assert.Equal(0, await CliApp.RunAsync(["--as", "alice@desk", "import", first], TextWriter.Null, TextWriter.Null, settings));
        Assert.Equal(0, await CliApp.RunAsync(["import", second], TextWriter.Null, TextWriter.Null, settings));
        Assert.Equal(2, await CliApp.RunAsync(["--as"], TextWriter.Null, TextWriter.Null, settings));

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(settings["ConnectionStrings:TalksTracker"]);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "User" FROM "AuditEntries" WHERE "EntityType" = 'Report' ORDER BY "Id" """;
        var users = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                users.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["alice@desk", $"cli:{Environment.UserName}"], users);
    }
}
