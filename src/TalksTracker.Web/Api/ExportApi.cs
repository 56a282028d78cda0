using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Export;

namespace TalksTracker.Web.Api;

/// <summary>Downloads of the board, the claims with provenance and the parties' positions: CSV, JSON, STIX 2.1.</summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/export/{format}", async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> (
                string format, HttpRequest request, ExportService exports, CancellationToken ct) =>
            {
                if (!ExportService.TryParseFormat(format, out var parsed))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Unknown export format '{format}'.",
                        detail: "Use csv, json or stix.");
                }

                int? track = null;
                var trackText = request.Query["track"].FirstOrDefault();
                if (!string.IsNullOrEmpty(trackText))
                {
                    if (!int.TryParse(trackText, out var id) || id <= 0)
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["track"] = [$"'{trackText}' is not a track id."] },
                            title: "The track is not valid.");
                    }

                    track = id;
                }

                var content = ExportContent.Claims;
                var whatText = request.Query["what"].FirstOrDefault();
                if (!string.IsNullOrEmpty(whatText) && (!Enum.TryParse(whatText, ignoreCase: true, out content) || !Enum.IsDefined(content) || int.TryParse(whatText, out _)))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["what"] = ["Use claims, board or positions."] },
                        title: "The export content is not valid.");
                }

                ExportFile? file;
                try
                {
                    file = await exports.ExportAsync(parsed, track, content, ct);
                }
                catch (ExportTooLargeException e)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The export is too large to work out links for.",
                        detail: e.Message, extensions: new Dictionary<string, object?> { ["claims"] = e.Claims, ["limit"] = e.Limit });
                }

                return file is null
                    ? ApiEndpoints.NotFound("track", track)
                    : TypedResults.Stream(stream => file.WriteToAsync(stream, ct), file.ContentType, file.FileName);
            })
            // The file streams as it is written: a binary body per media type, since the result type cannot say which.
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/json", "application/stix+json")
            .ProducesNotFound()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Export the progress board and claims with provenance: csv (what=claims|board|positions), json, or stix (STIX 2.1 bundle); track=ID or all tracks.")
            .RequireAuthorization(TalksTracker.Data.Accounts.Policies.Export);
        return api;
    }
}
