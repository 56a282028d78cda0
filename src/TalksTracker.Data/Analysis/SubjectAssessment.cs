using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>How well a statement (a meeting took place, an agenda status) is supported, and how each claim relates to others.</summary>
public sealed record SubjectAssessment(
    ConfidenceAssessment Confidence,
    IReadOnlyDictionary<int, string> OriginOf,
    IReadOnlyDictionary<int, IReadOnlyList<ClaimRelation>> RelationsByClaim)
{
    public IReadOnlyList<ClaimRelation> RelationsOf(int claimId) => RelationsByClaim.TryGetValue(claimId, out var r) ? r : [];
}
