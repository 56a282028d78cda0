using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>Actors: states, their bodies, armed groups, organisations, outlets and people.</summary>
public sealed class ActorService(IDbContextFactory<TalksTrackerDbContext> contextFactory, ClaimService claimService, MeetingService meetings)
{
    public async Task<IReadOnlyList<ActorListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Actors.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new ActorListItem(a.Id, a.Name, a.Kind, a.ParentActor == null ? null : a.ParentActor.Name,
                a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList()))
            .ToListAsync(ct);
    }

    /// <summary>Actors whose name or an alias contains the text ("mosc" finds Russia), for a picker: see <see cref="NameSearch"/>.</summary>
    public Task<IReadOnlyList<NamedRef>> SearchNamesAsync(string? text, int limit = NameSearch.DefaultLimit, CancellationToken ct = default) =>
        NameSearch.FindAsync(contextFactory, db => db.Actors, text, limit, ct, pattern => a =>
            EF.Functions.Like(a.Name, pattern, NameSearch.Escape) || a.Aliases.Any(x => EF.Functions.Like(x.Alias, pattern, NameSearch.Escape)));

    /// <summary>The actor's id and name, or null when no actor has the id.</summary>
    public Task<NamedRef?> NameOfAsync(int id, CancellationToken ct = default) => NameSearch.NameOfAsync(contextFactory, db => db.Actors, id, ct);

    public async Task<ActorView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var actor = await db.Actors.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Kind,
                a.Description,
                Parent = a.ParentActor == null ? null : new NamedRef(a.ParentActor.Id, a.ParentActor.Name),
                Aliases = a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList(),
                a.Version,
            })
            .SingleOrDefaultAsync(ct);
        if (actor is null)
        {
            return null;
        }

        var parts = await db.Actors.AsNoTracking().Where(a => a.ParentActorId == id).OrderBy(a => a.Name)
            .Select(a => new NamedRef(a.Id, a.Name)).ToListAsync(ct);
        var tracks = await db.TrackParticipants.AsNoTracking().Where(p => p.ActorId == id)
            .Join(db.Tracks, p => p.TrackId, t => t.Id, (p, t) => new ActorTrackRole(new NamedRef(t.Id, t.Name), p.Role, p.Acknowledgement))
            .ToListAsync(ct);
        var timeline = await meetings.TimelineAsync(new TimelineQuery { ActorId = id, PageSize = TimelineQuery.MaxPageSize }, ct);

        var claims = await claimService.ForActorAsync(id, ct);
        return new ActorView(actor.Id, actor.Name, actor.Kind, actor.Description, actor.Parent, parts, actor.Aliases, tracks,
            timeline.Entries, claims.Newest, claims.Total, actor.Version);
    }
}
