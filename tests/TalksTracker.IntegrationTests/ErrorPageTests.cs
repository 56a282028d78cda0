using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// #23: a browser that asks for a page it may not see, or one that is not there, gets a page in the layout that
/// says what would be needed (403) or offers a search (404), with the real status; the API keeps problem details.
/// </summary>
public sealed class ErrorPageTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_the_role_may_not_see_answers_403_with_a_page_naming_the_roles_it_needs()
    {
        var browser = await SignedInBrowserAsync(Roles.Analyst);

        var response = await browser.GetAsync("/reports/new", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This needs the editor or admin roles", html);
        Assert.Contains("you are signed in as analyst", html);
        Assert.Contains("Sign out", html); // in the layout, not a bare message
    }

    [Theory]
    [InlineData("/no/such/page", "page")]
    [InlineData("/reports/abc", "abc")]
    [InlineData("/actors/hezbolah/extra", "extra")]
    public async Task An_address_with_nothing_answers_404_with_a_search_to_find_it(string path, string hint)
    {
        var browser = await SignedInBrowserAsync(Roles.Analyst);

        var response = await browser.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing is at this address.", html);
        Assert.Contains("action=\"search\"", html);
        Assert.Contains($"value=\"{hint}\"", html);
    }

    [Fact]
    public async Task The_api_keeps_problem_details_for_the_same_statuses()
    {
        var api = app.CreateClientFor(Roles.Analyst);
        var missing = await api.GetAsync("/api/no-such-thing", Ct);
        var forbidden = await api.PostAsync("/api/actors", JsonContent.Create(new { name = "X" }), Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.NotEqual("text/html", forbidden.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string role)
    {
        var client = app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var signIn = await BrowserSignIn.PostAsync(client, TalksTrackerAppFactory.DemoEmail(role), TalksTrackerAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
