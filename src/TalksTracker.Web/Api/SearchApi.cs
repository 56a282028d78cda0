using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Search;
using TalksTracker.Data.Common;
namespace TalksTracker.Web.Api;

/// <summary>GET /api/search?q=&amp;limit=&amp;offset=: any text is a valid query; bad paging answers 400 problem details.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithSummary("Full-text search: actors by name or alias, and claims and reports ranked with highlighted snippets.");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(HttpRequest request, ISearchService search, CancellationToken ct)
    {
        var problems = new ProblemList();
        var limit = Number("limit", SearchResults.DefaultLimit);
        var offset = Number("offset", 0);
        if (problems.Any)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: "The paging values are not valid.");
        }

        var outcome = await search.SearchAsync(request.Query["q"].FirstOrDefault(), limit, offset, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(outcome.Value!)
            : TypedResults.ValidationProblem(outcome.Errors, title: "The paging values are not valid.");

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
    }
}
