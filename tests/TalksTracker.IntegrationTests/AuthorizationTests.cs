using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// Walks the app's whole route table — every page and every API endpoint — and checks each one
/// against anonymous users and every role, so a new page or endpoint cannot be added unprotected.
/// </summary>
public sealed class AuthorizationTestsOnSqlite(TalksTrackerAppFactory app) : AuthorizationTests(app), IClassFixture<TalksTrackerAppFactory>;

/// <summary>The role matrix again on PostgreSQL: accounts, roles and keys live in the database, so the engine matters.</summary>
public sealed class AuthorizationTestsOnPostgres(PostgresAppFactory app) : AuthorizationTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;

public abstract class AuthorizationTests(TalksTrackerAppFactory app)
{
    private static readonly Dictionary<string, string[]> RolesOfPolicy = new()
    {
        [Policies.Read] = [.. Roles.All],
        [Policies.Edit] = [Roles.Editor, Roles.Admin],
        [Policies.Export] = [Roles.Manager, Roles.Admin],
        [Policies.Administer] = [Roles.Admin],
    };

    // The password-reset page is open: its one-time link is the credential (a bad one is refused as a whole).
    // The status page is open too: it renders the error of any request, signed in or not, and shows no data.
    private static readonly string[] PublicPaths = ["/health", "/account/signin", "/account/reset", "/account/denied", "/error", "/status/1", "/account/unsubscribe"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Route(string Method, string Path, bool Api, bool Anonymous, IReadOnlySet<string> AllowedRoles);

    private IReadOnlyList<Route> Routes()
    {
        _ = app.Server;
        var routes = new List<Route>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("/_", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
                || pattern.Contains("{**", StringComparison.Ordinal) || pattern == "/account/signout")
            {
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            if (method is not ("GET" or "POST"))
            {
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var allowed = new HashSet<string>(Roles.All);
            foreach (var policy in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>())
            {
                allowed.IntersectWith(RolesOfPolicy[policy]);
            }

            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value == "format" ? "csv" : "1");
            routes.Add(new Route(method, path, path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal), anonymous, allowed));
        }

        return routes.DistinctBy(r => (r.Method, r.Path)).ToList();
    }

    [Fact]
    public void The_route_table_is_walked_and_only_the_public_pages_are_open()
    {
        var routes = Routes();

        Assert.Contains(routes, r => r.Path == "/meetings/1");
        Assert.Contains(routes, r => r.Path == "/api/meetings");
        Assert.Contains(routes, r => r.Path == "/admin/audit");
        Assert.Equal(PublicPaths.Order(), routes.Where(r => r.Anonymous).Select(r => r.Path).Distinct().Order());
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_and_scripts_get_401()
    {
        var client = app.CreateAnonymousClient();
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            using var response = await SendAsync(client, route);

            if (route.Api)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/signin"),
                    $"{route.Method} {route.Path}: {response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task Each_role_gets_exactly_what_it_may_and_403_elsewhere(string role)
    {
        var client = app.CreateClientFor(role);
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            using var response = await SendAsync(client, route);

            if (route.AllowedRoles.Contains(role))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{role} should reach {route.Method} {route.Path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} must not reach {route.Method} {route.Path}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_revoked_or_made_up_key_is_refused()
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "tt_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
    }

    /// <summary>
    /// A key's principal is kept per version of its user record: a role change, a lockout or a revocation must
    /// still apply to the very next call made with a key that has just been used.
    /// </summary>
    [Fact]
    public async Task A_used_key_follows_role_changes_lockout_and_revocation_at_once()
    {
        const string email = "key-holder@demo.local";
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, TalksTrackerAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Analyst)).Succeeded);
            userId = user.Id;
        }

        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var key = (await keys.CreateAsync(userId, "cached key", Ct)).Value!;
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        Task<HttpStatusCode> ExtractAsync() => client.PostAsJsonAsync("/api/extract", new { text = "Officials met in Muscat, a Gulf official said." }, Ct).ContinueWith(t => t.Result.StatusCode, Ct);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ExtractAsync());

        // As the users page does it: new role, new security stamp.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            await users.AddToRoleAsync(user, Roles.Editor);
        }

        Assert.Equal(HttpStatusCode.OK, await ExtractAsync());

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(userId))!, DateTimeOffset.MaxValue);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/meetings", Ct)).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(userId))!, null);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
        Assert.True(await keys.RevokeAsync(key.Id, ownerId: null, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route) =>
        route.Method == "POST"
            ? client.PostAsJsonAsync(route.Path, new { }, Ct)
            // Headers only: the change stream (/api/changes/stream) never ends; disposing the answer ends it.
            : client.GetAsync(route.Path, HttpCompletionOption.ResponseHeadersRead, Ct);
}
