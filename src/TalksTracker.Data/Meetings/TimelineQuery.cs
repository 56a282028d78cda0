using TalksTracker.Domain;

namespace TalksTracker.Data.Meetings;

/// <summary>The timeline's filters; every one is optional, and all given must hold.</summary>
public sealed record TimelineQuery
{
    public const int MaxPageSize = 200;

    public int? TrackId { get; init; }
    /// <summary>Party, mediator, approver, host, participant, venue country, or mentioned in a claim about the meeting.</summary>
    public int? ActorId { get; init; }
    public int? VenueId { get; init; }
    public AgendaCategory? Category { get; init; }
    public int? SourceId { get; init; }
    /// <summary>Only meetings backed by a claim whose source is graded this or better (A best).</summary>
    public Reliability? MinReliability { get; init; }
    public Stance? Stance { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>True: every party acknowledges the track; false: some party does not (or denies it).</summary>
    public bool? Acknowledged { get; init; }
    public MeetingStatus? Status { get; init; }
    /// <summary>Only meetings that took place: not planned, postponed or cancelled ones (the overview's recent meetings).</summary>
    public bool HeldOnly { get; init; }
    public TimelineOrder Order { get; init; } = TimelineOrder.NewestFirst;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
