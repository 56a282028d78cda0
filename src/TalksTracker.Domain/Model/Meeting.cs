namespace TalksTracker.Domain;

public enum MeetingFormat
{
    Unknown,
    Direct,
    Indirect,
    Shuttle,
}

/// <summary>What is known of whether a meeting happens, happened or is to happen.</summary>
public enum MeetingStatus
{
    Reported,
    Confirmed,
    Denied,
    /// <summary>Announced for a later date (a second round "to be held in Baghdad").</summary>
    Planned,
    Postponed,
    Cancelled,
}

public static class MeetingStatuses
{
    /// <summary>Statuses of a meeting that has not taken place (yet): it is not counted as held (latest meeting, activity, recent meetings).</summary>
    public static readonly IReadOnlyList<MeetingStatus> NotHeld = [MeetingStatus.Planned, MeetingStatus.Postponed, MeetingStatus.Cancelled];

    public static bool IsHeld(this MeetingStatus status) => !NotHeld.Contains(status);
}

/// <summary>What an actor was at one meeting; the track's roles are defaults, not the meeting's truth.</summary>
public enum ParticipantRole
{
    Party,
    Mediator,
    Host,
    Observer,
    Guarantor,
}

/// <summary>One session, or a reported series of sessions, of a track.</summary>
public class Meeting : IVersioned, IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public int TrackId { get; set; }
    public Track? Track { get; set; }
    public int? VenueId { get; set; }
    public Venue? Venue { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public bool IsSeries { get; set; }
    public MeetingFormat Format { get; set; }
    public MeetingStatus Status { get; set; }

    // The date is stored flat so it can be indexed and sorted; FuzzyDate is the one way to set it.
    public DatePrecision DatePrecision { get; private set; } = DatePrecision.Unknown;
    public DateOnly? DateStart { get; private set; }
    public DateOnly? DateEnd { get; private set; }
    public string? DateLabel { get; private set; }
    public DateOnly? SortDate { get; private set; }

    public FuzzyDate Date
    {
        get => FuzzyDate.FromParts(DatePrecision, DateStart, DateEnd, DateLabel);
        set
        {
            DatePrecision = value.Precision;
            DateStart = value.Start;
            DateEnd = value.End;
            DateLabel = value.Label;
            SortDate = value.SortKey;
        }
    }

    public List<MeetingParticipant> Participants { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Who attended on behalf of an actor, in what role and at what level.</summary>
public class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public ParticipantRole Role { get; set; }
    public string? Level { get; set; }
}
