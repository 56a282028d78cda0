using TalksTracker.Domain;

namespace TalksTracker.Data.Claims;

public sealed record SourceRef(int Id, string Name, SourceKind Kind, Reliability Reliability);
