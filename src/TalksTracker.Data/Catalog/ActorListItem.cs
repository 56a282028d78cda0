using TalksTracker.Domain;

namespace TalksTracker.Data.Catalog;

public sealed record ActorListItem(int Id, string Name, ActorKind Kind, string? Parent, IReadOnlyList<string> Aliases);
