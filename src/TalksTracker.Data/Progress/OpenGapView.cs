using TalksTracker.Domain;
using TalksTracker.Domain.Progress;

namespace TalksTracker.Data.Progress;

/// <summary>A gap (gap remains, stalled) that no newer report supersedes, and how well it is sourced.</summary>
public sealed record OpenGapView(AgendaStatus Status, DateOnly AsOf, string? Note, bool WellSourced, Backing Backing);
