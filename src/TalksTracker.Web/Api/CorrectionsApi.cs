using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Common;
namespace TalksTracker.Web.Api;

/// <summary>
/// Editors' scripts correct actors, sources, venues and agenda items (PUT with the <c>version</c> their GET gave),
/// delete them once nothing refers to them (DELETE, optionally <c>?version=</c>), and merge an actor or source into the
/// one it duplicates (POST …/merge-into/{keepId}; GET the same address for what would move). Answers: 200; 400 field
/// by field; 404 for an unknown id (naming the record a merged one became); 409 when the record changed since the
/// version sent or is still in use. A merged record's GET answers 308 to the kept record's address.
/// </summary>
public static class CorrectionsApi
{
    public static RouteGroupBuilder MapCorrectionsApi(this RouteGroupBuilder api)
    {
        MapPut<ActorEdit>(api, "actors", "actor", (c, id, edit, ct) => c.EditActorAsync(id, edit, ct))
            .WithSummary("Correct an actor: name, kind, aliases, parent, description; send the version you read.");
        MapPut<SourceEdit>(api, "sources", "source", (c, id, edit, ct) => c.EditSourceAsync(id, edit, ct))
            .WithSummary("Correct a source: name, kind, affiliation, description (its grade changes with its history elsewhere).");
        MapPut<VenueEdit>(api, "venues", "venue", (c, id, edit, ct) => c.EditVenueAsync(id, edit, ct))
            .WithSummary("Correct a venue: name, country, coordinates.");
        MapPut<AgendaItemEdit>(api, "agenda-items", "agenda item", (c, id, edit, ct) => c.EditAgendaItemAsync(id, edit, ct))
            .WithSummary("Correct an agenda item: title, category, description, track.");

        MapDelete(api, "actors", "actor", (c, id, version, ct) => c.DeleteActorAsync(id, version, ct));
        MapDelete(api, "sources", "source", (c, id, version, ct) => c.DeleteSourceAsync(id, version, ct));
        MapDelete(api, "venues", "venue", (c, id, version, ct) => c.DeleteVenueAsync(id, version, ct));
        MapDelete(api, "agenda-items", "agenda item", (c, id, version, ct) => c.DeleteAgendaItemAsync(id, version, ct));

        MapMerge(api, "actors", "actor", (m, from, into, ct) => m.PlanActorMergeAsync(from, into, ct), (m, from, into, ct) => m.MergeActorAsync(from, into, ct));
        MapMerge(api, "sources", "source", (m, from, into, ct) => m.PlanSourceMergeAsync(from, into, ct), (m, from, into, ct) => m.MergeSourceAsync(from, into, ct));
        return api;
    }

    /// <summary>
    /// A record for GET: 200 with it; for a merged actor or source 308 to the record it became (the old address keeps
    /// working for links and scripts); else 404.
    /// </summary>
    internal static async Task<Results<Ok<T>, RedirectHttpResult, ProblemHttpResult>> FoundOrMergedAsync<T>(
        T? value, Merges merges, string kind, string path, int id, CancellationToken ct) where T : class
    {
        if (value is not null)
        {
            return TypedResults.Ok(value);
        }

        return await merges.MergedIntoAsync(kind, id, ct) is { } into
            ? TypedResults.Redirect($"/api/{path}/{into.Id}", permanent: true, preserveMethod: true)
            : ApiEndpoints.NotFound(kind, id);
    }

    private static RouteHandlerBuilder MapPut<TEdit>(RouteGroupBuilder api, string path, string what,
        Func<CatalogCorrections, int, TEdit, CancellationToken, Task<Outcome<Corrected>>> edit) where TEdit : class =>
        api.MapPut($"/{path}/{{id:int}}", (int id, TEdit? body, CatalogCorrections corrections, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(body, what, b => edit(corrections, id, b, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit);

    private static void MapDelete(RouteGroupBuilder api, string path, string what,
        Func<CatalogCorrections, int, Guid?, CancellationToken, Task<Outcome<NamedRef>>> delete) =>
        api.MapDelete($"/{path}/{{id:int}}", async (int id, Guid? version, CatalogCorrections corrections, CancellationToken ct) =>
                ApiEndpoints.Edited(await delete(corrections, id, version, ct), what))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary($"Delete a {what} nothing refers to; 409 names what still does.");

    private static void MapMerge(RouteGroupBuilder api, string path, string what,
        Func<Merges, int, int, CancellationToken, Task<Outcome<MergePlan>>> plan,
        Func<Merges, int, int, CancellationToken, Task<Outcome<MergePlan>>> merge)
    {
        var route = $"/{path}/{{id:int}}/merge-into/{{keepId:int}}";
        api.MapGet(route, async (int id, int keepId, Merges merges, CancellationToken ct) => ApiEndpoints.Edited(await plan(merges, id, keepId, ct), what))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary($"What merging the {what} into the one to keep would move; nothing is changed.");
        api.MapPost(route, async (int id, int keepId, Merges merges, CancellationToken ct) => ApiEndpoints.Edited(await merge(merges, id, keepId, ct), what))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary($"Merge the {what} into the one to keep: every reference moves, the merged one's address redirects.");
    }
}
