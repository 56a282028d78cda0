using System.ComponentModel.DataAnnotations;
using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Editing;

/// <summary>
/// A claim as it is corrected after review: who it is attributed to (and through which relay), its stance, hedge and
/// credibility, and what it is about. Its span and quote are not part of it: the report's text does not change. The
/// lists replace the claim's links (null or empty: none). <see cref="Version"/> is the one the editor read.
/// </summary>
public sealed record ClaimCorrection(
    Guid Version,
    int? SourceId,
    int? ViaSourceId,
    Stance? Stance,
    int Credibility,
    [property: MaxLength(FieldLimits.ClaimHedge)] string? Hedge = null,
    IReadOnlyList<int>? MeetingIds = null,
    IReadOnlyList<int>? AgendaItemIds = null,
    IReadOnlyList<int>? ActorIds = null);

/// <summary>Why an editor takes a claim out of the record; with the version they read, a claim changed since is not retracted.</summary>
public sealed record ClaimRetraction([property: MaxLength(FieldLimits.RetractedClaimReason)] string? Reason, Guid? Version = null);

/// <summary>A claim as its correction form shows it: the fields an editor can change, with names, and the version read.</summary>
public sealed record EditableClaim(
    int Id,
    int ReportId,
    int Start,
    int End,
    string Quote,
    NamedRef? Source,
    NamedRef? Via,
    Stance Stance,
    int Credibility,
    string? Hedge,
    IReadOnlyList<NamedRef> Meetings,
    IReadOnlyList<NamedRef> AgendaItems,
    IReadOnlyList<NamedRef> Actors,
    Guid Version);

/// <summary>A claim taken out of the record, as its report shows it apart: what it said, who retracted it, when and why.</summary>
public sealed record RetractedClaimView(int Id, int ReportId, string Quote, string Reason, string RetractedBy, DateTime RetractedAt);

/// <summary>A restored claim, and each link that could not be restored because its record is gone.</summary>
public sealed record RestoredClaim(int Id, IReadOnlyList<string> NotRestored);
