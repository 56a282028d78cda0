using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalksTracker.Data.Common;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>
/// Search on SQLite's FTS5: the ClaimSearch and ReportSearch indexes (external content over Claims
/// and Reports, kept in sync by triggers; see the AddFullTextSearch migration; porter-stemmed since StemmedSearch),
/// ranked by bm25. What is searched for (actor names expanded) is the shared <see cref="SearchPlan"/>.
/// </summary>
public sealed class SqliteSearchService(
    IDbContextFactory<TalksTrackerDbContext> contextFactory,
    SearchOptions options,
    ILogger<SqliteSearchService> logger) : ISearchService
{
    // Snippets carry private marker characters around matches; pages split them into segments.
    private const string SnippetArgs = "char(2), char(3), '…', 24";

    public async Task<Outcome<SearchResults>> SearchAsync(string? text, int limit = SearchResults.DefaultLimit, int offset = 0, bool exact = false, CancellationToken ct = default)
    {
        var problems = SearchResults.CheckPaging(limit, offset);
        if (problems.Count > 0)
        {
            return Outcome<SearchResults>.Failure(problems);
        }

        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
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
                                  && (e is OperationCanceledException || e is SqliteException { SqliteErrorCode: 9 /* SQLITE_INTERRUPT */ }))
        {
            logger.LogWarning("Search for {Query} stopped after {Timeout}", query.Text, options.Timeout);
            return Outcome<SearchResults>.Success(SearchResults.None(query, limit, offset, timedOut: true,
                notice: $"The search took longer than {options.Timeout.TotalSeconds:0.#} s and was stopped. Try fewer or more specific words."));
        }
    }

    private async Task<SearchResults> RunAsync(SearchQuery query, bool exact, int limit, int offset, CancellationToken ct)
    {
        var window = MatchWindow.For(options, limit, offset);
        return await OnOwnConnectionAsync(async db =>
        {
            var plan = await SearchPlan.ForAsync(db, query, exact, ct);
            var match = plan.Expanded.Fts5Match!;
            if (!query.Terms.Any(t => t.IsPrefix))
            {
                return await IndexHits.ToResultsAsync(db, plan, limit, offset,
                    await HitsAsync(db, ClaimIndex, match, window, ct), await HitsAsync(db, ReportIndex, match, window, ct), ct);
            }

            // A prefix makes each index merge the whole doclists of its words before the first row (docs/query-shapes.md),
            // so the two indexes are then read at the same time, each on a connection of its own
            // (WAL lets readers run side by side): the search waits for the slower index, not for both in turn. Words and
            // phrases stream lazily and are cheaper than a second connection.
            var reportHits = Task.Run(() => OnOwnConnectionAsync(other => HitsAsync(other, ReportIndex, match, window, ct), ct), ct);
            try
            {
                var claimHits = await HitsAsync(db, ClaimIndex, match, window, ct);
                return await IndexHits.ToResultsAsync(db, plan, limit, offset, claimHits, await reportHits, ct);
            }
            catch when (!reportHits.IsCompleted)
            {
                // Never leave the other read running on its own: let it finish (or be interrupted) before reporting.
                await Task.WhenAny(reportHits);
                throw;
            }
        }, ct);
    }

    private async Task<T> OnOwnConnectionAsync<T>(Func<TalksTrackerDbContext, Task<T>> read, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // SQLite does not watch the token while a statement runs: interrupt it when time is up.
        await using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        return await read(db);
    }

    private sealed record FtsIndex(string Table, string Snippet, string Rank);

    private static readonly FtsIndex ClaimIndex = new("ClaimSearch", $"snippet(ClaimSearch, 0, {SnippetArgs})", "bm25(ClaimSearch)");

    // A match in the title weighs five times one in the text.
    private static readonly FtsIndex ReportIndex = new("ReportSearch", $"snippet(ReportSearch, -1, {SnippetArgs})", "bm25(ReportSearch, 5.0, 1.0)");

    /// <summary>
    /// One page of an index's matches. The ids are read newest first (FTS5 walks its doclists in rowid
    /// order, so this stops after <see cref="MatchWindow.Fetch"/> rows instead of counting every match),
    /// and the same pass makes the snippets of the rows at the page's positions, so a newest-first page
    /// (too many matches to rank) costs one evaluation of the match: a prefix's is the merge of every
    /// matching word's doclist. Few enough matches are then ranked by bm25 in a second statement.
    /// </summary>
    private static async Task<IndexHits> HitsAsync(TalksTrackerDbContext db, FtsIndex index, string match, MatchWindow window, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var ids = new List<int>();
        var snippets = new Dictionary<int, string?>();
        // Counts the rows as SQLite hands them out: CASE evaluates the snippet only at the page's positions.
        var position = -1;
        connection.CreateFunction("tt_on_page", () => ++position >= window.Offset && position < window.Offset + window.Limit, isDeterministic: false);
        await using (var command = Command(connection,
                         $"SELECT rowid, CASE WHEN tt_on_page() THEN {index.Snippet} END FROM {index.Table} WHERE {index.Table} MATCH $match ORDER BY rowid DESC LIMIT $fetch",
                         ("$match", match), ("$fetch", window.Fetch)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                ids.Add(id);
                if (!reader.IsDBNull(1))
                {
                    snippets[id] = reader.GetString(1);
                }
            }
        }

        var (total, isLowerBound) = window.Total(ids.Count);
        var order = window.OrderFor(ids.Count);
        List<IndexHit> rows;
        var page = window.Page(ids);
        if (order == SearchOrder.Relevance)
        {
            rows = await RowsAsync(Command(connection,
                $"SELECT rowid, {index.Snippet} FROM {index.Table} WHERE {index.Table} MATCH $match ORDER BY {index.Rank} LIMIT $limit OFFSET $offset",
                ("$match", match), ("$limit", window.Limit), ("$offset", window.Offset)), ct);
        }
        else if (page.All(snippets.ContainsKey) && snippets.Count == page.Count)
        {
            rows = page.Select(id => new IndexHit(id, snippets[id])).ToList();
        }
        else
        {
            // The rows did not come out in the order they were counted (not expected with FTS5's own rowid order):
            // make the page's snippets in a statement of their own, as the order would have it.
            rows = page.Count == 0
                ? []
                : await RowsAsync(Command(connection,
                    $"SELECT rowid, {index.Snippet} FROM {index.Table} WHERE {index.Table} MATCH $match AND rowid BETWEEN $low AND $high ORDER BY rowid DESC",
                    ("$match", match), ("$low", page[^1]), ("$high", page[0])), ct);
        }

        return new IndexHits(rows, total, isLowerBound, order);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<List<IndexHit>> RowsAsync(SqliteCommand command, CancellationToken ct)
    {
        await using (command)
        {
            var rows = new List<IndexHit>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new IndexHit(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }

            return rows;
        }
    }
}
