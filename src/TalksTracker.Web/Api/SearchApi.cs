using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Search;
using TalksTracker.Data.Common;
namespace TalksTracker.Web.Api;

/// <summary>
/// GET /api/search?q=&amp;limit=&amp;offset=&amp;exact=: any text is a valid query; bad paging or a bad exact flag answers
/// 400 problem details. The answer's alsoSearching lists the actor names searched besides the words (none with exact=1).
/// </summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithSummary("Full-text search: actors by name or alias, and claims and reports ranked with highlighted snippets. " +
                         "A word naming an actor also searches its other names (alsoSearching); exact=1 searches the words as typed.");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(HttpRequest request, ISearchService search, CancellationToken ct)
    {
        var problems = new ProblemList();
        var limit = Number("limit", SearchResults.DefaultLimit);
        var offset = Number("offset", 0);
        var exact = Flag("exact");
        if (problems.Any)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: "The search parameters are not valid.");
        }

        var outcome = await search.SearchAsync(request.Query["q"].FirstOrDefault(), limit, offset, exact, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(outcome.Value!)
            : TypedResults.ValidationProblem(outcome.Errors, title: "The search parameters are not valid.");

        int Number(string key, int fallback)
        {
            var text = request.Query[key].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            problems.Add(key, $"'{(text.Length <= 20 ? text : text[..20] + "…")}' is not a whole number.");
            return fallback;
        }

        bool Flag(string key)
        {
            var text = request.Query[key].FirstOrDefault();
            switch (text?.Trim().ToLowerInvariant())
            {
                case null or "" or "0" or "false":
                    return false;
                case "1" or "true":
                    return true;
                default:
                    problems.Add(key, $"'{(text.Length <= 20 ? text : text[..20] + "…")}' is not 1 or 0.");
                    return false;
            }
        }
    }
}
