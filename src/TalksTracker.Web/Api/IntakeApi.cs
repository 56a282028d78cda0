using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Intake;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Web.Api;

/// <summary>Extracting proposed claims from a text, and taking in a report.</summary>
public static class IntakeApi
{
    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/extract", async Task<Results<Ok<ExtractionPreview>, ValidationProblem>> (ExtractRequest request, IntakeService intake, CancellationToken ct) =>
            {
                var outcome = await intake.PreviewAsync(request.Text, request.Format, ct, request.Title);
                return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ApiEndpoints.Invalid(outcome.Errors);
            })
            .WithSummary("Proposed claims and sources for a text; nothing is stored.")
            .RequireAuthorization(Policies.Edit);

        api.MapPost("/reports", async Task<Results<Created<IntakeReceipt>, ValidationProblem, ProblemHttpResult>> (
                ReportSubmission submission, IntakeService intake, CancellationToken ct) =>
            {
                var outcome = await intake.TakeInAsync(submission, ct);
                if (!outcome.Succeeded)
                {
                    return ApiEndpoints.Invalid(outcome.Errors);
                }

                var receipt = outcome.Value!;
                return receipt.AlreadyPresent
                    ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This report was already taken in.",
                        detail: $"The same text is report {receipt.ReportId}.", extensions: new Dictionary<string, object?> { ["reportId"] = receipt.ReportId })
                    : TypedResults.Created($"/api/reports/{receipt.ReportId}", receipt);
            })
            .ProducesWriteProblems()
            .WithSummary("Take in a report, with claims or with extracted proposals for review.")
            .RequireAuthorization(Policies.Edit);

        return api;
    }

    /// <summary>Text to extract claims from; format is detected when not given; a title, when given, makes the whole text body.</summary>
    public sealed record ExtractRequest(string? Text, ReportFormat? Format, string? Title = null);
}
