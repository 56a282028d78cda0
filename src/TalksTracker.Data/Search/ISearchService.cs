using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>Full-text search over claims and reports, and actors by name or alias; one engine per database.</summary>
public interface ISearchService
{
    /// <summary>
    /// Searches for what the user typed. Bad paging (limit, offset) is refused with field errors; a
    /// query that takes too long comes back with <see cref="SearchResults.TimedOut"/> set, not an exception.
    /// A word that names an actor also searches the actor's other names (<see cref="SearchResults.AlsoSearching"/>)
    /// unless <paramref name="exact"/> asks for the words as typed.
    /// </summary>
    Task<Outcome<SearchResults>> SearchAsync(string? text, int limit = SearchResults.DefaultLimit, int offset = 0, bool exact = false, CancellationToken ct = default);
}

public sealed class SearchOptions
{
    /// <summary>How long one search may run before it is stopped.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Matches are counted up to this many; beyond it the total is shown as a lower bound ("10,000+"),
    /// so a common word does not count hundreds of thousands of rows for one page.
    /// </summary>
    public int TotalCap { get; set; } = 10_000;

    /// <summary>
    /// Up to this many matches are ranked by relevance; more are listed newest first, because ranking
    /// reads every match (and, for relevance weights, counts the whole index's matches of each word).
    /// </summary>
    public int RankLimit { get; set; } = 2_000;
}

/// <summary>How a list of hits is ordered.</summary>
public enum SearchOrder
{
    /// <summary>Best match first (bm25 on SQLite, ts_rank on PostgreSQL).</summary>
    Relevance,

    /// <summary>Most recently taken in first: used when too many match to rank them all.</summary>
    Newest,
}

/// <summary>
/// How many hits to read for a page, and what their number means: one read of up to
/// <see cref="Fetch"/> ids, newest first, gives the (capped) total and, when too many match to rank,
/// the page itself.
/// </summary>
public readonly record struct MatchWindow(int Limit, int Offset, int Cap, int RankLimit)
{
    /// <summary>Enough ids to know whether the cap is passed, and to serve any allowed page beyond it.</summary>
    public int Fetch => Math.Max(Cap, Offset + Limit) + 1;

    public static MatchWindow For(SearchOptions options, int limit, int offset) =>
        new(limit, offset, Math.Max(1, options.TotalCap), Math.Clamp(options.RankLimit, 0, Math.Max(1, options.TotalCap)));

    /// <summary>The total to show for <paramref name="found"/> ids read: exact up to the cap, else the cap as a lower bound.</summary>
    public (int Total, bool IsLowerBound) Total(int found) => found > Cap ? (Cap, true) : (found, false);

    public SearchOrder OrderFor(int found) => found <= RankLimit ? SearchOrder.Relevance : SearchOrder.Newest;

    /// <summary>The page of a newest-first list of ids.</summary>
    public IReadOnlyList<int> Page(IReadOnlyList<int> newestFirst) => newestFirst.Skip(Offset).Take(Limit).ToList();
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
/// One page of results: actors (all that match), and claims and reports, each paged by
/// <see cref="Limit"/>/<see cref="Offset"/> with its total. A total marked as a lower bound means at
/// least that many match (they were not all counted); <see cref="ClaimOrder"/>/<see cref="ReportOrder"/>
/// say whether the hits are ranked by relevance or, when too many match, listed newest first.
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
    string? Notice,
    bool ClaimTotalIsLowerBound = false,
    bool ReportTotalIsLowerBound = false,
    SearchOrder ClaimOrder = SearchOrder.Relevance,
    SearchOrder ReportOrder = SearchOrder.Relevance)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;

    /// <summary>The actors' other names searched as well ("Moscow" for "Russia"); empty when none or when <see cref="Exact"/>.</summary>
    public IReadOnlyList<string> AlsoSearching { get; init; } = [];

    /// <summary>True when the words were searched as typed, without actor names expanded.</summary>
    public bool Exact { get; init; }

    public bool IsEmpty => Actors.Count == 0 && Claims.Count == 0 && Reports.Count == 0;

    /// <summary>The claim total as shown: "10,000+" when it is a lower bound.</summary>
    public string ClaimTotalText => TotalText(ClaimTotal, ClaimTotalIsLowerBound);

    public string ReportTotalText => TotalText(ReportTotal, ReportTotalIsLowerBound);

    private static string TotalText(int total, bool isLowerBound) =>
        total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (isLowerBound ? "+" : "");

    public static SearchResults None(SearchQuery query, int limit, int offset, bool timedOut = false, string? notice = null, bool exact = false) =>
        new(query.Text, limit, offset, [], [], 0, [], 0, timedOut, notice ?? EmptyNotice(query)) { Exact = exact };

    // An empty query is answered with what to do, not with a bare "no results".
    private static string? EmptyNotice(SearchQuery query) =>
        query.IsEmpty ? "Type a word to search for: a name, a place or a topic." : query.Notice;

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
