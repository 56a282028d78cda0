using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Testing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.IntegrationTests;

/// <summary>The app behind a proxy on this machine: forwarded headers from 127.0.0.1 are believed.</summary>
public sealed class ProxiedAppFactory : KestrelAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [ReverseProxy.KnownProxiesSetting] = "127.0.0.1" };
}

/// <summary>
/// Issue #27: behind a proxy every client had the proxy's address (one rate limit for all) and plain HTTP (cookies not
/// Secure). Forwarded headers are now believed from configured proxies only.
/// </summary>
public sealed class ReverseProxyTests(ProxiedAppFactory proxied, KestrelAppFactory direct)
    : IClassFixture<ProxiedAppFactory>, IClassFixture<KestrelAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Security_from_a_configured_proxy_the_client_address_and_https_are_believed()
    {
        var email = $"proxied-{Guid.NewGuid():N}@test.local";
        var browser = Forwarding(proxied, "203.0.113.9");

        await BrowserSignIn.PostAsync(browser, email, "not the password at all");

        Assert.Equal("203.0.113.9", await AuditedAddressAsync(proxied, email));
        // The antiforgery cookie is Secure when the request is HTTPS (SameAsRequest), as the sign-in cookie.
        var cookies = string.Join("\n", (await Forwarding(proxied, "203.0.113.9").GetAsync("/account/signin", Ct)).Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Security_forwarded_headers_from_anyone_else_are_ignored()
    {
        var email = $"direct-{Guid.NewGuid():N}@test.local";
        var browser = Forwarding(direct, "203.0.113.9");

        await BrowserSignIn.PostAsync(browser, email, "not the password at all");

        Assert.Equal("127.0.0.1", await AuditedAddressAsync(direct, email));
        var cookies = string.Join("\n", (await Forwarding(direct, "203.0.113.9").GetAsync("/account/signin", Ct)).Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain("secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Security_behind_the_proxy_each_client_has_its_own_sign_in_throttle()
    {
        var email = $"shared-{Guid.NewGuid():N}@test.local";
        var guesser = Forwarding(proxied, "198.51.100.7");
        for (var i = 0; i < 5; i++)
        {
            await BrowserSignIn.PostAsync(guesser, email, "not the password at all");
        }

        Assert.Contains("error=held", (await BrowserSignIn.PostAsync(guesser, email, "not the password at all")).Headers.Location!.ToString());
        Assert.Contains("error=invalid", (await BrowserSignIn.PostAsync(Forwarding(proxied, "198.51.100.8"), email, "not the password at all")).Headers.Location!.ToString());
    }

    /// <summary>A browser whose requests arrive through a proxy that says the client is <paramref name="client"/> over HTTPS.</summary>
    private static HttpClient Forwarding(KestrelAppFactory app, string client)
    {
        // The browser speaks HTTPS to the proxy, which speaks HTTP to the app: it sends back even Secure cookies.
        var browser = new HttpClient(new ProxiedCookies { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = app.Address };
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return browser;
    }

    private static async Task<string?> AuditedAddressAsync(KestrelAppFactory app, string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "SignIn" && a.User == email, Ct);
        return JsonDocument.Parse(entry.Changes).RootElement.GetProperty("address").GetProperty("after").GetString();
    }

    /// <summary>Keeps the cookies the app sets and sends them back, Secure or not (as a browser behind a TLS proxy does).</summary>
    private sealed class ProxiedCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }

            return response;
        }
    }
}
