using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The low-severity findings of issue #27, each as a request that used to fail (a 500, a missing header, an
/// accepted password, a forged log line…) and now does not. docs/security.md maps them to OWASP ASVS.
/// </summary>
public sealed partial class SecurityTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public async Task Security_a_claim_id_that_is_not_a_number_does_not_fail_the_report_page(string claim)
    {
        var response = await app.CreateClientFor(Roles.Analyst).GetAsync($"/reports/1?claim={claim}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Security_a_null_participant_is_refused_by_field_not_a_500()
    {
        using var body = new StringContent("{\"trackId\": 1, \"title\": \"A meeting with a null participant\", \"participants\": [null]}",
            System.Text.Encoding.UTF8, "application/json");

        var response = await app.CreateClientFor(Roles.Editor).PostAsync("/api/meetings", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Participants", out _), problem.ToString());
    }

    [Theory]
    [InlineData("/\t/evil.com")]
    [InlineData("/%09/evil.com")]
    [InlineData("/\r\n/evil.com")]
    [InlineData("//evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("https://evil.com/")]
    public async Task Security_a_sign_in_never_returns_off_site_nor_fails(string returnUrl)
    {
        var client = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct)).StatusCode);

        var response = await BrowserSignIn.PostAsync(client, TalksTrackerAppFactory.DemoEmail(Roles.Analyst), TalksTrackerAppFactory.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.Length > 1 && location[1] is '/' or '\\', location);
        Assert.DoesNotContain(location, char.IsControl);
    }

    [Theory]
    [InlineData("/api/meetings", Roles.Analyst)]
    [InlineData("/api/reports/1", Roles.Analyst)]
    [InlineData("/api/export/csv?track=1", Roles.Manager)]
    [InlineData("/api/export/stix?track=1", Roles.Manager)]
    public async Task Security_api_answers_and_exports_are_never_cached(string path, string role)
    {
        var response = await app.CreateClientFor(role).GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task Security_the_antiforgery_cookie_is_secure_over_https()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key");

        var response = await client.GetAsync("/account/signin", Ct);

        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop12")]
    [InlineData("Password1234")]
    [InlineData("iloveyou2026")]
    [InlineData("sonyericsson")] // from the bundled 100,000 most common, not the hand-made list
    [InlineData("LeaveMeAlone")]
    [InlineData("1234567812345678")] // rank 99,461 of the 100,000
    public async Task Security_a_common_password_is_refused(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"common-{Guid.NewGuid():N}@example.org";

        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email }, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooCommon");
    }

    [Theory]
    [InlineData("violet kettle marching north")]
    [InlineData(TalksTrackerAppFactory.DemoPassword)] // the documented demo password must stay settable
    public async Task Security_an_uncommon_long_password_is_still_accepted(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"uncommon-{Guid.NewGuid():N}@example.org";

        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email }, password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Security_health_tells_anonymous_callers_only_the_status()
    {
        var anonymous = await app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/health", Ct);
        var signedIn = await app.CreateClientFor(Roles.Analyst).GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal("Healthy", anonymous.GetProperty("status").GetString());
        Assert.Equal(["status"], anonymous.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("report", anonymous.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(signedIn.TryGetProperty("instance", out _), "a signed-in caller still sees the instance and checks");
        Assert.True(signedIn.TryGetProperty("checks", out _));
    }

    [Fact]
    public void Security_a_forged_log_line_in_a_sign_in_email_is_escaped_and_a_long_one_cut()
    {
        var forged = TalksTracker.Web.Extensions.LogText.Escape("intruder@example.org\r\n2026-01-01 00:00:00.000 +00:00 [INF] admin@localhost signed in\u001b[2J");
        var long_ = TalksTracker.Web.Extensions.LogText.Escape(new string('x', 5000) + "@example.org");

        Assert.Equal("intruder@example.org\\r\\n2026-01-01 00:00:00.000 +00:00 [INF] admin@localhost signed in\\u001b[2J", forged);
        Assert.DoesNotContain(forged, char.IsControl);
        Assert.True(long_.Length < 250, $"{long_.Length} characters");
        Assert.EndsWith("…(5012 characters)", long_, StringComparison.Ordinal);
    }
}

/// <summary>Production behaviour: HSTS.</summary>
public sealed class ProductionSecurityTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Security_hsts_lasts_a_year_and_covers_subdomains()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://talkstracker.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/signin", TestContext.Current.CancellationToken);

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
