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
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var source = await db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Kind,
                s.Reliability,
                Affiliation = s.Affiliation == null ? null : new NamedRef(s.Affiliation.Id, s.Affiliation.Name),
                s.Description,
                s.Version,
            })
            .SingleOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        // The newest claims it made and the newest it relayed, each with its count.
        var made = await ClaimService.ListAsync(db.Claims.Where(c => c.SourceId == id), ct);
        var relayed = await ClaimService.ListAsync(db.Claims.Where(c => c.ViaSourceId == id && c.SourceId != id), ct);
        return new SourceView(source.Id, source.Name, source.Kind, source.Reliability, source.Affiliation, source.Description,
            [.. made.Newest, .. relayed.Newest], source.Version, made.Total, relayed.Total);
    }
}
