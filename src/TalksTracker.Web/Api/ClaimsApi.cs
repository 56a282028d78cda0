using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Analysis;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Editing;

namespace TalksTracker.Web.Api;

/// <summary>
/// A claim's provenance, and its corrections after review: editors (and admins) correct a claim's attribution,
/// grading and links on the version they read, retract it with a reason, and restore a retracted claim.
/// </summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/claims/{id:int}/provenance", async (int id, AssessmentService analysis, CancellationToken ct) =>
                ApiEndpoints.Found(await analysis.AssessClaimAsync(id, ct), "claim", id))
            .ProducesNotFound()
            .WithSummary("Where a claim comes from: report, span, source, relay chain, origin, corroborating and contradicting claims, and the confidence derivation.");

        api.MapGet("/claims/{id:int}", async (int id, ClaimCorrections claims, CancellationToken ct) =>
                ApiEndpoints.Found(await claims.GetAsync(id, ct), "claim", id))
            .ProducesNotFound()
            .WithSummary("A claim as it is corrected: source, relay, stance, hedge, credibility, links, and the Version to send with a correction.");

        api.MapPut("/claims/{id:int}", (int id, ClaimCorrection? correction, ClaimCorrections claims, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(correction, "claim", c => claims.CorrectAsync(id, c, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Correct a claim: source, relay, stance, hedge, credibility and the meetings, agenda items and actors it is about " +
                         "(the lists replace its links). Send the Version read; a claim changed since answers 409 naming what changed. The span never changes.");

        api.MapPost("/claims/{id:int}/retract", async Task<Results<Ok<RetractedClaimView>, ValidationProblem, ProblemHttpResult>> (
                    int id, ClaimRetraction? retraction, ClaimCorrections claims, CancellationToken ct) =>
                retraction is null ? ApiEndpoints.Unreadable("reason") : ApiEndpoints.Edited(await claims.RetractAsync(id, retraction, ct), "claim"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Take a claim out of the record with a reason (and optionally the Version read): no page, figure, search or export counts it until it is restored.");

        api.MapPost("/claims/{id:int}/restore", async (int id, ClaimCorrections claims, CancellationToken ct) =>
                ApiEndpoints.Edited(await claims.RestoreAsync(id, ct), "retracted claim"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Put a retracted claim back under its own id with the links whose records still exist; NotRestored names the others.");

        api.MapPost("/reports/{id:int}/claims", async Task<Results<Created<RecordedClaim>, ValidationProblem, ProblemHttpResult>> (
                    int id, NewClaim? claim, ClaimService claims, CancellationToken ct) =>
            {
                if (claim is null)
                {
                    return ApiEndpoints.Unreadable("claim");
                }

                var outcome = await claims.RecordClaimAsync(claim with { ReportId = id }, ct);
                if (!outcome.Succeeded)
                {
                    // Every problem at once, the unknown report among them (field ReportId), as for any other reference.
                    return ApiEndpoints.Invalid(outcome.Errors);
                }

                return TypedResults.Created($"/api/claims/{outcome.Value}", new RecordedClaim(outcome.Value));
            })
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Record a claim an editor marks on a report (one the extraction missed): span, source, relay, stance, grades and links, " +
                         "checked as a correction is. The reportId in the body is the route's. A withdrawn report takes none.");

        api.MapGet("/reports/{id:int}/retracted-claims", async (int id, ClaimCorrections claims, CancellationToken ct) =>
                ApiEndpoints.Found(await claims.RetractedFromReportAsync(id, ct), "report", id))
            .ProducesNotFound()
            .WithSummary("The claims retracted from a report, latest first: what each said, who retracted it, when and why.");

        return api;
    }

    /// <summary>The id of a claim just recorded; its address is the response's Location.</summary>
    public sealed record RecordedClaim(int Id);
}
