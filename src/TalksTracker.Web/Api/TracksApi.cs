using TalksTracker.Data.Services;

namespace TalksTracker.Web.Api;

/// <summary>Negotiation tracks and each track's progress board.</summary>
public static class TracksApi
{
    public static RouteGroupBuilder MapTracksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tracks", async (TrackService tracks, CancellationToken ct) => TypedResults.Ok(await tracks.ListAsync(ct)));
        api.MapGet("/tracks/{id:int}/progress", async (int id, ProgressService progress, CancellationToken ct) =>
                ApiEndpoints.Found(await progress.BoardAsync(id, ct), "track", id))
            .ProducesNotFound()
            .WithSummary("The progress board: each agenda item's derived status, whether disputed, and its backing.");

        return api;
    }
}
