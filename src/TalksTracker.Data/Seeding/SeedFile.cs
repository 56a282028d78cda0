using TalksTracker.Domain;

namespace TalksTracker.Data.Seeding;

// The shape of a seed annotation file (seeds/*.json). Keys tie records together inside one file;
// names tie them to records already in the database.
internal sealed record SeedFile(
    SeedReport Report,
    List<SeedActor> Actors,
    List<SeedSource> Sources,
    List<SeedVenue> Venues,
    List<SeedTrack> Tracks,
    List<SeedMeeting> Meetings,
    List<SeedAgendaItem> AgendaItems,
    List<SeedClaim> Claims,
    List<SeedStatusChange> StatusChanges);

internal sealed record SeedReport(string File, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language, DateOnly TakenInOn);

internal sealed record SeedActor(string Key, string Name, ActorKind Kind, string? Parent, List<string>? Aliases, string? Description);

internal sealed record SeedSource(string Key, string Name, SourceKind Kind, string? Affiliation, string Reliability, string? Description);

internal sealed record SeedVenue(string Key, string Name, string? Country, double? Latitude, double? Longitude);

internal sealed record SeedTrack(string Key, string Name, bool Official, string? Description, List<SeedTrackParticipant> Participants);

internal sealed record SeedTrackParticipant(string Actor, TrackRole Role, Acknowledgement Acknowledgement, string? Note);

internal sealed record SeedMeeting(
    string Key, string Track, string? Venue, string Title, bool Series, string? Summary,
    MeetingFormat Format, MeetingStatus Status, SeedDate Date, List<SeedMeetingParticipant> Participants);

internal sealed record SeedDate(DatePrecision Precision, DateOnly? Start, DateOnly? End, string? Label);

internal sealed record SeedMeetingParticipant(string Actor, string? Level, ParticipantRole Role = ParticipantRole.Party);

internal sealed record SeedAgendaItem(string Key, string Track, string Title, AgendaCategory Category, string? Description, List<string>? Aliases = null);

internal sealed record SeedClaim(
    string Key, string Quote, string? Source, string? Via, string? Cue, string? Hedge, Stance Stance, int Credibility,
    List<string>? Meetings, List<string>? AgendaItems, List<string>? Actors);

internal sealed record SeedStatusChange(string AgendaItem, AgendaStatus Status, string? Meeting, List<string> Claims, string? Note);
