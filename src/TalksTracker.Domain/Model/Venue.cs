namespace TalksTracker.Domain;

/// <summary>A place meetings happen: Baku, Azerbaijan.</summary>
public class Venue : IVersioned, IRecorded, INamed
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? CountryActorId { get; set; }
    public Actor? Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
