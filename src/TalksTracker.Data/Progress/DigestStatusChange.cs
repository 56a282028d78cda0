using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

public sealed record DigestStatusChange(int AgendaItemId, string AgendaItem, AgendaStatus Status, DateOnly AsOf, string? Note, DateTime RecordedAt);
