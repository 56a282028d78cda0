using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
namespace TalksTracker.Web.Api;

/// <summary>The sources claims are attributed to, and one source.</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sources", async (SourceService sources, CancellationToken ct) => TypedResults.Ok(await sources.ListAsync(ct)));
        api.MapGet("/sources/names", async (string? q, SourceService sources, CancellationToken ct) => TypedResults.Ok(await sources.SearchNamesAsync(q, ct: ct)))
            .WithSummary($"Up to {NameSearch.DefaultLimit} sources whose name contains q, by name.");
        api.MapGet("/sources/{id:int}", async (int id, SourceService sources, Merges merges, CancellationToken ct) =>
                await CorrectionsApi.FoundOrMergedAsync(await sources.GetAsync(id, ct), merges, Merges.Source, "sources", id, ct))
            .ProducesNotFound()
            .Produces(StatusCodes.Status308PermanentRedirect);

        return api;
    }
}
