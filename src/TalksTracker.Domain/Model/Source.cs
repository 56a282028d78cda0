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
    /// <summary>A spokesman or spokeswoman, named or not: speaks for a body rather than for themselves.</summary>
    Spokesperson,
    /// <summary>An international body or agency speaking as itself: the UN, the IAEA, the ICRC.</summary>
    Institution,
    /// <summary>A non-state party to the talks speaking as itself: an armed group, a movement, a party.</summary>
    Party,
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
