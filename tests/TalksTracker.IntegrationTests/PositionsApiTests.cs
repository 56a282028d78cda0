using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// /api/agenda-items/{id}/positions, /api/tracks/{id}/positions and /api/positions/{id}: analysts read, editors write;
/// answers are the position with its backing, or problem details (400, 403, 404, 409), never a 500.
/// </summary>
public abstract class PositionsApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Editor => app.CreateClientFor(Roles.Editor);

    private HttpClient Analyst => app.CreateClientFor(Roles.Analyst);

    private async Task<(int Item, int Track, int Israel, int Claim)> SeedAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var item = await db.AgendaItems.Where(a => a.Title == "Expanded Turkish military role").Select(a => new { a.Id, a.TrackId }).SingleAsync(Ct);
        var israel = await db.Actors.Where(a => a.Name == "Israel").Select(a => a.Id).SingleAsync(Ct);
        var claim = await db.Claims.Where(c => c.Quote.Contains("Turkish")).Select(c => c.Id).FirstAsync(Ct);
        return (item.Id, item.TrackId, israel, claim);
    }

    [Fact]
    public async Task An_editor_records_corrects_and_removes_a_position_that_analysts_read_with_the_gap()
    {
        var s = await SeedAsync();
        var body = new { partyActorId = s.Israel, kind = "Objection", wording = "objects to an expanded Turkish military role", asOf = new { precision = "Exact", start = "2026-11-12" }, claimIds = new[] { s.Claim } };

        var created = await Editor.PostAsJsonAsync($"/api/agenda-items/{s.Item}/positions", body, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var position = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = position.GetProperty("id").GetInt32();
        Assert.Equal($"/api/positions/{id}", created.Headers.Location?.ToString());
        Assert.Equal("objection", position.GetProperty("kindName").GetString());
        Assert.Equal(1, position.GetProperty("backing").GetProperty("claims").GetInt32());

        var byItem = await Analyst.GetFromJsonAsync<JsonElement>($"/api/agenda-items/{s.Item}/positions?asOf=2026-11-30", Ct);
        Assert.Contains(byItem.GetProperty("positions").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Contains("Israel's objection", byItem.GetProperty("gap").GetProperty("explanation").GetString());
        var byTrack = await Analyst.GetFromJsonAsync<JsonElement>($"/api/tracks/{s.Track}/positions", Ct);
        Assert.Contains(byTrack.GetProperty("items").EnumerateArray(), i => i.GetProperty("agendaItem").GetProperty("id").GetInt32() == s.Item);

        var version = position.GetProperty("version").GetGuid();
        var edit = new { version, partyActorId = s.Israel, kind = "Concession", wording = "no longer objects", claimIds = new[] { s.Claim } };
        var edited = await Editor.PutAsJsonAsync($"/api/positions/{id}", edit, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await Editor.PutAsJsonAsync($"/api/positions/{id}", edit with { kind = "RedLine" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.Forbidden, (await Analyst.DeleteAsync($"/api/positions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Editor.DeleteAsync($"/api/positions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/api/positions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_answer_problem_details_and_analysts_may_not_write()
    {
        var s = await SeedAsync();

        var refused = await Editor.PostAsJsonAsync($"/api/agenda-items/{s.Item}/positions", new { partyActorId = s.Israel, kind = "Demand", wording = "", claimIds = Array.Empty<int>() }, Ct);
        var unknownItem = await Editor.PostAsJsonAsync("/api/agenda-items/987654/positions", new { partyActorId = s.Israel, kind = "Demand", wording = "demands", claimIds = new[] { s.Claim } }, Ct);
        var analyst = await Analyst.PostAsJsonAsync($"/api/agenda-items/{s.Item}/positions", new { partyActorId = s.Israel, kind = "Demand", wording = "demands", claimIds = new[] { s.Claim } }, Ct);
        var nullBody = await Editor.PostAsync($"/api/agenda-items/{s.Item}/positions", JsonContent.Create<object?>(null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Wording", out _) && errors.TryGetProperty("ClaimIds", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nullBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync("/api/tracks/987654/positions", Ct)).StatusCode);
        var badDate = await Analyst.GetAsync($"/api/agenda-items/{s.Item}/positions?asOf=31.11.2026", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync("/api/agenda-items/987654/positions", Ct)).StatusCode);
    }
}

public sealed class PositionsApiTestsOnSqlite(TalksTrackerAppFactory app) : PositionsApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class PositionsApiTestsOnPostgres(PostgresAppFactory app) : PositionsApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
