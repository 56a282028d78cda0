using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Positions;

namespace TalksTracker.Web.Api;

/// <summary>
/// Parties' positions on agenda items: analysts read an item's or a track's positions with their backing and each
/// item's gap (<c>?asOf=YYYY-MM-DD</c>, today by default); editors record one on an item (201), correct it (PUT with
/// the version read) and remove it (DELETE, optionally <c>?version=</c>). Answers as for every correction: 400 field by
/// field, 404 for an unknown id, 409 when it changed since the version sent.
/// </summary>
public static class PositionsApi
{
    public static RouteGroupBuilder MapPositionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agenda-items/{id:int}/positions", async (int id, DateOnly? asOf, PositionService positions, CancellationToken ct) =>
                ApiEndpoints.Found(await positions.ForAgendaItemAsync(id, asOf, ct), "agenda item", id))
            .ProducesNotFound()
            .WithSummary("An agenda item's positions, oldest first, each with the claims it rests on and their best grade, and the item's gap as of a date.");

        api.MapPost("/agenda-items/{id:int}/positions", async Task<Results<Created<PositionView>, ValidationProblem, ProblemHttpResult>> (
                    int id, NewPosition? position, PositionService positions, CancellationToken ct) =>
            {
                if (position is null)
                {
                    return ApiEndpoints.Unreadable("position");
                }

                var outcome = await positions.RecordAsync(id, position, ct);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/positions/{outcome.Value!.Id}", outcome.Value)
                    : ApiEndpoints.Edited(outcome, "agenda item").Result switch
                    {
                        ValidationProblem invalid => invalid,
                        ProblemHttpResult problem => problem,
                        _ => throw new InvalidOperationException("A refused position has problems."),
                    };
            })
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Record a party's position on the agenda item: party actor, kind, the report's words, as-of date and the claims it rests on (at least one).");

        api.MapGet("/tracks/{id:int}/positions", async (int id, DateOnly? asOf, PositionService positions, CancellationToken ct) =>
                ApiEndpoints.Found(await positions.ForTrackAsync(id, asOf, ct), "track", id))
            .ProducesNotFound()
            .WithSummary("Every agenda item of a track with its positions and gap (converging, diverging, stalled, open, agreed) as of a date.");

        api.MapGet("/positions/{id:int}", async (int id, PositionService positions, CancellationToken ct) =>
                ApiEndpoints.Found(await positions.GetAsync(id, ct), "position", id))
            .ProducesNotFound()
            .WithSummary("One position with its backing and version.");

        api.MapPut("/positions/{id:int}", (int id, PositionEdit? edit, PositionService positions, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(edit, "position", e => positions.EditAsync(id, e, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Correct a position: party, kind, wording, as-of date, claims; send the version you read.");

        api.MapDelete("/positions/{id:int}", async (int id, Guid? version, PositionService positions, CancellationToken ct) =>
                ApiEndpoints.Edited(await positions.RemoveAsync(id, version, ct), "position"))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Remove a position; with ?version= refused when it changed since.");

        return api;
    }
}
