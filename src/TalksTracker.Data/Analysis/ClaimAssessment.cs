using TalksTracker.Data.Claims;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>Everything known about where one claim comes from and how it stands.</summary>
public sealed record ClaimAssessment(
    ClaimView Claim,
    string Origin,
    IReadOnlyList<string> RelayChain,
    IReadOnlyList<ClaimRelation> Corroborating,
    IReadOnlyList<ClaimRelation> Contradicting,
    IReadOnlyList<ClaimRelation> Refining,
    ConfidenceAssessment Confidence);
