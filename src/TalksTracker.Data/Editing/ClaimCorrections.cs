using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors correct a claim after review — its source, relay, stance, hedge, credibility and links — and retract a
/// claim that should not be in the record, with a reason; a retracted claim can be restored. Retracting moves the
/// claim out: its row, its links, the reviewed links to other claims and the agenda status evidence resting on it are
/// deleted through the context (so the derived figures, search index and audit follow) and kept as a snapshot in
/// <see cref="RetractedClaim"/>, so no page, figure, search or export counts it. Restoring puts it back under its own
/// id with every link whose record still exists, and says which could not be restored.
/// </summary>
public sealed class ClaimCorrections(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock, ICurrentActor actor)
{
    private static readonly JsonSerializerOptions SnapshotJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The claim with the fields a correction changes and the version to send back; null when there is no such claim.</summary>
    public async Task<EditableClaim?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ViewAsync(db, id, ct);
    }

    /// <summary>
    /// Saves a correction made on the version the editor read: refused when the claim changed since (naming what it holds
    /// now), or field by field when a source or linked record does not exist, the stance is not one of the three, or the
    /// credibility is outside 1–6. The span and quote stay as they are.
    /// </summary>
    public async Task<Outcome<EditableClaim>> CorrectAsync(int id, ClaimCorrection correction, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claim = await WithLinksAsync(db, id, ct);
        if (claim is null)
        {
            return Edits.NotFound<EditableClaim>("claim", id);
        }

        var hedge = CatalogName.Clean(correction.Hedge);
        var meetings = Distinct(correction.MeetingIds);
        var agendaItems = Distinct(correction.AgendaItemIds);
        var actors = Distinct(correction.ActorIds);
        if (Edits.Stale<EditableClaim>(claim, correction.Version,
                (nameof(ClaimCorrection.SourceId), correction.SourceId, claim.SourceId),
                (nameof(ClaimCorrection.ViaSourceId), correction.ViaSourceId, claim.ViaSourceId),
                (nameof(ClaimCorrection.Stance), correction.Stance, claim.Stance),
                (nameof(ClaimCorrection.Credibility), correction.Credibility, claim.Credibility),
                (nameof(ClaimCorrection.Hedge), hedge, claim.Hedge),
                (nameof(ClaimCorrection.MeetingIds), IdText(meetings), IdText(claim.Meetings.Select(m => m.MeetingId))),
                (nameof(ClaimCorrection.AgendaItemIds), IdText(agendaItems), IdText(claim.AgendaItems.Select(a => a.AgendaItemId))),
                (nameof(ClaimCorrection.ActorIds), IdText(actors), IdText(claim.Actors.Select(a => a.ActorId)))) is { } stale)
        {
            return stale;
        }

        var problems = new ProblemList();
        if (hedge is { Length: > FieldLimits.ClaimHedge })
        {
            problems.Add(nameof(ClaimCorrection.Hedge), $"At most {FieldLimits.ClaimHedge} characters ({hedge.Length} given).");
        }

        await ClaimChecks.CheckAsync(db, correction.Stance, correction.Credibility, correction.SourceId, correction.ViaSourceId, meetings, agendaItems, actors, problems, ct);
        if (problems.Any)
        {
            return Outcome<EditableClaim>.Failure(problems.ToDictionary());
        }

        claim.SourceId = correction.SourceId;
        claim.ViaSourceId = correction.ViaSourceId;
        claim.Stance = correction.Stance!.Value;
        claim.Credibility = correction.Credibility;
        claim.Hedge = hedge;
        Relink(db, claim.Meetings, meetings, l => l.MeetingId, m => new ClaimMeeting { ClaimId = id, MeetingId = m });
        Relink(db, claim.AgendaItems, agendaItems, l => l.AgendaItemId, a => new ClaimAgendaItem { ClaimId = id, AgendaItemId = a });
        Relink(db, claim.Actors, actors, l => l.ActorId, a => new ClaimActor { ClaimId = id, ActorId = a });
        var saved = await Edits.SaveAsync(db, claim, correction.Version, () => id, ct);
        return saved.Succeeded ? Outcome<EditableClaim>.Success((await ViewAsync(db, id, ct))!) : Outcome<EditableClaim>.Failure(saved.Errors);
    }

    /// <summary>
    /// Takes a claim out of the record with the editor's reason (required). With a version, a claim changed since is
    /// not retracted. An agenda status change that rested on this claim alone goes with it (and comes back on restore).
    /// </summary>
    public async Task<Outcome<RetractedClaimView>> RetractAsync(int id, ClaimRetraction retraction, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claim = await WithLinksAsync(db, id, ct);
        if (claim is null)
        {
            return Edits.NotFound<RetractedClaimView>("claim", id);
        }

        var reason = retraction.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Outcome<RetractedClaimView>.Failure(nameof(ClaimRetraction.Reason), "Say why the claim is retracted: the reason is kept with it and shown on its report.");
        }

        if (reason.Length > FieldLimits.RetractedClaimReason)
        {
            return Outcome<RetractedClaimView>.Failure(nameof(ClaimRetraction.Reason), $"At most {FieldLimits.RetractedClaimReason} characters ({reason.Length} given).");
        }

        var seen = retraction.Version ?? claim.Version;
        if (Edits.Stale<RetractedClaimView>(claim, seen) is { } stale)
        {
            return stale;
        }

        var retracted = await RetractInAsync(db, claim, reason, withReport: false, [claim.Id], ct);
        return await Edits.SaveAsync(db, claim, seen, () => View(retracted), ct);
    }

    /// <summary>
    /// Moves a tracked claim (with its links loaded) out of the record within the caller's context: the snapshot is
    /// added and everything resting on the claim removed; the caller saves. <paramref name="leaving"/> holds the claims
    /// retracted together with it: a status change resting on those alone goes with them.
    /// </summary>
    internal async Task<RetractedClaim> RetractInAsync(TalksTrackerDbContext db, Claim claim, string reason, bool withReport, List<int> leaving, CancellationToken ct)
    {
        var claimLinks = await db.ClaimLinks.Where(l => l.ClaimId == claim.Id || l.OtherClaimId == claim.Id).ToListAsync(ct);
        var evidence = await db.AgendaStatusEvidence.Where(e => e.ClaimId == claim.Id).ToListAsync(ct);
        var changeIds = evidence.Select(e => e.AgendaStatusChangeId).ToList();
        var changes = await db.AgendaStatusChanges.Where(s => changeIds.Contains(s.Id))
            .Select(s => new { Change = s, RestsOnOthers = s.Evidence.Any(e => !leaving.Contains(e.ClaimId)) }).ToListAsync(ct);
        var alone = changes.Where(c => !c.RestsOnOthers).Select(c => c.Change).ToList();

        // A position resting on this claim alone is kept but rests on none, so it stops counting until re-backed or restored.
        var positionEvidence = await db.PositionEvidence.Where(e => e.ClaimId == claim.Id).ToListAsync(ct);

        var snapshot = new ClaimSnapshot(
            claim.ReportId, claim.Start, claim.End, claim.SourceId, claim.ViaSourceId, claim.Stance, claim.Credibility, claim.Cue, claim.Hedge, claim.RecordedAt,
            [.. claim.Meetings.Select(m => m.MeetingId)], [.. claim.AgendaItems.Select(a => a.AgendaItemId)], [.. claim.Actors.Select(a => a.ActorId)],
            [.. claimLinks.Select(l => new ClaimLinkSnapshot(l.ClaimId == claim.Id ? l.OtherClaimId : l.ClaimId, l.Kind, l.Review, l.ReviewedBy, l.ReviewedAt))],
            [.. changes.Select(c => new StatusEvidenceSnapshot(c.Change.Id, c.Change.AgendaItemId, c.Change.Status, c.Change.MeetingId, c.Change.AsOf,
                c.Change.Note, c.Change.RecordedAt, RemovedWithClaim: !c.RestsOnOthers))],
            [.. positionEvidence.Select(e => e.PositionId)]);
        var retracted = new RetractedClaim
        {
            Id = claim.Id,
            ReportId = claim.ReportId,
            Quote = claim.Quote,
            Snapshot = JsonSerializer.Serialize(snapshot, SnapshotJson),
            Reason = reason,
            WithReport = withReport,
            RetractedBy = actor.Name,
            RetractedAt = clock.UtcNow(),
        };

        db.RemoveRange(claim.Meetings);
        db.RemoveRange(claim.AgendaItems);
        db.RemoveRange(claim.Actors);
        db.ClaimLinks.RemoveRange(claimLinks);
        db.AgendaStatusEvidence.RemoveRange(evidence);
        db.AgendaStatusChanges.RemoveRange(alone);
        db.PositionEvidence.RemoveRange(positionEvidence);
        db.Claims.Remove(claim);
        db.RetractedClaims.Add(retracted);
        return retracted;
    }

    internal static Task<List<Claim>> WithLinksAsync(IQueryable<Claim> claims, CancellationToken ct) =>
        claims.Include(c => c.Meetings).Include(c => c.AgendaItems).Include(c => c.Actors).AsSplitQuery().ToListAsync(ct);

    /// <summary>
    /// Puts a retracted claim back under its own id with every link whose record still exists (a merged actor or source
    /// is followed to the one it became); the outcome names each link that could not be restored.
    /// </summary>
    public async Task<Outcome<RestoredClaim>> RestoreAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var retracted = await db.RetractedClaims.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (retracted is null)
        {
            return Edits.NotFound<RestoredClaim>("retracted claim", id);
        }

        if (await db.Claims.AnyAsync(c => c.Id == id, ct))
        {
            return Outcome<RestoredClaim>.Failure(Conflicts.Field, $"Another claim has id {id} now, so this one cannot be restored under it; nothing was restored.");
        }

        var notRestored = await RestoreInAsync(db, retracted, new HashSet<int>(), new Dictionary<int, AgendaStatusChange>(), ct);
        db.RetractedClaims.Remove(retracted);
        await db.SaveChangesAsync(ct);
        return Outcome<RestoredClaim>.Success(new RestoredClaim(id, notRestored));
    }

    /// <summary>
    /// Adds a retracted claim back within the caller's context (the caller checks its id is free, removes the snapshot
    /// and saves) and returns what could not be restored. <paramref name="together"/> are the claims restored in the
    /// same operation; <paramref name="recreated"/> the status changes they brought back, by their old id, so claims that
    /// supported one change support one change again.
    /// </summary>
    internal async Task<List<string>> RestoreInAsync(TalksTrackerDbContext db, RetractedClaim retracted, IReadOnlySet<int> together,
        Dictionary<int, AgendaStatusChange> recreated, CancellationToken ct)
    {
        var id = retracted.Id;
        var snapshot = JsonSerializer.Deserialize<ClaimSnapshot>(retracted.Snapshot, SnapshotJson)
                       ?? throw new InvalidDataException($"The snapshot of retracted claim {id} is empty.");
        var notRestored = new List<string>();
        var sources = await CurrentIdsAsync(db, db.Sources, "source", new[] { snapshot.SourceId, snapshot.ViaSourceId }.OfType<int>(), ct);
        var meetings = await RecordChecks.ExistingAsync(db.Meetings, snapshot.MeetingIds.Concat(snapshot.Evidence.Select(e => e.MeetingId).OfType<int>()), ct);
        var agendaItems = await RecordChecks.ExistingAsync(db.AgendaItems, snapshot.AgendaItemIds.Concat(snapshot.Evidence.Select(e => e.AgendaItemId)), ct);
        var actors = await CurrentIdsAsync(db, db.Actors, "actor", snapshot.ActorIds, ct);
        var otherClaims = await RecordChecks.ExistingAsync(db.Claims, snapshot.Links.Select(l => l.OtherClaimId), ct);
        var changes = await RecordChecks.ExistingAsync(db.AgendaStatusChanges, snapshot.Evidence.Select(e => e.AgendaStatusChangeId), ct);

        var claim = new Claim
        {
            Id = id,
            ReportId = snapshot.ReportId,
            Start = snapshot.Start,
            End = snapshot.End,
            Quote = retracted.Quote,
            SourceId = Current(sources, snapshot.SourceId, "source", notRestored),
            ViaSourceId = Current(sources, snapshot.ViaSourceId, "relay source", notRestored),
            Stance = snapshot.Stance,
            Credibility = snapshot.Credibility,
            Cue = snapshot.Cue,
            Hedge = snapshot.Hedge,
            RecordedAt = Utc(snapshot.RecordedAt),
            Meetings = [.. Kept(snapshot.MeetingIds, m => meetings.Contains(m) ? m : null, "meeting", notRestored).Select(m => new ClaimMeeting { MeetingId = m })],
            AgendaItems = [.. Kept(snapshot.AgendaItemIds, a => agendaItems.Contains(a) ? a : null, "agenda item", notRestored).Select(a => new ClaimAgendaItem { AgendaItemId = a })],
            Actors = [.. Kept(snapshot.ActorIds, a => actors.GetValueOrDefault(a) is var current and > 0 ? current : null, "actor", notRestored)
                .Select(a => new ClaimActor { ActorId = a })],
        };
        db.Claims.Add(claim);
        foreach (var link in snapshot.Links)
        {
            if (together.Contains(link.OtherClaimId))
            {
                // Both ends come back in this operation: the link is made once, from its lower end.
                if (id > link.OtherClaimId)
                {
                    continue;
                }
            }
            else if (!otherClaims.Contains(link.OtherClaimId))
            {
                notRestored.Add($"its link to claim {link.OtherClaimId} ({link.Kind}): that claim is no longer in the record");
                continue;
            }

            db.ClaimLinks.Add(new ClaimLink
            {
                ClaimId = Math.Min(id, link.OtherClaimId),
                OtherClaimId = Math.Max(id, link.OtherClaimId),
                Kind = link.Kind,
                Review = link.Review,
                ReviewedBy = link.ReviewedBy,
                ReviewedAt = Utc(link.ReviewedAt),
            });
        }

        foreach (var evidence in snapshot.Evidence)
        {
            RestoreEvidence(db, claim, evidence, changes, recreated, agendaItems, meetings, notRestored);
        }

        var positions = await RecordChecks.ExistingAsync(db.Positions, snapshot.PositionIds ?? [], ct);
        foreach (var positionId in snapshot.PositionIds ?? [])
        {
            if (positions.Contains(positionId))
            {
                db.PositionEvidence.Add(new PositionEvidence { PositionId = positionId, ClaimId = id });
            }
            else
            {
                notRestored.Add($"its backing of position {positionId}: that position was removed");
            }
        }

        return notRestored;
    }

    /// <summary>The claims retracted from a report, latest first; null when there is no such report.</summary>
    public async Task<IReadOnlyList<RetractedClaimView>?> RetractedFromReportAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Reports.AnyAsync(r => r.Id == reportId, ct))
        {
            return null;
        }

        var retracted = await db.RetractedClaims.AsNoTracking().Where(r => r.ReportId == reportId).ToListAsync(ct);
        return [.. retracted.OrderByDescending(r => r.RetractedAt).ThenByDescending(r => r.Id).Select(View)];
    }

    /// <summary>Meetings whose title contains the text, most recent first, for the correction form's picker.</summary>
    public async Task<IReadOnlyList<NamedRef>> SearchMeetingsAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var pattern = $"%{CatalogName.Clean(text) ?? ""}%";
        return await db.Meetings.AsNoTracking().Where(m => EF.Functions.Like(m.Title, pattern))
            .OrderByDescending(m => m.SortDate).ThenBy(m => m.Id).Take(NameSearch.DefaultLimit)
            .Select(m => new NamedRef(m.Id, m.Title)).ToListAsync(ct);
    }

    /// <summary>Agenda items whose title contains the text, with their track, for the correction form's picker.</summary>
    public async Task<IReadOnlyList<NamedRef>> SearchAgendaItemsAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var pattern = $"%{CatalogName.Clean(text) ?? ""}%";
        return await db.AgendaItems.AsNoTracking().Where(a => EF.Functions.Like(a.Title, pattern))
            .OrderBy(a => a.Title).ThenBy(a => a.Id).Take(NameSearch.DefaultLimit)
            .Select(a => new NamedRef(a.Id, a.Title + " (" + a.Track!.Name + ")")).ToListAsync(ct);
    }

    private static Task<Claim?> WithLinksAsync(TalksTrackerDbContext db, int id, CancellationToken ct) =>
        db.Claims.Include(c => c.Meetings).Include(c => c.AgendaItems).Include(c => c.Actors).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);

    private static Task<EditableClaim?> ViewAsync(TalksTrackerDbContext db, int id, CancellationToken ct) =>
        db.Claims.AsNoTracking().AsSplitQuery().Where(c => c.Id == id).Select(c => new EditableClaim(
            c.Id,
            c.ReportId,
            c.Start,
            c.End,
            c.Quote,
            c.Source == null ? null : new NamedRef(c.Source.Id, c.Source.Name),
            c.ViaSource == null ? null : new NamedRef(c.ViaSource.Id, c.ViaSource.Name),
            c.Stance,
            c.Credibility,
            c.Hedge,
            c.Meetings.OrderBy(m => m.MeetingId).Select(m => new NamedRef(m.MeetingId, m.Meeting!.Title)).ToList(),
            c.AgendaItems.OrderBy(a => a.AgendaItemId).Select(a => new NamedRef(a.AgendaItemId, a.AgendaItem!.Title)).ToList(),
            c.Actors.OrderBy(a => a.ActorId).Select(a => new NamedRef(a.ActorId, a.Actor!.Name)).ToList(),
            c.Version)).SingleOrDefaultAsync(ct);

    private static RetractedClaimView View(RetractedClaim r) => new(r.Id, r.ReportId, r.Quote, r.Reason, r.RetractedBy, r.RetractedAt);

    private static void RestoreEvidence(TalksTrackerDbContext db, Claim claim, StatusEvidenceSnapshot evidence, HashSet<int> changes,
        Dictionary<int, AgendaStatusChange> recreated, HashSet<int> agendaItems, HashSet<int> meetings, List<string> notRestored)
    {
        if (changes.Contains(evidence.AgendaStatusChangeId))
        {
            db.AgendaStatusEvidence.Add(new AgendaStatusEvidence { AgendaStatusChangeId = evidence.AgendaStatusChangeId, Claim = claim });
        }
        else if (recreated.TryGetValue(evidence.AgendaStatusChangeId, out var again))
        {
            again.Evidence.Add(new AgendaStatusEvidence { Claim = claim });
        }
        else if (evidence.RemovedWithClaim && agendaItems.Contains(evidence.AgendaItemId))
        {
            var meetingKept = evidence.MeetingId is not { } meeting || meetings.Contains(meeting);
            if (!meetingKept)
            {
                notRestored.Add($"the meeting {evidence.MeetingId} of the status “{evidence.Status}” of agenda item {evidence.AgendaItemId}: it was deleted");
            }

            recreated[evidence.AgendaStatusChangeId] = db.AgendaStatusChanges.Add(new AgendaStatusChange
            {
                AgendaItemId = evidence.AgendaItemId,
                Status = evidence.Status,
                MeetingId = meetingKept ? evidence.MeetingId : null,
                AsOf = evidence.AsOf,
                Note = evidence.Note,
                RecordedAt = Utc(evidence.RecordedAt),
                Evidence = [new AgendaStatusEvidence { Claim = claim }],
            }).Entity;
        }
        else
        {
            notRestored.Add($"its support of the status “{evidence.Status}” of agenda item {evidence.AgendaItemId}: that status change or agenda item was deleted");
        }
    }

    /// <summary>
    /// For each id, the record it is now: itself when it exists, else the record it was merged into (followed through
    /// later merges); missing from the map when it was deleted.
    /// </summary>
    private static async Task<Dictionary<int, int>> CurrentIdsAsync<T>(TalksTrackerDbContext db, DbSet<T> set, string kind, IEnumerable<int> ids, CancellationToken ct)
        where T : class
    {
        var wanted = ids.Distinct().ToList();
        var existing = await RecordChecks.ExistingAsync(set, wanted, ct);
        var current = existing.ToDictionary(x => x, x => x);
        foreach (var id in wanted.Where(x => !existing.Contains(x)))
        {
            var at = id;
            for (var hops = 0; hops < 20; hops++)
            {
                var into = await db.MergedRecords.AsNoTracking().Where(m => m.Kind == kind && m.FromId == at).Select(m => (int?)m.IntoId).SingleOrDefaultAsync(ct);
                if (into is not { } next)
                {
                    break;
                }

                at = next;
                if ((await RecordChecks.ExistingAsync(set, [at], ct)).Count > 0)
                {
                    current[id] = at;
                    break;
                }
            }
        }

        return current;
    }

    private static int? Current(Dictionary<int, int> current, int? id, string what, List<string> notRestored)
    {
        if (id is not { } wanted)
        {
            return null;
        }

        if (current.TryGetValue(wanted, out var now))
        {
            return now;
        }

        notRestored.Add($"its {what} {wanted}: it was deleted, so the claim is restored without it");
        return null;
    }

    private static List<int> Kept(IEnumerable<int> ids, Func<int, int?> current, string what, List<string> notRestored)
    {
        var kept = new List<int>();
        foreach (var id in ids)
        {
            if (current(id) is { } now)
            {
                kept.Add(now);
            }
            else
            {
                notRestored.Add($"its link to {what} {id}: it was deleted");
            }
        }

        return [.. kept.Distinct()];
    }

    private static void Relink<TLink>(TalksTrackerDbContext db, List<TLink> links, IReadOnlyList<int> wanted, Func<TLink, int> idOf, Func<int, TLink> create)
        where TLink : class
    {
        foreach (var link in links.Where(l => !wanted.Contains(idOf(l))).ToList())
        {
            db.Remove(link);
        }

        foreach (var id in wanted.Where(id => !links.Exists(l => idOf(l) == id)))
        {
            db.Add(create(id));
        }
    }

    // Every time stored is UTC; a snapshot written on SQLite reads back without the kind, which PostgreSQL refuses (after a copy).
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static List<int> Distinct(IReadOnlyList<int>? ids) => [.. (ids ?? []).Distinct()];

    private static string IdText(IEnumerable<int> ids) => string.Join(", ", ids.Order());

    /// <summary>What a retracted claim was, kept as JSON in <see cref="RetractedClaim.Snapshot"/>: its fields and every row that went with it.</summary>
    private sealed record ClaimSnapshot(
        int ReportId,
        int Start,
        int End,
        int? SourceId,
        int? ViaSourceId,
        Stance Stance,
        int Credibility,
        string? Cue,
        string? Hedge,
        DateTime RecordedAt,
        IReadOnlyList<int> MeetingIds,
        IReadOnlyList<int> AgendaItemIds,
        IReadOnlyList<int> ActorIds,
        IReadOnlyList<ClaimLinkSnapshot> Links,
        IReadOnlyList<StatusEvidenceSnapshot> Evidence,
        // Null in snapshots written before positions existed.
        IReadOnlyList<int>? PositionIds = null);

    private sealed record ClaimLinkSnapshot(int OtherClaimId, ClaimLinkKind Kind, LinkReview Review, string ReviewedBy, DateTime ReviewedAt);

    /// <summary>A status change the claim supported; <paramref name="RemovedWithClaim"/> when it rested on this claim alone and was deleted with it.</summary>
    private sealed record StatusEvidenceSnapshot(
        int AgendaStatusChangeId, int AgendaItemId, AgendaStatus Status, int? MeetingId, DateOnly AsOf, string? Note, DateTime RecordedAt, bool RemovedWithClaim);
}
