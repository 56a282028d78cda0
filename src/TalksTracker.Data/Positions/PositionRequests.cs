using System.ComponentModel.DataAnnotations;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Positions;
using TalksTracker.Domain.Progress;

namespace TalksTracker.Data.Positions;

/// <summary>
/// A party's position on an agenda item (the item is in the address): the party (an actor that is a state, state body,
/// armed group or organisation), the kind, the report's words, the date it held as precisely as known, and the claims
/// it rests on (at least one).
/// </summary>
public sealed record NewPosition(
    int? PartyActorId,
    PositionKind? Kind,
    [property: MaxLength(FieldLimits.PositionWording)] string? Wording,
    MeetingDateInput? AsOf = null,
    IReadOnlyList<int>? ClaimIds = null);

/// <summary>A correction of a position: every field as it should be, with the version read.</summary>
public sealed record PositionEdit(
    Guid Version,
    int? PartyActorId,
    PositionKind? Kind,
    [property: MaxLength(FieldLimits.PositionWording)] string? Wording,
    MeetingDateInput? AsOf = null,
    IReadOnlyList<int>? ClaimIds = null);

/// <summary>
/// A position as pages and the API show it, with how well it is backed. <see cref="Counts"/> is false when every claim
/// it rested on was retracted: it is kept for an editor but no gap or figure counts it.
/// </summary>
public sealed record PositionView(
    int Id,
    NamedRef AgendaItem,
    NamedRef Party,
    PositionKind Kind,
    string KindName,
    string Wording,
    DatePrecision AsOfPrecision,
    DateOnly? AsOfStart,
    DateOnly? AsOfEnd,
    string? AsOfLabel,
    string AsOfDisplay,
    IReadOnlyList<int> ClaimIds,
    Backing Backing,
    bool WellSourced,
    Guid Version)
{
    public bool Counts => ClaimIds.Count > 0;

    public Grade? BestGrade => Backing.BestGrade;
}

/// <summary>An item's gap as the Domain rules derive it on a date, with the plain-language reason.</summary>
public sealed record ItemGapView(GapState State, string StateName, string Explanation, DateOnly AsOf);

/// <summary>The positions on one agenda item, oldest first, and the gap they leave.</summary>
public sealed record ItemPositions(NamedRef AgendaItem, NamedRef Track, IReadOnlyList<PositionView> Positions, ItemGapView Gap);

/// <summary>Every agenda item of a track with its positions and gap.</summary>
public sealed record TrackPositions(NamedRef Track, IReadOnlyList<ItemPositions> Items);

/// <summary>
/// The track board's view of the positions: each item's gap as of a date, each party's latest counting stance, and how
/// many positions are recorded on it (the item page has the rest).
/// </summary>
public sealed record TrackStandings(NamedRef Track, IReadOnlyList<ItemStanding> Items);

/// <summary>One item on the board: its gap and each party's latest counting stance, by party name.</summary>
public sealed record ItemStanding(NamedRef AgendaItem, ItemGapView Gap, IReadOnlyList<PartyStance> Latest, int PositionCount);

public sealed record PartyStance(string Party, PositionKind Kind);

/// <summary>An agenda item's positions, the claims they rest on, and the item's other names (its aliases).</summary>
public sealed record PositionMatrix(ItemPositions Item, IReadOnlyList<TalksTracker.Data.Claims.ClaimView> Evidence, IReadOnlyList<string> Aliases);
