namespace TalksTracker.Domain;

public enum ActorKind
{
    State,
    StateBody,
    NonStateArmedGroup,
    InternationalOrganisation,
    MediaOutlet,
    Person,
    Other,
}

/// <summary>A state, state body, armed group, organisation, outlet or person.</summary>
public class Actor : IVersioned, IRecorded, INamed
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }
    public string? Description { get; set; }
    public int? ParentActorId { get; set; }
    public Actor? ParentActor { get; set; }
    public List<ActorAlias> Aliases { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Another name the press uses for an actor: "Moscow" for Russia.</summary>
public class ActorAlias
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public required string Alias { get; set; }
}
