using System.Collections.Concurrent;

namespace TalksTracker.Domain.Provenance;

public enum ClaimLinkKind
{
    Corroborates,
    Contradicts,
    Refines,
}

/// <summary>A claim as the agreement rules see it: what it is about, its stance and its origin.</summary>
public sealed record SubjectClaim(int ClaimId, int ReportId, IReadOnlySet<string> Subjects, Stance Stance, string Origin);

/// <summary>A link between two claims the rules propose for an editor to confirm (lower claim id first).</summary>
public sealed record ProposedLink(int ClaimId, int OtherClaimId, ClaimLinkKind Kind, string Reason);

/// <summary>
/// Proposes how claims about the same subject (a meeting, an agenda item) relate: a denial against
/// an assertion contradicts it; two that agree corroborate each other only when they come from
/// different origins; two that agree from the same origin refine (repeat or elaborate) each other and
/// add no independent weight. Claims of one report are not linked to each other.
/// </summary>
public static class Agreement
{
    /// <summary>Every link among the claims, ordered by (claim, other claim). Only claims that share a subject are compared.</summary>
    public static IReadOnlyList<ProposedLink> Propose(IReadOnlyList<SubjectClaim> claims)
    {
        var bySubject = new Dictionary<string, List<SubjectClaim>>(StringComparer.Ordinal);
        foreach (var claim in claims.DistinctBy(c => c.ClaimId))
        {
            foreach (var subject in claim.Subjects)
            {
                if (!bySubject.TryGetValue(subject, out var list))
                {
                    bySubject[subject] = list = [];
                }

                list.Add(claim);
            }
        }

        var compared = new HashSet<(int, int)>();
        var links = new List<ProposedLink>();
        foreach (var group in bySubject.Values)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    var (a, b) = group[i].ClaimId < group[j].ClaimId ? (group[i], group[j]) : (group[j], group[i]);
                    if (compared.Add((a.ClaimId, b.ClaimId)) && Relate(a, b) is { } link)
                    {
                        links.Add(link);
                    }
                }
            }
        }

        links.Sort((x, y) => x.ClaimId != y.ClaimId ? x.ClaimId.CompareTo(y.ClaimId) : x.OtherClaimId.CompareTo(y.OtherClaimId));
        return links;
    }

    /// <summary>
    /// The links of one claim with the others (the same links <see cref="Propose"/> gives for it), in the order of
    /// <paramref name="others"/>: pass them distinct and ordered by id (as <see cref="Evidence"/> keeps its claims) for
    /// the links ordered by the other claim. Walked as given, without a copy: a subject can have thousands of claims.
    /// </summary>
    public static IEnumerable<ProposedLink> ProposeFor(SubjectClaim claim, IEnumerable<SubjectClaim> others)
    {
        foreach (var other in others)
        {
            if (Relate(claim, other) is { } link)
            {
                yield return link;
            }
        }
    }

    /// <summary>How two claims relate, or null when they are not linked (same claim, same report, no shared subject).</summary>
    public static ProposedLink? Relate(SubjectClaim first, SubjectClaim second)
    {
        var (a, b) = first.ClaimId < second.ClaimId ? (first, second) : (second, first);
        if (!OfDifferentReports(a, b) || FirstShared(a.Subjects, b.Subjects) is not { } shared)
        {
            return null;
        }

        var kind = KindOfLinked(a, b);
        return new ProposedLink(a.ClaimId, b.ClaimId, kind, Reason(kind, shared));
    }

    /// <summary>The kind of link <see cref="Relate"/> proposes between two claims, without its reason; null when none.</summary>
    public static ClaimLinkKind? KindOf(SubjectClaim first, SubjectClaim second) =>
        OfDifferentReports(first, second) && first.Subjects.Overlaps(second.Subjects) ? KindOfLinked(first, second) : null;

    private static bool OfDifferentReports(SubjectClaim a, SubjectClaim b) => a.ReportId != b.ReportId && a.ClaimId != b.ClaimId;

    /// <summary>The rule, for two claims of different reports about a shared subject.</summary>
    private static ClaimLinkKind KindOfLinked(SubjectClaim a, SubjectClaim b) =>
        (a.Stance == Stance.Denies) != (b.Stance == Stance.Denies) ? ClaimLinkKind.Contradicts
        : a.Origin != b.Origin ? ClaimLinkKind.Corroborates
        : ClaimLinkKind.Refines;

    /// <summary>The first subject (in ordinal order) both claims are about, or null.</summary>
    private static string? FirstShared(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        string? shared = null;
        foreach (var subject in first)
        {
            if (second.Contains(subject) && (shared is null || string.CompareOrdinal(subject, shared) < 0))
            {
                shared = subject;
            }
        }

        return shared;
    }

    // A subject with thousands of claims proposes millions of links with the same few reasons: each made once.
    private const int ReasonsKept = 100_000;
    private static readonly ConcurrentDictionary<(ClaimLinkKind, string), string> Reasons = new();

    private static string Reason(ClaimLinkKind kind, string shared) =>
        Reasons.TryGetValue((kind, shared), out var reason) ? reason
        : Reasons.Count < ReasonsKept ? Reasons.GetOrAdd((kind, shared), key => Describe(key.Item1, key.Item2))
        : Describe(kind, shared);

    private static string Describe(ClaimLinkKind kind, string shared) => kind switch
    {
        ClaimLinkKind.Contradicts => $"opposite stances on {shared}",
        ClaimLinkKind.Corroborates => $"agree on {shared}, independent origins",
        _ => $"agree on {shared}, same origin",
    };
}
