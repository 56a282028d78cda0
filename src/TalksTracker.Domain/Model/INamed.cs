namespace TalksTracker.Domain;

/// <summary>A record people pick by its name (an actor, a venue, a source).</summary>
public interface INamed
{
    int Id { get; }
    string Name { get; }
}
