using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors correct a meeting: title, date with its precision, venue, track, format, status, participants with their
/// roles and levels, summary. Moving a meeting to another track takes along the agenda items only it speaks of (its
/// claims' items and the statuses given at it), so its agenda claims move to the other track's board; an item other
/// meetings or claims of the old track also speak of stays there. The boards' and tracks' figures follow from the save.
/// </summary>
public sealed class MeetingCorrections(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<CorrectedMeeting>> EditAsync(int id, MeetingEdit request, CancellationToken ct = default)
    {
        var title = CatalogName.Clean(request.Title);
        var problems = new ProblemList();
        var (date, participants) = CatalogService.CheckMeeting(request.Title, request.Date, request.Format, request.Status, request.Participants, request.Summary,
            clock.Today(), problems);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        var meeting = await db.Meetings.Include(m => m.Participants).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Edits.NotFound<CorrectedMeeting>("meeting", id);
        }

        if (await StaleAsync(db, meeting, request, title, date, participants, ct) is { } stale)
        {
            return stale;
        }

        var track = await CatalogService.CheckMeetingLinksAsync(db, request.TrackId, request.VenueId, participants, problems, ct, meeting.TrackId);
        if (title is not null && track is not null && await CatalogService.MeetingMatchAsync(db, request.TrackId!.Value, title, id, ct) is { } duplicate)
        {
            problems.Add(duplicate.Field, duplicate.Message);
        }

        if (problems.Any)
        {
            return Outcome<CorrectedMeeting>.Failure(problems.ToDictionary());
        }

        var (moved, kept) = meeting.TrackId == request.TrackId
            ? ([], [])
            : await MoveAgendaItemsAsync(db, meeting, request.TrackId!.Value, ct);
        meeting.Title = title!;
        meeting.TrackId = request.TrackId!.Value;
        meeting.VenueId = request.VenueId;
        if (meeting.Date != date!.Value)
        {
            meeting.Date = date.Value;
        }

        meeting.Format = request.Format;
        meeting.Status = request.Status;
        meeting.IsSeries = request.IsSeries;
        meeting.Summary = CatalogName.Clean(request.Summary);
        ReplaceParticipants(meeting.Participants, participants);

        return await Edits.SaveAsync(db, transaction, meeting, request.Version,
            () => new CorrectedMeeting(meeting.Id, meeting.Title, meeting.Version, new NamedRef(meeting.TrackId, track!), moved, kept), ct);
    }

    /// <summary>The refusal of an edit made on an older version, naming each field as the editor reads it.</summary>
    private static async Task<Outcome<CorrectedMeeting>?> StaleAsync(TalksTrackerDbContext db, Meeting meeting, MeetingEdit request, string? title,
        FuzzyDate? date, List<NewParticipant> participants, CancellationToken ct)
    {
        if (meeting.Version == request.Version)
        {
            return null;
        }

        var tracks = await db.Tracks.AsNoTracking().Where(t => t.Id == meeting.TrackId || t.Id == request.TrackId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var venues = await db.Venues.AsNoTracking().Where(v => v.Id == meeting.VenueId || v.Id == request.VenueId).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var actors = await TrackParties.NamesAsync(db, participants.Select(p => p.ActorId).Concat(meeting.Participants.Select(p => p.ActorId)), ct);
        return Edits.Stale<CorrectedMeeting>(meeting, request.Version,
            (nameof(MeetingEdit.Title), title, meeting.Title),
            ("Track", Name(tracks, request.TrackId), Name(tracks, meeting.TrackId)),
            ("Venue", Name(venues, request.VenueId), Name(venues, meeting.VenueId)),
            (nameof(MeetingEdit.Date), date?.Display, meeting.Date.Display),
            (nameof(MeetingEdit.Format), request.Format, meeting.Format),
            (nameof(MeetingEdit.Status), request.Status, meeting.Status),
            (nameof(MeetingEdit.IsSeries), request.IsSeries, meeting.IsSeries),
            (nameof(MeetingEdit.Participants), Describe(participants.Select(p => (p.ActorId, p.Role, CatalogName.Clean(p.Level))), actors),
                Describe(meeting.Participants.Select(p => (p.ActorId, p.Role, p.Level)), actors)),
            (nameof(MeetingEdit.Summary), CatalogName.Clean(request.Summary), meeting.Summary));

        static string? Name(Dictionary<int, string> names, int? id) => id is { } key ? names.GetValueOrDefault(key, $"{key}") : null;
    }

    private static string Describe(IEnumerable<(int ActorId, ParticipantRole Role, string? Level)> participants, IReadOnlyDictionary<int, string> names) =>
        string.Join(", ", participants
            .Select(p => $"{names.GetValueOrDefault(p.ActorId, $"actor {p.ActorId}")}: {p.Role.ToString().ToLowerInvariant()}{(p.Level is null ? "" : $", {p.Level}")}")
            .Order(StringComparer.Ordinal));

    /// <summary>Makes <paramref name="stored"/> hold exactly the participants sent; kept rows are updated in place.</summary>
    private static void ReplaceParticipants(List<MeetingParticipant> stored, List<NewParticipant> sent)
    {
        stored.RemoveAll(p => !sent.Exists(s => s.ActorId == p.ActorId));
        foreach (var participant in sent)
        {
            var level = CatalogName.Clean(participant.Level);
            if (stored.Find(p => p.ActorId == participant.ActorId) is not { } kept)
            {
                stored.Add(new MeetingParticipant { ActorId = participant.ActorId, Role = participant.Role, Level = level });
            }
            else
            {
                // Assigning an unchanged value leaves the row unchanged: only real changes are saved and audited.
                (kept.Role, kept.Level) = (participant.Role, level);
            }
        }
    }

    /// <summary>
    /// Moves to <paramref name="trackId"/> the agenda items of the meeting's track that only the meeting speaks of: each
    /// status given for it was given at this meeting, each claim naming it is a claim about this meeting. An item with
    /// the title of one the new track already has stays, as does one spoken of elsewhere; both are named.
    /// </summary>
    private static async Task<(IReadOnlyList<NamedRef> Moved, IReadOnlyList<string> Kept)> MoveAgendaItemsAsync(TalksTrackerDbContext db, Meeting meeting,
        int trackId, CancellationToken ct)
    {
        var id = meeting.Id;
        var meetingClaims = db.ClaimMeetings.Where(cm => cm.MeetingId == id).Select(cm => cm.ClaimId);
        var touched = await db.AgendaItems
            .Where(a => a.TrackId == meeting.TrackId
                        && (db.AgendaStatusChanges.Any(s => s.AgendaItemId == a.Id && s.MeetingId == id)
                            || db.ClaimAgendaItems.Any(ca => ca.AgendaItemId == a.Id && meetingClaims.Contains(ca.ClaimId))))
            .Select(a => new
            {
                Item = a,
                Elsewhere = db.AgendaStatusChanges.Any(s => s.AgendaItemId == a.Id && (s.MeetingId == null || s.MeetingId != id))
                            || db.ClaimAgendaItems.Any(ca => ca.AgendaItemId == a.Id && !meetingClaims.Contains(ca.ClaimId)),
            })
            .OrderBy(x => x.Item.Title)
            .ToListAsync(ct);
        var titlesThere = await db.AgendaItems.AsNoTracking().Where(a => a.TrackId == trackId).Select(a => a.Title).ToListAsync(ct);

        var moved = new List<NamedRef>();
        var kept = new List<string>();
        foreach (var (item, elsewhere) in touched.Select(x => (x.Item, x.Elsewhere)))
        {
            if (elsewhere)
            {
                kept.Add($"“{item.Title}” stays on its track: other meetings or claims of that track speak of it.");
            }
            else if (titlesThere.Exists(t => CatalogName.Same(t, item.Title)))
            {
                kept.Add($"“{item.Title}” stays on its track: the new track already has an agenda item of that title.");
            }
            else
            {
                item.TrackId = trackId;
                moved.Add(new NamedRef(item.Id, item.Title));
            }
        }

        return (moved, kept);
    }
}
