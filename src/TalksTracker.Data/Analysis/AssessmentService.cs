using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>
/// Provenance analytics over the stored claims: independent origins, proposed and confirmed links
/// between claims (corroborating, contradicting, refining), the ICD 203 confidence of a meeting, an
/// agenda item or a claim, and each source's track record. The rules are in Domain (<see cref="Evidence"/>);
/// this service gathers the facts they need in a few set-based queries, the same number for one item or
/// for many: the batch methods read every subject's claims at once and assess each item on its own, with
/// the same answer as the single-item methods.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock, ICurrentActor actor)
{
    private const int TrackRecordWindow = 2_000;
    private readonly RelayCache _relays = new();

    /// <summary>
    /// How many claims a page that lists a source's or an actor's claims assesses for its cards: each
    /// claim's standing reads every claim about its subjects, so a list of thousands would read most of the database.
    /// </summary>
    public const int ClaimCardsAssessed = 300;

    public Task<SubjectAssessment> AssessMeetingAsync(int meetingId, CancellationToken ct = default) =>
        AssessSubjectsAsync(new HashSet<string> { Subject.Meeting(meetingId) }, ct);

    /// <summary>
    /// One agenda item's assessment with every link worked out. No page asks for it; it stays as the single-item
    /// reference that the tests hold <see cref="AssessAgendaItemsAsync"/> to, and it is the meeting method's twin.
    /// </summary>
    public Task<SubjectAssessment> AssessAgendaItemAsync(int agendaItemId, CancellationToken ct = default) =>
        AssessSubjectsAsync(new HashSet<string> { Subject.Agenda(agendaItemId) }, ct);

    /// <summary>
    /// The confidence that each agenda item stands as reported, for many items at once (the progress board):
    /// for each, the same as <see cref="AssessAgendaItemAsync"/>'s, without working out every link between claims.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ConfidenceAssessment>> AssessAgendaItemsAsync(IReadOnlyCollection<int> agendaItemIds, CancellationToken ct = default)
    {
        var ids = agendaItemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, ConfidenceAssessment>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var evidence = await LoadAsync(db, ids.Select(Subject.Agenda).ToHashSet(), [], withVerdicts: false, ct);
        return ids.ToDictionary(id => id, id => evidence.About(new HashSet<string> { Subject.Agenda(id) }).Confidence());
    }

    public async Task<ClaimAssessment?> AssessClaimAsync(int claimId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(ClaimView.Projection).SingleOrDefaultAsync(ct);
        if (claim is null)
        {
            return null;
        }

        var subjects = (await SubjectsOfAsync(db, [claimId], ct)).GetValueOrDefault(claimId) ?? [];
        var evidence = await LoadAsync(db, subjects, subjects.Count == 0 ? [claimId] : [], withVerdicts: true, ct);
        var fact = new EvidenceClaim(claim.Id, claim.ReportId, claim.Source?.Id, claim.Via?.Id, claim.Outlet, claim.Stance, claim.Grade, subjects);
        var standing = evidence.Around(fact).Standing(claimId);
        var views = await ViewsAsync(db, standing.Relations.Select(r => r.OtherClaimId).ToList(), ct);
        List<ClaimRelation> Of(ClaimLinkKind kind) =>
            standing.OfKind(kind).Select(r => new ClaimRelation(views[r.OtherClaimId], r.Kind, r.Confirmed, r.Reason)).ToList();
        return new ClaimAssessment(
            claim,
            standing.Origin,
            Origins.RelayChain(claim.Source?.Name, claim.Via?.Name, claim.Outlet, claim.ReportTitle),
            Of(ClaimLinkKind.Corroborates),
            Of(ClaimLinkKind.Contradicts),
            Of(ClaimLinkKind.Refines),
            standing.Confidence);
    }

    /// <summary>
    /// Each claim's origin, links to claims of other reports and confidence, for many claims at once:
    /// for each, the same as <see cref="AssessClaimAsync"/>'s. Unknown ids are left out.
    /// </summary>
    public Task<IReadOnlyDictionary<int, ClaimStanding>> AssessClaimsAsync(IReadOnlyCollection<int> claimIds, CancellationToken ct = default) =>
        AssessClaimsAsync(claimIds, standing => standing, ct);

    /// <summary>
    /// <see cref="AssessClaimsAsync(IReadOnlyCollection{int}, CancellationToken)"/>, each standing made into what the caller
    /// keeps (<paramref name="keep"/>) as soon as it is worked out: a standing lists every link, thousands for a claim about
    /// a busy subject, and an export of thousands of claims cannot hold them all at once.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, T>> AssessClaimsAsync<T>(IReadOnlyCollection<int> claimIds, Func<ClaimStanding, T> keep, CancellationToken ct = default)
    {
        var ids = claimIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, T>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await PerClaimAsync(db, ids, (evidence, id) => keep(evidence.Standing(id)), ct);
    }

    /// <summary>
    /// Each claim's confidence, for many claims at once (claim cards): the same as <see cref="AssessClaimAsync"/>'s,
    /// without spelling out every link. Unknown ids are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ConfidenceAssessment>> AssessClaimConfidenceAsync(IReadOnlyCollection<int> claimIds, CancellationToken ct = default)
    {
        var ids = claimIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, ConfidenceAssessment>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await PerClaimAsync(db, ids, (evidence, id) => evidence.ConfidenceOf(id), ct);
    }

    public async Task<SourceTrackRecord?> TrackRecordAsync(int sourceId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Sources.AnyAsync(s => s.Id == sourceId, ct))
        {
            return null;
        }

        var claimIds = await db.Claims.AsNoTracking().Where(c => c.SourceId == sourceId)
            .OrderByDescending(c => c.Id).Take(TrackRecordWindow).Select(c => c.Id).ToListAsync(ct);
        // The links each claim's card shows: within the claims about its own subjects.
        var kinds = await PerClaimAsync(db, claimIds, (evidence, id) => evidence.LinkKindsOf(id), ct);
        int corroborated = 0, contradicted = 0, alone = 0;
        foreach (var linked in kinds.Values)
        {
            if (linked.Contains(ClaimLinkKind.Contradicts))
            {
                contradicted++;
            }
            else if (linked.Contains(ClaimLinkKind.Corroborates))
            {
                corroborated++;
            }
            else
            {
                alone++;
            }
        }

        var history = await db.SourceGradeChanges.AsNoTracking().Where(g => g.SourceId == sourceId).OrderByDescending(g => g.ChangedAt)
            .Select(g => new GradeChangeView(g.From, g.To, g.Reason, g.ChangedBy, g.ChangedAt)).ToListAsync(ct);
        var (suggested, basis) = SuggestGrade(corroborated, contradicted, alone);
        return new SourceTrackRecord(claimIds.Count, corroborated, contradicted, alone, suggested, basis, history);
    }

    /// <summary>
    /// A grade the record suggests (it never changes one by itself): too few tested claims → none;
    /// otherwise by the share of claims corroborated by an independent origin, with any contradiction
    /// keeping a source below A.
    /// </summary>
    public static (Reliability? Grade, string Basis) SuggestGrade(int corroborated, int contradicted, int alone)
    {
        var tested = corroborated + contradicted;
        if (tested < 3)
        {
            var tried = tested == 0 ? "No claim tested against independent origins yet" : $"Only {tested} claim{(tested == 1 ? "" : "s")} tested against independent origins";
            return (null, $"{tried}; at least 3 are needed to suggest a grade.");
        }

        var share = (double)corroborated / (corroborated + contradicted + alone);
        var grade = share switch
        {
            >= 0.9 when contradicted == 0 => Reliability.A,
            >= 0.7 => Reliability.B,
            >= 0.5 => Reliability.C,
            >= 0.3 => Reliability.D,
            _ => Reliability.E,
        };
        return (grade, $"{corroborated} of {corroborated + contradicted + alone} claims corroborated by an independent origin, {contradicted} contradicted.");
    }

    public async Task<Outcome<bool>> ReviewLinkAsync(int claimId, int otherClaimId, ClaimLinkKind kind, LinkReview review, CancellationToken ct = default)
    {
        var (a, b) = claimId < otherClaimId ? (claimId, otherClaimId) : (otherClaimId, claimId);
        if (a == b)
        {
            return Outcome<bool>.Failure("ClaimId", "A claim cannot be linked to itself.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var problems = new ProblemList();
        await RecordChecks.CheckExistsAsync(db.Claims, [a, b], "ClaimId", "claim", problems, ct);
        if (problems.Any)
        {
            return Outcome<bool>.Failure(problems.ToDictionary());
        }

        var link = await db.ClaimLinks.SingleOrDefaultAsync(l => l.ClaimId == a && l.OtherClaimId == b, ct)
                   ?? db.ClaimLinks.Add(new ClaimLink { ClaimId = a, OtherClaimId = b, ReviewedBy = actor.Name }).Entity;
        link.Kind = kind;
        link.Review = review;
        link.ReviewedBy = actor.Name;
        link.ReviewedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }

    /// <summary>Changes a source's grade with a reason, keeping the history; refused if the source changed since it was opened.</summary>
    public async Task<Outcome<Reliability>> ChangeGradeAsync(int sourceId, Reliability to, string? reason, Guid seenVersion, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            return Outcome<Reliability>.Failure("Reason", "Say why the grade changes (at least a few words): the reason is kept with the grade's history.");
        }

        if (!Enum.IsDefined(to))
        {
            return Outcome<Reliability>.Failure("Reliability", "Reliability is graded A to F.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null)
        {
            return Outcome<Reliability>.Failure("SourceId", $"There is no source {sourceId}.");
        }

        if (source.Version != seenVersion)
        {
            return Outcome<Reliability>.Failure(Conflicts.Field, Conflicts.Message(false, [new FieldConflict("Reliability", null, source.Reliability.ToString())]));
        }

        if (source.Reliability == to)
        {
            return Outcome<Reliability>.Success(to);
        }

        db.SourceGradeChanges.Add(new SourceGradeChange
        {
            SourceId = sourceId, From = source.Reliability, To = to, Reason = reason.Trim(), ChangedBy = actor.Name, ChangedAt = clock.UtcNow(),
        });
        source.Reliability = to;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var (deleted, fields) = await Conflicts.DescribeAsync(e, ct);
            return Outcome<Reliability>.Failure(Conflicts.Field, Conflicts.Message(deleted, fields));
        }

        return Outcome<Reliability>.Success(to);
    }

    private async Task<SubjectAssessment> AssessSubjectsAsync(IReadOnlySet<string> subjects, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var evidence = await LoadAsync(db, subjects, [], withVerdicts: true, ct);
        var relations = evidence.Relations();
        var views = await ViewsAsync(db, relations.Values.SelectMany(r => r).Select(r => r.OtherClaimId).Distinct().ToList(), ct);
        return new SubjectAssessment(
            evidence.Confidence(),
            evidence.OriginOf,
            relations.ToDictionary(
                r => r.Key,
                r => (IReadOnlyList<ClaimRelation>)r.Value.Select(x => new ClaimRelation(views[x.OtherClaimId], x.Kind, x.Confirmed, x.Reason)).ToList()));
    }

    /// <summary>What <paramref name="assess"/> makes of each claim within the claims about its own subjects; claims about the same subjects share that evidence.</summary>
    private async Task<Dictionary<int, T>> PerClaimAsync<T>(TalksTrackerDbContext db, List<int> claimIds, Func<Evidence, int, T> assess, CancellationToken ct)
    {
        var subjectsOf = await SubjectsOfAsync(db, claimIds, ct);
        var alone = claimIds.Where(id => !subjectsOf.ContainsKey(id)).ToList();
        var evidence = await LoadAsync(db, subjectsOf.Values.SelectMany(s => s).ToHashSet(), alone, withVerdicts: true, ct);
        var facts = evidence.Claims.ToDictionary(c => c.ClaimId);
        var results = new Dictionary<int, T>();
        foreach (var group in claimIds.Where(facts.ContainsKey).GroupBy(id => string.Join('|', facts[id].Subjects.Order(StringComparer.Ordinal))))
        {
            Evidence? shared = null;
            foreach (var id in group)
            {
                // Thousands of claims (an export) take a while: stop when the caller gave up.
                ct.ThrowIfCancellationRequested();
                // A claim about nothing stands alone; claims about the same subjects rest on the same claims.
                var around = facts[id].Subjects.Count == 0 ? evidence.Around(facts[id]) : shared ??= evidence.Around(facts[id]);
                results[id] = assess(around, id);
            }
        }

        return results;
    }

    private static async Task<Dictionary<int, HashSet<string>>> SubjectsOfAsync(TalksTrackerDbContext db, List<int> claimIds, CancellationToken ct)
    {
        var meetings = await db.ClaimMeetings.AsNoTracking().Where(x => EF.Parameter(claimIds).Contains(x.ClaimId)).Select(x => new { x.ClaimId, x.MeetingId }).ToListAsync(ct);
        var agenda = await db.ClaimAgendaItems.AsNoTracking().Where(x => EF.Parameter(claimIds).Contains(x.ClaimId)).Select(x => new { x.ClaimId, x.AgendaItemId }).ToListAsync(ct);
        return meetings.Select(m => (m.ClaimId, Subject.Meeting(m.MeetingId)))
            .Concat(agenda.Select(a => (a.ClaimId, Subject.Agenda(a.AgendaItemId))))
            .GroupBy(x => x.ClaimId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToHashSet(StringComparer.Ordinal));
    }

    private static async Task<Dictionary<int, ClaimView>> ViewsAsync(TalksTrackerDbContext db, List<int> claimIds, CancellationToken ct) =>
        claimIds.Count == 0
            ? []
            : await db.Claims.AsNoTracking().Where(c => EF.Parameter(claimIds).Contains(c.Id)).Select(ClaimView.Projection).ToDictionaryAsync(c => c.Id, ct);

    /// <summary>
    /// The claims about <paramref name="subjects"/> (found from the link tables' indexes), plus <paramref name="alsoClaims"/>
    /// (about no subject), with the editors' verdicts on their links (when asked: a subject's confidence does not need
    /// them) and the sources' dependence: a fixed set of queries, whatever the number of subjects.
    /// </summary>
    private async Task<Evidence> LoadAsync(TalksTrackerDbContext db, IReadOnlySet<string> subjects, List<int> alsoClaims, bool withVerdicts, CancellationToken ct)
    {
        var meetingIds = subjects.Select(Subject.MeetingId).OfType<int>().ToList();
        var agendaIds = subjects.Select(Subject.AgendaId).OfType<int>().ToList();

        // One row per claim and subject, read from the link tables' (subject, claim) indexes with the few claim columns
        // the rules need; the outlet (a report lookup) only for the outlet's own voice, the one claim it names an origin.
        var rows = (await db.ClaimMeetings.AsNoTracking().Where(x => EF.Parameter(meetingIds).Contains(x.MeetingId))
                .Select(x => new FactRow(x.ClaimId, x.MeetingId, true, x.Claim!.ReportId, x.Claim.SourceId, x.Claim.ViaSourceId, x.Claim.Stance, x.Claim.Credibility,
                    x.Claim.SourceId == null ? db.Reports.Where(r => r.Id == x.Claim.ReportId).Select(r => r.Outlet).FirstOrDefault() : null))
                .ToListAsync(ct))
            .Concat(await db.ClaimAgendaItems.AsNoTracking().Where(x => EF.Parameter(agendaIds).Contains(x.AgendaItemId))
                .Select(x => new FactRow(x.ClaimId, x.AgendaItemId, false, x.Claim!.ReportId, x.Claim.SourceId, x.Claim.ViaSourceId, x.Claim.Stance, x.Claim.Credibility,
                    x.Claim.SourceId == null ? db.Reports.Where(r => r.Id == x.Claim.ReportId).Select(r => r.Outlet).FirstOrDefault() : null))
                .ToListAsync(ct))
            .Concat(await db.Claims.AsNoTracking().Where(c => EF.Parameter(alsoClaims).Contains(c.Id))
                .Select(c => new FactRow(c.Id, null, false, c.ReportId, c.SourceId, c.ViaSourceId, c.Stance, c.Credibility,
                    c.SourceId == null ? db.Reports.Where(r => r.Id == c.ReportId).Select(r => r.Outlet).FirstOrDefault() : null))
                .ToListAsync(ct))
            .ToList();

        // Verdicts are few: test each against the subjects' link tables (by their keys) rather than list every claim id.
        var verdicts = !withVerdicts
            ? []
            : await db.ClaimLinks.AsNoTracking()
                .Where(l => db.ClaimMeetings.Any(x => x.ClaimId == l.ClaimId && EF.Parameter(meetingIds).Contains(x.MeetingId))
                            || db.ClaimAgendaItems.Any(x => x.ClaimId == l.ClaimId && EF.Parameter(agendaIds).Contains(x.AgendaItemId)))
                .Select(l => new LinkVerdict(l.ClaimId, l.OtherClaimId, l.Kind, l.Review))
                .ToListAsync(ct);
        var relays = await _relays.GetAsync(db, ct);
        var sources = (await db.Sources.AsNoTracking().Select(x => new { x.Id, x.Name, x.AffiliationActorId, x.Reliability }).ToListAsync(ct))
            .ToDictionary(x => x.Id);
        var dependent = _relays.DependentSources(relays, sources.ToDictionary(x => x.Key, x => x.Value.AffiliationActorId));

        // One pass over the rows (tens of thousands for a busy agenda item): each claim's subjects by name, in ordinal
        // order. Claims about the same subjects share one set (a dossier's claims are mostly about the same one or two).
        var subjectNames = new Dictionary<(int, bool), string>();
        var byClaim = new Dictionary<int, (FactRow First, List<string> Subjects)>();
        foreach (var row in rows)
        {
            if (!byClaim.TryGetValue(row.ClaimId, out var entry))
            {
                byClaim[row.ClaimId] = entry = (row, new List<string>(2));
            }

            if (row.SubjectId is { } subjectId)
            {
                if (!subjectNames.TryGetValue((subjectId, row.Meeting), out var name))
                {
                    subjectNames[(subjectId, row.Meeting)] = name = row.Meeting ? Subject.Meeting(subjectId) : Subject.Agenda(subjectId);
                }

                entry.Subjects.Add(name);
            }
        }

        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var claims = new List<EvidenceClaim>(byClaim.Count);
        foreach (var (c, named) in byClaim.Values)
        {
            named.Sort(StringComparer.Ordinal);
            var key = string.Join('|', named);
            if (!sets.TryGetValue(key, out var set))
            {
                sets[key] = set = named.ToHashSet(StringComparer.Ordinal);
            }

            var reliability = c.SourceId is { } source && sources.TryGetValue(source, out var found) ? found.Reliability : (Reliability?)null;
            claims.Add(new EvidenceClaim(c.ClaimId, c.ReportId, c.SourceId, c.ViaSourceId, c.Outlet, c.Stance, Grade.Of(reliability, c.Credibility), set));
        }

        return new Evidence(claims, verdicts, dependent, sources.ToDictionary(x => x.Key, x => x.Value.Name));
    }

    /// <summary>A claim as read for one subject it is about (none for a claim read on its own).</summary>
    private sealed record FactRow(int ClaimId, int? SubjectId, bool Meeting, int ReportId, int? SourceId, int? ViaSourceId, Stance Stance, int Credibility, string? Outlet);

    private static class Subject
    {
        public static string Meeting(int id) => $"meeting {id}";

        public static string Agenda(int id) => $"agenda item {id}";

        public static int? MeetingId(string subject) => subject.StartsWith("meeting ", StringComparison.Ordinal) && int.TryParse(subject.AsSpan(8), out var id) ? id : null;

        public static int? AgendaId(string subject) => subject.StartsWith("agenda item ", StringComparison.Ordinal) && int.TryParse(subject.AsSpan(12), out var id) ? id : null;
    }
}
