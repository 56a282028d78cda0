using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Alerts;

/// <summary>What an alert tells a follower.</summary>
public enum AlertKind
{
    /// <summary>A source (or outlet's own voice) not heard before on the subject.</summary>
    NewOrigin,
    /// <summary>An origin denying something about the subject, for the first time.</summary>
    Denial,
    /// <summary>Two claims about the subject confirmed as contradicting each other.</summary>
    Contradiction,
    StatusChange,
    PositionChange,
    GradeChange,
}

/// <summary>
/// What an alert is about, as followers name it: "meeting:5", "agenda:3", "track:1", "actor:2", "source:7".
/// Claims are alerted on the meeting or agenda item they are about (or, about neither, on their actors).
/// </summary>
public static class AlertSubject
{
    public const string Meeting = "meeting";
    public const string AgendaItem = "agenda";
    public const string Track = "track";
    public const string Actor = "actor";
    public const string Source = "source";

    public static string Of(string kind, int id) => $"{kind}:{id}";

    public static (string Kind, int Id)? Parse(string subject) =>
        subject.Split(':') is [var kind, var id] && int.TryParse(id, out var value) ? (kind, value) : null;
}

/// <summary>A claim that has just been recorded, with the subjects it is about.</summary>
public sealed record NewClaim(ClaimOriginFacts Facts, Stance Stance, IReadOnlyList<string> Subjects);

/// <summary>An origin already alerted on a subject: a later report carrying it is a relay.</summary>
public readonly record struct AlertKey(string Subject, AlertKind Kind, string Origin);

/// <summary>
/// One outcome of a pass: a new alert (<see cref="Fires"/>), or more relays folded into an alert already sent on the same
/// subject, kind and origin ("+2 relays").
/// </summary>
public sealed record AlertDecision(AlertKey Key, bool Fires, int Relays, IReadOnlyList<int> ClaimIds, int FirstReportId);

/// <summary>A change to a followed subject that is news by itself: a status, a position, a source's grade, a contradiction.</summary>
public sealed record SubjectChange(string Subject, AlertKind Kind, string What);

/// <summary>What one pass tells followers: the claims' decisions and the changes, each change an alert of its own.</summary>
public sealed record AlertPlan(IReadOnlyList<AlertDecision> Claims, IReadOnlyList<SubjectChange> Changes)
{
    public int NewAlerts => Claims.Count(d => d.Fires) + Changes.Count;
}

/// <summary>
/// Turns newly recorded claims into alerts that respect provenance: one alert per independent origin on a subject (per
/// stance: a denial by a known origin is news); every further report carrying the same origin — a relay, or the origin
/// heard again — is folded into that alert instead of alerting again. Which origin a claim comes from is decided by
/// <see cref="Origins"/> (with the sources' dependence, <see cref="Independence"/>), not here.
/// </summary>
public static class AlertFolding
{
    /// <summary>The claims folded by origin, and the changes (each news, none folded).</summary>
    public static AlertPlan Plan(
        IReadOnlyCollection<NewClaim> newClaims,
        IReadOnlyCollection<ClaimOriginFacts> reportClaims,
        IReadOnlyDictionary<int, int>? dependent,
        IReadOnlyCollection<SubjectChange> changes,
        Func<AlertKey, bool> alreadyAlerted) =>
        new(Fold(newClaims, reportClaims, dependent, alreadyAlerted), changes.Distinct().ToList());

    /// <param name="newClaims">The claims recorded since the last pass.</param>
    /// <param name="reportClaims">Every claim of the reports the new claims are in, so a relay is read with what it relays.</param>
    /// <param name="dependent">Sources standing for others (<see cref="Independence.DependentSources"/>).</param>
    /// <param name="alreadyAlerted">Whether an earlier pass sent an alert with this key.</param>
    public static IReadOnlyList<AlertDecision> Fold(
        IReadOnlyCollection<NewClaim> newClaims,
        IReadOnlyCollection<ClaimOriginFacts> reportClaims,
        IReadOnlyDictionary<int, int>? dependent,
        Func<AlertKey, bool> alreadyAlerted)
    {
        // A claim with no origin of its own (the outlet retelling the sources it cites) is carried by those sources' claims.
        var origins = Origins.OfEach(reportClaims.Concat(newClaims.Select(c => c.Facts)).DistinctBy(c => c.ClaimId).ToList(), dependent);
        var groups = newClaims
            .Where(c => origins.ContainsKey(c.Facts.ClaimId))
            .SelectMany(c => c.Subjects.Distinct(StringComparer.Ordinal).Select(subject =>
                (Key: new AlertKey(subject, c.Stance == Stance.Denies ? AlertKind.Denial : AlertKind.NewOrigin, origins[c.Facts.ClaimId]), Claim: c.Facts)))
            .GroupBy(x => x.Key);

        var decisions = new List<AlertDecision>();
        foreach (var group in groups)
        {
            var claims = group.Select(x => x.Claim).OrderBy(c => c.ReportId).ThenBy(c => c.ClaimId).ToList();
            var reports = claims.Select(c => c.ReportId).Distinct().Count();
            var fires = !alreadyAlerted(group.Key);
            decisions.Add(new AlertDecision(group.Key, fires, fires ? reports - 1 : reports, claims.Select(c => c.ClaimId).ToList(), claims[0].ReportId));
        }

        return decisions.OrderBy(d => d.FirstReportId).ThenBy(d => d.ClaimIds[0]).ToList();
    }
}
