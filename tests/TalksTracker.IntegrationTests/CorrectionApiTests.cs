using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>Tracks and meetings corrected through the API: 200 with the new version, 400/404/409 problem details, never a 500.</summary>
public abstract class CorrectionApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private HttpClient Editor => app.CreateClientFor(Roles.Editor);

    [Fact]
    public async Task An_editor_creates_corrects_archives_and_restores_a_track_and_each_change_is_audited_as_theirs()
    {
        var turkey = await IdOfAsync("/api/actors", "Turkey");
        var name = Unique("Turkey-SDF track");

        var created = await Editor.PostAsJsonAsync("/api/tracks", new { name, parties = new[] { new { actorId = turkey, role = "Party", acknowledgement = "Acknowledged" } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var track = await Editor.GetFromJsonAsync<JsonElement>($"/api/tracks/{id}", Ct);
        var version = track.GetProperty("version").GetGuid();

        var edited = await Editor.PutAsJsonAsync($"/api/tracks/{id}", new { version, name = $"{name} (renamed)", isOfficial = true, parties = new[] { new { actorId = turkey, role = "Mediator" } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var newVersion = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetGuid();
        var stale = await Editor.PostAsJsonAsync($"/api/tracks/{id}/archive", new { version }, Ct);
        var archived = await Editor.PostAsJsonAsync($"/api/tracks/{id}/archive", new { version = newVersion }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.DoesNotContain((await Editor.GetFromJsonAsync<JsonElement>("/api/tracks", Ct)).EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        Assert.Contains((await Editor.GetFromJsonAsync<JsonElement>("/api/tracks?archived=true", Ct)).EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        var restored = await Editor.PostAsJsonAsync($"/api/tracks/{id}/restore",
            new { version = (await archived.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetGuid() }, Ct);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var after = await Editor.GetFromJsonAsync<JsonElement>($"/api/tracks/{id}", Ct);
        Assert.Equal(($"{name} (renamed)", true, "Mediator"), (after.GetProperty("name").GetString(), after.GetProperty("isOfficial").GetBoolean(),
            after.GetProperty("roles")[0].GetProperty("role").GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("archivedAt").ValueKind);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var users = await db.AuditEntries.Where(a => a.EntityType == "Track" && a.EntityId == id.ToString()).Select(a => a.User).ToListAsync(Ct);
        Assert.Equal(4, users.Count);
        Assert.All(users, u => Assert.Equal(TalksTrackerAppFactory.DemoEmail(Roles.Editor), u));
    }

    [Fact]
    public async Task A_meeting_is_corrected_with_the_version_its_dossier_gave_and_a_stale_or_bad_edit_answers_a_problem()
    {
        var trackId = await IdOfAsync("/api/tracks", "Syria–Israel security track");
        var russia = await IdOfAsync("/api/actors", "Russia");
        var title = Unique("Announced round");
        var created = await Editor.PostAsJsonAsync("/api/meetings", new { trackId, title, participants = new[] { new { actorId = russia, role = "Host" } } }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var dossier = await Editor.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}", Ct);
        var version = dossier.GetProperty("version").GetGuid();
        Assert.Equal("Host", dossier.GetProperty("participants")[0].GetProperty("role").GetString());

        var edited = await Editor.PutAsJsonAsync($"/api/meetings/{id}", new
        {
            version, trackId, title, status = "Planned",
            date = new { precision = "Month", start = "2027-02" },
            participants = new[] { new { actorId = russia, role = "Mediator", level = "envoy" } },
        }, Ct);
        var stale = await Editor.PutAsJsonAsync($"/api/meetings/{id}", new { version, trackId, title = "Something else" }, Ct);
        var current = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetGuid();
        var bad = await Editor.PutAsJsonAsync($"/api/meetings/{id}", new { version = current, trackId, title = "", date = new { precision = "Exact", start = "tomorrow" } }, Ct);
        var missing = await Editor.PutAsJsonAsync("/api/meetings/999999", new { version, trackId, title }, Ct);
        var empty = await Editor.PutAsync($"/api/meetings/{id}", new StringContent("null", Encoding.UTF8, "application/json"), Ct);
        var badEnum = await Editor.PutAsync($"/api/meetings/{id}", new StringContent($$"""{"version":"{{current}}","trackId":{{trackId}},"title":"x","status":"Rumoured"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("Status to “Planned”", conflict.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(problems.TryGetProperty("Title", out _) && problems.TryGetProperty("Date.Start", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);

        var after = await Editor.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}", Ct);
        Assert.Equal(("Planned", "Feb 2027", "Mediator", "envoy"), (after.GetProperty("status").GetString(), after.GetProperty("date").GetProperty("display").GetString(),
            after.GetProperty("participants")[0].GetProperty("role").GetString(), after.GetProperty("participants")[0].GetProperty("level").GetString()));
        var timeline = await Editor.GetFromJsonAsync<JsonElement>($"/api/meetings?status=planned&track={trackId}", Ct);
        Assert.Contains(timeline.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task An_analyst_cannot_correct_a_track_or_a_meeting()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);

        var track = await analyst.PutAsJsonAsync("/api/tracks/1", new { version = Guid.NewGuid(), name = "x" }, Ct);
        var meeting = await analyst.PutAsJsonAsync("/api/meetings/1", new { version = Guid.NewGuid(), trackId = 1, title = "x" }, Ct);
        var created = await analyst.PostAsJsonAsync("/api/tracks", new { name = Unique("Analyst track") }, Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { track.StatusCode, meeting.StatusCode, created.StatusCode });
    }

    private async Task<int> IdOfAsync(string list, string name) =>
        (await Editor.GetFromJsonAsync<JsonElement>(list, Ct)).EnumerateArray().First(e => e.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
}

public sealed class CorrectionApiTestsOnSqlite(TalksTrackerAppFactory app) : CorrectionApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class CorrectionApiTestsOnPostgres(PostgresAppFactory app) : CorrectionApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
