using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>Agenda items: a topic of a track, the claims about it and the status changes reported for it.</summary>
public sealed class AgendaItemService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<AgendaItemView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AgendaItems.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgendaItemView(
                a.Id,
                a.Title,
                a.Category,
                a.Description,
                new NamedRef(a.TrackId, a.Track!.Name),
                db.ClaimAgendaItems.Count(c => c.AgendaItemId == a.Id),
                a.StatusChanges.OrderBy(s => s.AsOf).ThenBy(s => s.Id)
                    .Select(s => new AgendaStatusView(s.Status, s.AsOf, s.Meeting == null ? null : new NamedRef(s.Meeting.Id, s.Meeting.Title), s.Evidence.Count))
                    .ToList(),
                a.Version,
                a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList()))
            .SingleOrDefaultAsync(ct);
    }
}
