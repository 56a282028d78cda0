using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Meetings;

/// <summary>The analyst's view of meetings: the filtered timeline and one meeting's dossier.</summary>
public sealed partial class MeetingService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<TimelineResult> TimelineAsync(TimelineQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, TimelineQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        await using var db = await contextFactory.OpenAsync(ct);

        var meetings = Filter(db, query);
        int total;
        IQueryable<Meeting> pageOfMeetings;
        if (query.ActorId is not null && (query.From is not null || query.To is not null))
        {
            // An actor's meetings are a union over four indexes (see Filter): within a date range they are few, so
            // gather the matches once, with their dates, and take the page in memory, instead of building the union
            // twice (count, then page). Without a range (thousands of matches for a main party) the ordered page
            // query stops at its page and is cheaper.
            var keys = await meetings.Select(m => new MeetingKey(m.Id, m.SortDate)).ToListAsync(ct);
            total = keys.Count;
            var pageIds = MeetingKey.InTimelineOrder(keys, query.Order).Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();
            pageOfMeetings = InTimelineOrder(db.Meetings.AsNoTracking().Where(m => pageIds.Contains(m.Id)), query.Order);
        }
        else
        {
            total = await meetings.CountAsync(ct);
            pageOfMeetings = InTimelineOrder(meetings, query.Order).Skip((page - 1) * pageSize).Take(pageSize);
        }

        var rows = await pageOfMeetings
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.TrackId,
                TrackName = m.Track!.Name,
                m.VenueId,
                VenueName = m.Venue == null ? null : m.Venue.Name,
                m.DatePrecision,
                m.DateStart,
                m.DateEnd,
                m.DateLabel,
                m.Status,
                m.Format,
                // The figures every save keeps (one row per meeting, Derived.DerivedFigures), read in the same statement.
                Claims = db.MeetingClaimFacts.Where(f => f.MeetingId == m.Id).Select(f => (int?)f.Claims).FirstOrDefault(),
                Origins = db.MeetingClaimFacts.Where(f => f.MeetingId == m.Id).Select(f => f.IndependentOrigins).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var participants = ToLookup(await ParticipantsOfMeetings.For(db)(db, ids).ToListAsync(ct));
        var agenda = await AgendaTouchedAsync(db, ids, ct);
        // Origins not counted yet (null) are counted here from the claims.
        var uncounted = rows.Where(r => r.Claims is not null && r.Origins is null).Select(r => r.Id).ToList();
        var counted = uncounted.Count == 0 ? [] : await Derived.DerivedFigures.OriginsOfAsync(db, uncounted, ct);

        var entries = rows.Select(r => new TimelineEntry(
            r.Id,
            r.Title,
            new NamedRef(r.TrackId, r.TrackName),
            r.VenueId is { } venueId ? new NamedRef(venueId, r.VenueName!) : null,
            FuzzyDate.FromParts(r.DatePrecision, r.DateStart, r.DateEnd, r.DateLabel),
            r.Status,
            r.Format,
            participants[r.Id].ToList(),
            agenda.TryGetValue(r.Id, out var items) ? items : [],
            r.Claims ?? 0,
            r.Origins ?? counted.GetValueOrDefault(r.Id))).ToList();

        return new TimelineResult(entries, total, page, pageSize);
    }

    public async Task<MeetingDossier?> DossierAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.OpenAsync(ct);
        var meeting = await DossierMeeting.For(db)(db, id);
        if (meeting is null)
        {
            return null;
        }

        // Its own query: as a nested collection SQLite joined the meeting to every participant of every meeting (docs/query-shapes.md).
        var participants = ToLookup(await ParticipantsOfMeeting.For(db)(db, id).ToListAsync(ct))[id].ToList();
        var roles = await TrackRoles.For(db)(db, meeting.TrackId).ToListAsync(ct);
        var agenda = await AgendaOfMeeting.For(db)(db, id).ToListAsync(ct);
        var claims = await ClaimService.OfMeeting.For(db)(db, id).ToListAsync(ct);

        return MeetingDossier.From(meeting, participants, roles, agenda, claims, Origins.CountIndependent(claims.Select(c => c.OriginFacts).ToList()));
    }

    /// <summary>
    /// The meeting's own record alone, one statement: what an open dossier reads after a save of the meeting and of
    /// nothing else it shows (<see cref="MeetingDossier.WithFacts"/>). Null when the meeting is gone.
    /// </summary>
    public async Task<MeetingFacts?> FactsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.OpenAsync(ct);
        return await DossierMeeting.For(db)(db, id);
    }

    // The timeline and the dossier are a few sub-millisecond statements each, so EF's fixed cost per statement is most
    // of their time (docs/query-shapes.md): the statements whose shape never changes are compiled once (no expression
    // tree built, hashed and looked up per call), and all of them share one open connection (ReadContexts).
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, Task<MeetingFacts?>>> DossierMeeting = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int id) => db.Meetings.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new MeetingFacts(
                m.Id,
                m.Title,
                m.Summary,
                m.TrackId,
                m.Track!.Name,
                m.VenueId,
                m.Venue == null ? null : m.Venue.Name,
                m.Venue == null || m.Venue.Country == null ? null : m.Venue.Country.Name,
                m.DatePrecision,
                m.DateStart,
                m.DateEnd,
                m.DateLabel,
                m.IsSeries,
                m.Format,
                m.Status,
                m.Version))
            .SingleOrDefault()));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<TrackRoleView>>> TrackRoles = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int trackId) => db.TrackParticipants.AsNoTracking()
            .Where(p => p.TrackId == trackId)
            .OrderBy(p => p.Role).ThenBy(p => p.Actor!.Name)
            .Select(p => new TrackRoleView(new NamedRef(p.ActorId, p.Actor!.Name), p.Role, p.Acknowledgement, p.Note))));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<MeetingAgendaView>>> AgendaOfMeeting = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int meetingId) => db.AgendaStatusChanges.AsNoTracking()
            .Where(s => s.MeetingId == meetingId)
            .OrderBy(s => s.AgendaItem!.Category).ThenBy(s => s.AgendaItemId).ThenBy(s => s.Id)
            .Select(s => new MeetingAgendaView(s.AgendaItemId, s.AgendaItem!.Title, s.AgendaItem.Category, s.Status, s.Note))));

    private sealed record ParticipantRow(int Id, int MeetingId, int ActorId, string Name, ParticipantRole Role, string? Level);

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<ParticipantRow>>> ParticipantsOfMeeting = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int meetingId) => db.MeetingParticipants.AsNoTracking()
            .Where(p => p.MeetingId == meetingId)
            .Select(p => new ParticipantRow(p.Id, p.MeetingId, p.ActorId, p.Actor!.Name, p.Role, p.Level))));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<ParticipantRow>>> ParticipantsOfMeetings = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> meetingIds) => db.MeetingParticipants.AsNoTracking()
            .Where(p => meetingIds.Contains(p.MeetingId))
            .Select(p => new ParticipantRow(p.Id, p.MeetingId, p.ActorId, p.Actor!.Name, p.Role, p.Level))));

    /// <summary>Meetings' participants, by role (parties first; the role is stored as text, so ordered here) then in the order they were entered.</summary>
    private static ILookup<int, MeetingParticipantView> ToLookup(List<ParticipantRow> rows) =>
        rows.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .ToLookup(p => p.MeetingId, p => new MeetingParticipantView(new NamedRef(p.ActorId, p.Name), p.Role, p.Level));

    // Dated meetings first (newest or oldest first), undated last; the id breaks ties so pages never overlap.
    private static IQueryable<Meeting> InTimelineOrder(IQueryable<Meeting> meetings, TimelineOrder order) => order == TimelineOrder.NewestFirst
        ? meetings.OrderBy(m => m.SortDate == null).ThenByDescending(m => m.SortDate).ThenByDescending(m => m.Id)
        : meetings.OrderBy(m => m.SortDate == null).ThenBy(m => m.SortDate).ThenBy(m => m.Id);

    /// <summary>A meeting's place in the timeline, to page in memory (the same order as <see cref="InTimelineOrder(IQueryable{Meeting}, TimelineOrder)"/>).</summary>
    private sealed record MeetingKey(int Id, DateOnly? SortDate)
    {
        public static IEnumerable<MeetingKey> InTimelineOrder(IEnumerable<MeetingKey> keys, TimelineOrder order) => order == TimelineOrder.NewestFirst
            ? keys.OrderBy(k => k.SortDate == null).ThenByDescending(k => k.SortDate).ThenByDescending(k => k.Id)
            : keys.OrderBy(k => k.SortDate == null).ThenBy(k => k.SortDate).ThenBy(k => k.Id);
    }

    private static IQueryable<Meeting> Filter(TalksTrackerDbContext db, TimelineQuery q)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (q.TrackId is { } trackId)
        {
            meetings = meetings.Where(m => m.TrackId == trackId);
        }

        if (q.VenueId is { } venueId)
        {
            meetings = meetings.Where(m => m.VenueId == venueId);
        }

        if (q.ActorId is { } actorId)
        {
            // The meetings the actor has a part in, gathered from each index that names actors (its tracks'
            // meetings, its participations, venues in its country, claims naming it), rather than testing
            // every meeting for each.
            var ofActor = db.TrackParticipants.Where(p => p.ActorId == actorId).Join(db.Meetings, p => p.TrackId, x => x.TrackId, (p, x) => x.Id)
                .Union(db.MeetingParticipants.Where(p => p.ActorId == actorId).Select(p => p.MeetingId))
                .Union(db.Venues.Where(v => v.CountryActorId == actorId).Join(db.Meetings, v => v.Id, x => x.VenueId, (v, x) => x.Id))
                .Union(db.MeetingMentions.Where(x => x.ActorId == actorId).Select(x => x.MeetingId));
            meetings = meetings.Where(m => ofActor.Contains(m.Id));
        }

        if (q.Category is { } category)
        {
            meetings = meetings.Where(m =>
                db.AgendaStatusChanges.Any(s => s.MeetingId == m.Id && s.AgendaItem!.Category == category)
                || db.MeetingClaimAgendaItems.Any(x => x.MeetingId == m.Id && x.AgendaItem!.Category == category));
        }

        if (q.SourceId is { } sourceId)
        {
            meetings = meetings.Where(m => db.ClaimMeetings.Any(cm => cm.MeetingId == m.Id
                                                                      && (cm.Claim!.SourceId == sourceId || cm.Claim.ViaSourceId == sourceId)));
        }

        if (q.MinReliability is { } minReliability)
        {
            // One row per meeting holds the best grade among its claims' sources (kept by every save).
            meetings = meetings.Where(m => db.MeetingClaimFacts.Any(f => f.MeetingId == m.Id && f.BestReliability <= minReliability));
        }

        if (q.Stance is { } stance)
        {
            meetings = meetings.Where(m => db.ClaimMeetings.Any(cm => cm.MeetingId == m.Id && cm.Claim!.Stance == stance));
        }

        if (q.From is { } from)
        {
            meetings = meetings.Where(m => m.DateEnd != null && m.DateEnd >= from);
        }

        if (q.To is { } to)
        {
            meetings = meetings.Where(m => m.DateStart != null && m.DateStart <= to);
        }

        if (q.Status is { } status)
        {
            meetings = meetings.Where(m => m.Status == status);
        }

        if (q.HeldOnly)
        {
            meetings = meetings.Where(m => !MeetingStatuses.NotHeld.Contains(m.Status));
        }

        if (q.Acknowledged is { } acknowledged)
        {
            meetings = acknowledged
                ? meetings.Where(m => !db.TrackParticipants.Any(p => p.TrackId == m.TrackId && p.Role == TrackRole.Party
                                                                     && p.Acknowledgement != Acknowledgement.Acknowledged))
                : meetings.Where(m => db.TrackParticipants.Any(p => p.TrackId == m.TrackId && p.Role == TrackRole.Party
                                                                    && (p.Acknowledgement == Acknowledgement.Unacknowledged
                                                                        || p.Acknowledgement == Acknowledgement.Denied)));
        }

        return meetings;
    }

    // Set by member initialisation, not a constructor: EF translates a UNION ALL of those, not of constructor calls.
    private sealed class TouchedRow
    {
        public int MeetingId { get; init; }
        public int AgendaItemId { get; init; }
        public required string Title { get; init; }
    }

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<TouchedRow>>> AgendaTouched = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> meetingIds) => db.AgendaStatusChanges.AsNoTracking()
            .Where(s => s.MeetingId != null && meetingIds.Contains(s.MeetingId.Value))
            .Select(s => new TouchedRow { MeetingId = s.MeetingId!.Value, AgendaItemId = s.AgendaItemId, Title = s.AgendaItem!.Title })
            .Concat(db.MeetingClaimAgendaItems.AsNoTracking()
                .Where(x => meetingIds.Contains(x.MeetingId))
                .Select(x => new TouchedRow { MeetingId = x.MeetingId, AgendaItemId = x.AgendaItemId, Title = x.AgendaItem!.Title }))));

    private static async Task<Dictionary<int, List<NamedRef>>> AgendaTouchedAsync(TalksTrackerDbContext db, List<int> meetingIds, CancellationToken ct)
    {
        // Agenda items whose status the meetings changed, and those named by the meetings' claims (kept per meeting
        // by every save, Derived.DerivedFigures), in one statement (UNION ALL).
        var touched = await AgendaTouched.For(db)(db, meetingIds).ToListAsync(ct);
        return touched
            .GroupBy(x => x.MeetingId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(x => x.AgendaItemId).OrderBy(x => x.Title).Select(x => new NamedRef(x.AgendaItemId, x.Title)).ToList());
    }
}
