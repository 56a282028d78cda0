using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;
using TalksTracker.Web.Accounts;

namespace TalksTracker.IntegrationTests;

/// <summary>The app with a clock the test moves: sessions are checked against it.</summary>
public class MovableClockAppFactory : TalksTrackerAppFactory
{
    public MovableClockAppFactory()
    {
    }

    protected MovableClockAppFactory(DatabaseProvider provider) : base("Development", provider)
    {
    }

    public FakeTimeProvider Clock { get; } = TestClock.NewFake();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Signed-in sessions end when they should (issue #27's high finding): a demotion, a sign-out and the absolute limit
/// end cookie sessions within a minute even for a user who keeps working, and open circuits obey the same limits.
/// </summary>
public sealed class PostgresMovableClockAppFactory() : MovableClockAppFactory(DatabaseProvider.Postgres);

public sealed class SessionTestsOnSqlite(MovableClockAppFactory app) : SessionTests(app), IClassFixture<MovableClockAppFactory>;

public sealed class SessionTestsOnPostgres(PostgresMovableClockAppFactory app) : SessionTests(app.OrSkip()), IClassFixture<PostgresMovableClockAppFactory>;

public abstract class SessionTests(MovableClockAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan JustOverACheck = SessionLimits.RevalidateEvery + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_demoted_editor_cannot_edit_with_the_cookie_it_has_after_a_minute()
    {
        var (client, _, user) = await SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Created, (await CreateActorAsync(client)).StatusCode);

        await ChangeAccountAsync(user, async (users, stored) =>
        {
            await users.RemoveFromRoleAsync(stored, Roles.Editor);
            await users.AddToRoleAsync(stored, Roles.Analyst);
        });
        app.Clock.Advance(JustOverACheck);

        var after = await CreateActorAsync(client);
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{after.StatusCode}");
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_is_refused_after_a_minute()
    {
        var (client, cookies, _) = await SignedInAsync(Roles.Analyst);
        var copied = cookies.GetCookieHeader(client.BaseAddress!);
        Assert.Contains("TalksTracker.Auth=", copied);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tracks", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/signout", null, Ct)).StatusCode);
        app.Clock.Advance(JustOverACheck);

        var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Remove("X-Api-Key");
        replay.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/tracks", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_session_in_constant_use_ends_eight_hours_after_signing_in()
    {
        var (client, _, _) = await SignedInAsync(Roles.Analyst);
        var used = TimeSpan.Zero;
        // A request every 20 minutes: the cookie is renewed each time (sliding) and its stamp checked.
        while (used + TimeSpan.FromMinutes(20) < SessionLimits.Absolute)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            used += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tracks", Ct)).StatusCode);
        }

        app.Clock.Advance(SessionLimits.Absolute - used + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tracks", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_open_circuit_ends_when_idle_past_the_limit_past_eight_hours_or_when_the_account_changes()
    {
        var (_, _, user) = await SignedInAsync(Roles.Editor);
        await using var scope = app.Services.CreateAsyncScope();
        var principal = await CircuitPrincipalAsync(scope.ServiceProvider, user);
        var activity = new CircuitActivity(app.Clock);
        var circuit = ActivatorUtilities.CreateInstance<RevalidatingIdentityStateProvider>(scope.ServiceProvider, activity);

        Assert.True(await circuit.StillValidAsync(principal, Ct));
        app.Clock.Advance(SessionLimits.Inactivity + TimeSpan.FromMinutes(1));
        Assert.False(await circuit.StillValidAsync(principal, Ct));

        // Kept busy, a circuit still ends at the absolute limit.
        activity.Touch();
        Assert.True(await circuit.StillValidAsync(principal, Ct));
        while (app.Clock.GetUtcNow() - SessionLimits.SignedInAt(principal)!.Value < SessionLimits.Absolute)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            activity.Touch();
        }

        Assert.False(await circuit.StillValidAsync(principal, Ct));

        // A fresh session of the same account ends when the account changes (a new stamp).
        var fresh = await CircuitPrincipalAsync(scope.ServiceProvider, user);
        activity.Touch();
        Assert.True(await circuit.StillValidAsync(fresh, Ct));
        await ChangeAccountAsync(user, (users, stored) => users.UpdateSecurityStampAsync(stored));
        Assert.False(await circuit.StillValidAsync(fresh, Ct));
    }

    [Fact]
    public async Task An_open_circuit_outlasts_a_database_that_does_not_answer_for_a_few_minutes_not_longer()
    {
        var (_, _, user) = await SignedInAsync(Roles.Editor);
        await using var scope = app.Services.CreateAsyncScope();
        var principal = await CircuitPrincipalAsync(scope.ServiceProvider, user);
        var activity = new CircuitActivity(app.Clock);
        var database = new FailingScopes(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>());
        var circuit = ActivatorUtilities.CreateInstance<RevalidatingIdentityStateProvider>(scope.ServiceProvider, activity, (IServiceScopeFactory)database);
        Assert.True(await circuit.StillValidAsync(principal, Ct));

        // The base class would sign the circuit out on the first failed check; a moment's outage keeps the session.
        database.Down = true;
        for (var checks = 0; checks < 3; checks++)
        {
            app.Clock.Advance(SessionLimits.RevalidateEvery);
            activity.Touch();
            Assert.True(await circuit.StillValidAsync(principal, Ct));
        }

        // Back up, the account is checked again and the grace starts over.
        database.Down = false;
        app.Clock.Advance(SessionLimits.RevalidateEvery);
        activity.Touch();
        Assert.True(await circuit.StillValidAsync(principal, Ct));

        // An account that cannot be checked for longer than the grace is signed out.
        database.Down = true;
        var uncheckedFor = TimeSpan.Zero;
        while (uncheckedFor < SessionLimits.AccountUncheckedAtMost)
        {
            app.Clock.Advance(SessionLimits.RevalidateEvery);
            uncheckedFor += SessionLimits.RevalidateEvery;
            activity.Touch();
            Assert.Equal(uncheckedFor < SessionLimits.AccountUncheckedAtMost, await circuit.StillValidAsync(principal, Ct));
        }

        // The time limits need no database: idle past the limit ends the session at once, outage or not.
        database.Down = false;
        activity.Touch();
        Assert.True(await circuit.StillValidAsync(principal, Ct));
        database.Down = true;
        app.Clock.Advance(SessionLimits.Inactivity + TimeSpan.FromMinutes(1));
        Assert.False(await circuit.StillValidAsync(principal, Ct));
    }

    /// <summary>The app's scopes, or a database that does not answer when <see cref="Down"/>.</summary>
    private sealed class FailingScopes(IServiceScopeFactory scopes) : IServiceScopeFactory
    {
        public bool Down { get; set; }

        public IServiceScope CreateScope() => Down ? throw new TimeoutException("The database did not answer.") : scopes.CreateScope();
    }

    [Fact]
    public async Task A_disabled_account_loses_its_key_at_once_and_its_session_within_a_minute()
    {
        var (client, _, user) = await SignedInAsync(Roles.Editor);
        var keyed = app.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKeyForEmail(user.Email!));
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/tracks", Ct)).StatusCode);

        var admin = await AdminIdAsync();
        var disabled = await app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(user.Id, disabled: true, actingUserId: admin, Ct);
        Assert.True(disabled.Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/tracks", Ct)).StatusCode);
        app.Clock.Advance(JustOverACheck);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tracks", Ct)).StatusCode);
        Assert.Equal("invalid", SignInError(await BrowserSignIn.PostAsync(NewBrowser(), user.Email!, TalksTrackerAppFactory.DemoPassword)));

        Assert.True((await app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(user.Id, disabled: false, actingUserId: admin, Ct)).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/tracks", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_password_keeps_this_session_and_ends_the_others_within_a_minute()
    {
        var (here, _, user) = await SignedInAsync(Roles.Analyst);
        var elsewhere = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserSignIn.PostAsync(elsewhere, user.Email!, TalksTrackerAppFactory.DemoPassword)).StatusCode);

        Assert.Contains("error=current", (await ChangePasswordAsync(here, "not my password at all", "a brand new passphrase")).Headers.Location!.ToString());
        Assert.Contains("error=mismatch", (await ChangePasswordAsync(here, TalksTrackerAppFactory.DemoPassword, "a brand new passphrase", "another one entirely")).Headers.Location!.ToString());
        Assert.Contains("error=rules", (await ChangePasswordAsync(here, TalksTrackerAppFactory.DemoPassword, "password1234")).Headers.Location!.ToString());
        Assert.Contains("changed=1", (await ChangePasswordAsync(here, TalksTrackerAppFactory.DemoPassword, "a brand new passphrase")).Headers.Location!.ToString());

        app.Clock.Advance(JustOverACheck);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/tracks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/tracks", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null)
    {
        var page = await client.GetStringAsync("/account/password", Ct);
        return await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = current,
            ["NewPassword"] = next,
            ["Confirm"] = confirm ?? next,
            ["__RequestVerificationToken"] = BrowserSignIn.Antiforgery(page),
        }), Ct);
    }

    /// <summary>A client that keeps cookies as a browser does, signed in as nobody (the factory's clients carry an admin key).</summary>
    private HttpClient NewBrowser(CookieContainer? cookies = null)
    {
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies ?? new CookieContainer()));
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    private static string SignInError(HttpResponseMessage response) =>
        response.Headers.Location?.ToString() is { } location && location.Contains("error=", StringComparison.Ordinal) ? location.Split("error=")[1].Split('&')[0] : "none";

    private async Task<string> AdminIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(TalksTrackerAppFactory.DemoEmail(Roles.Admin)))!.Id;
    }

    private async Task<(HttpClient Client, CookieContainer Cookies, AppUser User)> SignedInAsync(string role)
    {
        var email = $"session-{Guid.NewGuid():N}@test.local";
        var user = new AppUser { UserName = email, Email = email };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(user, TalksTrackerAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var cookies = new CookieContainer();
        var client = NewBrowser(cookies);
        var signIn = await BrowserSignIn.PostAsync(client, email, TalksTrackerAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.ToString());
        return (client, cookies, user);
    }

    /// <summary>The principal a circuit holds for <paramref name="user"/>, signed in now.</summary>
    private async Task<ClaimsPrincipal> CircuitPrincipalAsync(IServiceProvider services, AppUser user)
    {
        var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionLimits.SignedInClaim, app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return principal;
    }

    private async Task ChangeAccountAsync(AppUser user, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByIdAsync(user.Id))!);
    }

    private static Task<HttpResponseMessage> CreateActorAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/actors", new { name = $"Session actor {Guid.NewGuid():N}", kind = "Other" }, Ct);
}
