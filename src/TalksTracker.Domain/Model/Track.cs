namespace TalksTracker.Domain;

public enum TrackRole
{
    Party,
    Mediator,
    Approver,
    Observer,
    Host,
}

public enum Acknowledgement
{
    Unknown,
    Acknowledged,
    Unacknowledged,
    Denied,
}

/// <summary>One negotiation channel, e.g. the Syria–Israel security track.</summary>
public class Track : IVersioned, IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsOfficial { get; set; }
    /// <summary>When an editor archived the track: it leaves pickers and lists of current tracks; its record stays readable.</summary>
    public DateTime? ArchivedAt { get; set; }
    public List<TrackParticipant> Participants { get; set; } = [];
    public List<Meeting> Meetings { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>An actor's role on a track and, for parties, whether it acknowledges the track.</summary>
public class TrackParticipant
{
    public int Id { get; set; }
    public int TrackId { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public TrackRole Role { get; set; }
    public Acknowledgement Acknowledgement { get; set; }
    public string? Note { get; set; }
}
