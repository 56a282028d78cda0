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
    public static IReadOnlyList<ProposedLink> Propose(IReadOnlyList<SubjectClaim> claims)
    {
        var links = new List<ProposedLink>();
        var ordered = claims.OrderBy(c => c.ClaimId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count; j++)
            {
                var (a, b) = (ordered[i], ordered[j]);
                if (a.ReportId == b.ReportId || a.ClaimId == b.ClaimId)
                {
                    continue;
                }

                var shared = a.Subjects.Intersect(b.Subjects).Order(StringComparer.Ordinal).FirstOrDefault();
                if (shared is null)
                {
                    continue;
                }

                var aDenies = a.Stance == Stance.Denies;
                var bDenies = b.Stance == Stance.Denies;
                if (aDenies != bDenies)
                {
                    links.Add(new ProposedLink(a.ClaimId, b.ClaimId, ClaimLinkKind.Contradicts, $"opposite stances on {shared}"));
                }
                else if (a.Origin != b.Origin)
                {
                    links.Add(new ProposedLink(a.ClaimId, b.ClaimId, ClaimLinkKind.Corroborates, $"agree on {shared}, independent origins"));
                }
                else
                {
                    links.Add(new ProposedLink(a.ClaimId, b.ClaimId, ClaimLinkKind.Refines, $"agree on {shared}, same origin"));
                }
            }
        }

        return links;
    }
}
