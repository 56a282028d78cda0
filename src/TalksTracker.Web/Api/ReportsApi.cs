using TalksTracker.Data.Reading;
namespace TalksTracker.Web.Api;

/// <summary>Reports taken in, newest first, and one report with its claims (taking one in is in <see cref="IntakeApi"/>).</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", async (ReportService reports, CancellationToken ct, int skip = 0, int take = 100) =>
            TypedResults.Ok(await reports.ListAsync(skip, take, ct)));
        api.MapGet("/reports/{id:int}", async (int id, ReportService reports, CancellationToken ct) =>
                ApiEndpoints.Found(await reports.GetAsync(id, ct), "report", id))
            .ProducesNotFound();

        return api;
    }
}
