using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Services;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>Another claim related to one being looked at, and how.</summary>
public sealed record ClaimRelation(ClaimView Claim, ClaimLinkKind Kind, bool Confirmed, string Reason);

/// <summary>How well a statement (a meeting took place, an agenda status) is supported, and how each claim relates to others.</summary>
public sealed record SubjectAssessment(
    ConfidenceAssessment Confidence,
    IReadOnlyDictionary<int, string> OriginOf,
    IReadOnlyDictionary<int, IReadOnlyList<ClaimRelation>> RelationsByClaim)
{
    public IReadOnlyList<ClaimRelation> RelationsOf(int claimId) => RelationsByClaim.TryGetValue(claimId, out var r) ? r : [];
}

/// <summary>Everything known about where one claim comes from and how it stands.</summary>
public sealed record ClaimAssessment(
    ClaimView Claim,
    string Origin,
    IReadOnlyList<string> RelayChain,
    IReadOnlyList<ClaimRelation> Corroborating,
    IReadOnlyList<ClaimRelation> Contradicting,
    IReadOnlyList<ClaimRelation> Refining,
    ConfidenceAssessment Confidence);

public sealed record GradeChangeView(Reliability From, Reliability To, string Reason, string ChangedBy, DateTime ChangedAt);

/// <summary>How a source's claims fared against claims from other, independent origins.</summary>
public sealed record SourceTrackRecord(int Claims, int Corroborated, int Contradicted, int Alone, Reliability? SuggestedGrade, string Basis, IReadOnlyList<GradeChangeView> History);

/// <summary>
/// Provenance analytics over the stored claims: independent origins, proposed and confirmed links
/// between claims (corroborating, contradicting, refining), the ICD 203 confidence of a meeting, an
/// agenda item or a claim, and each source's track record. The rules are in Domain; this service
/// gathers the facts they need, one short query set per question.
/// </summary>
public sealed class ProvenanceAnalysisService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    private const int TrackRecordWindow = 2_000;

    public Task<SubjectAssessment> AssessMeetingAsync(int meetingId, CancellationToken ct = default) =>
        AssessSubjectsAsync(new HashSet<string> { Subject.Meeting(meetingId) }, ct);

    public Task<SubjectAssessment> AssessAgendaItemAsync(int agendaItemId, CancellationToken ct = default) =>
        AssessSubjectsAsync(new HashSet<string> { Subject.Agenda(agendaItemId) }, ct);

    public async Task<ClaimAssessment?> AssessClaimAsync(int claimId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(ClaimView.Projection).SingleOrDefaultAsync(ct);
        if (claim is null)
        {
            return null;
        }

        var subjects = await SubjectsOfAsync(db, [claimId], ct);
        var facts = await LoadAsync(db, subjects.GetValueOrDefault(claimId) ?? [], ct);
        if (facts.Claims.All(c => c.Id != claimId))
        {
            facts = facts with { Claims = [.. facts.Claims, claim], Subjects = new Dictionary<int, HashSet<string>>(facts.Subjects) { [claimId] = [] } };
        }

        var assessment = Assess(facts);
        var relations = assessment.RelationsOf(claimId);
        var chain = new List<string> { claim.Source?.Name ?? $"{claim.Outlet ?? "the outlet"} (own voice)" };
        if (claim.Via is not null)
        {
            chain.Add($"via {claim.Via.Name}");
        }

        chain.Add($"in “{claim.ReportTitle}”");
        var own = assessment.OriginOf.GetValueOrDefault(claimId) ?? "none (the outlet retells the sources it cites)";
        return new ClaimAssessment(
            claim,
            facts.OriginName(own),
            chain,
            relations.Where(r => r.Kind == ClaimLinkKind.Corroborates).ToList(),
            relations.Where(r => r.Kind == ClaimLinkKind.Contradicts).ToList(),
            relations.Where(r => r.Kind == ClaimLinkKind.Refines).ToList(),
            Confidence.Assess(WeighClaims(facts, assessment.OriginOf, [claim, .. relations.Select(r => r.Claim)])));
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
        var subjects = await SubjectsOfAsync(db, claimIds, ct);
        var facts = await LoadAsync(db, subjects.Values.SelectMany(s => s).ToHashSet(), ct);
        var assessment = Assess(facts);
        int corroborated = 0, contradicted = 0, alone = 0;
        foreach (var id in claimIds)
        {
            var relations = assessment.RelationsOf(id);
            if (relations.Any(r => r.Kind == ClaimLinkKind.Contradicts))
            {
                contradicted++;
            }
            else if (relations.Any(r => r.Kind == ClaimLinkKind.Corroborates))
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
            return (null, $"Only {tested} claim(s) tested against independent origins; at least 3 are needed to suggest a grade.");
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

    public async Task<Outcome<bool>> ReviewLinkAsync(int claimId, int otherClaimId, ClaimLinkKind kind, LinkReview review, string user, CancellationToken ct = default)
    {
        var (a, b) = claimId < otherClaimId ? (claimId, otherClaimId) : (otherClaimId, claimId);
        if (a == b)
        {
            return Outcome<bool>.Failure("ClaimId", "A claim cannot be linked to itself.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AuditUser = user;
        var problems = new ProblemList();
        await RecordChecks.CheckExistsAsync(db.Claims, [a, b], "ClaimId", "claim", problems, ct);
        if (problems.Any)
        {
            return Outcome<bool>.Failure(problems.ToDictionary());
        }

        var link = await db.ClaimLinks.SingleOrDefaultAsync(l => l.ClaimId == a && l.OtherClaimId == b, ct)
                   ?? db.ClaimLinks.Add(new ClaimLink { ClaimId = a, OtherClaimId = b, ReviewedBy = user }).Entity;
        link.Kind = kind;
        link.Review = review;
        link.ReviewedBy = user;
        link.ReviewedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }

    /// <summary>Changes a source's grade with a reason, keeping the history; refused if the source changed since it was opened.</summary>
    public async Task<Outcome<Reliability>> ChangeGradeAsync(int sourceId, Reliability to, string? reason, Guid seenVersion, string user, CancellationToken ct = default)
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
        db.AuditUser = user;
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
            SourceId = sourceId, From = source.Reliability, To = to, Reason = reason.Trim(), ChangedBy = user, ChangedAt = DateTime.UtcNow,
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
        return Assess(await LoadAsync(db, subjects, ct));
    }

    private static SubjectAssessment Assess(SubjectFacts facts)
    {
        var originOf = Origins.OfEach(facts.Claims.Select(c => c.OriginFacts).ToList(), facts.Dependent);
        var proposals = Agreement.Propose(facts.Claims
            .Select(c => new SubjectClaim(c.Id, c.ReportId, facts.Subjects.GetValueOrDefault(c.Id) ?? [], c.Stance,
                originOf.GetValueOrDefault(c.Id) ?? $"report:{c.ReportId}"))
            .ToList());
        var byId = facts.Claims.ToDictionary(c => c.Id);
        var relations = new Dictionary<int, List<ClaimRelation>>();
        foreach (var p in proposals)
        {
            var review = facts.Reviews.GetValueOrDefault((p.ClaimId, p.OtherClaimId));
            if (review?.Review == LinkReview.Rejected)
            {
                continue;
            }

            var kind = review?.Kind ?? p.Kind;
            var confirmed = review?.Review == LinkReview.Confirmed;
            Add(p.ClaimId, new ClaimRelation(byId[p.OtherClaimId], kind, confirmed, p.Reason));
            Add(p.OtherClaimId, new ClaimRelation(byId[p.ClaimId], kind, confirmed, p.Reason));
        }

        return new SubjectAssessment(
            Confidence.Assess(WeighClaims(facts, originOf, facts.Claims)),
            originOf,
            relations.ToDictionary(r => r.Key, r => (IReadOnlyList<ClaimRelation>)r.Value));

        void Add(int id, ClaimRelation relation)
        {
            if (!relations.TryGetValue(id, out var list))
            {
                relations[id] = list = [];
            }

            list.Add(relation);
        }
    }

    private static IEnumerable<WeighedClaim> WeighClaims(SubjectFacts facts, IReadOnlyDictionary<int, string> originOf, IEnumerable<ClaimView> claims) =>
        claims.Where(c => originOf.ContainsKey(c.Id))
            .Select(c => new WeighedClaim(originOf[c.Id], facts.OriginName(originOf[c.Id]), c.Stance != Stance.Denies, c.Grade, c.Stance == Stance.Hedged));

    private static async Task<Dictionary<int, HashSet<string>>> SubjectsOfAsync(TalksTrackerDbContext db, List<int> claimIds, CancellationToken ct)
    {
        var meetings = await db.ClaimMeetings.AsNoTracking().Where(x => claimIds.Contains(x.ClaimId)).Select(x => new { x.ClaimId, x.MeetingId }).ToListAsync(ct);
        var agenda = await db.ClaimAgendaItems.AsNoTracking().Where(x => claimIds.Contains(x.ClaimId)).Select(x => new { x.ClaimId, x.AgendaItemId }).ToListAsync(ct);
        return meetings.Select(m => (m.ClaimId, Subject.Meeting(m.MeetingId)))
            .Concat(agenda.Select(a => (a.ClaimId, Subject.Agenda(a.AgendaItemId))))
            .GroupBy(x => x.ClaimId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToHashSet());
    }

    private static async Task<SubjectFacts> LoadAsync(TalksTrackerDbContext db, IReadOnlySet<string> subjects, CancellationToken ct)
    {
        var meetingIds = subjects.Select(Subject.MeetingId).OfType<int>().ToList();
        var agendaIds = subjects.Select(Subject.AgendaId).OfType<int>().ToList();
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.Meetings.Any(m => meetingIds.Contains(m.MeetingId)) || c.AgendaItems.Any(a => agendaIds.Contains(a.AgendaItemId)))
            .Select(ClaimView.Projection)
            .ToListAsync(ct);
        var ids = claims.Select(c => c.Id).ToList();
        var claimSubjects = await SubjectsOfAsync(db, ids, ct);
        foreach (var set in claimSubjects.Values)
        {
            set.IntersectWith(subjects);
        }

        var reviews = await db.ClaimLinks.AsNoTracking().Where(l => ids.Contains(l.ClaimId) && ids.Contains(l.OtherClaimId)).ToListAsync(ct);
        var relays = await db.Claims.AsNoTracking().Where(c => c.ViaSourceId != null && c.SourceId != null)
            .Select(c => new { Relayer = c.ViaSourceId!.Value, Speaker = c.SourceId!.Value }).Distinct().ToListAsync(ct);
        var sourceIds = relays.SelectMany(r => new[] { r.Relayer, r.Speaker }).Concat(claims.Select(c => c.Source?.Id).OfType<int>()).Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.AffiliationActorId }).ToListAsync(ct);
        var dependent = Independence.DependentSources(relays.Select(r => new Independence.Relay(r.Relayer, r.Speaker)), sources.ToDictionary(s => s.Id, s => s.AffiliationActorId));
        return new SubjectFacts(
            claims,
            claimSubjects,
            reviews.ToDictionary(r => (r.ClaimId, r.OtherClaimId)),
            dependent,
            sources.ToDictionary(s => s.Id, s => s.Name));
    }

    private sealed record SubjectFacts(
        IReadOnlyList<ClaimView> Claims,
        IReadOnlyDictionary<int, HashSet<string>> Subjects,
        IReadOnlyDictionary<(int, int), ClaimLink> Reviews,
        IReadOnlyDictionary<int, int> Dependent,
        IReadOnlyDictionary<int, string> SourceNames)
    {
        public string OriginName(string origin) =>
            origin.StartsWith("source:", StringComparison.Ordinal) && int.TryParse(origin.AsSpan(7), out var id)
                ? SourceNames.GetValueOrDefault(id, origin)
                : origin.StartsWith("outlet:", StringComparison.Ordinal) ? $"{origin[7..]} (outlet's own voice)" : origin;
    }

    private static class Subject
    {
        public static string Meeting(int id) => $"meeting {id}";

        public static string Agenda(int id) => $"agenda item {id}";

        public static int? MeetingId(string subject) => subject.StartsWith("meeting ", StringComparison.Ordinal) && int.TryParse(subject.AsSpan(8), out var id) ? id : null;

        public static int? AgendaId(string subject) => subject.StartsWith("agenda item ", StringComparison.Ordinal) && int.TryParse(subject.AsSpan(12), out var id) ? id : null;
    }
}
