using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Reading;

namespace TalksTracker.Web.Api;

/// <summary>
/// Reports taken in, newest first, and one report with its claims (taking one in is in <see cref="IntakeApi"/>); an
/// editor proposes a report's claims again or withdraws it, an administrator restores a withdrawn report.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", async (ReportService reports, CancellationToken ct, int skip = 0, int take = 100) =>
            TypedResults.Ok(await reports.ListAsync(skip, take, ct)));
        api.MapGet("/reports/{id:int}", async (int id, ReportService reports, CancellationToken ct) =>
                ApiEndpoints.Found(await reports.GetAsync(id, ct), "report", id))
            .ProducesNotFound();

        api.MapPost("/reports/{id:int}/extract-again", async (int id, IntakeService intake, CancellationToken ct) =>
                ApiEndpoints.Edited(await intake.ReExtractAsync(id, ct), "report"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Propose a report's claims again for review: decided proposals are kept, undecided ones replaced, nothing is proposed over a recorded claim.");

        api.MapPost("/reports/{id:int}/withdraw", async Task<Results<Ok<WithdrawnReport>, ValidationProblem, ProblemHttpResult>> (
                    int id, ReportWithdrawal? withdrawal, ReportWithdrawals withdrawals, CancellationToken ct) =>
                withdrawal is null ? ApiEndpoints.Unreadable("reason") : ApiEndpoints.Edited(await withdrawals.WithdrawAsync(id, withdrawal, ct), "report"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Withdraw a report with a reason (and optionally the Version read): its claims are retracted with it and leave every page, figure, search and export.");

        api.MapPost("/reports/{id:int}/restore", async (int id, ReportWithdrawals withdrawals, CancellationToken ct) =>
                ApiEndpoints.Edited(await withdrawals.RestoreAsync(id, ct), "report"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Restore a withdrawn report (administrators): the claims retracted with it come back; NotRestored names links that could not.");

        return api;
    }
}
