namespace TalksTracker.Domain.Positions;

/// <summary>Where a party stands on an agenda item, in the words reports use.</summary>
public enum PositionKind
{
    Demand,
    Proposal,
    Acceptance,
    Rejection,
    RedLine,
    Condition,
    Concession,
    Preference,
    Objection,
}

/// <summary>The kinds' names as the API, labels and pages write them ("red-line"), and their openness ranks.</summary>
public static class PositionKinds
{
    public static IReadOnlyList<PositionKind> All { get; } = Enum.GetValues<PositionKind>();

    /// <summary>"red-line", "demand": the lower-case, hyphenated name used in JSON and labelled sets.</summary>
    public static string Name(this PositionKind kind) => kind == PositionKind.RedLine ? "red-line" : kind.ToString().ToLowerInvariant();

    /// <summary>How the kind reads in a sentence: "red line", "demand".</summary>
    public static string Words(this PositionKind kind) => kind == PositionKind.RedLine ? "red line" : Name(kind);

    /// <summary>The kind a name stands for ("red-line", "Red line", "redline"); null when it is none.</summary>
    public static PositionKind? Parse(string? name)
    {
        var compact = (name ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<PositionKind>(compact, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(compact, out _) ? kind : null;
    }

    /// <summary>
    /// How open to agreement a stance is, from 0 (a red line: closed under any circumstances) to 5 (acceptance). A move
    /// up the scale is a move toward agreement. Rejection and objection are equally closed (both say no, one louder);
    /// a demand states terms; a condition or preference already admits the other side's outcome on terms; a proposal
    /// or concession offers something; acceptance closes the gap.
    /// </summary>
    public static int Openness(this PositionKind kind) => kind switch
    {
        PositionKind.RedLine => 0,
        PositionKind.Rejection or PositionKind.Objection => 1,
        PositionKind.Demand => 2,
        PositionKind.Condition or PositionKind.Preference => 3,
        PositionKind.Proposal or PositionKind.Concession => 4,
        PositionKind.Acceptance => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
