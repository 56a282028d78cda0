using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalksTracker.Data.Services;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>
/// Search on SQLite's FTS5: the ClaimSearch and ReportSearch indexes (external content over Claims
/// and Reports, kept in sync by triggers; see the AddFullTextSearch migration), ranked by bm25.
/// </summary>
public sealed class SqliteSearchService(
    IDbContextFactory<TalksTrackerDbContext> contextFactory,
    SearchOptions options,
    ILogger<SqliteSearchService> logger) : ISearchService
{
    // Snippets carry private marker characters around matches; pages split them into segments.
    private const string SnippetArgs = "char(2), char(3), '…', 24";

    public async Task<Outcome<SearchResults>> SearchAsync(string? text, int limit = SearchResults.DefaultLimit, int offset = 0, CancellationToken ct = default)
    {
        var problems = SearchResults.CheckPaging(limit, offset);
        if (problems.Count > 0)
        {
            return Outcome<SearchResults>.Failure(problems);
        }

        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return Outcome<SearchResults>.Success(SearchResults.None(query, limit, offset));
        }

        // A zero time limit is already over: the source is created cancelled.
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return Outcome<SearchResults>.Success(await RunAsync(query, limit, offset, linked.Token));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested
                                  && (e is OperationCanceledException || e is SqliteException { SqliteErrorCode: 9 /* SQLITE_INTERRUPT */ }))
        {
            logger.LogWarning("Search for {Query} stopped after {Timeout}", query.Text, options.Timeout);
            return Outcome<SearchResults>.Success(SearchResults.None(query, limit, offset, timedOut: true,
                notice: $"The search took longer than {options.Timeout.TotalSeconds:0.#} s and was stopped. Try fewer or more specific words."));
        }
    }

    private async Task<SearchResults> RunAsync(SearchQuery query, int limit, int offset, CancellationToken ct)
    {
        var match = query.Fts5Match!;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // SQLite does not watch the token while a statement runs: interrupt it when time is up.
        await using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));

        var claimRows = await db.Database.SqlQueryRaw<Row>(
                $"""
                 SELECT rowid AS Id, snippet(ClaimSearch, 0, {SnippetArgs}) AS Snippet
                 FROM ClaimSearch WHERE ClaimSearch MATCH @match
                 ORDER BY bm25(ClaimSearch) LIMIT @limit OFFSET @offset
                 """, Parameters(match, limit, offset))
            .ToListAsync(ct);
        var claimTotal = await CountAsync(db, CountClaims, match, ct);

        var reportRows = await db.Database.SqlQueryRaw<Row>(
                $"""
                 SELECT rowid AS Id, snippet(ReportSearch, -1, {SnippetArgs}) AS Snippet
                 FROM ReportSearch WHERE ReportSearch MATCH @match
                 ORDER BY bm25(ReportSearch, 5.0, 1.0) LIMIT @limit OFFSET @offset
                 """, Parameters(match, limit, offset))
            .ToListAsync(ct);
        var reportTotal = await CountAsync(db, CountReports, match, ct);

        var claimIds = claimRows.Select(r => r.Id).ToList();
        var claims = (await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id)).Select(ClaimView.Projection).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        var reportIds = reportRows.Select(r => r.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Title, r.Outlet, r.PublishedOn }).ToListAsync(ct))
            .ToDictionary(r => r.Id);

        return new SearchResults(
            query.Text,
            limit,
            offset,
            offset == 0 ? await ActorsAsync(db, query, ct) : [],
            claimRows.Where(r => claims.ContainsKey(r.Id)).Select(r => new ClaimHit(claims[r.Id], Snippet.Split(r.Snippet))).ToList(),
            claimTotal,
            reportRows.Where(r => reports.ContainsKey(r.Id)).Select(r =>
            {
                var report = reports[r.Id];
                return new ReportHit(report.Id, report.Title, report.Outlet, report.PublishedOn, Snippet.Split(r.Snippet));
            }).ToList(),
            reportTotal,
            TimedOut: false,
            query.Notice);
    }

    // Actors are few (hundreds, not millions): their names and aliases are matched in memory, where
    // case and diacritics fold for every script, not only ASCII.
    private static async Task<IReadOnlyList<ActorHit>> ActorsAsync(TalksTrackerDbContext db, SearchQuery query, CancellationToken ct)
    {
        var actors = await db.Actors.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList() })
            .ToListAsync(ct);
        return actors
            .Where(a => query.MatchesName(a.Name) || a.Aliases.Any(query.MatchesName))
            .OrderBy(a => query.MatchesName(a.Name) ? 0 : 1).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ActorHit(a.Id, a.Name, a.Kind, a.Aliases))
            .ToList();
    }

    private const string CountClaims = "SELECT count(*) AS Value FROM ClaimSearch WHERE ClaimSearch MATCH @match";
    private const string CountReports = "SELECT count(*) AS Value FROM ReportSearch WHERE ReportSearch MATCH @match";

    private static async Task<int> CountAsync(TalksTrackerDbContext db, string sql, string match, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>(sql, new SqliteParameter("@match", match)).SingleAsync(ct);

    private static object[] Parameters(string match, int limit, int offset) =>
    [
        new SqliteParameter("@match", match),
        new SqliteParameter("@limit", limit),
        new SqliteParameter("@offset", offset),
    ];

    private sealed class Row
    {
        public int Id { get; init; }
        public string? Snippet { get; init; }
    }
}
