using TalksTracker.Domain;

namespace TalksTracker.Data.Catalog;

public sealed record SourceListItem(int Id, string Name, SourceKind Kind, Reliability Reliability, string? Affiliation, int ClaimCount);
