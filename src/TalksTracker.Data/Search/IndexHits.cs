using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>One row of an index's page: the record's id and its snippet (with the private match markers).</summary>
internal sealed record IndexHit(int Id, string? Snippet);

/// <summary>One page of an index's matches, with the (possibly capped) total and the order it was served in.</summary>
internal sealed record IndexHits(IReadOnlyList<IndexHit> Rows, int Total, bool IsLowerBound, SearchOrder Order)
{
    private sealed record ReportRow(int Id, string Title, string? Outlet, DateOnly? PublishedOn);

    // Compiled: a sub-millisecond search (a rare word) is a few small statements, and EF's translation of each per call
    // was a good part of its time.
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<ClaimView>>> ClaimsNamed = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> ids) => db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ClaimView.Projection)));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<ReportRow>>> ReportsNamed = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> ids) => db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new ReportRow(r.Id, r.Title, r.Outlet, r.PublishedOn))));

    /// <summary>
    /// The results page from each engine's hits: the claims and reports named by the hits, read in one query each
    /// (hits whose record is gone are dropped), in the hits' order, and the actors the query names on the first page.
    /// The plan's actors were read with it, so nothing more is read for them.
    /// </summary>
    public static async Task<SearchResults> ToResultsAsync(
        TalksTrackerDbContext db, SearchPlan plan, int limit, int offset, IndexHits claimHits, IndexHits reportHits, CancellationToken ct)
    {
        var claims = (await ClaimsNamed.For(db)(db, [.. claimHits.Rows.Select(r => r.Id)]).ToListAsync(ct)).ToDictionary(c => c.Id);
        var reports = (await ReportsNamed.For(db)(db, [.. reportHits.Rows.Select(r => r.Id)]).ToListAsync(ct)).ToDictionary(r => r.Id);

        var query = plan.Query;
        return new SearchResults(
            query.Text,
            limit,
            offset,
            offset == 0 ? plan.Actors : [],
            claimHits.Rows.Where(r => claims.ContainsKey(r.Id)).Select(r => new ClaimHit(claims[r.Id], Snippet.Split(r.Snippet))).ToList(),
            claimHits.Total,
            reportHits.Rows.Where(r => reports.ContainsKey(r.Id)).Select(r =>
            {
                var report = reports[r.Id];
                return new ReportHit(report.Id, report.Title, report.Outlet, report.PublishedOn, Snippet.Split(r.Snippet));
            }).ToList(),
            reportHits.Total,
            TimedOut: false,
            query.Notice,
            claimHits.IsLowerBound,
            reportHits.IsLowerBound,
            claimHits.Order,
            reportHits.Order)
        {
            AlsoSearching = plan.Expanded.AlsoSearching,
            Exact = plan.Exact,
        };
    }
}
