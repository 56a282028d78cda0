using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Claims;

namespace TalksTracker.Data.Progress;

/// <summary>"What changed since last week" for a track: new meetings, status changes, new sources and denials.</summary>
public sealed class DigestService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<Digest?> SinceAsync(int trackId, DateOnly since, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Tracks.AnyAsync(t => t.Id == trackId, ct))
        {
            return null;
        }

        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.TrackId == trackId && m.RecordedAt >= from)
            .OrderByDescending(m => m.RecordedAt)
            .Select(m => new { m.Id, m.Title, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.Status, m.RecordedAt })
            .ToListAsync(ct);

        var changes = await db.AgendaStatusChanges.AsNoTracking()
            .Where(s => s.AgendaItem!.TrackId == trackId && s.RecordedAt >= from)
            .OrderByDescending(s => s.RecordedAt).ThenBy(s => s.AgendaItem!.Title)
            .Select(s => new DigestStatusChange(s.AgendaItemId, s.AgendaItem!.Title, s.Status, s.AsOf, s.Note, s.RecordedAt))
            .ToListAsync(ct);

        var aboutTrack = db.Claims.Where(TrackClaims.IsAbout(trackId));

        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.RecordedAt >= from && aboutTrack.Any(c => c.SourceId == s.Id || c.ViaSourceId == s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new DigestSource(s.Id, s.Name, s.Kind, s.Reliability, s.RecordedAt))
            .ToListAsync(ct);

        var denials = await aboutTrack.AsNoTracking()
            .Where(c => c.Stance == Stance.Denies && c.RecordedAt >= from)
            .OrderByDescending(c => c.RecordedAt)
            .Select(ClaimView.Projection)
            .ToListAsync(ct);

        return new Digest(
            trackId,
            since,
            meetings.Select(m => new DigestMeeting(m.Id, m.Title, FuzzyDate.FromParts(m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel), m.Status,
                DateTime.SpecifyKind(m.RecordedAt, DateTimeKind.Utc))).ToList(),
            changes.Select(c => c with { RecordedAt = DateTime.SpecifyKind(c.RecordedAt, DateTimeKind.Utc) }).ToList(),
            sources.Select(s => s with { RecordedAt = DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc) }).ToList(),
            denials);
    }
}
