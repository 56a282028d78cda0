using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

public abstract class IntakeApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Report() =>
        $"Officials meet in Muscat\nAccording to a Gulf official, envoys met in Muscat on Monday. The talks are said to continue. Ref {Guid.NewGuid():N}.";

    [Fact]
    public async Task Extract_proposes_claims_and_stores_nothing()
    {
        var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/reports", Ct)).GetArrayLength();

        var response = await client.PostAsJsonAsync("/api/extract", new { text = Report() }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Officials meet in Muscat", preview.GetProperty("title").GetString());
        var first = preview.GetProperty("claims")[0];
        Assert.Equal("a Gulf official", first.GetProperty("sourceMention").GetString());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/reports", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task Posting_a_report_creates_it_and_posting_it_again_is_a_conflict()
    {
        var client = app.CreateClient();
        var text = Report();

        var created = await client.PostAsJsonAsync("/api/reports", new { text, outlet = "Gulf Times" }, Ct);
        var again = await client.PostAsJsonAsync("/api/reports", new { text }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = receipt.GetProperty("reportId").GetInt32();
        Assert.Equal($"/api/reports/{id}", created.Headers.Location?.ToString());
        Assert.Equal(3, receipt.GetProperty("proposals").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32());
    }

    [Fact]
    public async Task A_report_with_claims_stores_them_at_once()
    {
        var text = Report();
        var start = text.IndexOf("According", StringComparison.Ordinal);
        var end = text.IndexOf(" The talks", StringComparison.Ordinal);

        var response = await app.CreateClient().PostAsJsonAsync("/api/reports",
            new { text, claims = new[] { new { start, end, sourceName = "a Gulf official", stance = "Asserts", credibility = 3 } } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32();
        var report = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/reports/{id}", Ct);
        var claim = Assert.Single(report.GetProperty("claims").EnumerateArray());
        Assert.Equal("a Gulf official", claim.GetProperty("source").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"Title\\nBody\", \"url\": \"ftp://example.org\"}")]
    [InlineData("{\"text\": \"Title\\nBody\", \"claims\": [{\"start\": 5, \"end\": 500}]}")]
    public async Task Invalid_reports_answer_400_problem_details_and_store_nothing(string body)
    {
        var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/reports", Ct)).GetArrayLength();

        var response = await client.PostAsync("/api/reports", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/reports", Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"text\": 42}")]
    [InlineData("[]")]
    public async Task Malformed_json_answers_400_not_500(string body)
    {
        var response = await app.CreateClient().PostAsync("/api/reports", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task One_pasted_paragraph_with_a_typed_title_is_all_body_and_a_text_with_no_sentences_says_why()
    {
        var client = app.CreateClient();
        var paragraph = "ISTANBUL, Dec 3 (Reuters) - Russian and Ukrainian delegations exchanged lists of prisoners in Istanbul on Wednesday, a Turkish foreign ministry source said. "
            + $"The source said a further exchange was being prepared. Ref {Guid.NewGuid():N}.";
        var bylineOnly = $"Istanbul talks\nBy Jane Doe\nRead more: Istanbul talks {Guid.NewGuid():N}";

        var extracted = await (await client.PostAsJsonAsync("/api/extract", new { text = paragraph, title = "Prisoner lists swapped" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var created = await client.PostAsJsonAsync("/api/reports", new { text = paragraph, title = "Prisoner lists swapped" }, Ct);
        var empty = await client.PostAsJsonAsync("/api/reports", new { text = bylineOnly }, Ct);
        var emptyPreview = await (await client.PostAsJsonAsync("/api/extract", new { text = bylineOnly }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("Prisoner lists swapped", extracted.GetProperty("title").GetString());
        var first = extracted.GetProperty("claims")[0];
        Assert.StartsWith("Russian and Ukrainian delegations", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("a Turkish foreign ministry source", first.GetProperty("sourceMention").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(3, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("proposals").GetInt32());
        Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
        var receipt = await empty.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, receipt.GetProperty("proposals").GetInt32());
        Assert.Contains("byline", receipt.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(emptyPreview.GetProperty("claims").EnumerateArray());
        Assert.Equal(receipt.GetProperty("note").GetString(), emptyPreview.GetProperty("note").GetString());
    }
}

public sealed class IntakeApiTestsOnSqlite(TalksTrackerAppFactory app) : IntakeApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class IntakeApiTestsOnPostgres(PostgresAppFactory app) : IntakeApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
