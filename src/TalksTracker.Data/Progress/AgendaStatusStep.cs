using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

/// <summary>One reported status of an agenda item, as recorded.</summary>
public sealed record AgendaStatusStep(
    int Id, AgendaStatus Status, DateOnly AsOf, string? Note, int? MeetingId, string? MeetingTitle, DateTime RecordedAt, IReadOnlyList<int> ClaimIds);
