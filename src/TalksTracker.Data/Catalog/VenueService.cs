using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>Venues: where meetings happen.</summary>
public sealed class VenueService(IDbContextFactory<TalksTrackerDbContext> contextFactory, MeetingService meetings)
{
    /// <summary>Ids and names only, in list order: for filter choices, without the list's meeting counts.</summary>
    public async Task<IReadOnlyList<NamedRef>> NamesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Venues.AsNoTracking().OrderBy(v => v.Name).Select(v => new NamedRef(v.Id, v.Name)).ToListAsync(ct);
    }

    /// <summary>Venues whose name contains the text, for a picker: see <see cref="NameSearch"/>.</summary>
    public Task<IReadOnlyList<NamedRef>> SearchNamesAsync(string? text, int limit = NameSearch.DefaultLimit, CancellationToken ct = default) =>
        NameSearch.FindAsync(contextFactory, db => db.Venues, text, limit, ct);

    /// <summary>The venue's id and name, or null when no venue has the id.</summary>
    public Task<NamedRef?> NameOfAsync(int id, CancellationToken ct = default) => NameSearch.NameOfAsync(contextFactory, db => db.Venues, id, ct);

    public async Task<IReadOnlyList<VenueListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Venues.AsNoTracking()
            .OrderBy(v => v.Name)
            .Select(v => new VenueListItem(v.Id, v.Name, v.Country == null ? null : v.Country.Name, db.Meetings.Count(m => m.VenueId == v.Id)))
            .ToListAsync(ct);
    }

    public async Task<VenueView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var venue = await db.Venues.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new
            {
                v.Id,
                v.Name,
                Country = v.Country == null ? null : new NamedRef(v.Country.Id, v.Country.Name),
                v.Latitude,
                v.Longitude,
                v.Version,
            })
            .SingleOrDefaultAsync(ct);
        if (venue is null)
        {
            return null;
        }

        var timeline = await meetings.TimelineAsync(new TimelineQuery { VenueId = id, PageSize = TimelineQuery.MaxPageSize }, ct);
        return new VenueView(venue.Id, venue.Name, venue.Country, venue.Latitude, venue.Longitude, timeline.Entries, venue.Version);
    }
}
