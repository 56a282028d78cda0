using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Claims;
using TalksTracker.Domain.Positions;

namespace TalksTracker.Data.Progress;

/// <summary>"What changed since last week" for a track: new meetings, status changes, position changes, new sources and denials.</summary>
public sealed class DigestService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    /// <summary>
    /// What changed on the track since <paramref name="since"/>, by the dates the reports give (<see cref="DigestBasis.Reported"/>:
    /// a meeting's date, a status's as-of date, a claim's report's publication date) or by when it was entered here.
    /// A record without a reported date (a meeting of unknown date, a report without one) goes by when it was recorded.
    /// </summary>
    public async Task<Digest?> SinceAsync(int trackId, DateOnly since, DigestBasis basis = DigestBasis.Reported, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Tracks.AnyAsync(t => t.Id == trackId, ct))
        {
            return null;
        }

        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var reported = basis == DigestBasis.Reported;
        var trackMeetings = db.Meetings.AsNoTracking().Where(m => m.TrackId == trackId);
        // A meeting over several days, or dated only by its month, is new while any of it is on or after the date.
        // Newest first, undated last: said outright, as PostgreSQL sorts NULLs first in a descending order and SQLite last.
        var meetings = await (reported
                ? trackMeetings.Where(m => m.DateStart != null ? (m.DateEnd ?? m.DateStart) >= since : m.RecordedAt >= from)
                    .OrderBy(m => m.DateStart == null).ThenByDescending(m => m.DateStart).ThenByDescending(m => m.RecordedAt)
                : trackMeetings.Where(m => m.RecordedAt >= from).OrderByDescending(m => m.RecordedAt))
            .Select(m => new { m.Id, m.Title, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.Status, m.RecordedAt })
            .ToListAsync(ct);

        var trackChanges = db.AgendaStatusChanges.AsNoTracking().Where(s => s.AgendaItem!.TrackId == trackId);
        var changes = await (reported
                ? trackChanges.Where(s => s.AsOf >= since).OrderByDescending(s => s.AsOf)
                : trackChanges.Where(s => s.RecordedAt >= from).OrderByDescending(s => s.RecordedAt))
            .ThenBy(s => s.AgendaItem!.Title)
            .Select(s => new DigestStatusChange(s.AgendaItemId, s.AgendaItem!.Title, s.Status, s.AsOf, s.Note, s.RecordedAt))
            .ToListAsync(ct);

        // A position counts while it rests on a claim; the one before it is the same party's on the same item. A party's
        // undated positions come before its dated ones (GapRules), so the one before a dated position is the latest
        // dated one before it, else the latest undated; the list, newest first, ends with the undated. Where the
        // undated go is said outright, not left to where each engine sorts NULLs (PostgreSQL first in a descending
        // order, SQLite last); the stance before is two seeks along the (item, party, date, id) index, dated then undated.
        var trackPositions = db.Positions.AsNoTracking().Where(p => p.AgendaItem!.TrackId == trackId && p.Evidence.Any());
        var datedPositions = trackPositions.Where(q => q.AsOfSort != null);
        var undatedPositions = trackPositions.Where(q => q.AsOfSort == null);
        var positionRows = await (reported
                ? trackPositions.Where(p => p.AsOfEnd != null ? p.AsOfEnd >= since : p.RecordedAt >= from).OrderBy(p => p.AsOfSort == null).ThenByDescending(p => p.AsOfSort)
                : trackPositions.Where(p => p.RecordedAt >= from).OrderByDescending(p => p.RecordedAt))
            .ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.AgendaItemId, Item = p.AgendaItem!.Title, Party = p.PartyActor!.Name, p.Kind, p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel, p.RecordedAt,
                Was = datedPositions
                          .Where(q => q.AgendaItemId == p.AgendaItemId && q.PartyActorId == p.PartyActorId
                                      && (q.AsOfSort < p.AsOfSort || (q.AsOfSort == p.AsOfSort && q.Id < p.Id)))
                          .OrderByDescending(q => q.AsOfSort).ThenByDescending(q => q.Id)
                          .Select(q => (PositionKind?)q.Kind).FirstOrDefault()
                      ?? undatedPositions
                          .Where(q => q.AgendaItemId == p.AgendaItemId && q.PartyActorId == p.PartyActorId && (p.AsOfSort != null || q.Id < p.Id))
                          .OrderByDescending(q => q.Id)
                          .Select(q => (PositionKind?)q.Kind).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var aboutTrack = db.Claims.Where(TrackClaims.IsAbout(trackId));
        var claimsSince = aboutTrack.Where(reported ? ReportedOnOrAfter(since) : c => c.RecordedAt >= from);

        // New source: one first heard of since the date — here, and (reported) in no claim dated before it anywhere.
        var claimsBefore = db.Claims.Where(reported ? ReportedBefore(since) : c => c.RecordedAt < from);
        var sources = await db.Sources.AsNoTracking()
            .Where(s => (reported || s.RecordedAt >= from)
                        && claimsSince.Any(c => c.SourceId == s.Id || c.ViaSourceId == s.Id)
                        && (!reported || !claimsBefore.Any(c => c.SourceId == s.Id || c.ViaSourceId == s.Id)))
            .OrderBy(s => s.Name)
            .Select(s => new DigestSource(s.Id, s.Name, s.Kind, s.Reliability, s.RecordedAt))
            .ToListAsync(ct);

        var denials = await (reported
                ? claimsSince.Where(c => c.Stance == Stance.Denies).OrderByDescending(c => c.Report!.PublishedOn).ThenByDescending(c => c.RecordedAt)
                : claimsSince.Where(c => c.Stance == Stance.Denies).OrderByDescending(c => c.RecordedAt))
            .AsNoTracking()
            .Select(ClaimView.Projection)
            .ToListAsync(ct);

        return new Digest(
            trackId,
            since,
            basis,
            meetings.Select(m => new DigestMeeting(m.Id, m.Title, FuzzyDate.FromParts(m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel), m.Status,
                DateTime.SpecifyKind(m.RecordedAt, DateTimeKind.Utc))).ToList(),
            changes.Select(c => c with { RecordedAt = DateTime.SpecifyKind(c.RecordedAt, DateTimeKind.Utc) }).ToList(),
            sources.Select(s => s with { RecordedAt = DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc) }).ToList(),
            denials,
            positionRows.Select(p => new DigestPositionChange(p.Id, p.AgendaItemId, p.Item, p.Party, p.Kind, p.Was,
                FuzzyDate.FromParts(p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel).Display, DateTime.SpecifyKind(p.RecordedAt, DateTimeKind.Utc))).ToList());
    }

    // A claim's reported date is its report's publication date; without one, the day it was recorded.
    private static Expression<Func<Claim, bool>> ReportedOnOrAfter(DateOnly since)
    {
        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return c => c.Report!.PublishedOn != null ? c.Report.PublishedOn >= since : c.RecordedAt >= from;
    }

    private static Expression<Func<Claim, bool>> ReportedBefore(DateOnly since)
    {
        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return c => c.Report!.PublishedOn != null ? c.Report.PublishedOn < since : c.RecordedAt < from;
    }
}

/// <summary>Which date a digest goes by.</summary>
public enum DigestBasis
{
    /// <summary>The date the reports give: when a meeting took place, a status held, a claim was published.</summary>
    Reported,

    /// <summary>When the record was entered in TalksTracker (UTC).</summary>
    Recorded,
}
