using System.Text.Json.Serialization;
using TalksTracker.Data.Services;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Api;

/// <summary>The JSON API: the same services the pages use; unknown ids answer 404 problem details.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddTalksTrackerApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static IEndpointRouteBuilder MapTalksTrackerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("TalksTracker");

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

        api.MapGet("/claims/{id:int}/provenance", async (int id, ProvenanceService provenance, CancellationToken ct) =>
                Found(await provenance.ClaimAsync(id, ct), "claim", id))
            .WithSummary("Where a claim comes from: its report, span, source and relay.");

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
        api.MapGet("/tracks/{id:int}/progress", async (int id, TrackService tracks, CancellationToken ct) =>
            Found(await tracks.ProgressAsync(id, ct), "track", id));

        api.MapGet("/search", SearchEndpoint.SearchAsync)
            .WithSummary("Full-text search: actors by name or alias, and claims and reports ranked with highlighted snippets.");

        return app;
    }

    private static IResult Found<T>(T? value, string what, int id) where T : class =>
        value is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} {id}.", detail: $"There is no {what} with id {id}.")
            : Results.Ok(value);
}
