namespace TalksTracker.Domain;

public enum Stance
{
    Asserts,
    Denies,
    Hedged,
}

/// <summary>
/// One statement of one report: an exact character span [Start, End) of the report's text,
/// attributed to a source or to none (the outlet's own voice).
/// </summary>
public class Claim : IVersioned, IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>The quoted span, kept with the claim; always equals the report text at [Start, End).</summary>
    public required string Quote { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    /// <summary>The source that relayed this claim to the report ("Israeli media" relaying an official), if any.</summary>
    public int? ViaSourceId { get; set; }
    public Source? ViaSource { get; set; }
    public Stance Stance { get; set; }
    /// <summary>Information credibility 1 (confirmed) … 6 (cannot be judged).</summary>
    public int Credibility { get; set; } = 6;
    /// <summary>The words that attribute the claim: "according to", "added".</summary>
    public string? Cue { get; set; }
    /// <summary>Hedge words found in the claim: "reportedly", "are said to".</summary>
    public string? Hedge { get; set; }
    public List<ClaimMeeting> Meetings { get; set; } = [];
    public List<ClaimAgendaItem> AgendaItems { get; set; } = [];
    public List<ClaimActor> Actors { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class ClaimMeeting
{
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
}

public class ClaimAgendaItem
{
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
}

public class ClaimActor
{
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
}
