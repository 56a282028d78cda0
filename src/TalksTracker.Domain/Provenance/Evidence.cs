using TalksTracker.Domain.Grading;

namespace TalksTracker.Domain.Provenance;

/// <summary>A claim as the provenance rules see it: where it comes from, its stance and grade, and the subjects it is about.</summary>
/// <param name="Subjects">The meetings and agenda items it is about, as subject keys ("meeting 3", "agenda item 7").</param>
public sealed record EvidenceClaim(int ClaimId, int ReportId, int? SourceId, int? ViaSourceId, string? Outlet, Stance Stance, Grade Grade, IReadOnlySet<string> Subjects)
{
    public ClaimOriginFacts OriginFacts => new(ClaimId, ReportId, SourceId, ViaSourceId, Outlet);
}

/// <summary>An editor's verdict on the link between two claims (lower claim id first).</summary>
public readonly record struct LinkVerdict(int ClaimId, int OtherClaimId, ClaimLinkKind Kind, LinkReview Review);

/// <summary>How another claim relates to one: proposed by the rules, or as an editor confirmed it.</summary>
public sealed record Relation(int OtherClaimId, ClaimLinkKind Kind, bool Confirmed, string Reason);

/// <summary>Where one claim comes from, how it relates to claims of other reports, and how likely it is to hold.</summary>
/// <param name="OriginKey">Its independent origin (see <see cref="Origins.Of"/>); null when the outlet's own voice retells cited sources.</param>
/// <param name="Confidence">How likely the claim holds: claims on its side (a denial's side is the denials) for, the others against.</param>
public sealed record ClaimStanding(int ClaimId, string? OriginKey, string Origin, IReadOnlyList<Relation> Relations, ConfidenceAssessment Confidence)
{
    public IReadOnlyList<Relation> OfKind(ClaimLinkKind kind) => Relations.Where(r => r.Kind == kind).ToList();
}

/// <summary>
/// The claims about some subjects (meetings, agenda items) and what the provenance rules make of them: each
/// claim's independent origin, how the claims relate (proposals, with editors' verdicts applied: a rejected link
/// is dropped, a confirmed one keeps the editor's kind), how likely the subjects are, and how likely each claim is.
/// <para>
/// <see cref="About"/> narrows the claims to fewer subjects and gives exactly what gathering only those subjects'
/// claims would give, so the claims of many subjects can be read at once and each subject or claim assessed on its own.
/// </para>
/// </summary>
public sealed class Evidence
{
    private readonly IReadOnlyDictionary<(int, int), LinkVerdict> _verdicts;
    private readonly IReadOnlyDictionary<int, int> _dependent;
    private readonly IReadOnlyDictionary<int, string> _sourceNames;
    private readonly Dictionary<int, EvidenceClaim> _byId;
    private Dictionary<string, List<EvidenceClaim>>? _bySubject;
    private IReadOnlyDictionary<int, string>? _originOf;
    private List<SubjectClaim>? _subjectClaims;

    /// <param name="dependent">Sources that stand for others across reports (see <see cref="Independence.DependentSources"/>).</param>
    /// <param name="sourceNames">Names of the sources an origin may be named after.</param>
    public Evidence(
        IEnumerable<EvidenceClaim> claims,
        IEnumerable<LinkVerdict> verdicts,
        IReadOnlyDictionary<int, int> dependent,
        IReadOnlyDictionary<int, string> sourceNames)
        : this(claims, verdicts.ToDictionary(v => (v.ClaimId, v.OtherClaimId)), dependent, sourceNames)
    {
    }

    private Evidence(
        IEnumerable<EvidenceClaim> claims,
        IReadOnlyDictionary<(int, int), LinkVerdict> verdicts,
        IReadOnlyDictionary<int, int> dependent,
        IReadOnlyDictionary<int, string> sourceNames)
    {
        var ordered = claims.DistinctBy(c => c.ClaimId).ToList();
        ordered.Sort((x, y) => x.ClaimId.CompareTo(y.ClaimId));
        Claims = ordered;
        _byId = Claims.ToDictionary(c => c.ClaimId);
        _verdicts = verdicts;
        _dependent = dependent;
        _sourceNames = sourceNames;
    }

    /// <summary>The claims, by id.</summary>
    public IReadOnlyList<EvidenceClaim> Claims { get; }

    /// <summary>The independent origin of each claim that counts as one.</summary>
    public IReadOnlyDictionary<int, string> OriginOf =>
        _originOf ??= Origins.OfEach(Claims.Select(c => c.OriginFacts).ToList(), _dependent);

    public string OriginName(string? origin) => Origins.Name(origin, _sourceNames);

    /// <summary>The claims about any of <paramref name="subjects"/>, each seen only through those subjects.</summary>
    public Evidence About(IReadOnlySet<string> subjects)
    {
        _bySubject ??= Claims
            .SelectMany(c => c.Subjects.Select(s => (Subject: s, Claim: c)))
            .GroupBy(x => x.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Claim).ToList(), StringComparer.Ordinal);
        var found = new Dictionary<int, EvidenceClaim>();
        foreach (var subject in subjects)
        {
            foreach (var claim in _bySubject.GetValueOrDefault(subject) ?? [])
            {
                found.TryAdd(claim.ClaimId, claim.Subjects.IsSubsetOf(subjects)
                    ? claim
                    : claim with { Subjects = claim.Subjects.Where(subjects.Contains).ToHashSet(StringComparer.Ordinal) });
            }
        }

        return new Evidence(found.Values, _verdicts, _dependent, _sourceNames);
    }

    /// <summary>What one claim's standing rests on: the claims about its subjects, or the claim alone when it is about none.</summary>
    public Evidence Around(EvidenceClaim claim)
    {
        var about = About(claim.Subjects);
        return about._byId.ContainsKey(claim.ClaimId)
            ? about
            : new Evidence([.. about.Claims, claim], _verdicts, _dependent, _sourceNames);
    }

    /// <summary>How likely the subjects are (a meeting took place, an agenda item stands as reported): denials count against.</summary>
    public ConfidenceAssessment Confidence() => Provenance.Confidence.Assess(Weigh(Claims, Stance.Asserts));

    /// <summary>How every claim relates to the others.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Relation>> Relations()
    {
        var relations = new Dictionary<int, List<Relation>>();
        foreach (var link in Agreement.Propose(SubjectClaims))
        {
            if (Reviewed(link, link.OtherClaimId) is not { } relation)
            {
                continue;
            }

            Add(link.ClaimId, relation);
            Add(link.OtherClaimId, relation with { OtherClaimId = link.ClaimId });
        }

        return relations.ToDictionary(r => r.Key, r => (IReadOnlyList<Relation>)r.Value);

        void Add(int id, Relation relation)
        {
            if (!relations.TryGetValue(id, out var list))
            {
                relations[id] = list = [];
            }

            list.Add(relation);
        }
    }

    /// <summary>
    /// One claim's origin, relations and confidence, from this evidence (use <see cref="Around"/> for exactly the
    /// claims its standing rests on). Its confidence weighs the claim (for the outlet's own voice that retells cited
    /// sources: the claims it retells) and every claim related to it, each independent origin once: those on the
    /// claim's side for it, the others against.
    /// </summary>
    public ClaimStanding Standing(int claimId)
    {
        var claim = _byId[claimId];
        var self = SubjectClaims[IndexOf(claimId)];
        var relations = new List<Relation>();
        foreach (var link in Agreement.ProposeFor(self, SubjectClaims))
        {
            if (Reviewed(link, link.ClaimId == claimId ? link.OtherClaimId : link.ClaimId) is { } relation)
            {
                relations.Add(relation);
            }
        }

        var confidence = Provenance.Confidence.Assess(Weigh([claim, .. Retold(claim), .. relations.Select(r => _byId[r.OtherClaimId])], claim.Stance));
        var origin = OriginOf.GetValueOrDefault(claimId);
        return new ClaimStanding(claimId, origin, OriginName(origin), relations, confidence);
    }

    /// <summary>
    /// The kinds of the links <see cref="Standing"/> gives one claim, without spelling out each link (a source's track
    /// record asks only whether a claim was contradicted or corroborated): each claim of another report about one of its
    /// subjects relates to it by the rules, or by an editor's verdict where there is one (a rejected link counts none).
    /// </summary>
    public IReadOnlySet<ClaimLinkKind> LinkKindsOf(int claimId)
    {
        var self = SubjectClaims[IndexOf(claimId)];
        var kinds = new HashSet<ClaimLinkKind>();
        foreach (var other in SubjectClaims)
        {
            if (Agreement.KindOf(self, other) is { } proposed
                && ReviewedKind(Math.Min(claimId, other.ClaimId), Math.Max(claimId, other.ClaimId), proposed) is { } kind
                && kinds.Add(kind) && kinds.Count == LinkKinds)
            {
                break;
            }
        }

        return kinds;
    }

    /// <summary>
    /// The confidence <see cref="Standing"/> gives for one claim, without spelling out each link: the claim and every
    /// claim of another report about one of its subjects whose link an editor has not rejected.
    /// </summary>
    public ConfidenceAssessment ConfidenceOf(int claimId)
    {
        var claim = _byId[claimId];
        var related = Claims.Where(c => c.ReportId != claim.ReportId && c.ClaimId != claimId && c.Subjects.Overlaps(claim.Subjects)
                                        && !Rejected(Math.Min(claimId, c.ClaimId), Math.Max(claimId, c.ClaimId)));
        return Provenance.Confidence.Assess(Weigh([claim, .. Retold(claim), .. related], claim.Stance));
    }

    /// <summary>
    /// For the outlet's own voice in a report that cites sources (a claim with no origin of its own): the claims of its
    /// report, about one of its subjects, that it retells; they speak for it. Any other claim speaks only for itself.
    /// </summary>
    private IEnumerable<EvidenceClaim> Retold(EvidenceClaim claim) =>
        OriginOf.ContainsKey(claim.ClaimId)
            ? []
            : Claims.Where(c => c.ReportId == claim.ReportId && c.ClaimId != claim.ClaimId && c.Subjects.Overlaps(claim.Subjects) && OriginOf.ContainsKey(c.ClaimId));

    /// <summary>Where the claim is in <see cref="Claims"/> (ordered by id).</summary>
    private int IndexOf(int claimId)
    {
        int low = 0, high = Claims.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var id = Claims[middle].ClaimId;
            if (id == claimId)
            {
                return middle;
            }

            if (id < claimId)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        throw new KeyNotFoundException($"Claim {claimId} is not in this evidence.");
    }

    private bool Rejected(int claimId, int otherClaimId) =>
        _verdicts.TryGetValue((claimId, otherClaimId), out var verdict) && verdict.Review == LinkReview.Rejected;

    /// <summary>The claims as the agreement rules see them, in the order of <see cref="Claims"/>.</summary>
    private List<SubjectClaim> SubjectClaims => _subjectClaims ??= Claims
        .Select(c => new SubjectClaim(c.ClaimId, c.ReportId, c.Subjects, c.Stance, OriginOf.GetValueOrDefault(c.ClaimId) ?? $"report:{c.ReportId}"))
        .ToList();

    private static readonly int LinkKinds = Enum.GetValues<ClaimLinkKind>().Length;

    /// <summary>The proposal with the editor's verdict applied, as a relation to <paramref name="otherClaimId"/>; null when an editor rejected it.</summary>
    private Relation? Reviewed(ProposedLink link, int otherClaimId) =>
        ReviewedKind(link.ClaimId, link.OtherClaimId, link.Kind) is { } kind
            ? new Relation(otherClaimId, kind, _verdicts.TryGetValue((link.ClaimId, link.OtherClaimId), out var v) && v.Review == LinkReview.Confirmed, link.Reason)
            : null;

    /// <summary>The kind of a proposed link (lower claim id first) once an editor's verdict is applied: the editor's kind, or null when rejected.</summary>
    private ClaimLinkKind? ReviewedKind(int claimId, int otherClaimId, ClaimLinkKind proposed) =>
        !_verdicts.TryGetValue((claimId, otherClaimId), out var verdict) ? proposed
        : verdict.Review == LinkReview.Rejected ? null
        : verdict.Kind;

    /// <summary>
    /// The claims with an origin as the confidence rules weigh them. An origin counts once on each side, with its
    /// strongest claim (the first of equal ones, as <see cref="Provenance.Confidence.Assess"/> takes it): only that one is
    /// passed on, in the order each origin and side first appears, so a subject with thousands of claims from a few
    /// origins is weighed from those few.
    /// </summary>
    private List<WeighedClaim> Weigh(IEnumerable<EvidenceClaim> claims, Stance statement)
    {
        var strongest = new Dictionary<(string Origin, bool For), (EvidenceClaim Claim, double Weight)>();
        var order = new List<(string Origin, bool For)>();
        foreach (var claim in claims)
        {
            if (!OriginOf.TryGetValue(claim.ClaimId, out var origin))
            {
                continue;
            }

            var key = (origin, Provenance.Confidence.Supports(statement, claim.Stance));
            var weight = Provenance.Confidence.WeightOf(claim.Grade, claim.Stance == Stance.Hedged);
            if (!strongest.TryGetValue(key, out var kept))
            {
                order.Add(key);
                strongest[key] = (claim, weight);
            }
            else if (weight > kept.Weight)
            {
                strongest[key] = (claim, weight);
            }
        }

        return order.Select(key =>
        {
            var kept = strongest[key].Claim;
            return new WeighedClaim(key.Origin, OriginName(key.Origin), key.For, kept.Grade, kept.Stance == Stance.Hedged);
        }).ToList();
    }
}
