using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

public sealed record AgendaItemView(
    int Id,
    string Title,
    AgendaCategory Category,
    string? Description,
    NamedRef Track,
    int ClaimCount,
    IReadOnlyList<AgendaStatusView> StatusChanges,
    Guid Version,
    IReadOnlyList<string> Aliases);
