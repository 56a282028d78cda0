using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Common;
using TalksTracker.Web.Accounts;

namespace TalksTracker.Web.Api;

/// <summary>
/// The JSON API: the same services the pages use, one endpoint group per resource. Each handler's result type
/// (<see cref="Results{TResult1, TResult2}"/>) documents its success body in /openapi/v1.json; problems written as
/// <see cref="ProblemHttpResult"/> are declared with <c>ProducesProblem</c>. Unknown ids answer 404 problem details.
/// </summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddTalksTrackerApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static IEndpointRouteBuilder MapTalksTrackerApi(this IEndpointRouteBuilder app)
    {
        // Every route needs a signed-in user and some a role beyond reading, so every route can answer 401 and 403.
        var api = app.MapGroup("/api").WithTags("TalksTracker")
            .RequireAuthorization(Policies.Read)
            .RequireRateLimiting(AccountsServiceExtensions.ApiRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .BoundCollections();

        api.MapMeetingsApi();
        api.MapClaimsApi();
        api.MapReportsApi();
        api.MapSourcesApi();
        api.MapActorsApi();
        api.MapVenuesApi();
        api.MapTracksApi();
        api.MapExportApi();
        api.MapCatalogApi();
        api.MapCorrectionsApi();
        api.MapAgendaItemsApi();
        api.MapPositionsApi();
        api.MapIntakeApi();
        api.MapReviewApi();
        api.MapSearchApi();
        api.MapWatchlistApi();
        api.MapChangesApi();
        return app;
    }

    internal static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request was refused; nothing was stored.");

    /// <summary>The answer to a JSON null where a body belongs: a body parameter that may be null is not known to be required, so null arrives in the handler.</summary>
    internal static ProblemHttpResult Unreadable(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.",
            detail: $"Send the {what} as a JSON object; nothing was stored.");

    internal static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, string what, int id) where T : class =>
        value is null ? NotFound(what, id) : TypedResults.Ok(value);

    internal static ProblemHttpResult NotFound(string what, int? id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} {id}.", detail: $"There is no {what} with id {id}.");

    /// <summary>
    /// The answer to a correction (PUT, PATCH, DELETE or an action on a record): 200 with the result; 404 when the record
    /// does not exist; 409 when it changed since the version sent or something still depends on it (the problem names
    /// what); 400 with the problems field by field otherwise. Nothing is stored unless the answer is 200.
    /// </summary>
    internal static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Edited<T>(Outcome<T> outcome, string what)
    {
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(outcome.Value!);
        }

        if (outcome.Errors.TryGetValue(Edits.Missing, out var missing))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: string.Join(" ", missing));
        }

        foreach (var field in new[] { Conflicts.Field, Edits.InUse })
        {
            if (outcome.Errors.TryGetValue(field, out var messages))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: field == Conflicts.Field ? $"The {what} changed since you read it; nothing was stored." : $"The {what} is still in use; nothing was changed.",
                    detail: string.Join(" ", messages), extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
            }
        }

        return Invalid(outcome.Errors);
    }

    /// <summary>
    /// A correction of the record <paramref name="id"/> from a JSON body: a body that is JSON null answers 400 (a generic
    /// body parameter is not known to be required), otherwise <paramref name="correct"/>'s outcome as <see cref="Edited{T}"/>.
    /// </summary>
    internal static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> CorrectAsync<TRequest, T>(TRequest? request, string what,
        Func<TRequest, Task<Outcome<T>>> correct) where TRequest : class =>
        request is null ? Unreadable(what) : Edited(await correct(request), what);

    /// <summary>Declares what a correction answers besides 200: 400, 404 and 409 (stale or in use), and 503 when the database stayed busy.</summary>
    internal static RouteHandlerBuilder ProducesEditProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem().ProducesNotFound().ProducesWriteProblems();

    /// <summary>Declares the 404 problem a route with an id answers when nothing has that id.</summary>
    internal static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// Declares what any write can answer besides its own checks: 409 when another writer's change collided with it and
    /// 503 when the database stayed busy (both from RequestProblemExceptionHandler; nothing is stored).
    /// </summary>
    internal static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
