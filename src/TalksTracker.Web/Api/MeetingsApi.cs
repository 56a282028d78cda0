using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Services;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Api;

/// <summary>Meetings in time order, filtered like the timeline page, and one meeting's dossier.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings", async Task<Results<Ok<TimelineResult>, ValidationProblem>> (HttpRequest request, MeetingService meetings, CancellationToken ct) =>
            {
                var (query, problems) = TimelineQueryString.Parse(key => request.Query[key].FirstOrDefault());
                return problems.Count > 0
                    ? TypedResults.ValidationProblem(problems, title: "Some filters are not valid.")
                    : TypedResults.Ok(await meetings.TimelineAsync(query, ct));
            })
            .WithSummary("Meetings in time order, filtered and paged like the timeline.");

        api.MapGet("/meetings/{id:int}", async (int id, MeetingService meetings, CancellationToken ct) =>
                ApiEndpoints.Found(await meetings.DossierAsync(id, ct), "meeting", id))
            .ProducesNotFound()
            .WithSummary("A meeting's dossier with every claim behind it.");

        return api;
    }
}
