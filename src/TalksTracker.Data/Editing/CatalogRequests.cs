using System.ComponentModel.DataAnnotations;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

public sealed record NewSource([property: MaxLength(FieldLimits.SourceName)] string? Name, SourceKind Kind, Reliability Reliability, int? AffiliationActorId = null, [property: MaxLength(FieldLimits.SourceDescription)] string? Description = null);

/// <summary>A place meetings happen; the country is an actor of kind State; coordinates both or neither.</summary>
public sealed record NewVenue([property: MaxLength(FieldLimits.VenueName)] string? Name, int? CountryActorId, double? Latitude = null, double? Longitude = null);

/// <summary>An actor with the other names the press uses for it ("Moscow" for Russia) and, for a body, the actor it belongs to.</summary>
public sealed record NewActor([property: MaxLength(FieldLimits.ActorName)] string? Name, ActorKind Kind, IReadOnlyList<string>? Aliases = null, int? ParentActorId = null, [property: MaxLength(FieldLimits.ActorDescription)] string? Description = null);

/// <summary>A topic of a track, with the other names the press uses for it ("army redeployment").</summary>
public sealed record NewAgendaItem(int? TrackId, [property: MaxLength(FieldLimits.AgendaItemTitle)] string? Title, AgendaCategory Category, [property: MaxLength(FieldLimits.AgendaItemDescription)] string? Description = null, IReadOnlyList<string>? Aliases = null);

/// <summary>Who attended a meeting on behalf of an actor, in what role, at the level the report gives ("high-level security officials").</summary>
public sealed record NewParticipant(int ActorId, [property: MaxLength(FieldLimits.MeetingParticipantLevel)] string? Level = null, ParticipantRole Role = ParticipantRole.Party);

/// <summary>A negotiation channel with its parties, mediators, approvers, observers and hosts.</summary>
public sealed record NewTrack([property: MaxLength(FieldLimits.TrackName)] string? Name, [property: MaxLength(FieldLimits.TrackDescription)] string? Description = null, bool IsOfficial = false, IReadOnlyList<TrackPartyInput>? Parties = null);

/// <summary>One session, or a reported series, of a track; the date as precisely as the reporting allows.</summary>
public sealed record NewMeeting(
    int? TrackId,
    [property: MaxLength(FieldLimits.MeetingTitle)] string? Title,
    int? VenueId = null,
    MeetingDateInput? Date = null,
    MeetingFormat Format = MeetingFormat.Unknown,
    MeetingStatus Status = MeetingStatus.Reported,
    bool IsSeries = false,
    IReadOnlyList<NewParticipant>? Participants = null,
    [property: MaxLength(FieldLimits.MeetingSummary)] string? Summary = null);

/// <summary>A catalog record as pickers list it: its id, name, and what tells it apart (track, country, kind).</summary>
public sealed record CatalogRecord(int Id, string Name, string? Detail);

/// <summary>An existing record a new one would duplicate, the field whose name it shares, and what to tell the editor.</summary>
public sealed record CatalogMatch(CatalogRecord Record, string Field, string Message);

/// <summary>
/// The record an editor or a script created, or why it was not: problems keyed by field and, where
/// the name is already taken, the record that has it, to be picked instead of a duplicate.
/// </summary>
public sealed record CatalogOutcome(CatalogRecord? Created, IReadOnlyDictionary<string, string[]> Errors, CatalogMatch? Duplicate = null)
{
    public bool Succeeded => Created is not null;

    /// <summary>The record that already has the name, to use instead.</summary>
    public CatalogRecord? Existing => Duplicate?.Record;
}
