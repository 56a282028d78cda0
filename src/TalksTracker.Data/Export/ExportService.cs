using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Analysis;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Progress;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Positions;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Export;

/// <summary>Exports the progress board, the claims with their provenance and the parties' positions, for one track or all, as CSV, JSON or STIX 2.1.</summary>
public sealed class ExportService(
    IDbContextFactory<TalksTrackerDbContext> contextFactory, ProgressService progress, AssessmentService analysis, ExportOptions options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static bool TryParseFormat(string? text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(text, out _);

    /// <summary>What a format writes, so what its snapshot must read.</summary>
    public static ExportParts PartsFor(ExportFormat format, ExportContent content) => format switch
    {
        ExportFormat.Csv when content == ExportContent.Board => ExportParts.Boards,
        ExportFormat.Csv when content == ExportContent.Positions => ExportParts.BoardsAndPositions,
        ExportFormat.Csv => ExportParts.BoardsAndClaims,
        _ => ExportParts.Everything,
    };

    /// <summary>
    /// The export, or null when <paramref name="trackId"/> names no track; throws <see cref="ExportTooLargeException"/>
    /// for a JSON or STIX export of more claims than <see cref="ExportOptions.MaxClaimsWithLinks"/>.
    /// </summary>
    public async Task<ExportFile?> ExportAsync(ExportFormat format, int? trackId, ExportContent content = ExportContent.Claims, CancellationToken ct = default)
    {
        var snapshot = await SnapshotAsync(trackId, PartsFor(format, content), ct);
        if (snapshot is null)
        {
            return null;
        }

        var stem = $"talkstracker-{(trackId is { } t ? $"track-{t}" : "all")}-{snapshot.ExportedAt:yyyyMMdd}";
        return format switch
        {
            ExportFormat.Csv when content == ExportContent.Board => ExportFile.Text($"{stem}-board.csv", "text/csv; charset=utf-8",
                (csv, token) => CsvExport.WriteBoardAsync(csv, snapshot, token)),
            ExportFormat.Csv when content == ExportContent.Positions => ExportFile.Text($"{stem}-positions.csv", "text/csv; charset=utf-8",
                (csv, token) => CsvExport.WritePositionsAsync(csv, snapshot, token)),
            ExportFormat.Csv => ExportFile.Text($"{stem}-claims.csv", "text/csv; charset=utf-8", (csv, token) => CsvExport.WriteClaimsAsync(csv, snapshot, token)),
            ExportFormat.Json => new ExportFile($"{stem}.json", "application/json; charset=utf-8", (stream, token) => JsonSerializer.SerializeAsync(stream, new
            {
                snapshot.ExportedAt,
                Rule = ProgressBoard.Rule,
                Boards = snapshot.Boards,
                snapshot.Claims,
                snapshot.Sources,
                snapshot.Positions,
            }, Json, token)),
            _ => new ExportFile($"{stem}.stix.json", "application/stix+json; version=2.1", (stream, token) => StixBundleBuilder.WriteAsync(stream, snapshot, ct: token)),
        };
    }

    /// <summary>
    /// How many claims a JSON or STIX export of <paramref name="trackId"/> (or of all tracks) would work out links for,
    /// when that is more than <see cref="ExportOptions.MaxClaimsWithLinks"/> (such an export is refused); null otherwise.
    /// </summary>
    public async Task<int?> ClaimsOverLinkLimitAsync(int? trackId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ClaimsOverLinkLimitAsync(db, trackId, ct);
    }

    private async Task<int?> ClaimsOverLinkLimitAsync(TalksTrackerDbContext db, int? trackId, CancellationToken ct)
    {
        // For a track, one pass over its links: cheap next to the export it guards (docs/query-shapes.md).
        var count = trackId is { } track ? await TrackClaims.IdsAbout(db, track).CountAsync(ct) : await db.Claims.CountAsync(ct);
        return count > options.MaxClaimsWithLinks ? count : null;
    }

    /// <summary>
    /// Everything an export can write (<see cref="ExportParts.Everything"/>), or less; null when <paramref name="trackId"/>
    /// names no track. Throws <see cref="ExportTooLargeException"/> before any costly work when the links and confidence of
    /// more claims than <see cref="ExportOptions.MaxClaimsWithLinks"/> are asked for.
    /// </summary>
    public async Task<ExportSnapshot?> SnapshotAsync(int? trackId, ExportParts parts = ExportParts.Everything, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (trackId is { } id && !await db.Tracks.AnyAsync(t => t.Id == id, ct))
        {
            return null;
        }

        if (parts == ExportParts.Everything && await ClaimsOverLinkLimitAsync(db, trackId, ct) is { } count)
        {
            throw new ExportTooLargeException(count, options.MaxClaimsWithLinks, trackId);
        }

        var tracks = await db.Tracks.AsNoTracking()
            .Where(t => trackId == null || t.Id == trackId)
            .OrderBy(t => t.Id)
            .Select(t => new ExportTrack(t.Id, t.Name, t.Description, t.IsOfficial, t.Participants.Select(p => p.ActorId).ToList(), t.RecordedAt, t.ArchivedAt))
            .ToListAsync(ct);

        var boards = new List<ProgressBoard>();
        foreach (var t in tracks)
        {
            boards.Add((await progress.BoardAsync(t.Id, ct))!);
        }

        if (parts == ExportParts.Boards)
        {
            return new ExportSnapshot(clock.UtcNow(), tracks, boards, [], [], [], [], [], []);
        }

        var positions = await PositionsAsync(db, trackId, ct);
        if (parts == ExportParts.BoardsAndPositions)
        {
            return new ExportSnapshot(clock.UtcNow(), tracks, boards, [], [], [], [], [], []) { Positions = positions };
        }

        var meetingRows = await db.Meetings.AsNoTracking()
            .Where(m => trackId == null || m.TrackId == trackId)
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.TrackId, m.Title, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.VenueId, m.Status, m.Format,
                Participants = m.Participants.OrderBy(p => p.Id).Select(p => new ExportParticipant(p.ActorId, p.Role, p.Level)).ToList(), m.RecordedAt,
            })
            .ToListAsync(ct);
        var meetings = meetingRows.Select(m => new ExportMeeting(m.Id, m.TrackId, m.Title,
            FuzzyDate.FromParts(m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel).Display, m.VenueId, m.Status, m.Format,
            m.Participants.Select(p => p.ActorId).ToList(), m.RecordedAt, m.Participants)).ToList();

        var ofTrack = db.Claims.AsQueryable();
        if (trackId is { } track)
        {
            var claimIds = TrackClaims.IdsAbout(db, track);
            ofTrack = ofTrack.Where(c => claimIds.Contains(c.Id));
        }

        var claimRows = await ofTrack.AsNoTracking()
            .OrderBy(c => c.ReportId).ThenBy(c => c.Start).ThenBy(c => c.Id)
            .AsSplitQuery() // three link collections: one query each instead of their cross product
            .Select(c => new
            {
                c.Id, c.ReportId, ReportTitle = c.Report!.Title, c.Report.Outlet, c.Report.PublishedOn, c.Start, c.End, c.Quote,
                c.SourceId, SourceName = c.Source == null ? null : c.Source.Name, SourceReliability = c.Source == null ? (Reliability?)null : c.Source.Reliability,
                c.ViaSourceId, ViaSourceName = c.ViaSource == null ? null : c.ViaSource.Name,
                c.Stance, c.Credibility, c.Cue, c.Hedge,
                Meetings = c.Meetings.Select(m => m.MeetingId).ToList(),
                AgendaItems = c.AgendaItems.Select(a => a.AgendaItemId).ToList(),
                Actors = c.Actors.Select(a => a.ActorId).ToList(),
                c.RecordedAt,
            })
            .ToListAsync(ct);
        // Each claim's origin, links and confidence: one batch, the same answers as the claim provenance API, each
        // claim's made into its export form as soon as it is worked out (its full list of links is not kept).
        var rowsById = claimRows.ToDictionary(c => c.Id);
        var provenance = parts == ExportParts.Everything
            ? await analysis.AssessClaimsAsync(claimRows.Select(c => c.Id).ToList(), standing =>
            {
                var row = rowsById[standing.ClaimId];
                return ExportProvenance.Of(Origins.RelayChain(row.SourceName, row.ViaSourceName, row.Outlet, row.ReportTitle), standing);
            }, ct)
            : new Dictionary<int, ExportProvenance>();
        var claims = claimRows.Select(c => new ExportClaim(c.Id, c.ReportId, c.ReportTitle, c.Outlet, c.PublishedOn, c.Start, c.End, c.Quote,
            c.SourceId, c.SourceName, c.SourceReliability, c.ViaSourceId, c.ViaSourceName, c.Stance, c.Credibility,
            Grade.Of(c.SourceReliability, c.Credibility).ToString(), c.Cue, c.Hedge, c.Meetings, c.AgendaItems, c.Actors, c.RecordedAt)
        {
            Provenance = provenance.GetValueOrDefault(c.Id), // none when not asked for, or deleted since the claims were read
        }).ToList();

        var reportIds = claims.Select(c => c.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new ExportReport(r.Id, r.Title, r.Outlet, r.Url, r.PublishedOn, r.Language, r.TakenInAt))
            .ToListAsync(ct);

        var sourceIds = claims.SelectMany(c => new[] { c.SourceId, c.ViaSourceId }).OfType<int>().Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(x => sourceIds.Contains(x.Id)).OrderBy(x => x.Id)
            .Select(x => new ExportSource(x.Id, x.Name, x.Kind, x.Reliability, x.AffiliationActorId, x.Description, x.RecordedAt))
            .ToListAsync(ct);

        var venueIds = meetings.Select(m => m.VenueId).OfType<int>().Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).OrderBy(v => v.Id)
            .Select(v => new ExportVenue(v.Id, v.Name, v.Country == null ? null : v.Country.Name, v.Latitude, v.Longitude, v.RecordedAt))
            .ToListAsync(ct);

        var actorIds = tracks.SelectMany(t => t.ParticipantActorIds)
            .Concat(meetings.SelectMany(m => m.ParticipantActorIds))
            .Concat(claims.SelectMany(c => c.ActorIds))
            .Concat(sources.Select(x => x.AffiliationActorId).OfType<int>())
            .Concat(positions.Select(p => p.PartyActorId))
            .ToHashSet();
        var actors = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id) || db.Actors.Any(child => child.ParentActorId == a.Id && actorIds.Contains(child.Id)))
            .OrderBy(a => a.Id)
            .Select(a => new ExportActor(a.Id, a.Name, a.Kind, a.Description, a.ParentActorId, a.RecordedAt))
            .ToListAsync(ct);

        return new ExportSnapshot(clock.UtcNow(), tracks, boards, meetings, reports, claims, sources, actors, venues) { Positions = positions };
    }

    private static async Task<List<ExportPosition>> PositionsAsync(TalksTrackerDbContext db, int? trackId, CancellationToken ct)
    {
        var rows = await db.Positions.AsNoTracking()
            .Where(p => trackId == null || p.AgendaItem!.TrackId == trackId)
            .OrderBy(p => p.AgendaItemId).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.AgendaItem!.TrackId, p.AgendaItemId, Item = p.AgendaItem.Title, p.PartyActorId, Party = p.PartyActor!.Name, p.Kind, p.Wording,
                p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel, p.RecordedAt,
                Claims = p.Evidence.OrderBy(e => e.ClaimId).Select(e => new
                {
                    e.ClaimId,
                    Source = e.Claim!.Source == null ? null : new ExportPositionSource(e.Claim.Source.Id, e.Claim.Source.Name, e.Claim.Source.Reliability),
                }).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(p => new ExportPosition(p.Id, p.TrackId, p.AgendaItemId, p.Item, p.PartyActorId, p.Party, p.Kind.Name(), p.Wording,
            FuzzyDate.FromParts(p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel).Display, p.AsOfStart, p.AsOfEnd,
            [.. p.Claims.Select(c => c.ClaimId)], [.. p.Claims.Select(c => c.Source)], p.RecordedAt))];
    }
}
