using TalksTracker.Data.Services;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

/// <summary>An actor corrected: every field as it should read, and the <see cref="Version"/> the editor opened.</summary>
public sealed record ActorEdit(string? Name, ActorKind Kind, IReadOnlyList<string>? Aliases, int? ParentActorId, string? Description, Guid Version);

/// <summary>A source corrected; its grade changes through "Change grade", which keeps the grade's history.</summary>
public sealed record SourceEdit(string? Name, SourceKind Kind, int? AffiliationActorId, string? Description, Guid Version);

/// <summary>A venue corrected: name, country (an actor of kind State), coordinates both or neither.</summary>
public sealed record VenueEdit(string? Name, int? CountryActorId, double? Latitude, double? Longitude, Guid Version);

/// <summary>An agenda item corrected, possibly moved to another track.</summary>
public sealed record AgendaItemEdit(int? TrackId, string? Title, AgendaCategory Category, string? Description, Guid Version);

/// <summary>A record as saved by a correction: its id, name and the version to send with the next one.</summary>
public sealed record CorrectedRecord(int Id, string Name, Guid Version);

/// <summary>How many records of one kind refer to an actor or source ("claims naming it": 12).</summary>
public sealed record DependentCount(string What, int Count);

/// <summary>
/// What merging <paramref name="From"/> into <paramref name="Into"/> moves (or moved): each kind of record that
/// refers to the merged one and how many of them there are, before duplicates are collapsed.
/// </summary>
public sealed record MergePlan(NamedRef From, NamedRef Into, IReadOnlyList<DependentCount> Moves);

