using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Intake;

namespace TalksTracker.Web.Api;

/// <summary>
/// Reviewing a report's proposed claims and the positions they state, as on the review page and through the same
/// <see cref="ReviewService"/> (so the same checks, version checks and audit entries): read the proposals with their
/// versions, save one as edited (decision, source, links, status changes, positions), complete the review. Editors only.
/// </summary>
public static class ReviewApi
{
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{id:int}/review", async (int id, ReviewService review, CancellationToken ct) =>
                ApiEndpoints.Found(await review.OpenAsync(id, ct) is { } session ? ReviewView.Of(session) : null, "report", id))
            .ProducesNotFound()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("A report's proposals awaiting review, in text order, each with its positions and version, and what each new source it names would be created as.");

        api.MapPut("/reports/{id:int}/review/proposals/{proposalId:int}", (int id, int proposalId, ProposalEdit? edit, ReviewService review, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(edit, "proposal", e => review.UpdateAsync(id, proposalId, e, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Save a proposal as edited (send the version you read): decision, span, source, relay, stance, credibility, links, status changes, positions.");

        api.MapPost("/reports/{id:int}/review/complete", async Task<Results<Ok<ReviewCompleted>, ValidationProblem, ProblemHttpResult>> (
                int id, ReviewService review, CancellationToken ct) =>
            {
                var outcome = await review.CompleteAsync(id, ct);
                if (outcome.Errors.ContainsKey(ReviewService.UnknownReport))
                {
                    return ApiEndpoints.NotFound("report", id);
                }

                return outcome.Succeeded ? TypedResults.Ok(new ReviewCompleted(id, outcome.Value)) : ApiEndpoints.Edited(outcome, "report").Result switch
                {
                    ValidationProblem invalid => invalid,
                    ProblemHttpResult problem => problem,
                    _ => throw new InvalidOperationException("A refused review has problems."),
                };
            })
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Complete the review once every proposal is decided: accepted ones become claims with their links, status changes and kept positions, in one transaction.");

        return api;
    }

    /// <summary>A report's review: its proposals (each with <c>version</c> and <c>positions</c>) and the new sources they name.</summary>
    public sealed record ReviewView(int ReportId, string Title, int ExistingClaims, IReadOnlyList<ProposalView> Proposals,
        IReadOnlyDictionary<string, SourceSuggestion> NewSources)
    {
        public static ReviewView Of(ReviewSession s) => new(s.ReportId, s.Title, s.ExistingClaims, s.Proposals, s.NewSources);
    }

    /// <summary>How many accepted proposals became claims; completing a review already completed records nothing (0).</summary>
    public sealed record ReviewCompleted(int ReportId, int ClaimsRecorded);
}
