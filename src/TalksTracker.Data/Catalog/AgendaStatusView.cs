using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

public sealed record AgendaStatusView(AgendaStatus Status, DateOnly AsOf, NamedRef? Meeting, int Evidence);
