using TalksTracker.Data.Services;
using TalksTracker.Domain;

namespace TalksTracker.Data.Export;

public sealed record ExportActor(int Id, string Name, ActorKind Kind, string? Description, int? ParentActorId, DateTime RecordedAt);

public sealed record ExportSource(int Id, string Name, SourceKind Kind, Reliability Reliability, int? AffiliationActorId, string? Description, DateTime RecordedAt);

public sealed record ExportVenue(int Id, string Name, string? Country, double? Latitude, double? Longitude, DateTime RecordedAt);

public sealed record ExportReport(int Id, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string Language, DateTime TakenInAt);

public sealed record ExportMeeting(int Id, int TrackId, string Title, string Date, int? VenueId, MeetingStatus Status, MeetingFormat Format,
    IReadOnlyList<int> ParticipantActorIds, DateTime RecordedAt);

public sealed record ExportTrack(int Id, string Name, string? Description, bool IsOfficial, IReadOnlyList<int> ParticipantActorIds, DateTime RecordedAt);

/// <summary>A claim with its provenance: report, span, source, relay and grade.</summary>
public sealed record ExportClaim(
    int Id,
    int ReportId,
    string ReportTitle,
    string? Outlet,
    DateOnly? PublishedOn,
    int Start,
    int End,
    string Quote,
    int? SourceId,
    string? SourceName,
    Reliability? SourceReliability,
    int? ViaSourceId,
    string? ViaSourceName,
    Stance Stance,
    int Credibility,
    string Grade,
    string? Cue,
    string? Hedge,
    IReadOnlyList<int> MeetingIds,
    IReadOnlyList<int> AgendaItemIds,
    IReadOnlyList<int> ActorIds,
    DateTime RecordedAt);

/// <summary>Everything an export writes, read once; the writers (CSV, JSON, STIX) are pure functions of it.</summary>
public sealed record ExportSnapshot(
    DateTime ExportedAt,
    IReadOnlyList<ExportTrack> Tracks,
    IReadOnlyList<ProgressBoard> Boards,
    IReadOnlyList<ExportMeeting> Meetings,
    IReadOnlyList<ExportReport> Reports,
    IReadOnlyList<ExportClaim> Claims,
    IReadOnlyList<ExportSource> Sources,
    IReadOnlyList<ExportActor> Actors,
    IReadOnlyList<ExportVenue> Venues);
