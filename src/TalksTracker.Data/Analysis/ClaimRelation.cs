using TalksTracker.Data.Claims;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Analysis;

/// <summary>Another claim related to one being looked at, and how.</summary>
public sealed record ClaimRelation(ClaimView Claim, ClaimLinkKind Kind, bool Confirmed, string Reason);
