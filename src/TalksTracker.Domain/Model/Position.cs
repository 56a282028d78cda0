using TalksTracker.Domain.Positions;

namespace TalksTracker.Domain;

/// <summary>
/// Where a party stands on an agenda item at a date, resting on the claims that report it. A position whose claims
/// are all retracted rests on none and stops counting (it is kept for the editor to re-back or remove).
/// </summary>
public class Position : IVersioned, IRecorded
{
    public DateTime RecordedAt { get; set; }
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    /// <summary>The party whose stance it is: a state, group or organisation.</summary>
    public int PartyActorId { get; set; }
    public Actor? PartyActor { get; set; }
    public PositionKind Kind { get; set; }
    /// <summary>The report's words for it ("prefer the continuation of the Russian military presence").</summary>
    public required string Wording { get; set; }

    // Stored flat, like a meeting's date, so it can be indexed and sorted; FuzzyDate is the one way to set it.
    public DatePrecision AsOfPrecision { get; private set; } = DatePrecision.Unknown;
    public DateOnly? AsOfStart { get; private set; }
    public DateOnly? AsOfEnd { get; private set; }
    public string? AsOfLabel { get; private set; }
    public DateOnly? AsOfSort { get; private set; }

    public FuzzyDate AsOf
    {
        get => FuzzyDate.FromParts(AsOfPrecision, AsOfStart, AsOfEnd, AsOfLabel);
        set
        {
            AsOfPrecision = value.Precision;
            AsOfStart = value.Start;
            AsOfEnd = value.End;
            AsOfLabel = value.Label;
            AsOfSort = value.SortKey;
        }
    }

    public List<PositionEvidence> Evidence { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A claim a position rests on.</summary>
public class PositionEvidence
{
    public int PositionId { get; set; }
    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }
}
