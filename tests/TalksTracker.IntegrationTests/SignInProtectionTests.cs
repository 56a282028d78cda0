using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>The app with its production rate limit on sign-in (10 a minute per address).</summary>
public sealed class RateLimitedAppFactory : TalksTrackerAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "10" };
}

public partial class SignInProtectionTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts the sign-in form as a browser does: fetch the page for its antiforgery token, then post.</summary>
    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/signin", Ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_the_cookie_opens_the_pages()
    {
        var client = app.CreateAnonymousClient();

        var response = await SignInAsync(client, TalksTrackerAppFactory.DemoEmail(Roles.Analyst), TalksTrackerAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/timeline", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var response = await app.CreateAnonymousClient().PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TalksTrackerAppFactory.DemoEmail(Roles.Analyst),
            ["Password"] = TalksTrackerAppFactory.DemoPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_12_to_128_characters_and_hashed_with_210000_iterations()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var tooShort = await users.CreateAsync(new AppUser { UserName = "short@example.org", Email = "short@example.org" }, "elevenchars");
        var tooLong = await users.CreateAsync(new AppUser { UserName = "long@example.org", Email = "long@example.org" }, new string('x', 120) + "abcdefghi");
        var user = new AppUser { UserName = "fine@example.org", Email = "fine@example.org" };
        var fine = await users.CreateAsync(user, "twelve chars");

        Assert.False(tooShort.Succeeded);
        Assert.False(tooLong.Succeeded);
        Assert.True(fine.Succeeded);
        // Identity v3 hash layout: format marker, PRF, iteration count (big-endian) …
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(210_000, (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8]);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/account/signin", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public class SignInRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task More_than_ten_sign_in_attempts_a_minute_are_refused_with_429()
    {
        var client = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await SignInProtectionTests.SignInAsync(client, "nobody@example.org", "wrong password here")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
