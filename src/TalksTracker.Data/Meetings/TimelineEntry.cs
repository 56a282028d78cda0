using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Meetings;

public sealed record TimelineEntry(
    int Id,
    string Title,
    NamedRef Track,
    NamedRef? Venue,
    FuzzyDate Date,
    MeetingStatus Status,
    MeetingFormat Format,
    IReadOnlyList<MeetingParticipantView> Participants,
    IReadOnlyList<NamedRef> AgendaItems,
    int ClaimCount,
    int IndependentOrigins);
