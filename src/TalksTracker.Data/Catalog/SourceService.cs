using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
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
        return await db.Sources.AsNoTracking()
            .OrderBy(s => s.Reliability).ThenBy(s => s.Name)
            .Select(s => new SourceListItem(s.Id, s.Name, s.Kind, s.Reliability,
                s.Affiliation == null ? null : s.Affiliation.Name,
                db.Claims.Count(c => c.SourceId == s.Id)))
            .ToListAsync(ct);
    }

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
