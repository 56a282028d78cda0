using TalksTracker.Data.Catalog;
namespace TalksTracker.Web.Api;

/// <summary>One agenda item (creating one is in <see cref="CatalogApi"/>).</summary>
public static class AgendaItemsApi
{
    public static RouteGroupBuilder MapAgendaItemsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agenda-items/{id:int}", async (int id, AgendaItemService agenda, CancellationToken ct) =>
                ApiEndpoints.Found(await agenda.GetAsync(id, ct), "agenda item", id))
            .ProducesNotFound()
            .WithSummary("An agenda item with its track, claim count and reported status changes.");

        return api;
    }
}
