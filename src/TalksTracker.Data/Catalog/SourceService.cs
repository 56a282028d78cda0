using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Reading;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>Sources: who claims come from, and how reliable they have been graded.</summary>
public sealed class SourceService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    /// <summary>Sources whose name contains the text, for a picker: see <see cref="NameSearch"/>.</summary>
    public Task<IReadOnlyList<NamedRef>> SearchNamesAsync(string? text, int limit = NameSearch.DefaultLimit, CancellationToken ct = default) =>
        NameSearch.FindAsync(contextFactory, db => db.Sources, text, limit, ct);

    /// <summary>The source's id and name, or null when no source has the id.</summary>
    public Task<NamedRef?> NameOfAsync(int id, CancellationToken ct = default) => NameSearch.NameOfAsync(contextFactory, db => db.Sources, id, ct);

    public async Task<IReadOnlyList<SourceListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Listed(db, db.Sources.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>
    /// One page of the sources whose name or affiliation contains <paramref name="filter"/> (case aside, as
    /// <see cref="NameSearch"/>), best graded first: thousands of sources at scale, so the list page reads a page, not all.
    /// A page past the last gives the last.
    /// </summary>
    public async Task<SourceListPage> PageAsync(string? filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var sources = db.Sources.AsNoTracking();
        if (NameSearch.Typed(filter) is { } typed)
        {
            var pattern = $"%{NameSearch.EscapeWildcards(typed)}%";
            sources = sources.Where(s => EF.Functions.Like(s.Name, pattern, NameSearch.Escape)
                                         || (s.Affiliation != null && EF.Functions.Like(s.Affiliation.Name, pattern, NameSearch.Escape)));
        }

        pageSize = Math.Max(1, pageSize);
        var total = await sources.CountAsync(ct);
        page = Math.Clamp(page, 1, Paging.PageCount(total, pageSize));
        var items = total == 0 ? [] : await Listed(db, sources).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new SourceListPage(items, total, page, pageSize);
    }

    private static IQueryable<SourceListItem> Listed(TalksTrackerDbContext db, IQueryable<Source> sources) =>
        sources.OrderBy(s => s.Reliability).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SourceListItem(s.Id, s.Name, s.Kind, s.Reliability,
                s.Affiliation == null ? null : s.Affiliation.Name,
                db.Claims.Count(c => c.SourceId == s.Id)));

    public async Task<SourceView?> GetAsync(int id, CancellationToken ct = default)
    {
        // Three statements on one open connection, each compiled once: the source and both counts, then the newest it
        // made and the newest it relayed (the page is measured against a hand-written floor, docs/query-shapes.md).
        await using var db = await contextFactory.OpenAsync(ct);
        var source = await Header.For(db)(db, id);
        if (source is null)
        {
            return null;
        }

        var made = await MadeBy.For(db)(db, id).ToListAsync(ct);
        var relayed = await RelayedBy.For(db)(db, id).ToListAsync(ct);
        return new SourceView(source.Id, source.Name, source.Kind, source.Reliability,
            source.AffiliationId is { } affiliationId ? new NamedRef(affiliationId, source.AffiliationName!) : null, source.Description,
            [.. made, .. relayed], source.Version, source.Made, source.Relayed);
    }

    private sealed record HeaderRow(
        int Id, string Name, SourceKind Kind, Reliability Reliability, int? AffiliationId, string? AffiliationName, string? Description, Guid Version,
        int Made, int Relayed);

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, Task<HeaderRow?>>> Header = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int id) => db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new HeaderRow(
                s.Id, s.Name, s.Kind, s.Reliability, s.AffiliationActorId, s.Affiliation == null ? null : s.Affiliation.Name, s.Description, s.Version,
                db.Claims.Count(c => c.SourceId == id),
                db.Claims.Count(c => c.ViaSourceId == id && c.SourceId != id)))
            .SingleOrDefault()));

    // The newest claims it made and the newest it relayed (highest id first: the index order, as ClaimService.ListAsync).
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<ClaimView>>> MadeBy = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int id) => db.Claims.AsNoTracking().Where(c => c.SourceId == id)
            .OrderByDescending(c => c.Id).Take(ClaimService.ClaimsListed).Select(ClaimView.Projection)));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<ClaimView>>> RelayedBy = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int id) => db.Claims.AsNoTracking().Where(c => c.ViaSourceId == id && c.SourceId != id)
            .OrderByDescending(c => c.Id).Take(ClaimService.ClaimsListed).Select(ClaimView.Projection)));
}
