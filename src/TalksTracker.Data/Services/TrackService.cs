using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;

namespace TalksTracker.Data.Services;

public sealed record TrackSummary(
    int Id,
    string Name,
    bool IsOfficial,
    string? Description,
    IReadOnlyList<TrackRoleView> Roles,
    int MeetingCount,
    int AgendaItemCount,
    int ClaimCount,
    FuzzyDate? LatestMeeting);

public sealed record AgendaStatusStep(AgendaStatus Status, DateOnly AsOf, string? Note, int? MeetingId, IReadOnlyList<int> ClaimIds);

public sealed record AgendaProgress(int Id, string Title, AgendaCategory Category, string? Description, AgendaStatus? Current, IReadOnlyList<AgendaStatusStep> History);

public sealed record TrackProgress(int Id, string Name, IReadOnlyList<AgendaProgress> AgendaItems);

/// <summary>Tracks: their parties and roles, and how far each agenda item has moved.</summary>
public sealed class TrackService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<IReadOnlyList<TrackSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tracks = await db.Tracks.AsNoTracking()
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
                ClaimCount = db.ClaimMeetings.Where(cm => cm.Meeting!.TrackId == t.Id).Select(cm => cm.ClaimId).Distinct().Count(),
                Latest = t.Meetings.OrderByDescending(m => m.SortDate)
                    .Select(m => new { m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return tracks.Select(t => new TrackSummary(t.Id, t.Name, t.IsOfficial, t.Description, t.Roles, t.MeetingCount, t.AgendaItemCount, t.ClaimCount,
            t.Latest is null ? null : FuzzyDate.FromParts(t.Latest.DatePrecision, t.Latest.DateStart, t.Latest.DateEnd, t.Latest.DateLabel))).ToList();
    }

    public async Task<TrackProgress?> ProgressAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = await db.Tracks.AsNoTracking().Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var items = await db.AgendaItems.AsNoTracking()
            .Where(a => a.TrackId == id)
            .OrderBy(a => a.Category).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Category,
                a.Description,
                History = a.StatusChanges.OrderBy(s => s.AsOf).ThenBy(s => s.Id)
                    .Select(s => new AgendaStatusStep(s.Status, s.AsOf, s.Note, s.MeetingId, s.Evidence.Select(e => e.ClaimId).ToList()))
                    .ToList(),
            })
            .ToListAsync(ct);
        return new TrackProgress(id, name, items
            .Select(a => new AgendaProgress(a.Id, a.Title, a.Category, a.Description, a.History.LastOrDefault()?.Status, a.History))
            .ToList());
    }
}
