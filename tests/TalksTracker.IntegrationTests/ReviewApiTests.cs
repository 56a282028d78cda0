using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Domain;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// /api/reports/{id}/review: editors read a report's proposals with their proposed positions, save one as edited with the
/// version read, and complete the review — the review page's service, so the same checks, conflicts and audit entries.
/// </summary>
public abstract class ReviewApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Editor => app.CreateClientFor(Roles.Editor);

    private TalksTrackerDbContext NewContext() => app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContext();

    /// <summary>A report whose one sentence states Israel's objection on a seeded agenda item, taken in for review.</summary>
    private async Task<(int Report, JsonElement Review)> TakeInAsync(string sentence = "Israel objects to an expanded Turkish military role, a senior Israeli official told Reuters on Monday.")
    {
        var text = $"Turkish role\n{sentence} Ref {Guid.NewGuid():N}.";
        var created = await Editor.PostAsJsonAsync("/api/reports", new { text, outlet = "Reuters" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32();
        return (id, await Editor.GetFromJsonAsync<JsonElement>($"/api/reports/{id}/review", Ct));
    }

    private static JsonElement Stating(JsonElement review) =>
        review.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("positions").GetArrayLength() > 0);

    /// <summary>The proposal as read, with changes: what a client sends back.</summary>
    private static JsonObject Revise(JsonElement proposal, string decision, JsonArray? positions = null)
    {
        var body = JsonNode.Parse(proposal.GetRawText())!.AsObject();
        body["decision"] = decision;
        if (positions is not null)
        {
            body["positions"] = positions;
        }

        return body;
    }

    private async Task<HttpResponseMessage> DecideAllAsync(int report, JsonElement review, Func<JsonElement, JsonObject> revise)
    {
        HttpResponseMessage? last = null;
        foreach (var proposal in review.GetProperty("proposals").EnumerateArray())
        {
            last = await Editor.PutAsJsonAsync($"/api/reports/{report}/review/proposals/{proposal.GetProperty("id").GetInt32()}", revise(proposal), Ct);
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        return last!;
    }

    [Fact]
    public async Task An_editor_reviews_proposed_positions_and_completing_twice_records_once()
    {
        var (report, review) = await TakeInAsync();
        var stating = Stating(review);
        var position = stating.GetProperty("positions")[0];
        await using var db = NewContext();
        var israel = await db.Actors.Where(a => a.Name == "Israel").Select(a => a.Id).SingleAsync(Ct);
        var item = await db.AgendaItems.Where(a => a.Title == "Expanded Turkish military role").Select(a => a.Id).SingleAsync(Ct);
        Assert.Equal((israel, "Objection", item), (position.GetProperty("partyActorId").GetInt32(), position.GetProperty("kind").GetString(), position.GetProperty("agendaItemId").GetInt32()));
        var stored = await db.ClaimProposals.Where(p => p.Id == stating.GetProperty("id").GetInt32()).Select(p => p.Version).SingleAsync(Ct);
        Assert.Equal(stored, stating.GetProperty("version").GetGuid());

        await DecideAllAsync(report, review, p => Revise(p, p.GetProperty("id").GetInt32() == stating.GetProperty("id").GetInt32() ? "Accepted" : "Rejected",
            p.GetProperty("id").GetInt32() == stating.GetProperty("id").GetInt32()
                ? [new JsonObject { ["partyActorId"] = israel, ["kind"] = "RedLine", ["agendaItemId"] = item, ["wording"] = "will not accept an expanded Turkish military role" }]
                : null));
        var saved = Stating(await Editor.GetFromJsonAsync<JsonElement>($"/api/reports/{report}/review", Ct));
        Assert.Equal("RedLine", saved.GetProperty("positions")[0].GetProperty("kind").GetString());
        Assert.NotEqual(stating.GetProperty("version").GetGuid(), saved.GetProperty("version").GetGuid());

        var completed = await Editor.PostAsync($"/api/reports/{report}/review/complete", null, Ct);
        var again = await Editor.PostAsync($"/api/reports/{report}/review/complete", null, Ct);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(1, (await completed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("claimsRecorded").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("claimsRecorded").GetInt32());
        var claim = await db.Claims.Where(c => c.ReportId == report).Select(c => c.Id).SingleAsync(Ct);
        var recorded = await db.Positions.Where(p => p.Evidence.Any(e => e.ClaimId == claim)).Select(p => new { p.Id, p.PartyActorId, p.Kind, p.AgendaItemId }).SingleAsync(Ct);
        Assert.Equal((israel, PositionKind.RedLine, item), (recorded.PartyActorId, recorded.Kind, recorded.AgendaItemId));
        Assert.Empty(await db.ClaimProposals.Where(p => p.ReportId == report).ToListAsync(Ct));
        // Audited as the page's saves are: the proposal's save, and the position created, by the editor who sent them.
        var audited = await db.AuditEntries.Where(a => (a.EntityType == nameof(ClaimProposal) && a.EntityId == stating.GetProperty("id").GetInt32().ToString()
            && a.Action == AuditAction.Updated) || (a.EntityType == nameof(Position) && a.EntityId == recorded.Id.ToString() && a.Action == AuditAction.Created)).ToListAsync(Ct);
        Assert.Equal(2, audited.Select(a => a.EntityType).Distinct().Count());
        Assert.All(audited, a => Assert.Contains(Roles.Editor, a.User, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_party_the_catalog_lacks_comes_by_name_and_completing_adds_it_once_audited()
    {
        const string group = "Southern Patriotic Front";
        var (report, review) = await TakeInAsync($"The {group} objects to an expanded Turkish military role, its spokesman told Reuters on Monday.");
        var position = Stating(review).GetProperty("positions")[0];
        Assert.Equal((0, group, "Objection"), (position.GetProperty("partyActorId").GetInt32(), position.GetProperty("newParty").GetString(), position.GetProperty("kind").GetString()));

        await DecideAllAsync(report, review, p => Revise(p, "Accepted"));
        var completed = await Editor.PostAsync($"/api/reports/{report}/review/complete", null, Ct);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        await using var db = NewContext();
        var actor = await db.Actors.Where(a => a.Name == group).Select(a => new { a.Id, a.Kind }).SingleAsync(Ct);
        Assert.Equal(ActorKind.NonStateArmedGroup, actor.Kind);
        Assert.True(await db.Positions.AnyAsync(p => p.PartyActorId == actor.Id && p.Kind == PositionKind.Objection && p.Evidence.Any(e => e.Claim!.ReportId == report), Ct));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Actor) && a.EntityId == actor.Id.ToString() && a.Action == AuditAction.Created, Ct);
        Assert.Contains(Roles.Editor, audit.User, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_a_bad_position_is_named_and_analysts_may_not_review()
    {
        var (report, review) = await TakeInAsync();
        var stating = Stating(review);
        var url = $"/api/reports/{report}/review/proposals/{stating.GetProperty("id").GetInt32()}";
        var good = stating.GetProperty("positions")[0];
        await using var db = NewContext();
        var person = db.Actors.Add(new Actor { Name = $"Envoy {Guid.NewGuid():N}", Kind = ActorKind.Person }).Entity;
        await db.SaveChangesAsync(Ct);
        JsonObject Bad(string field, JsonNode value)
        {
            var position = JsonNode.Parse(good.GetRawText())!.AsObject();
            position[field] = value;
            return position;
        }

        var refused = await Editor.PutAsJsonAsync(url, Revise(stating, "Accepted", [Bad("partyActorId", 987654), Bad("agendaItemId", 987654), Bad("kind", 99), Bad("partyActorId", person.Id)]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("There is no actor", errors.GetProperty("Positions[0].PartyActorId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("There is no agenda item", errors.GetProperty("Positions[1].AgendaItemId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("red-line", errors.GetProperty("Positions[2].Kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("a position is held by", errors.GetProperty("Positions[3].PartyActorId")[0].GetString(), StringComparison.Ordinal);

        var first = await Editor.PutAsJsonAsync(url, Revise(stating, "Accepted"), Ct);
        var stale = await Editor.PutAsJsonAsync(url, Revise(stating, "Rejected"), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Decision", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(ProposalDecision.Accepted, await db.ClaimProposals.Where(p => p.Id == stating.GetProperty("id").GetInt32()).Select(p => p.Decision).SingleAsync(Ct));

        var analyst = app.CreateClientFor(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/reports/{report}/review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync(url, Revise(stating, "Rejected"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/reports/{report}/review/complete", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync("/api/reports/987654/review", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.PostAsync("/api/reports/987654/review/complete", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.PutAsJsonAsync($"/api/reports/{report + 1000}/review/proposals/{stating.GetProperty("id").GetInt32()}", Revise(stating, "Rejected"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Editor.PutAsync(url, JsonContent.Create<object?>(null), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_review_that_cannot_be_completed_writes_nothing()
    {
        var (report, review) = await TakeInAsync();
        var pending = await Editor.PostAsync($"/api/reports/{report}/review/complete", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.True((await pending.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("Decision", out _));

        // A party that could hold a position when it was kept, and cannot any more when the review completes.
        await using var db = NewContext();
        var party = db.Actors.Add(new Actor { Name = $"Party {Guid.NewGuid():N}", Kind = ActorKind.State }).Entity;
        await db.SaveChangesAsync(Ct);
        var stating = Stating(review);
        var kept = JsonNode.Parse(stating.GetProperty("positions")[0].GetRawText())!.AsObject();
        await DecideAllAsync(report, review, p => Revise(p, "Accepted",
            p.GetProperty("id").GetInt32() == stating.GetProperty("id").GetInt32() ? [kept, new JsonObject { ["partyActorId"] = party.Id, ["kind"] = "Demand", ["agendaItemId"] = kept["agendaItemId"]!.GetValue<int>(), ["wording"] = "demands it" }] : null));
        party.Kind = ActorKind.Person;
        await db.SaveChangesAsync(Ct);
        var positionsBefore = await db.Positions.CountAsync(Ct);

        var refused = await Editor.PostAsync($"/api/reports/{report}/review/complete", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no longer exists", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("Positions")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await db.Claims.CountAsync(c => c.ReportId == report, Ct));
        Assert.Equal(positionsBefore, await db.Positions.CountAsync(Ct));
        Assert.Equal(review.GetProperty("proposals").GetArrayLength(), await db.ClaimProposals.CountAsync(p => p.ReportId == report, Ct));
    }
}

public sealed class ReviewApiTestsOnSqlite(TalksTrackerAppFactory app) : ReviewApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class ReviewApiTestsOnPostgres(PostgresAppFactory app) : ReviewApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
