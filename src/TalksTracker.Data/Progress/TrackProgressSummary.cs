using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

/// <summary>One track's line on the overview: counts by current status and open gaps.</summary>
public sealed record TrackProgressSummary(int TrackId, string TrackName, IReadOnlyDictionary<AgendaStatus, int> CountsByStatus, int WithoutStatus, int OpenGaps, int Disputed);
