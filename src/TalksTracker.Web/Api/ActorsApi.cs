using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
namespace TalksTracker.Web.Api;

/// <summary>The actors claims mention, and one actor.</summary>
public static class ActorsApi
{
    public static RouteGroupBuilder MapActorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/actors", async (ActorService actors, CancellationToken ct) => TypedResults.Ok(await actors.ListAsync(ct)));
        // The reading pages' name pickers (static pages, no circuit) ask here for the few names matching what is typed.
        api.MapGet("/actors/names", async (string? q, ActorService actors, CancellationToken ct) => TypedResults.Ok(await actors.SearchNamesAsync(q, ct: ct)))
            .WithSummary($"Up to {NameSearch.DefaultLimit} actors whose name or an alias contains q, by name (the first by name for no q).");
        api.MapGet("/actors/{id:int}", async (int id, ActorService actors, Merges merges, CancellationToken ct) =>
                await CorrectionsApi.FoundOrMergedAsync(await actors.GetAsync(id, ct), merges, Merges.Actor, "actors", id, ct))
            .ProducesNotFound()
            .Produces(StatusCodes.Status308PermanentRedirect);

        return api;
    }
}
