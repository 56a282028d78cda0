using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;

namespace TalksTracker.Web.Api;

/// <summary>
/// Editors' scripts add meetings, venues, actors and agenda items through the same checks as the
/// review page: 201 with the record's address, 400 problem details field by field, and 409 when the
/// name is taken, naming the existing record to use instead.
/// </summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        MapCreate<NewMeeting>(api, "meetings", "meeting", (catalog, request, ct) => catalog.CreateMeetingAsync(request, ct))
            .WithSummary("Create a meeting of a track: title, venue, date with its precision, format, status, participants with their level.");
        MapCreate<NewVenue>(api, "venues", "venue", (catalog, request, ct) => catalog.CreateVenueAsync(request, ct))
            .WithSummary("Create a venue: name, country (an actor of kind State), optional coordinates.");
        MapCreate<NewActor>(api, "actors", "actor", (catalog, request, ct) => catalog.CreateActorAsync(request, ct))
            .WithSummary("Create an actor: name, kind, aliases, optional parent; a name or alias another actor has is refused.");
        MapCreate<NewAgendaItem>(api, "agenda-items", "agenda item", (catalog, request, ct) => catalog.CreateAgendaItemAsync(request, ct))
            .WithSummary("Create an agenda item of a track: title and category.");
        MapCreate<NewTrack>(api, "tracks", "track", (catalog, request, ct) => catalog.CreateTrackAsync(request, ct))
            .WithSummary("Create a track: name, description, official or not, parties each with a role (party, mediator, approver, observer, host) and acknowledgement.");

        return api;
    }

    private static RouteHandlerBuilder MapCreate<TRequest>(
        RouteGroupBuilder api, string path, string what, Func<CatalogService, TRequest, CancellationToken, Task<CatalogOutcome>> create) =>
        api.MapPost($"/{path}", async Task<Results<Created<CatalogRecord>, ValidationProblem, ProblemHttpResult>> (
                    TRequest? request, CatalogService catalog, CancellationToken ct) =>
                request is null
                    ? ApiEndpoints.Unreadable(what)
                    : Created(await create(catalog, request, ct), path, what))
            .ProducesWriteProblems()
            .RequireAuthorization(Policies.Edit);

    private static Results<Created<CatalogRecord>, ValidationProblem, ProblemHttpResult> Created(CatalogOutcome outcome, string path, string what)
    {
        if (outcome.Created is { } created)
        {
            return TypedResults.Created($"/api/{path}/{created.Id}", created);
        }

        if (outcome.Existing is { } existing)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"This {what} already exists; nothing was stored.",
                detail: string.Join(" ", outcome.Errors.SelectMany(e => e.Value)),
                extensions: new Dictionary<string, object?>
                {
                    ["existing"] = existing,
                    ["location"] = $"/api/{path}/{existing.Id}",
                    ["errors"] = outcome.Errors,
                });
        }

        return ApiEndpoints.Invalid(outcome.Errors);
    }
}
