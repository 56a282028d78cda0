using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using TalksTracker.Data.Common;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>
/// Search on PostgreSQL's full-text search: generated <c>tsvector</c> columns on Claims and Reports with
/// GIN indexes (see the FullTextSearch migration of TalksTracker.Data.Postgres), ranked by ts_rank,
/// snippets by ts_headline with the same private markers as SQLite's snippet(). The text search
/// configuration <c>talkstracker</c> folds case and diacritics (unaccent) and stems with the Porter
/// algorithm, as SQLite's porter unicode61 remove_diacritics tokenizer does (the StemmedSearch migration).
/// What is searched for (actor names expanded) is the shared <see cref="SearchPlan"/>.
/// </summary>
public sealed class PostgresSearchService(
    IDbContextFactory<TalksTrackerDbContext> contextFactory,
    SearchOptions options,
    ILogger<PostgresSearchService> logger) : ISearchService
{
    public const string Configuration = "talkstracker";

    // ts_rank weights for D, C, B, A: the report title is A, its text D.
    private const string Weights = "ARRAY[0.1, 0.2, 0.4, 1.0]::float4[]";

    private static readonly string HeadlineOptions =
        $"StartSel={Snippet.MatchStart}, StopSel={Snippet.MatchEnd}, MaxWords=24, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…";

    public async Task<Outcome<SearchResults>> SearchAsync(string? text, int limit = SearchResults.DefaultLimit, int offset = 0, bool exact = false, CancellationToken ct = default)
    {
        var problems = SearchResults.CheckPaging(limit, offset);
        if (problems.Count > 0)
        {
            return Outcome<SearchResults>.Failure(problems);
        }

        var query = SearchQuery.Parse(text);
        if (ToTsQuery(query) is null)
        {
            return Outcome<SearchResults>.Success(SearchResults.None(query, limit, offset, exact: exact));
        }

        // A zero time limit is already over: the source is created cancelled.
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return Outcome<SearchResults>.Success(await RunAsync(query, exact, limit, offset, linked.Token));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested
                                  && (e is OperationCanceledException || e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
                                      || e.InnerException is OperationCanceledException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }))
        {
            logger.LogWarning("Search for {Query} stopped after {Timeout}", query.Text, options.Timeout);
            return Outcome<SearchResults>.Success(SearchResults.None(query, limit, offset, timedOut: true,
                notice: $"The search took longer than {options.Timeout.TotalSeconds:0.#} s and was stopped. Try fewer or more specific words."));
        }
    }

    /// <summary>The <c>to_tsquery</c> input for a query as typed (see <see cref="ToTsQuery(ExpandedQuery)"/>).</summary>
    public static string? ToTsQuery(SearchQuery query) => ToTsQuery(ExpandedQuery.Exact(query));

    /// <summary>
    /// The <c>to_tsquery</c> input for an expanded query, the same clauses as SQLite's MATCH: each term's words
    /// (runs of letters and digits only, so no operator or quote of the tsquery syntax can come from the user)
    /// in single quotes, joined by &lt;-&gt; (in this order, next to each other) and ending in :* for a prefix;
    /// a clause's typed terms AND-ed and OR-ed with the actor's other names; clauses AND-ed. Null when nothing
    /// searchable is left.
    /// </summary>
    public static string? ToTsQuery(ExpandedQuery query)
    {
        var clauses = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var typed = clause.Typed.Select(Term).OfType<string>().ToList();
            if (typed.Count == 0)
            {
                continue;
            }

            var alternatives = clause.OtherNames.Select(Term).OfType<string>().Prepend("(" + string.Join(" & ", typed) + ")").ToList();
            clauses.Add(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" | ", alternatives) + ")");
        }

        return clauses.Count == 0 ? null : string.Join(" & ", clauses);

        static string? Term(SearchTerm term)
        {
            var words = Words(term.Text).Select(w => $"'{w}'").ToList();
            if (words.Count == 0)
            {
                return null;
            }

            if (term.IsPrefix)
            {
                words[^1] += ":*";
            }

            return "(" + string.Join(" <-> ", words) + ")";
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.IsLetterOrDigit(text, i))
            {
                word.Append(c).Append(text[++i]);
            }
            else if (word.Length > 0 && !IsMark(c))
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }

        static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    private async Task<SearchResults> RunAsync(SearchQuery query, bool exact, int limit, int offset, CancellationToken ct)
    {
        var window = MatchWindow.For(options, limit, offset);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await SearchPlan.ForAsync(db, query, exact, ct);
        var tsQuery = ToTsQuery(plan.Expanded)!;

        var claimHits = await HitsAsync(db, ClaimIndex, tsQuery, window, ct);
        var reportHits = await HitsAsync(db, ReportIndex, tsQuery, window, ct);

        return await IndexHits.ToResultsAsync(db, plan, limit, offset, claimHits, reportHits, ct);
    }

    /// <summary>A searchable table: its rank expression and its snippet (over the hits CTE h, the row r and the query q).</summary>
    private sealed record TextIndex(string Table, string Rank, string Snippet);

    private static readonly TextIndex ClaimIndex = new("Claims", "ts_rank(r.\"SearchVector\", q.q)",
        $"ts_headline('{Configuration}', r.\"Quote\", q.q, @headline)");

    // A match in the title weighs more (weight A) than one in the text (D); the snippet comes from the
    // text when it matches there, else from the title.
    private static readonly TextIndex ReportIndex = new("Reports", $"ts_rank({Weights}, r.\"SearchVector\", q.q)",
        $"""
         CASE WHEN to_tsvector('{Configuration}', r."Text") @@ q.q
              THEN ts_headline('{Configuration}', r."Text", q.q, @headline)
              ELSE ts_headline('{Configuration}', r."Title", q.q, @headline) END
         """);

    /// <summary>
    /// One page of a table's matches, as on SQLite: the ids newest first up to <see cref="MatchWindow.Fetch"/>
    /// give the (capped) total; few enough matches are ranked by ts_rank, more are served newest first
    /// from those ids; headlines are made only for the page's rows.
    /// </summary>
    private static async Task<IndexHits> HitsAsync(TalksTrackerDbContext db, TextIndex index, string tsQuery, MatchWindow window, CancellationToken ct)
    {
        // Every part of the SQL below comes from this class (the index's table and expressions); user text is a parameter.
        var idsSql = $"""
                      SELECT r."Id" AS "Value" FROM "{index.Table}" r
                      WHERE r."SearchVector" @@ to_tsquery('{Configuration}', @query)
                      ORDER BY r."Id" DESC LIMIT @fetch
                      """;
        var ids = await db.Database.SqlQueryRaw<int>(idsSql, new NpgsqlParameter("query", tsQuery), new NpgsqlParameter("fetch", window.Fetch))
            .ToListAsync(ct);

        var (total, isLowerBound) = window.Total(ids.Count);
        var order = window.OrderFor(ids.Count);
        var page = order == SearchOrder.Relevance ? null : window.Page(ids).ToArray();
        if (page is { Length: 0 })
        {
            return new IndexHits([], total, isLowerBound, order);
        }

        var hits = page is null
            ? $"""
               SELECT r."Id", {index.Rank} AS rank FROM "{index.Table}" r, q WHERE r."SearchVector" @@ q.q
               ORDER BY rank DESC, r."Id" LIMIT @limit OFFSET @offset
               """
            : $"""SELECT r."Id", r."Id" AS rank FROM "{index.Table}" r WHERE r."Id" = ANY(@page)""";
        var rowsSql = $"""
                       WITH q AS (SELECT to_tsquery('{Configuration}', @query) AS q),
                       h AS ({hits})
                       SELECT h."Id", {index.Snippet} AS "Snippet"
                       FROM h JOIN "{index.Table}" r ON r."Id" = h."Id" CROSS JOIN q
                       ORDER BY h.rank DESC, h."Id"
                       """;
        var rows = await db.Database.SqlQueryRaw<Row>(rowsSql,
                new NpgsqlParameter("query", tsQuery),
                new NpgsqlParameter("limit", window.Limit),
                new NpgsqlParameter("offset", window.Offset),
                new NpgsqlParameter("page", page ?? []),
                new NpgsqlParameter("headline", HeadlineOptions))
            .ToListAsync(ct);
        return new IndexHits(rows.Select(r => new IndexHit(r.Id, r.Snippet)).ToList(), total, isLowerBound, order);
    }

    private sealed class Row
    {
        public int Id { get; init; }
        public string? Snippet { get; init; }
    }
}
