using TalksTracker.Domain;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Meetings;

public sealed record MeetingDossier(
    int Id,
    string Title,
    string? Summary,
    NamedRef Track,
    NamedRef? Venue,
    string? VenueCountry,
    FuzzyDate Date,
    bool IsSeries,
    MeetingFormat Format,
    MeetingStatus Status,
    IReadOnlyList<MeetingParticipantView> Participants,
    IReadOnlyList<TrackRoleView> TrackRoles,
    IReadOnlyList<MeetingAgendaView> AgendaItems,
    IReadOnlyList<ClaimView> Claims,
    int IndependentOrigins,
    Guid Version);
