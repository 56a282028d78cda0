using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Progress;

/// <summary>What the status rules need to know about one claim.</summary>
/// <param name="Date">When the claim was made: its report's publication date, or the intake date where unknown.</param>
/// <param name="FromParty">Whether its source is affiliated with a party of the track.</param>
public sealed record StatusClaim(
    int ClaimId,
    DateOnly Date,
    Reliability? Reliability,
    int Credibility,
    Stance Stance,
    bool FromParty,
    ClaimOriginFacts Origin)
{
    public Grade Grade => Grade.Of(Reliability, Credibility);
}

/// <summary>One reported status of an agenda item and the claims it rests on.</summary>
public sealed record StatusReport(int ChangeId, AgendaStatus Status, DateOnly AsOf, IReadOnlyList<StatusClaim> Claims);

/// <summary>How well a statement is sourced: claims, independent origins, best grade.</summary>
public sealed record Backing(int Claims, int IndependentOrigins, Grade? BestGrade)
{
    public static readonly Backing None = new(0, 0, null);

    public static Backing Of(IReadOnlyCollection<StatusClaim> claims) => claims.Count == 0
        ? None
        : new Backing(claims.Count, Origins.CountIndependent(claims.Select(c => c.Origin).ToList()), StatusDerivation.Best(claims.Select(c => c.Grade)));
}

/// <summary>The status an agenda item is shown with, why, and how well that is sourced.</summary>
/// <param name="WellSourced">False when no report of the item is well sourced and the newest report at all was taken instead.</param>
/// <param name="DisputingClaimIds">Party denials on the item, not older than the status: the status is disputed when any exist.</param>
public sealed record DerivedStatus(
    AgendaStatus Status,
    DateOnly AsOf,
    int ChangeId,
    bool WellSourced,
    Backing Backing,
    IReadOnlyList<int> SupportingClaimIds,
    IReadOnlyList<int> DisputingClaimIds)
{
    public bool Disputed => DisputingClaimIds.Count > 0;
}

/// <summary>
/// Derives an agenda item's current status from its reported status changes.
/// <list type="number">
/// <item>Only status changes resting on at least one claim count; with none, there is no status.</item>
/// <item>A status change is <em>well sourced</em> when at least one of its claims is graded source
/// reliability A–C and information credibility 1–3 (e.g. C3 or better on both axes).</item>
/// <item>The newest well-sourced status change wins (by its as-of date). When none is well sourced,
/// the newest status change at all wins, and the result says so (<see cref="DerivedStatus.WellSourced"/> false).</item>
/// <item>Ties on the date go to the better best grade (reliability first, then credibility), then to more
/// independent origins, then to the later-recorded change (the higher id), so the outcome never depends on input order.</item>
/// <item>A claim with stance Denies, from a source affiliated with a party of the track, about the item,
/// dated on or after the winning status, makes it <em>disputed</em>: the status is still shown, flagged, with the denials.</item>
/// </list>
/// </summary>
public static class StatusDerivation
{
    public const string WellSourcedRule = "well sourced = at least one claim graded source A–C and information 1–3";

    public static bool IsWellSourced(Grade grade) => grade.Reliability <= Reliability.C && grade.Credibility <= 3;

    public static bool IsWellSourced(StatusReport report) => report.Claims.Any(c => IsWellSourced(c.Grade));

    /// <summary>The best of the grades: most reliable source first, then most credible information.</summary>
    public static Grade? Best(IEnumerable<Grade> grades) =>
        grades.OrderBy(g => g.Reliability).ThenBy(g => g.Credibility).Select(g => (Grade?)g).FirstOrDefault();

    /// <param name="changes">The item's status changes with their supporting claims.</param>
    /// <param name="claimsOnItem">Every claim linked to the item (to find party denials); may include supporting claims.</param>
    public static DerivedStatus? Derive(IEnumerable<StatusReport> changes, IEnumerable<StatusClaim> claimsOnItem)
    {
        var candidates = changes.Where(c => c.Claims.Count > 0).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var wellSourced = candidates.Where(IsWellSourced).ToList();
        var pool = wellSourced.Count > 0 ? wellSourced : candidates;
        // The newest date wins first, so only its ties need a backing (counting independent origins is the
        // costly part on an item with thousands of reports).
        var newest = pool.Max(c => c.AsOf);
        var winner = pool
            .Where(c => c.AsOf == newest)
            .Select(c => (Change: c, Backing: Backing.Of(c.Claims)))
            .OrderBy(x => x.Backing.BestGrade?.Reliability ?? Reliability.F)
            .ThenBy(x => x.Backing.BestGrade?.Credibility ?? 6)
            .ThenByDescending(x => x.Backing.IndependentOrigins)
            .ThenByDescending(x => x.Change.ChangeId)
            .First();

        var supporting = winner.Change.Claims.Select(c => c.ClaimId).ToHashSet();
        var disputing = claimsOnItem
            .Where(c => c is { Stance: Stance.Denies, FromParty: true } && c.Date >= winner.Change.AsOf && !supporting.Contains(c.ClaimId))
            .Select(c => c.ClaimId)
            .Distinct()
            .Order()
            .ToList();

        return new DerivedStatus(
            winner.Change.Status,
            winner.Change.AsOf,
            winner.Change.ChangeId,
            wellSourced.Count > 0,
            winner.Backing,
            supporting.Order().ToList(),
            disputing);
    }

    /// <summary>Statuses that mean the item is open and unresolved: what a manager must see first.</summary>
    public static bool IsOpenGap(AgendaStatus status) => status is AgendaStatus.GapRemains or AgendaStatus.Stalled;

    /// <summary>
    /// The report of an open gap (gap remains, stalled) that no newer report supersedes: the current status itself
    /// when it is a gap, else the newest gap report (resting on claims) dated on or after the current status, however
    /// well sourced. A gap reported only by weak sources is still a gap a manager must see, flagged by its backing.
    /// </summary>
    public static StatusReport? OpenGap(IEnumerable<StatusReport> changes, DerivedStatus? current)
    {
        if (current is null)
        {
            return null;
        }

        var reports = changes.Where(c => c.Claims.Count > 0).ToList();
        if (IsOpenGap(current.Status))
        {
            return reports.FirstOrDefault(c => c.ChangeId == current.ChangeId);
        }

        return reports
            .Where(c => IsOpenGap(c.Status) && c.AsOf >= current.AsOf)
            .OrderByDescending(c => c.AsOf).ThenByDescending(c => c.ChangeId)
            .FirstOrDefault();
    }
}
