using TalksTracker.Domain.Positions;

namespace TalksTracker.Data.Progress;

/// <summary>A party's new position on an item; <see cref="Was"/> is its position before, null when it is the party's first there.</summary>
public sealed record DigestPositionChange(int PositionId, int AgendaItemId, string AgendaItem, string Party, PositionKind Kind, PositionKind? Was, string AsOf, DateTime RecordedAt);
