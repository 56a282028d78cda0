namespace TalksTracker.Domain;

public enum AgendaCategory
{
    Deployments,
    Militias,
    Guarantees,
    EscalationPrevention,
    ForeignMilitaryPresence,
    Other,
}

/// <summary>How far an agenda item has moved. Order is not progress: stalled and dropped are terminal-ish states.</summary>
public enum AgendaStatus
{
    Raised,
    Proposed,
    Discussed,
    Progress,
    AgreedInPrinciple,
    Agreed,
    Implemented,
    Stalled,
    GapRemains,
    Dropped,
}

/// <summary>A topic of a track: "long-term guarantees".</summary>
public class AgendaItem : IVersioned, IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public int TrackId { get; set; }
    public Track? Track { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public AgendaCategory Category { get; set; }
    public List<AgendaStatusChange> StatusChanges { get; set; } = [];
    public List<AgendaItemAlias> Aliases { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// Another name the press uses for an agenda item ("army redeployment" for "Syrian army redeployment near the
/// border"): the position finder matches a report's wording against the title and these.
/// </summary>
public class AgendaItemAlias
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public required string Alias { get; set; }
}

/// <summary>A change of an agenda item's status, resting on the claims that report it.</summary>
public class AgendaStatusChange : IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public AgendaStatus Status { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>When the status was reported to hold: the report's date, or the intake date where unknown.</summary>
    public DateOnly AsOf { get; set; }
    public string? Note { get; set; }
    public List<AgendaStatusEvidence> Evidence { get; set; } = [];
}

/// <summary>A claim that supports a status change.</summary>
public class AgendaStatusEvidence
{
    public int AgendaStatusChangeId { get; set; }
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
}
