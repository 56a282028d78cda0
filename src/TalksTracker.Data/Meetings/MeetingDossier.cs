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
    Guid Version)
{
    /// <summary>The dossier of a meeting whose own record reads <paramref name="facts"/>.</summary>
    public static MeetingDossier From(
        MeetingFacts facts, IReadOnlyList<MeetingParticipantView> participants, IReadOnlyList<TrackRoleView> trackRoles,
        IReadOnlyList<MeetingAgendaView> agendaItems, IReadOnlyList<ClaimView> claims, int independentOrigins) => new(
        facts.Id,
        facts.Title,
        facts.Summary,
        new NamedRef(facts.TrackId, facts.TrackName),
        facts.VenueId is { } venueId ? new NamedRef(venueId, facts.VenueName!) : null,
        facts.VenueCountry,
        FuzzyDate.FromParts(facts.DatePrecision, facts.DateStart, facts.DateEnd, facts.DateLabel),
        facts.IsSeries,
        facts.Format,
        facts.Status,
        participants,
        trackRoles,
        agendaItems,
        claims,
        independentOrigins,
        facts.Version);

    /// <summary>
    /// This dossier with the meeting's own record read again (a status, a title, a date saved elsewhere), its lists
    /// kept as they are — the same instances, so what shows them need not render again. Not for a meeting moved to
    /// another track: its track roles are another track's.
    /// </summary>
    public MeetingDossier WithFacts(MeetingFacts facts) =>
        From(facts, Participants, TrackRoles, AgendaItems, Claims, IndependentOrigins);
}

/// <summary>A meeting's own record as its dossier shows it (<see cref="MeetingService.FactsAsync"/>).</summary>
public sealed record MeetingFacts(
    int Id, string Title, string? Summary, int TrackId, string TrackName, int? VenueId, string? VenueName, string? VenueCountry,
    DatePrecision DatePrecision, DateOnly? DateStart, DateOnly? DateEnd, string? DateLabel, bool IsSeries, MeetingFormat Format,
    MeetingStatus Status, Guid Version);
