using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

public abstract class ExportApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Progress_returns_the_derived_board_with_backing()
    {
        var board = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/tracks/1/progress", Ct);

        Assert.Equal("Syria–Israel security track", board.GetProperty("trackName").GetString());
        var guarantees = board.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Long-term guarantees");
        var current = guarantees.GetProperty("current");
        Assert.Equal("GapRemains", current.GetProperty("status").GetString());
        Assert.False(current.GetProperty("disputed").GetBoolean());
        Assert.False(current.GetProperty("wellSourced").GetBoolean());
        Assert.Equal(1, current.GetProperty("backing").GetProperty("independentOrigins").GetInt32());
        Assert.Equal(2, board.GetProperty("openGaps").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/export/csv?track=1", "text/csv", "claim_id,report_id", ".csv")]
    [InlineData("/api/export/csv?track=1&what=board", "text/csv", "Long-term guarantees,Guarantees,GapRemains", "-board.csv")]
    [InlineData("/api/export/csv?track=1&what=positions", "text/csv", "position_id,track_id,agenda_item_id", "-positions.csv")]
    [InlineData("/api/export/json?track=1", "application/json", "\"positions\"", ".json")]
    [InlineData("/api/export/json?track=1", "application/json", "\"boards\"", ".json")]
    [InlineData("/api/export/stix?track=1", "application/stix+json", "\"spec_version\": \"2.1\"", ".stix.json")]
    [InlineData("/api/export/STIX", "application/stix+json", "\"type\": \"bundle\"", ".stix.json")]
    public async Task Exports_download_as_files(string path, string mediaType, string expected, string fileSuffix)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(fileSuffix, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_claims_csv_carries_provenance_and_quotes_fields_safely()
    {
        var csv = await app.CreateClient().GetStringAsync("/api/export/csv?track=1", Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(14, lines.Length); // header and the 13 seed claims linked to the track's meeting or agenda items
        var redeployment = Assert.Single(lines, l => l.Contains("Russia has proposed the redeployment", StringComparison.Ordinal));
        Assert.Contains(",a senior Israeli security source,C,Israeli media,Asserts,3,C3,", redeployment);
        Assert.Contains("\"According to the same source, Russia has proposed", redeployment); // the quote has commas, so it is quoted
    }

    [Theory]
    [InlineData("/api/export/xml?track=1", 400)]
    [InlineData("/api/export/1?track=1", 400)]
    [InlineData("/api/export/csv?track=abc", 400)]
    [InlineData("/api/export/csv?track=1&what=everything", 400)]
    [InlineData("/api/export/csv?track=999999", 404)]
    [InlineData("/api/export/csv?track=999999&what=positions", 404)]
    [InlineData("/api/export/stix?track=999999", 404)]
    public async Task Bad_formats_and_tracks_answer_problem_details(string path, int status)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_progress_page_shows_the_board_and_honours_the_since_date()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/tracks/1/progress?since=2026-01-01", Ct));

        Assert.Contains("Open gaps (2)", html);
        Assert.Contains("What changed since 1 Jan 2026", html);
        Assert.Contains("api/export/stix?track=1", html);
    }
}

public sealed class ExportApiTestsOnSqlite(TalksTrackerAppFactory app) : ExportApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class ExportApiTestsOnPostgres(PostgresAppFactory app) : ExportApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;

/// <summary>The app with a low limit on the claims a JSON or STIX export works out links for.</summary>
public sealed class LowExportLimitAppFactory : TalksTrackerAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Export:MaxClaimsWithLinks"] = "3" };
}

public sealed class ExportLimitTests(LowExportLimitAppFactory app) : IClassFixture<LowExportLimitAppFactory>
{
    [Theory]
    [InlineData("/api/export/json?track=1")]
    [InlineData("/api/export/stix")]
    public async Task An_export_of_links_for_more_claims_than_the_setting_allows_is_refused_with_a_problem_that_says_what_to_do(string path)
    {
        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(3, problem.GetProperty("limit").GetInt32());
        Assert.True(problem.GetProperty("claims").GetInt32() > 3);
        Assert.Contains("Export the claims as CSV", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/export/csv?track=1")]
    [InlineData("/api/export/csv?what=board")]
    public async Task The_csv_exports_have_no_such_limit(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
}

public sealed class ExportLimitSettingTests
{
    private sealed class WrongExportLimitAppFactory : TalksTrackerAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Export:MaxClaimsWithLinks"] = "plenty" };
    }

    [Fact]
    public async Task A_wrong_export_limit_stops_the_start_naming_the_setting()
    {
        await using var app = new WrongExportLimitAppFactory();

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Export:MaxClaimsWithLinks 'plenty'", refused.ToString());
    }
}
