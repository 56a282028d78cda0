using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

public abstract class AppTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_the_database_healthy()
    {
        var response = await app.CreateClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/", "Syria–Israel security track")]
    [InlineData("/timeline", "Closed-door security meetings in Baku")]
    [InlineData("/reports", "Under Russian auspices and US approval")]
    [InlineData("/sources", "a senior Israeli security source")]
    [InlineData("/actors", "Moscow")]
    [InlineData("/venues", "Baku")]
    [InlineData("/tracks", "Syria–Israel security track")]
    public async Task Every_page_in_the_navigation_lists_the_seeded_data(string path, string expected)
    {
        var html = await app.CreateClient().GetStringAsync(path, Ct);

        Assert.Contains(expected, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task The_meeting_page_shows_the_seeded_claim_with_its_source()
    {
        var client = app.CreateClient();
        var timeline = await client.GetFromJsonAsync<JsonElement>("/api/meetings", Ct);
        var id = timeline.GetProperty("entries")[0].GetProperty("id").GetInt32();

        var html = await client.GetStringAsync($"/meetings/{id}", Ct);

        Assert.Contains("Russia has proposed the redeployment of Syrian Arab Army units", html);
        Assert.Contains("a senior Israeli security source", html);
        Assert.Contains("C3", html);
    }

    [Fact]
    public async Task Pages_that_weigh_evidence_send_their_first_response_without_weighing_it()
    {
        // Weighing is the costly part (seconds for the busiest source at a million claims): the first response shows the
        // page's own facts and that the evidence is being weighed; the interactive page weighs it once (browser tests).
        var client = app.CreateClient();
        var meeting = (await client.GetFromJsonAsync<JsonElement>("/api/meetings", Ct)).GetProperty("entries")[0];
        var source = (await client.GetFromJsonAsync<JsonElement>("/api/sources", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "a senior Israeli security source").GetProperty("id").GetInt32();
        var actor = (await client.GetFromJsonAsync<JsonElement>("/api/actors", Ct)).EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "Russia").GetProperty("id").GetInt32();
        var track = meeting.GetProperty("track").GetProperty("id").GetInt32();

        foreach (var (path, shown) in new[]
                 {
                     ($"/meetings/{meeting.GetProperty("id").GetInt32()}", "Russia has proposed the redeployment"),
                     ($"/sources/{source}", "Russia has proposed the redeployment"),
                     ($"/actors/{actor}", "Russia has proposed the redeployment"),
                     ($"/tracks/{track}/progress", "Regulating military deployments near the border"),
                 })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));

            Assert.True(html.Contains(shown, StringComparison.Ordinal), $"{path} shows its own facts");
            Assert.True(html.Contains("data-testid=\"weighing\"", StringComparison.Ordinal), $"{path} says the evidence is being weighed");
            Assert.False(html.Contains("data-testid=\"confidence-label\"", StringComparison.Ordinal), $"{path} was weighed for the first response");
            Assert.False(html.Contains("data-testid=\"track-record\"", StringComparison.Ordinal), $"{path} was weighed for the first response");
        }
    }

    [Theory]
    [InlineData("/api/meetings/999999")]
    [InlineData("/api/claims/999999/provenance")]
    [InlineData("/api/sources/999999")]
    [InlineData("/api/reports/999999")]
    [InlineData("/api/actors/999999")]
    [InlineData("/api/venues/999999")]
    [InlineData("/api/tracks/999999/progress")]
    public async Task Unknown_ids_answer_404_problem_details(string path)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("venue=abc", "venue")]
    [InlineData("minReliability=Z", "minReliability")]
    [InlineData("from=26/11/2026", "from")]
    [InlineData("stance=%22%3Cscript%3E", "stance")]
    [InlineData("from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task Bad_filters_answer_400_naming_the_filter(string query, string field)
    {
        var response = await app.CreateClient().GetAsync($"/api/meetings?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Meetings_api_filters_like_the_timeline()
    {
        var client = app.CreateClient();
        var venues = await client.GetFromJsonAsync<JsonElement>("/api/venues", Ct);
        var baku = venues.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Baku").GetProperty("id").GetInt32();

        var atBaku = await client.GetFromJsonAsync<JsonElement>($"/api/meetings?venue={baku}", Ct);
        var denied = await client.GetFromJsonAsync<JsonElement>("/api/meetings?stance=Denies", Ct);

        Assert.Equal(1, atBaku.GetProperty("total").GetInt32());
        Assert.Equal("Baku", atBaku.GetProperty("entries")[0].GetProperty("venue").GetProperty("name").GetString());
        Assert.Equal(0, denied.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_timeline_page_shows_the_chosen_venue_by_name_and_ignores_an_unknown_id_with_a_warning()
    {
        var client = app.CreateClient();
        var venues = await client.GetFromJsonAsync<JsonElement>("/api/venues", Ct);
        var baku = venues.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Baku").GetProperty("id").GetInt32();

        var response = await client.GetAsync($"/timeline?venue={baku}&source=999999", Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var venuePicker = Regex.Match(html, "<input[^>]*data-filter=\"venue\"[^>]*>").Value;
        Assert.Contains("value=\"Baku\"", venuePicker);
        Assert.Contains("Ignored “source”: no source has the id 999999.", html);
        Assert.Contains("Closed-door security meetings in Baku", html);
    }

    /// <summary>The static timeline's pickers ask these for names (#26): actors by alias too, a few at a time.</summary>
    [Fact]
    public async Task The_names_endpoints_find_records_by_part_of_a_name_and_actors_by_alias()
    {
        var client = app.CreateClient();

        var byAlias = await client.GetFromJsonAsync<JsonElement>("/api/actors/names?q=ankara", Ct);
        var venues = await client.GetFromJsonAsync<JsonElement>("/api/venues/names?q=AK", Ct);
        var sources = await client.GetFromJsonAsync<JsonElement>("/api/sources/names", Ct);

        Assert.Equal(["Turkey"], byAlias.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Contains(venues.EnumerateArray(), v => v.GetProperty("name").GetString() == "Baku" && v.GetProperty("id").GetInt32() > 0);
        Assert.InRange(sources.GetArrayLength(), 1, 20);
    }

    [Fact]
    public async Task Claim_provenance_names_report_span_and_source()
    {
        var client = app.CreateClient();
        var meetings = await client.GetFromJsonAsync<JsonElement>("/api/meetings", Ct);
        var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetings.GetProperty("entries")[0].GetProperty("id").GetInt32()}", Ct);
        var claim = dossier.GetProperty("claims").EnumerateArray().First(c => c.GetProperty("quote").GetString()!.Contains("Russia has proposed"));

        var provenance = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{claim.GetProperty("id").GetInt32()}/provenance", Ct);

        var found = provenance.GetProperty("claim");
        Assert.Equal("a senior Israeli security source", found.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal("Israeli media", found.GetProperty("via").GetProperty("name").GetString());
        Assert.True(found.GetProperty("end").GetInt32() > found.GetProperty("start").GetInt32());
        Assert.Equal("a senior Israeli security source", provenance.GetProperty("origin").GetString());
        Assert.Equal("via Israeli media", provenance.GetProperty("relayChain")[1].GetString());
        Assert.Equal("Likely", provenance.GetProperty("confidence").GetProperty("estimate").GetString());
        Assert.Contains("log-odds", provenance.GetProperty("confidence").GetProperty("derivation").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/meetings", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/claims/{id}/provenance", out _));
    }

    [Fact]
    public async Task An_unknown_page_answers_404()
    {
        var response = await app.CreateClient().GetAsync("/no/such/page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public class ProductionAppTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/app.css")]
    public async Task Static_assets_load_outside_Development(string path)
    {
        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_ask_for_sign_in_and_the_sign_in_page_renders_outside_Development()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var overview = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var signIn = await client.GetStringAsync("/account/signin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.StartsWith("/account/signin", overview.Headers.Location?.PathAndQuery);
        Assert.Contains("name=\"Password\"", signIn);
    }
}

public sealed class AppTestsOnSqlite(TalksTrackerAppFactory app) : AppTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class AppTestsOnPostgres(PostgresAppFactory app) : AppTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
