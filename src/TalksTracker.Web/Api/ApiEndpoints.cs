using System.Text.Json.Serialization;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Intake;
using TalksTracker.Web.Accounts;
using TalksTracker.Data.Services;
using TalksTracker.Domain.Extraction;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Api;

/// <summary>The JSON API: the same services the pages use; unknown ids answer 404 problem details.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddTalksTrackerApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static IEndpointRouteBuilder MapTalksTrackerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("TalksTracker")
            .RequireAuthorization(Policies.Read)
            .RequireRateLimiting(AccountsServiceExtensions.ApiRateLimit);

        api.MapGet("/meetings", async (HttpRequest request, MeetingService meetings, CancellationToken ct) =>
            {
                var (query, problems) = TimelineQueryString.Parse(key => request.Query[key].FirstOrDefault());
                return problems.Count > 0
                    ? Results.ValidationProblem(problems, title: "Some filters are not valid.")
                    : Results.Ok(await meetings.TimelineAsync(query, ct));
            })
            .WithSummary("Meetings in time order, filtered and paged like the timeline.");

        api.MapGet("/meetings/{id:int}", async (int id, MeetingService meetings, CancellationToken ct) =>
                Found(await meetings.DossierAsync(id, ct), "meeting", id))
            .WithSummary("A meeting's dossier with every claim behind it.");

        api.MapGet("/claims/{id:int}/provenance", async (int id, TalksTracker.Data.Analysis.ProvenanceAnalysisService analysis, CancellationToken ct) =>
                Found(await analysis.AssessClaimAsync(id, ct), "claim", id))
            .WithSummary("Where a claim comes from: report, span, source, relay chain, origin, corroborating and contradicting claims, and the confidence derivation.");

        api.MapGet("/reports", async (ReportService reports, CancellationToken ct, int skip = 0, int take = 100) =>
            Results.Ok(await reports.ListAsync(skip, take, ct)));
        api.MapGet("/reports/{id:int}", async (int id, ReportService reports, CancellationToken ct) =>
            Found(await reports.GetAsync(id, ct), "report", id));

        api.MapGet("/sources", async (SourceService sources, CancellationToken ct) => Results.Ok(await sources.ListAsync(ct)));
        api.MapGet("/sources/{id:int}", async (int id, SourceService sources, CancellationToken ct) =>
            Found(await sources.GetAsync(id, ct), "source", id));

        api.MapGet("/actors", async (ActorService actors, CancellationToken ct) => Results.Ok(await actors.ListAsync(ct)));
        api.MapGet("/actors/{id:int}", async (int id, ActorService actors, CancellationToken ct) =>
            Found(await actors.GetAsync(id, ct), "actor", id));

        api.MapGet("/venues", async (VenueService venues, CancellationToken ct) => Results.Ok(await venues.ListAsync(ct)));
        api.MapGet("/venues/{id:int}", async (int id, VenueService venues, CancellationToken ct) =>
            Found(await venues.GetAsync(id, ct), "venue", id));

        api.MapGet("/tracks", async (TrackService tracks, CancellationToken ct) => Results.Ok(await tracks.ListAsync(ct)));
        api.MapGet("/tracks/{id:int}/progress", async (int id, ProgressService progress, CancellationToken ct) =>
                Found(await progress.BoardAsync(id, ct), "track", id))
            .WithSummary("The progress board: each agenda item's derived status, whether disputed, and its backing.");
        api.MapExportApi();
        api.MapCatalogApi();

        api.MapPost("/extract", async (ExtractRequest request, IntakeService intake, CancellationToken ct) =>
            {
                var outcome = await intake.PreviewAsync(request.Text, request.Format, ct, request.Title);
                return outcome.Succeeded ? Results.Ok(outcome.Value) : Invalid(outcome.Errors);
            })
            .WithSummary("Proposed claims and sources for a text; nothing is stored.")
            .RequireAuthorization(Policies.Edit);

        api.MapPost("/reports", async (ReportSubmission submission, IntakeService intake, CancellationToken ct) =>
            {
                var outcome = await intake.TakeInAsync(submission, ct);
                if (!outcome.Succeeded)
                {
                    return Invalid(outcome.Errors);
                }

                var receipt = outcome.Value!;
                return receipt.AlreadyPresent
                    ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This report was already taken in.",
                        detail: $"The same text is report {receipt.ReportId}.", extensions: new Dictionary<string, object?> { ["reportId"] = receipt.ReportId })
                    : Results.Created($"/api/reports/{receipt.ReportId}", receipt);
            })
            .WithSummary("Take in a report, with claims or with extracted proposals for review.")
            .RequireAuthorization(Policies.Edit);

        api.MapGet("/search", SearchEndpoint.SearchAsync)
            .WithSummary("Full-text search: actors by name or alias, and claims and reports ranked with highlighted snippets.");

        return app;
    }

    /// <summary>Text to extract claims from; format is detected when not given; a title, when given, makes the whole text body.</summary>
    public sealed record ExtractRequest(string? Text, ReportFormat? Format, string? Title = null);

    internal static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), title: "The request was refused; nothing was stored.");

    internal static IResult Found<T>(T? value, string what, int id) where T : class =>
        value is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} {id}.", detail: $"There is no {what} with id {id}.")
            : Results.Ok(value);
}
