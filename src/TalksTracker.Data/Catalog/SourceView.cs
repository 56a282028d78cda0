using TalksTracker.Domain;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>A source's page: the newest <see cref="ClaimService.ClaimsListed"/> claims it made, then the newest it relayed from
/// others (<see cref="Claims"/>, in that order), and how many of each there are in all.</summary>
public sealed record SourceView(
    int Id,
    string Name,
    SourceKind Kind,
    Reliability Reliability,
    NamedRef? Affiliation,
    string? Description,
    IReadOnlyList<ClaimView> Claims,
    Guid Version,
    int ClaimsMade,
    int ClaimsRelayed);
