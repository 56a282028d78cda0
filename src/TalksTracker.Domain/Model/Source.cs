namespace TalksTracker.Domain;

public enum SourceKind
{
    NamedOfficial,
    AnonymousOfficial,
    MediaOutlet,
    Analyst,
    GovernmentStatement,
    Document,
    Other,
}

/// <summary>Admiralty (NATO) source reliability: A completely reliable … F cannot be judged.</summary>
public enum Reliability
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
    F = 6,
}

/// <summary>Who a claim is attributed to; recurs across reports and carries its reliability grade.</summary>
public class Source : IVersioned, IRecorded, INamed
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }
    public SourceKind Kind { get; set; }
    public int? AffiliationActorId { get; set; }
    public Actor? Affiliation { get; set; }
    public Reliability Reliability { get; set; } = Reliability.F;
    public string? Description { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
