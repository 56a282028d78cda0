using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

public sealed record StatusSeries(int AgendaItemId, string Item, IReadOnlyList<AgendaStatus?> Statuses);
