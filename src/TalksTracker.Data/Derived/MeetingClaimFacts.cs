using TalksTracker.Domain;

namespace TalksTracker.Data.Derived;

/// <summary>
/// What the claims about one meeting add up to, kept with every save that touches them (see
/// <see cref="DerivedFigures"/>), so timeline filters read one row per meeting instead of walking its
/// claims. A meeting without claims has no row. Not edited by anyone, not audited, no version.
/// </summary>
public sealed class MeetingClaimFacts
{
    public int MeetingId { get; set; }

    /// <summary>How many claims are linked to the meeting.</summary>
    public int Claims { get; set; }

    /// <summary>The best (lowest letter) reliability of the sources of those claims; null when none has a source.</summary>
    public Reliability? BestReliability { get; set; }

    /// <summary>
    /// How many independent origins those claims come from (<see cref="Domain.Provenance.Origins.CountIndependent"/>,
    /// computed in C# after each save); null until computed (readers then count from the claims).
    /// </summary>
    public int? IndependentOrigins { get; set; }
}

/// <summary>
/// How many claims are about a track: linked to one of its meetings or agenda items, each claim once however many of
/// them it names (the same claims as <c>TrackClaims.IdsAbout</c>, which the exports and the monthly activity read). Kept
/// with every save that adds or removes such a link or moves or deletes a meeting or agenda item (see
/// <see cref="DerivedFigures"/>), so the tracks list and the overview read one row per track instead of a distinct count
/// over every link. A track without claims may have no row.
/// </summary>
public sealed class TrackClaimFacts
{
    public int TrackId { get; set; }

    public int Claims { get; set; }
}

/// <summary>An actor named in at least one claim about a meeting (the timeline's "mentioned" actor filter).</summary>
public sealed class MeetingMention
{
    public int MeetingId { get; set; }
    public int ActorId { get; set; }
}

/// <summary>An agenda item that at least one claim about a meeting is linked to (shown on the timeline, and its category filter).</summary>
public sealed class MeetingClaimAgendaItem
{
    public int MeetingId { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
}

/// <summary>
/// A denial (a claim with stance Denies) about an agenda item, with its date (the report's publication,
/// else its intake): the progress board reads only the denials not older than an item's status from here,
/// instead of every claim about the item.
/// </summary>
public sealed class AgendaItemDenial
{
    public int AgendaItemId { get; set; }
    public int ClaimId { get; set; }
    public DateOnly Date { get; set; }
}
