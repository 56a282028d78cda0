using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Meetings;
using TalksTracker.Web.Extensions;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Api;

/// <summary>
/// Meetings in time order, filtered like the timeline page, and one meeting's dossier (with the version an editor sends
/// back with a correction, PUT /api/meetings/{id}).
/// </summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings", async Task<Results<ContentHttpResult, ValidationProblem>> (
                HttpRequest request, MeetingService meetings, GenerationCache answers, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var (query, problems) = TimelineQueryString.Parse(key => request.Query[key].FirstOrDefault());
                if (problems.Count > 0)
                {
                    return TypedResults.ValidationProblem(problems, title: "Some filters are not valid.");
                }

                // The same for every reader of one query until the next save: kept serialized (#26). The read is not
                // cancelled with this request, since other requests may be waiting for the same answer; the wait is.
                // The parsed query's every field (a record prints them all), so two spellings of one query share an answer.
                var key = $"api/meetings|{GenerationCache.ViewerKey(request.HttpContext.User)}|{query}";
                var body = await answers.GetOrAddAsync(key, async () =>
                    JsonSerializer.Serialize(await meetings.TimelineAsync(query), json.Value.SerializerOptions), ct);
                return TypedResults.Text(body, "application/json", Encoding.UTF8);
            })
            .Produces<TimelineResult>()
            .WithSummary("Meetings in time order, filtered and paged like the timeline.");

        api.MapGet("/meetings/{id:int}", async (int id, MeetingService meetings, CancellationToken ct) =>
                ApiEndpoints.Found(await meetings.DossierAsync(id, ct), "meeting", id))
            .ProducesNotFound()
            .WithSummary("A meeting's dossier with every claim behind it, and its version for corrections.");

        api.MapPut("/meetings/{id:int}", (int id, MeetingEdit? request, MeetingCorrections meetings, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(request, "meeting", r => meetings.EditAsync(id, r, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Correct a meeting: title, track, venue, date with its precision, format, status, participants with role and level (the list sent replaces the stored one), summary. "
                         + "A new track takes along the agenda items only this meeting speaks of. Send the version you read.");

        return api;
    }
}
