using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Search;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

public abstract class SearchApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_alias_finds_the_actor_and_ranked_claims_with_snippets()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=Moscow&exact=1", Ct);

        var actor = Assert.Single(body.GetProperty("actors").EnumerateArray());
        Assert.Equal("Russia", actor.GetProperty("name").GetString());
        Assert.StartsWith("/actors/", actor.GetProperty("link").GetString());
        var claim = Assert.Single(body.GetProperty("claims").EnumerateArray());
        Assert.Equal("a senior Israeli security source", claim.GetProperty("claim").GetProperty("source").GetProperty("name").GetString());
        Assert.Matches(@"^/reports/\d+\?claim=\d+#claim-\d+$", claim.GetProperty("link").GetString());
        Assert.Contains(claim.GetProperty("snippet").EnumerateArray(),
            s => s.GetProperty("isMatch").GetBoolean() && s.GetProperty("text").GetString() == "Moscow");
        Assert.Equal(1, body.GetProperty("claimTotal").GetInt32());
    }

    [Fact]
    public async Task An_actor_name_also_searches_its_other_names_and_the_answer_lists_them()
    {
        var client = app.CreateClient();

        var expanded = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Russia%20central", Ct);
        var exact = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Russia%20central&exact=1", Ct);

        Assert.Equal(["Moscow", "Russian Federation", "Russian", "Russians"], expanded.GetProperty("alsoSearching").EnumerateArray().Select(n => n.GetString()));
        Assert.False(expanded.GetProperty("exact").GetBoolean());
        Assert.Contains("Moscow is playing", Assert.Single(expanded.GetProperty("claims").EnumerateArray()).GetProperty("claim").GetProperty("quote").GetString());
        Assert.Empty(exact.GetProperty("alsoSearching").EnumerateArray());
        Assert.True(exact.GetProperty("exact").GetBoolean());
        Assert.Empty(exact.GetProperty("claims").EnumerateArray());
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"\"", "NEAR(", "NEAR(a b", "*", "a**", "AND", "OR NOT", "(", ")", "((Baku", "Baku)", "^", ":", "Quote:Baku", "-Baku",
        "😀", "🇷🇺 Москва", "موسكو", "מוסקבה", "Москва", "%00", "%FF%FE", "<script>alert(1)</script>", "' OR 1=1 --",
        "%22Baku", new string('x', 10_240), string.Concat(Enumerable.Repeat("Baku NEAR( \" * ", 800)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_text_answers_200_with_lists(string q)
    {
        var response = await app.CreateClient().GetAsync($"/api/search?q={(q.Contains('%') ? q : Uri.EscapeDataString(q))}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("claims").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("reports").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("actors").ValueKind);
    }

    [Fact]
    public async Task Ten_kilobytes_are_searched_in_part_and_the_answer_says_so()
    {
        var q = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("Baku ", 2_048)));

        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/search?q={q}", Ct);

        Assert.Contains("first 32 words", body.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task No_query_is_an_empty_answer()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/search", Ct);

        Assert.Empty(body.GetProperty("claims").EnumerateArray());
        Assert.False(body.GetProperty("timedOut").GetBoolean());
    }

    [Fact]
    public async Task Limit_and_offset_page_the_claims()
    {
        var client = app.CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Syria&limit=100", Ct);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Syria&limit=2&offset=1", Ct);

        Assert.Equal(2, page.GetProperty("claims").GetArrayLength());
        Assert.Equal(
            all.GetProperty("claims")[1].GetProperty("claim").GetProperty("id").GetInt32(),
            page.GetProperty("claims")[0].GetProperty("claim").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Past_the_cap_the_api_and_the_page_show_the_total_as_a_lower_bound()
    {
        await using var capped = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton(new SearchOptions { TotalCap = 2, RankLimit = 1 })));
        var client = capped.CreateClient(); // signed in as the parent factory's clients are

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Syria", Ct);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=Syria", Ct));

        Assert.Equal(2, body.GetProperty("claimTotal").GetInt32());
        Assert.True(body.GetProperty("claimTotalIsLowerBound").GetBoolean());
        Assert.Equal("2+", body.GetProperty("claimTotalText").GetString());
        Assert.Equal("Newest", body.GetProperty("claimOrder").GetString());
        Assert.True(body.GetProperty("claims").GetArrayLength() > 2);
        Assert.Contains("(2+)", html);
        Assert.Contains("At least 2 claims match", html);
        Assert.Contains("newest first", html);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=99999999999999", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=x", "offset")]
    [InlineData("exact=maybe", "exact")]
    public async Task Bad_paging_answers_400_problem_details(string query, string field)
    {
        var response = await app.CreateClient().GetAsync($"/api/search?q=Baku&{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Markup_in_the_query_is_shown_as_text()
    {
        var html = await app.CreateClient().GetStringAsync("/search?q=%3Cb%3ERussia%3C%2Fb%3E%20central", Ct);

        Assert.DoesNotContain("<b>Russia</b>", html);
        Assert.Contains("&lt;b&gt;Russia&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData("/search?q=Moscow", "Russia")]
    [InlineData("/search?q=Moscow", "<mark class=\"hit\">Moscow</mark> is playing a central role")]
    [InlineData("/search?q=Russia%20central", "Also searching: Moscow, Russian Federation")]
    [InlineData("/search?q=Russia%20central", "exact=1")]
    [InlineData("/search?q=Russia%20central&exact=1", "Searching the words as typed")]
    [InlineData("/search?q=deployment", "<mark class=\"hit\">deployments</mark>")]
    [InlineData("/search?q=zebrafish", "No results for")]
    [InlineData("/search?q=NEAR(%22", "No results for")]
    [InlineData("/search?q=Baku&page=abc", "Ignored page")]
    public async Task The_search_page_renders_results_or_says_there_are_none(string path, string expected)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}

public sealed class SearchApiTestsOnSqlite(TalksTrackerAppFactory app) : SearchApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class SearchApiTestsOnPostgres(PostgresAppFactory app) : SearchApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
