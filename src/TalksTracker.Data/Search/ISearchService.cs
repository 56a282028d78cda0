using TalksTracker.Data.Services;
using TalksTracker.Domain;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>Full-text search over claims and reports, and actors by name or alias; one engine per database.</summary>
public interface ISearchService
{
    /// <summary>
    /// Searches for what the user typed. Bad paging (limit, offset) is refused with field errors; a
    /// query that takes too long comes back with <see cref="SearchResults.TimedOut"/> set, not an exception.
    /// </summary>
    Task<Outcome<SearchResults>> SearchAsync(string? text, int limit = SearchResults.DefaultLimit, int offset = 0, CancellationToken ct = default);
}

public sealed class SearchOptions
{
    /// <summary>How long one search may run before it is stopped.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed record ActorHit(int Id, string Name, ActorKind Kind, IReadOnlyList<string> Aliases)
{
    public string Link => $"/actors/{Id}";
}

public sealed record ClaimHit(ClaimView Claim, IReadOnlyList<SnippetSegment> Snippet)
{
    public string Link => Claim.ReaderLink;
}

public sealed record ReportHit(int Id, string Title, string? Outlet, DateOnly? PublishedOn, IReadOnlyList<SnippetSegment> Snippet)
{
    public string Link => $"/reports/{Id}";
}

/// <summary>
/// One page of results: actors (all that match), and claims and reports ranked best first, each
/// paged by <see cref="Limit"/>/<see cref="Offset"/> with its total.
/// </summary>
public sealed record SearchResults(
    string Query,
    int Limit,
    int Offset,
    IReadOnlyList<ActorHit> Actors,
    IReadOnlyList<ClaimHit> Claims,
    int ClaimTotal,
    IReadOnlyList<ReportHit> Reports,
    int ReportTotal,
    bool TimedOut,
    string? Notice)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;

    public bool IsEmpty => Actors.Count == 0 && Claims.Count == 0 && Reports.Count == 0;

    public static SearchResults None(SearchQuery query, int limit, int offset, bool timedOut = false, string? notice = null) =>
        new(query.Text, limit, offset, [], [], 0, [], 0, timedOut, notice ?? query.Notice);

    /// <summary>Checks paging values; the problems are keyed by parameter name.</summary>
    public static IReadOnlyDictionary<string, string[]> CheckPaging(int limit, int offset)
    {
        var problems = new ProblemList();
        if (limit is < 1 or > MaxLimit)
        {
            problems.Add("limit", $"The limit must be from 1 to {MaxLimit}.");
        }

        if (offset is < 0 or > MaxOffset)
        {
            problems.Add("offset", $"The offset must be from 0 to {MaxOffset}.");
        }

        return problems.ToDictionary();
    }
}
