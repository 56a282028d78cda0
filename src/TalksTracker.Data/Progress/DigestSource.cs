using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

public sealed record DigestSource(int Id, string Name, SourceKind Kind, Reliability Reliability, DateTime RecordedAt);
