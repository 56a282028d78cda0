using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// A script writer reads /openapi/v1.json to learn what each API route answers: its success body and every
/// problem it can return. Walks every /api operation so a new route cannot be added undocumented.
/// </summary>
public sealed class OpenApiTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private const string Problem = "application/problem+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Operation(string Method, string Path, JsonElement Responses)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

        public bool Documents(string status) => Responses.TryGetProperty(status, out _);

        /// <summary>Whether the response for <paramref name="status"/> has a schema for <paramref name="mediaType"/>.</summary>
        public bool HasSchema(string status, string mediaType) =>
            Responses.TryGetProperty(status, out var response)
            && response.TryGetProperty("content", out var content)
            && content.TryGetProperty(mediaType, out var media)
            && media.TryGetProperty("schema", out _);

        public IEnumerable<string> MediaTypes(string status) =>
            Responses.TryGetProperty(status, out var response) && response.TryGetProperty("content", out var content)
                ? content.EnumerateObject().Select(m => m.Name)
                : [];
    }

    private async Task<IReadOnlyList<Operation>> ApiOperationsAsync()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations.Add(new Operation(operation.Name, path.Name, operation.Value.GetProperty("responses")));
            }
        }

        Assert.Contains(operations, o => o.ToString() == "GET /api/meetings/{id}");
        Assert.Contains(operations, o => o.ToString() == "POST /api/agenda-items");
        return operations;
    }

    private static void AssertAll(IEnumerable<Operation> operations, Func<Operation, bool> documented, string what)
    {
        var missing = operations.Where(o => !documented(o)).Select(o => o.ToString()).ToList();
        Assert.True(missing.Count == 0, $"{what} is not documented for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_route_documents_its_success_body()
    {
        var operations = await ApiOperationsAsync();

        AssertAll(operations.Where(o => !o.Path.StartsWith("/api/export/", StringComparison.Ordinal) && o.Path != "/api/changes/stream"),
            o => o.HasSchema("200", "application/json") || o.HasSchema("201", "application/json"), "A 200 or 201 JSON schema");
        var export = Assert.Single(operations, o => o.Path.StartsWith("/api/export/", StringComparison.Ordinal));
        Assert.Equal(["application/json", "application/stix+json", "text/csv"], export.MediaTypes("200").Order());
        // The change stream is Server-Sent Events; the schema is each event's data.
        Assert.True(Assert.Single(operations, o => o.Path == "/api/changes/stream").HasSchema("200", "text/event-stream"));
    }

    [Fact]
    public async Task Every_route_documents_401_and_403_as_problems()
    {
        var operations = await ApiOperationsAsync();

        AssertAll(operations, o => o.HasSchema("401", Problem), "401");
        AssertAll(operations, o => o.HasSchema("403", Problem), "403");
    }

    [Fact]
    public async Task Routes_with_an_id_document_404_as_a_problem()
    {
        var operations = await ApiOperationsAsync();

        AssertAll(operations.Where(o => o.Path.Contains('{', StringComparison.Ordinal)), o => o.HasSchema("404", Problem), "404");
    }

    [Fact]
    public async Task Posts_document_400_and_creations_409_and_503()
    {
        var operations = await ApiOperationsAsync();
        var posts = operations.Where(o => o.Method == "post").ToList();
        var creations = posts.Where(o => o.Documents("201")).ToList();

        AssertAll(posts, o => o.HasSchema("400", Problem), "400");
        Assert.Equal(8, creations.Count); // reports, meetings, venues, actors, agenda items, tracks, a claim marked on a report, a position
        AssertAll(creations, o => o.HasSchema("409", Problem), "409");
        AssertAll(creations, o => o.HasSchema("503", Problem), "503");
    }

    [Fact]
    public async Task Filters_paging_and_exports_document_their_problems()
    {
        var operations = await ApiOperationsAsync();
        Operation Get(string path) => Assert.Single(operations, o => o.Method == "get" && o.Path == path);

        Assert.True(Get("/api/meetings").HasSchema("400", Problem), "GET /api/meetings 400");
        Assert.True(Get("/api/search").HasSchema("400", Problem), "GET /api/search 400");
        var export = Get("/api/export/{format}");
        Assert.True(export.HasSchema("400", Problem), "export 400");
        Assert.True(export.HasSchema("422", Problem), "export 422");
    }

    [Fact]
    public async Task Request_text_fields_document_their_length_limits_from_FieldLimits()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        (string Schema, string Property, int Limit)[] expected =
        [
            ("ReportSubmission", "title", FieldLimits.ReportTitle), ("ReportSubmission", "outlet", FieldLimits.ReportOutlet),
            ("ReportSubmission", "url", FieldLimits.ReportUrl), ("ReportSubmission", "language", FieldLimits.ReportLanguage),
            ("SourceEdit", "name", FieldLimits.SourceName), ("SourceEdit", "description", FieldLimits.SourceDescription),
            ("NewActor", "name", FieldLimits.ActorName), ("ActorEdit", "description", FieldLimits.ActorDescription),
            ("NewVenue", "name", FieldLimits.VenueName), ("VenueEdit", "name", FieldLimits.VenueName),
            ("NewMeeting", "title", FieldLimits.MeetingTitle), ("MeetingEdit", "summary", FieldLimits.MeetingSummary),
            ("NewParticipant", "level", FieldLimits.MeetingParticipantLevel), ("MeetingDateInput", "label", FieldLimits.MeetingDateLabel),
            ("NewAgendaItem", "title", FieldLimits.AgendaItemTitle), ("AgendaItemEdit", "description", FieldLimits.AgendaItemDescription),
            ("NewTrack", "name", FieldLimits.TrackName), ("TrackEdit", "description", FieldLimits.TrackDescription),
            ("TrackPartyInput", "note", FieldLimits.TrackParticipantNote),
            ("ClaimCorrection", "hedge", FieldLimits.ClaimHedge), ("ClaimRetraction", "reason", FieldLimits.RetractedClaimReason),
            ("ReportWithdrawal", "reason", FieldLimits.ReportWithdrawalReason),
            ("NewPosition", "wording", FieldLimits.PositionWording), ("PositionEdit", "wording", FieldLimits.PositionWording),
        ];

        var wrong = expected
            .Select(e => (e.Schema, e.Property, e.Limit, Documented: schemas.GetProperty(e.Schema).GetProperty("properties").GetProperty(e.Property).TryGetProperty("maxLength", out var max) ? max.GetInt32() : (int?)null))
            .Where(e => e.Documented != e.Limit)
            .Select(e => $"{e.Schema}.{e.Property}: maxLength {e.Documented?.ToString() ?? "missing"}, FieldLimits says {e.Limit}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
