using TalksTracker.Domain;

namespace TalksTracker.Data.Analysis;

/// <summary>How a source's claims fared against claims from other, independent origins.</summary>
public sealed record SourceTrackRecord(int Claims, int Corroborated, int Contradicted, int Alone, Reliability? SuggestedGrade, string Basis, IReadOnlyList<GradeChangeView> History);
