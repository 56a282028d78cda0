using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>Tracks: their parties and roles, and how far each agenda item has moved.</summary>
public sealed class TrackService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    /// <summary>Ids and names of the current tracks only, in list order: for pickers and filter choices, without the list's counts.</summary>
    public async Task<IReadOnlyList<NamedRef>> NamesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Tracks.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>The current tracks, or with <paramref name="archived"/> the archived ones.</summary>
    public async Task<IReadOnlyList<TrackSummary>> ListAsync(CancellationToken ct = default, bool archived = false)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await SummariesAsync(db, db.Tracks.Where(t => (t.ArchivedAt != null) == archived), ct);
    }

    /// <summary>One track, current or archived; null when there is none with the id.</summary>
    public async Task<TrackSummary?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await SummariesAsync(db, db.Tracks.Where(t => t.Id == id), ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<TrackSummary>> SummariesAsync(TalksTrackerDbContext db, IQueryable<Track> which, CancellationToken ct)
    {
        var tracks = await which.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.IsOfficial,
                t.Description,
                Roles = t.Participants.OrderBy(p => p.Role).ThenBy(p => p.Actor!.Name)
                    .Select(p => new TrackRoleView(new NamedRef(p.ActorId, p.Actor!.Name), p.Role, p.Acknowledgement, p.Note)).ToList(),
                MeetingCount = t.Meetings.Count,
                AgendaItemCount = t.AgendaItems.Count,
                // The latest dated meeting held (a planned, postponed or cancelled one has not happened), as one id per
                // track: a seek along (TrackId, SortDate); dated, since the engines sort NULL apart (PostgreSQL first when
                // descending). Its date parts in the projection made EF number every meeting of every track
                // (ROW_NUMBER over a partition) to keep the first: 100 ms at L for the 50 tracks.
                LatestId = t.Meetings.Where(m => m.SortDate != null && !MeetingStatuses.NotHeld.Contains(m.Status)).OrderByDescending(m => m.SortDate).ThenByDescending(m => m.Id)
                    .Select(m => (int?)m.Id).FirstOrDefault(),
                t.ArchivedAt,
                t.Version,
            })
            .ToListAsync(ct);
        // Claims per track (a claim naming two meetings of a track counts once), kept by every save: a distinct count
        // over every link on each read is too slow for a large database (docs/query-shapes.md).
        var ids = tracks.Select(t => t.Id).ToList();
        var claimCounts = await db.TrackClaimFacts.AsNoTracking().Where(f => ids.Contains(f.TrackId)).ToDictionaryAsync(f => f.TrackId, f => f.Claims, ct);
        var latestIds = tracks.Where(t => t.LatestId is not null).Select(t => t.LatestId!.Value).ToList();
        var latest = await db.Meetings.AsNoTracking().Where(m => latestIds.Contains(m.Id))
            .Select(m => new { m.Id, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel })
            .ToDictionaryAsync(m => m.Id, m => FuzzyDate.FromParts(m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel), ct);
        return tracks.Select(t => new TrackSummary(t.Id, t.Name, t.IsOfficial, t.Description, t.Roles, t.MeetingCount, t.AgendaItemCount, claimCounts.GetValueOrDefault(t.Id),
            t.LatestId is { } latestId ? latest[latestId] : null, t.ArchivedAt, t.Version)).ToList();
    }
}
