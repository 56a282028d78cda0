using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Common;
using TalksTracker.Data.Progress;
namespace TalksTracker.Web.Api;

/// <summary>
/// Negotiation tracks and each track's progress board. Editors create a track (POST /api/tracks, with the catalog's
/// creations), correct it with the version they read (PUT), and archive or restore it (POST …/archive, …/restore):
/// an archived track leaves the list of current tracks and pickers, and stays readable at its address.
/// </summary>
public static class TracksApi
{
    public static RouteGroupBuilder MapTracksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tracks", async (TrackService tracks, CancellationToken ct, bool archived = false) => TypedResults.Ok(await tracks.ListAsync(ct, archived)))
            .WithSummary("The current tracks (archived=true: the archived ones), each with its version for corrections.");
        api.MapGet("/tracks/{id:int}", async (int id, TrackService tracks, CancellationToken ct) =>
                ApiEndpoints.Found(await tracks.GetAsync(id, ct), "track", id))
            .ProducesNotFound()
            .WithSummary("One track, current or archived, with its parties and the version to send with a correction.");
        api.MapGet("/tracks/{id:int}/progress", async (int id, ProgressService progress, CancellationToken ct) =>
                ApiEndpoints.Found(await progress.BoardAsync(id, ct), "track", id))
            .ProducesNotFound()
            .WithSummary("The progress board: each agenda item's derived status, whether disputed, and its backing.");

        api.MapPut("/tracks/{id:int}", (int id, TrackEdit? request, TrackCorrections tracks, CancellationToken ct) =>
                ApiEndpoints.CorrectAsync(request, "track", r => tracks.EditAsync(id, r, ct)))
            .ProducesEditProblems()
            .RequireAuthorization(Policies.Edit)
            .WithSummary("Correct a track: name, description, official or not, and its parties (the list sent replaces the stored one); send the version you read.");
        foreach (var (action, summary, change) in new (string, string, Func<TrackCorrections, int, TrackArchival, CancellationToken, Task<Outcome<Corrected>>>)[]
                 {
                     ("archive", "Archive a track: it leaves pickers and the current list; its record and board stay readable.", (t, id, r, ct) => t.ArchiveAsync(id, r, ct)),
                     ("restore", "Restore an archived track to the current ones.", (t, id, r, ct) => t.RestoreAsync(id, r, ct)),
                 })
        {
            api.MapPost($"/tracks/{{id:int}}/{action}", (int id, TrackArchival? request, TrackCorrections tracks, CancellationToken ct) =>
                    ApiEndpoints.CorrectAsync(request, "track", r => change(tracks, id, r, ct)))
                .ProducesEditProblems()
                .RequireAuthorization(Policies.Edit)
                .WithSummary($"{summary} Send the version you read.");
        }

        return api;
    }
}
