using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Persistence;
using TalksTracker.Testing;
using TalksTracker.Web.Accounts;

namespace TalksTracker.IntegrationTests;

/// <summary>Issue #27: a departing user can be cut off — disabled, deleted, their keys revoked — and a password reset.</summary>
public sealed class AccountAdministrationTestsOnSqlite(TalksTrackerAppFactory app) : AccountAdministrationTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class AccountAdministrationTestsOnPostgres(PostgresAppFactory app) : AccountAdministrationTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;

public abstract class AccountAdministrationTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Password = "a long enough password";

    private AccountAdministration Accounts => app.Services.GetRequiredService<AccountAdministration>();

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_disabled_nor_deleted()
    {
        var admin = await IdOfAsync(TalksTrackerAppFactory.DemoEmail(Roles.Admin));
        var other = await NewAccountAsync(Roles.Admin);
        var others = (await Accounts.ListAsync(Ct)).Where(a => a.Role == Roles.Admin && !a.Disabled && a.Id != admin).ToList();
        Assert.Contains(others, a => a.Id == other);

        // While another admin is enabled, an admin can be disabled; once the demo admin is the last, it can be nothing but admin.
        foreach (var row in others)
        {
            Assert.True((await Accounts.SetDisabledAsync(row.Id, disabled: true, actingUserId: admin, Ct)).Succeeded);
        }

        try
        {
            var demoted = await Accounts.SetRoleAsync(admin, Roles.Analyst, Ct);
            var disabled = await Accounts.SetDisabledAsync(admin, disabled: true, actingUserId: other, Ct);
            var deleted = await Accounts.DeleteAsync(admin, actingUserId: other, Ct);
            foreach (var refused in new[] { demoted.Errors, disabled.Errors, deleted.Errors })
            {
                Assert.Contains("only enabled admin", Assert.Single(refused[AccountAdministration.Field]));
            }

            Assert.Equal(Roles.Admin, (await Accounts.ListAsync(Ct)).Single(a => a.Id == admin).Role);
            Assert.Contains("own account", Assert.Single((await Accounts.DeleteAsync(admin, actingUserId: admin, Ct)).Errors[AccountAdministration.Field]));
        }
        finally
        {
            foreach (var row in others)
            {
                Assert.True((await Accounts.SetDisabledAsync(row.Id, disabled: false, actingUserId: admin, Ct)).Succeeded);
            }
        }
    }

    [Fact]
    public async Task A_deleted_account_loses_its_keys_and_the_deletion_is_audited_under_the_acting_admin()
    {
        var email = $"departing-{Guid.NewGuid():N}@test.local";
        var id = await NewAccountAsync(Roles.Editor, email);
        var keyed = app.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKeyForEmail(email));
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/tracks", Ct)).StatusCode);

        var admin = TalksTrackerAppFactory.DemoEmail(Roles.Admin);
        using (CurrentActor.As(admin))
        {
            Assert.True((await Accounts.DeleteAsync(id, actingUserId: await IdOfAsync(admin), Ct)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/tracks", Ct)).StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.UserId == id, Ct));
        var deletion = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == id && a.Action == Domain.AuditAction.Deleted, Ct);
        Assert.Equal(admin, deletion.User);
    }

    [Fact]
    public async Task A_password_link_sets_a_new_password_once()
    {
        var email = $"forgetful-{Guid.NewGuid():N}@test.local";
        var id = await NewAccountAsync(Roles.Analyst, email);
        var link = (await Accounts.PasswordResetLinkAsync(id, Ct)).Value!;
        var browser = app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

        Assert.Contains("?reset=1", (await SetPasswordAsync(browser, link, "the new secret phrase")).Headers.Location!.ToString());
        Assert.Equal("/", (await BrowserSignIn.PostAsync(browser, email, "the new secret phrase")).Headers.Location?.ToString());

        // The same link again: refused as a whole (the stamp it was made with has changed).
        Assert.Contains("error=link", (await SetPasswordAsync(app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer())), link, "yet another phrase here")).Headers.Location!.ToString());
        var altered = link.Replace("token=", "token=x", StringComparison.Ordinal);
        Assert.Contains("error=link", (await SetPasswordAsync(app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer())), altered, "yet another phrase here")).Headers.Location!.ToString());
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient browser, string link, string password)
    {
        browser.DefaultRequestHeaders.Remove("X-Api-Key");
        var page = await browser.GetStringAsync(link, Ct);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return await browser.PostAsync("/account/reset", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["User"] = query["user"] ?? "",
            ["Token"] = query["token"] ?? "",
            ["NewPassword"] = password,
            ["Confirm"] = password,
            ["__RequestVerificationToken"] = BrowserSignIn.Antiforgery(page),
        }), Ct);
    }

    private async Task<string> NewAccountAsync(string role, string? email = null)
    {
        var outcome = await Accounts.CreateAsync(email ?? $"account-{Guid.NewGuid():N}@test.local", Password, role, Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!;
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }
}
