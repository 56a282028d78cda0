using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>PUT /api/claims/{id}, POST …/retract and …/restore: 200 or problem details (400, 403, 404, 409), never a 500.</summary>
public abstract class ClaimCorrectionsApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Editor => app.CreateClientFor(Roles.Editor);

    /// <summary>A claim of its own on the seed report, asserted by the first source, about the first meeting.</summary>
    private async Task<(int Claim, int Report, int Meeting, int OtherSource)> NewClaimAsync()
    {
        int report, meeting, source, other;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            report = await db.Reports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
            meeting = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
            var sources = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync(Ct);
            (source, other) = (sources[0], sources[1]);
        }

        // An editor marks the claim on the report, as the API lets them.
        var recorded = await Editor.PostAsJsonAsync($"/api/reports/{report}/claims",
            new { start = 0, end = 20, sourceId = source, stance = "Asserts", credibility = 3, meetingIds = new[] { meeting } }, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal($"/api/claims/{id}", recorded.Headers.Location?.ToString());
        return (id, report, meeting, other);
    }

    [Fact]
    public async Task A_claim_marked_on_a_report_is_checked_like_a_correction_and_a_withdrawn_report_takes_none()
    {
        var (_, report, _, _) = await NewClaimAsync();

        var badSpan = await Editor.PostAsJsonAsync($"/api/reports/{report}/claims", new { start = 5, end = 9_999_999, stance = "Asserts", credibility = 3, sourceId = 987_654 }, Ct);
        var unknownReport = await Editor.PostAsJsonAsync("/api/reports/987654/claims", new { start = 0, end = 5, stance = "Asserts", credibility = 3 }, Ct);
        var analyst = await app.CreateClientFor(Roles.Analyst).PostAsJsonAsync($"/api/reports/{report}/claims", new { start = 0, end = 5, stance = "Asserts", credibility = 3 }, Ct);

        var errors = (await ProblemAsync(badSpan, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Start", out _) && errors.TryGetProperty("SourceId", out _));
        Assert.Equal("There is no report 987654.", (await ProblemAsync(unknownReport, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("ReportId")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);

        int withdrawn;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            var taken = new Report { Title = "Withdrawn before marking", Text = $"Envoys met. Ref {Guid.NewGuid():N}", ContentHash = Guid.NewGuid().ToString("N") };
            db.Reports.Add(taken);
            await db.SaveChangesAsync(Ct);
            withdrawn = taken.Id;
        }

        Assert.Equal(HttpStatusCode.OK, (await Editor.PostAsJsonAsync($"/api/reports/{withdrawn}/withdraw", new { reason = "Hoax" }, Ct)).StatusCode);
        var onWithdrawn = await Editor.PostAsJsonAsync($"/api/reports/{withdrawn}/claims", new { start = 0, end = 11, stance = "Asserts", credibility = 3 }, Ct);
        Assert.Contains("withdrawn", (await ProblemAsync(onWithdrawn, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("ReportId")[0].GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task An_editor_corrects_a_claim_on_the_version_read_and_a_stale_correction_answers_409_naming_the_field()
    {
        var (claim, _, meeting, other) = await NewClaimAsync();
        var read = await Editor.GetFromJsonAsync<JsonElement>($"/api/claims/{claim}", Ct);
        var version = read.GetProperty("version").GetGuid();

        var corrected = await Editor.PutAsJsonAsync($"/api/claims/{claim}",
            new { version, sourceId = other, stance = "Hedged", credibility = 5, hedge = "reportedly", meetingIds = new[] { meeting } }, Ct);
        var stale = await Editor.PutAsJsonAsync($"/api/claims/{claim}",
            new { version, sourceId = (int?)null, stance = "Asserts", credibility = 3, meetingIds = new[] { meeting } }, Ct);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((other, "Hedged", 5), (body.GetProperty("source").GetProperty("id").GetInt32(), body.GetProperty("stance").GetString(), body.GetProperty("credibility").GetInt32()));
        Assert.NotEqual(version, body.GetProperty("version").GetGuid());
        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Contains("Credibility to “5”", problem.GetProperty("detail").GetString());
        var provenance = await Editor.GetFromJsonAsync<JsonElement>($"/api/claims/{claim}", Ct);
        Assert.Equal("Hedged", provenance.GetProperty("stance").GetString());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Claim) && a.EntityId == claim.ToString() && a.Action == AuditAction.Updated, Ct);
        Assert.Equal(TalksTrackerAppFactory.DemoEmail(Roles.Editor), audit.User);
    }

    [Fact]
    public async Task Bad_corrections_answer_400_404_and_403_with_problem_details_and_change_nothing()
    {
        var (claim, _, _, _) = await NewClaimAsync();
        var version = (await Editor.GetFromJsonAsync<JsonElement>($"/api/claims/{claim}", Ct)).GetProperty("version").GetGuid();

        var invalid = await Editor.PutAsJsonAsync($"/api/claims/{claim}", new { version, sourceId = 987_654, stance = "Asserts", credibility = 9, actorIds = new[] { 987_655 } }, Ct);
        var unknownStance = await Editor.PutAsync($"/api/claims/{claim}",
            new StringContent($$"""{"version":"{{version}}","stance":"Maybe","credibility":3}""", Encoding.UTF8, "application/json"), Ct);
        var noStance = await Editor.PutAsJsonAsync($"/api/claims/{claim}", new { version, credibility = 3 }, Ct);
        var nullBody = await Editor.PutAsync($"/api/claims/{claim}", new StringContent("null", Encoding.UTF8, "application/json"), Ct);
        var missing = await Editor.PutAsJsonAsync("/api/claims/987654", new { version, stance = "Asserts", credibility = 3 }, Ct);
        var analyst = await app.CreateClientFor(Roles.Analyst).PutAsJsonAsync($"/api/claims/{claim}", new { version, stance = "Denies", credibility = 3 }, Ct);

        var errors = (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("There is no source 987654.", errors.GetProperty("SourceId")[0].GetString());
        Assert.True(errors.TryGetProperty("Credibility", out _) && errors.TryGetProperty("ActorIds", out _));
        await ProblemAsync(unknownStance, HttpStatusCode.BadRequest);
        await ProblemAsync(nullBody, HttpStatusCode.BadRequest);
        Assert.Equal("The stance must be asserts, denies or hedged.",
            (await ProblemAsync(noStance, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Stance")[0].GetString());
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(version, (await Editor.GetFromJsonAsync<JsonElement>($"/api/claims/{claim}", Ct)).GetProperty("version").GetGuid());
    }

    [Fact]
    public async Task A_retracted_claim_is_listed_apart_on_its_report_and_restored_under_its_own_id()
    {
        var (claim, report, meeting, _) = await NewClaimAsync();

        var noReason = await Editor.PostAsJsonAsync($"/api/claims/{claim}/retract", new { reason = " " }, Ct);
        var retracted = await Editor.PostAsJsonAsync($"/api/claims/{claim}/retract", new { reason = "Not in the report's own words" }, Ct);
        var again = await Editor.PostAsJsonAsync($"/api/claims/{claim}/retract", new { reason = "twice" }, Ct);

        Assert.Equal("Say why the claim is retracted: the reason is kept with it and shown on its report.",
            (await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Reason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        await ProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync($"/api/claims/{claim}", Ct)).StatusCode);
        var reportClaims = (await Editor.GetFromJsonAsync<JsonElement>($"/api/reports/{report}", Ct)).GetProperty("claims").EnumerateArray();
        Assert.DoesNotContain(reportClaims, c => c.GetProperty("id").GetInt32() == claim);
        var listed = Assert.Single((await Editor.GetFromJsonAsync<JsonElement>($"/api/reports/{report}/retracted-claims", Ct)).EnumerateArray(),
            r => r.GetProperty("id").GetInt32() == claim);
        Assert.Equal(("Not in the report's own words", TalksTrackerAppFactory.DemoEmail(Roles.Editor)),
            (listed.GetProperty("reason").GetString(), listed.GetProperty("retractedBy").GetString()));
        await ProblemAsync(await Editor.GetAsync("/api/reports/987654/retracted-claims", Ct), HttpStatusCode.NotFound);

        var restored = await app.CreateClientFor(Roles.Admin).PostAsync($"/api/claims/{claim}/restore", null, Ct);
        var twice = await Editor.PostAsync($"/api/claims/{claim}/restore", null, Ct);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var body = await restored.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((claim, 0), (body.GetProperty("id").GetInt32(), body.GetProperty("notRestored").GetArrayLength()));
        await ProblemAsync(twice, HttpStatusCode.NotFound);
        var back = await Editor.GetFromJsonAsync<JsonElement>($"/api/claims/{claim}", Ct);
        Assert.Equal(meeting, back.GetProperty("meetings")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientFor(Roles.Manager).PostAsJsonAsync($"/api/claims/{claim}/retract", new { reason = "x" }, Ct)).StatusCode);
    }
}

public sealed class ClaimCorrectionsApiTestsOnSqlite(TalksTrackerAppFactory app) : ClaimCorrectionsApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class ClaimCorrectionsApiTestsOnPostgres(PostgresAppFactory app) : ClaimCorrectionsApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
