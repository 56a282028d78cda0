using TalksTracker.Data.Catalog;
namespace TalksTracker.Web.Api;

/// <summary>The venues meetings take place at, and one venue.</summary>
public static class VenuesApi
{
    public static RouteGroupBuilder MapVenuesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/venues", async (VenueService venues, CancellationToken ct) => TypedResults.Ok(await venues.ListAsync(ct)));
        api.MapGet("/venues/names", async (string? q, VenueService venues, CancellationToken ct) => TypedResults.Ok(await venues.SearchNamesAsync(q, ct: ct)))
            .WithSummary($"Up to {NameSearch.DefaultLimit} venues whose name contains q, by name.");
        api.MapGet("/venues/{id:int}", async (int id, VenueService venues, CancellationToken ct) =>
                ApiEndpoints.Found(await venues.GetAsync(id, ct), "venue", id))
            .ProducesNotFound();

        return api;
    }
}
