using System.ComponentModel.DataAnnotations;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Editing;

/// <summary>An actor's part in a track: its role and, for a party, whether it acknowledges the track.</summary>
public sealed record TrackPartyInput(int ActorId, TrackRole Role, Acknowledgement Acknowledgement = Acknowledgement.Unknown, [property: MaxLength(FieldLimits.TrackParticipantNote)] string? Note = null);

/// <summary>A track as an editor corrects it, with the <see cref="Version"/> they opened; the parties sent replace the stored ones.</summary>
public sealed record TrackEdit(Guid Version, [property: MaxLength(FieldLimits.TrackName)] string? Name, [property: MaxLength(FieldLimits.TrackDescription)] string? Description = null, bool IsOfficial = false, IReadOnlyList<TrackPartyInput>? Parties = null);

/// <summary>Archiving or restoring a track: only the version the editor saw.</summary>
public sealed record TrackArchival(Guid Version);

/// <summary>
/// A meeting as an editor corrects it, with the <see cref="Version"/> they opened. The participants sent replace the
/// stored ones; a different <see cref="TrackId"/> moves the meeting (and the agenda items only it speaks of) to that track.
/// </summary>
public sealed record MeetingEdit(
    Guid Version,
    int? TrackId,
    [property: MaxLength(FieldLimits.MeetingTitle)] string? Title,
    int? VenueId = null,
    MeetingDateInput? Date = null,
    MeetingFormat Format = MeetingFormat.Unknown,
    MeetingStatus Status = MeetingStatus.Reported,
    bool IsSeries = false,
    IReadOnlyList<NewParticipant>? Participants = null,
    [property: MaxLength(FieldLimits.MeetingSummary)] string? Summary = null);

/// <summary>A corrected record: its id, name and the new version to send with the next correction.</summary>
public sealed record Corrected(int Id, string Name, Guid Version);

/// <summary>
/// A corrected meeting. When it moved to another track, the agenda items only it speaks of moved with it; those other
/// meetings of the old track also speak of stayed there (with the reason).
/// </summary>
public sealed record CorrectedMeeting(int Id, string Name, Guid Version, NamedRef Track, IReadOnlyList<NamedRef> MovedAgendaItems, IReadOnlyList<string> AgendaItemsKept);

/// <summary>An actor corrected: every field as it should read, and the <see cref="Version"/> the editor opened.</summary>
public sealed record ActorEdit([property: MaxLength(FieldLimits.ActorName)] string? Name, ActorKind Kind, IReadOnlyList<string>? Aliases, int? ParentActorId, [property: MaxLength(FieldLimits.ActorDescription)] string? Description, Guid Version);

/// <summary>A source corrected; its grade changes through "Change grade", which keeps the grade's history.</summary>
public sealed record SourceEdit(
    [property: MaxLength(FieldLimits.SourceName)] string? Name,
    SourceKind Kind,
    int? AffiliationActorId,
    [property: MaxLength(FieldLimits.SourceDescription)] string? Description,
    Guid Version);

/// <summary>A venue corrected: name, country (an actor of kind State), coordinates both or neither.</summary>
public sealed record VenueEdit([property: MaxLength(FieldLimits.VenueName)] string? Name, int? CountryActorId, double? Latitude, double? Longitude, Guid Version);

/// <summary>An agenda item corrected, possibly moved to another track; <see cref="Aliases"/> as they should read (none when left out).</summary>
public sealed record AgendaItemEdit(int? TrackId, [property: MaxLength(FieldLimits.AgendaItemTitle)] string? Title, AgendaCategory Category, [property: MaxLength(FieldLimits.AgendaItemDescription)] string? Description, Guid Version, IReadOnlyList<string>? Aliases = null);


/// <summary>How many records of one kind refer to an actor or source ("claims naming it": 12).</summary>
public sealed record DependentCount(string What, int Count);

/// <summary>
/// What merging <paramref name="From"/> into <paramref name="Into"/> moves (or moved): each kind of record that
/// refers to the merged one and how many of them there are, before duplicates are collapsed.
/// </summary>
public sealed record MergePlan(NamedRef From, NamedRef Into, IReadOnlyList<DependentCount> Moves);

