using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Export;

public sealed record ExportActor(int Id, string Name, ActorKind Kind, string? Description, int? ParentActorId, DateTime RecordedAt);

public sealed record ExportSource(int Id, string Name, SourceKind Kind, Reliability Reliability, int? AffiliationActorId, string? Description, DateTime RecordedAt);

public sealed record ExportVenue(int Id, string Name, string? Country, double? Latitude, double? Longitude, DateTime RecordedAt);

public sealed record ExportReport(int Id, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string Language, DateTime TakenInAt);

/// <summary>A meeting; <see cref="Participants"/> gives each participant's role and level at this meeting.</summary>
public sealed record ExportMeeting(int Id, int TrackId, string Title, string Date, int? VenueId, MeetingStatus Status, MeetingFormat Format,
    IReadOnlyList<int> ParticipantActorIds, DateTime RecordedAt, IReadOnlyList<ExportParticipant> Participants);

public sealed record ExportParticipant(int ActorId, ParticipantRole Role, string? Level);

/// <summary>A track; <see cref="ArchivedAt"/> is set when an editor archived it.</summary>
public sealed record ExportTrack(int Id, string Name, string? Description, bool IsOfficial, IReadOnlyList<int> ParticipantActorIds, DateTime RecordedAt, DateTime? ArchivedAt);

/// <summary>A link from an exported claim to a claim of another report about the same meeting or agenda item.</summary>
/// <param name="Confirmed">True when an editor confirmed the link; false while it is proposed by the rules.</param>
public sealed record ExportClaimLink(int ClaimId, ClaimLinkKind Kind, bool Confirmed, string Reason);

/// <summary>
/// Where a claim comes from and how it stands, as <c>GET /api/claims/{id}/provenance</c> gives it: the relay chain,
/// the independent origin, the claims that corroborate, contradict or refine it, and its ICD 203 confidence with the derivation.
/// An export lists at most <see cref="LinksListedPerKind"/> links of each kind (an editor's confirmed links first, then by
/// claim id) and gives each kind's total: links are pairs, and a claim about a busy agenda item has thousands (listed in
/// full, exports grew too large to use and busier tracks' ran out of memory; docs/provenance.md). The
/// confidence weighs every link, listed or not; the claim's own provenance in the API lists them all.
/// </summary>
public sealed record ExportProvenance(
    IReadOnlyList<string> RelayChain,
    string Origin,
    IReadOnlyList<ExportClaimLink> Corroborating,
    IReadOnlyList<ExportClaimLink> Contradicting,
    IReadOnlyList<ExportClaimLink> Refining,
    string Confidence,
    double Probability,
    int OriginsFor,
    int OriginsAgainst,
    string Derivation,
    int CorroboratingTotal,
    int ContradictingTotal,
    int RefiningTotal)
{
    public const int LinksListedPerKind = 25;

    public static ExportProvenance Of(IReadOnlyList<string> relayChain, ClaimStanding standing, int linksPerKind = LinksListedPerKind)
    {
        (List<ExportClaimLink> Listed, int Total) Links(ClaimLinkKind kind)
        {
            var all = standing.OfKind(kind);
            return (all.OrderByDescending(r => r.Confirmed).ThenBy(r => r.OtherClaimId)
                .Take(linksPerKind)
                .Select(r => new ExportClaimLink(r.OtherClaimId, r.Kind, r.Confirmed, r.Reason)).ToList(), all.Count);
        }

        var (corroborating, contradicting, refining) = (Links(ClaimLinkKind.Corroborates), Links(ClaimLinkKind.Contradicts), Links(ClaimLinkKind.Refines));
        var c = standing.Confidence;
        return new ExportProvenance(relayChain, standing.Origin, corroborating.Listed, contradicting.Listed, refining.Listed,
            c.Label, Math.Round(c.Probability, 4), c.OriginsFor, c.OriginsAgainst, c.Derivation,
            corroborating.Total, contradicting.Total, refining.Total);
    }
}

/// <summary>A claim with its provenance: report, span, source, relay and grade, and (<see cref="Provenance"/>) its origin, links and confidence.</summary>
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
    DateTime RecordedAt)
{
    public ExportProvenance? Provenance { get; init; }
}

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
    IReadOnlyList<ExportVenue> Venues)
{
    /// <summary>The parties' positions on the exported tracks' items (read for a positions CSV, JSON and STIX).</summary>
    public IReadOnlyList<ExportPosition> Positions { get; init; } = [];
}

/// <summary>
/// A party's position on an agenda item, with the claims it rests on and each claim's source (null for the outlet's own
/// voice), in claim id order; <see cref="AsOf"/> as the page shows it, <see cref="AsOfStart"/>–<see cref="AsOfEnd"/> the days it may be.
/// </summary>
public sealed record ExportPosition(
    int Id,
    int TrackId,
    int AgendaItemId,
    string AgendaItem,
    int PartyActorId,
    string Party,
    string Kind,
    string Wording,
    string AsOf,
    DateOnly? AsOfStart,
    DateOnly? AsOfEnd,
    IReadOnlyList<int> ClaimIds,
    IReadOnlyList<ExportPositionSource?> Sources,
    DateTime RecordedAt);

/// <summary>The source of a claim a position rests on, with its Admiralty reliability.</summary>
public sealed record ExportPositionSource(int Id, string Name, Reliability Reliability);
