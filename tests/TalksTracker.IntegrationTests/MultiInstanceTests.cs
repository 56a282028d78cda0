using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// Several web instances over one PostgreSQL database, as behind a load balancer: what one instance
/// saves the other serves, and a sign-in cookie issued by one is honoured by the other, also after the
/// first restarts (the data-protection keys live in the database, not in an instance).
/// </summary>
public sealed partial class MultiInstanceTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        PostgresServer.SkipUnlessAvailable();
        _database = await PostgresServer.CreateDatabaseAsync("talkstracker_multi");
    }

    public async ValueTask DisposeAsync()
    {
        if (_database.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }

    private async Task<TalksTrackerAppFactory> StartAsync(string instance)
    {
        var app = TalksTrackerAppFactory.OnPostgres(_database, new Dictionary<string, string?> { ["Instance:Name"] = instance });
        await app.InitializeAsync();
        // Starts it (migrates once, seeds once); a signed-in caller is told which instance answered.
        var health = await app.CreateClientFor(Roles.Analyst).GetFromJsonAsync<JsonElement>("/health", Ct);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(instance, health.GetProperty("instance").GetString());
        return app;
    }

    [Fact]
    public async Task An_editors_save_on_one_instance_is_visible_on_the_other()
    {
        await using var a = await StartAsync("web-a");
        await using var b = await StartAsync("web-b");
        var marker = $"okapi{Guid.NewGuid():N}"[..16];
        var text = $"Envoys meet in Muscat\nAccording to a Gulf official, envoys met in Muscat on Monday about {marker}.";

        var created = await a.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/reports", new { text, outlet = "Gulf Times" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32();

        var reader = b.CreateClientFor(Roles.Analyst);
        var report = await reader.GetFromJsonAsync<JsonElement>($"/api/reports/{id}", Ct);
        Assert.Equal("Gulf Times", report.GetProperty("outlet").GetString());
        var search = await reader.GetFromJsonAsync<JsonElement>($"/api/search?q={marker}", Ct);
        Assert.Equal(1, search.GetProperty("reportTotal").GetInt32());
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_holds_on_the_other_after_the_first_restarts()
    {
        var a = await StartAsync("web-a");
        string cookie;
        try
        {
            cookie = await SignInAsync(a, TalksTrackerAppFactory.DemoEmail(Roles.Editor));
            Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(a, cookie));
        }
        finally
        {
            await a.DisposeAsync(); // the instance that issued the cookie goes away
        }

        await using var b = await StartAsync("web-b");
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(b, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(b, "TalksTracker.Auth=CfDJ8forged"));

        await using var restarted = await StartAsync("web-a");
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(restarted, cookie));
    }

    private static HttpClient Browser(TalksTrackerAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>Signs in through the form as a browser does (antiforgery token and cookie) and returns the auth cookie.</summary>
    private static async Task<string> SignInAsync(TalksTrackerAppFactory app, string email)
    {
        var client = Browser(app);
        var page = await client.GetAsync("/account/signin", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = TokenField().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Email"] = email,
                ["Password"] = TalksTrackerAppFactory.DemoPassword,
                ["ReturnUrl"] = "/",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", Cookies(page)));

        var response = await client.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(Cookies(response), c => c.StartsWith("TalksTracker.Auth=", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(TalksTrackerAppFactory app, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return (await Browser(app).SendAsync(request, Ct)).StatusCode;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
