namespace TalksTracker.Domain.Positions;

/// <summary>Where the parties' lines on an agenda item leave the gap between them.</summary>
public enum GapState
{
    /// <summary>No party has a counting position on the item.</summary>
    NoPositions,

    /// <summary>Positions are stated, all within the window and none changed yet: too early to call.</summary>
    Open,

    Converging,
    Diverging,
    Stalled,
    Agreed,
}

/// <summary>A party's positions on one item, oldest first (undated ones first: they cannot be placed in time).</summary>
public sealed record PartyLine(string Party, IReadOnlyList<PartyPosition> Positions)
{
    public PartyPosition Latest => Positions[^1];
}

/// <summary>An item's gap, why, and the lines it was read from.</summary>
/// <param name="Explanation">In plain language: "Israel moved from rejection to a condition on 12 Nov 2026; Syria's demand unchanged since Oct 2026."</param>
public sealed record ItemGap(GapState State, string Explanation, IReadOnlyList<PartyLine> Lines)
{
    public static string Describe(GapState state) => state switch
    {
        GapState.NoPositions => "no positions",
        _ => state.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Derives an agenda item's gap from the parties' positions on it, as of a date.
/// <list type="number">
/// <item>A position counts when it rests on at least one claim (a retracted claim is not passed in, so a position
/// whose only claim is retracted stops counting) and could have been taken by the as-of date (its earliest possible
/// day is not after it). Undated positions count as background: they set a party's stance but never move it.</item>
/// <item>A party's line is its counting positions ordered by date (the middle of a fuzzy date), then by id, so two
/// positions on the same day keep the order they were recorded in and the later one is the party's latest.</item>
/// <item><em>Agreed</em>: at least two parties have positions, at least one party's latest is an acceptance, and every
/// other party's latest is an acceptance, a concession or a proposal (the proposer stands by what the others accepted).</item>
/// <item>Otherwise each party's move within the window [as-of − window, as-of] is read: from its last position
/// before the window (or, when it has none, its first position within it) to its latest. A position is within the
/// window when any of its possible days is. The move's size is the change in <see cref="PositionKinds.Openness"/>.</item>
/// <item>The moves' sizes are summed: above zero the gap is <em>converging</em>, below zero <em>diverging</em>. At zero —
/// no party moved, or moves cancel out — it is <em>stalled</em>, unless every counting position is within the window
/// (or undated) and none changed: then it is <em>open</em>, too early to call.</item>
/// </list>
/// </summary>
public static class GapRules
{
    /// <summary>Talks move slowly: a quarter without a move is a stall.</summary>
    public const int DefaultWindowDays = 90;

    public static ItemGap Derive(IEnumerable<PartyPosition> positions, DateOnly asOf, int windowDays = DefaultWindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        var windowStart = asOf.AddDays(-windowDays);
        var lines = positions
            .Where(p => p.ClaimIds.Count > 0 && (p.AsOf.Start is not { } start || start <= asOf))
            .GroupBy(p => p.Party, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PartyLine(g.First().Party, [.. g.OrderBy(p => p.AsOf.SortKey ?? DateOnly.MinValue).ThenBy(p => p.Id)]))
            .OrderBy(l => l.Party, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (lines.Count == 0)
        {
            return new ItemGap(GapState.NoPositions, "No party has a position on this item.", lines);
        }

        var moves = lines.Select(line => MoveOf(line, windowStart)).ToList();
        var clauses = string.Join("; ", lines.Zip(moves, Clause));
        var only = lines.Count == 1 ? $" Only {lines[0].Party} has a stated position." : string.Empty;
        var state = IsAgreed(lines) ? GapState.Agreed : StateOf(lines, moves, windowStart);
        return new ItemGap(state, Capitalised(clauses) + "." + only, lines);
    }

    private static bool IsAgreed(List<PartyLine> lines) =>
        lines.Count >= 2
        && lines.Any(l => l.Latest.Kind == PositionKind.Acceptance)
        && lines.All(l => l.Latest.Kind is PositionKind.Acceptance or PositionKind.Concession or PositionKind.Proposal);

    private static GapState StateOf(List<PartyLine> lines, List<Move?> moves, DateOnly windowStart)
    {
        var net = moves.Sum(m => m is { } move ? move.To.Kind.Openness() - move.From.Kind.Openness() : 0);
        if (net != 0)
        {
            return net > 0 ? GapState.Converging : GapState.Diverging;
        }

        var anyMove = moves.Any(m => m is not null);
        var anyBeforeWindow = lines.Any(l => l.Positions.Any(p => p.AsOf.End is { } end && end < windowStart));
        return anyMove || anyBeforeWindow ? GapState.Stalled : GapState.Open;
    }

    /// <summary>The party's move within the window, or null when its stance did not change there.</summary>
    private static Move? MoveOf(PartyLine line, DateOnly windowStart)
    {
        var latest = line.Latest;
        if (!InWindow(latest, windowStart))
        {
            return null;
        }

        var before = line.Positions.LastOrDefault(p => !InWindow(p, windowStart))
            ?? line.Positions.First(p => InWindow(p, windowStart));
        return before.Kind == latest.Kind ? null : new Move(before, latest);
    }

    private static bool InWindow(PartyPosition position, DateOnly windowStart) =>
        position.AsOf.End is { } end && end >= windowStart;

    private static string Clause(PartyLine line, Move? move)
    {
        if (move is { } m)
        {
            return $"{line.Party} moved from {WithArticle(m.From.Kind)} to {WithArticle(m.To.Kind)}{When(m.To.AsOf, " on ", " in ", " ")}";
        }

        // The stance has held since the first dated position of its current run of the same kind.
        var since = line.Latest;
        for (var i = line.Positions.Count - 2; i >= 0 && line.Positions[i].Kind == since.Kind && line.Positions[i].AsOf.IsKnown; i--)
        {
            since = line.Positions[i];
        }

        var date = since.AsOf.IsKnown ? $" since {since.AsOf.Display}" : " (undated)";
        var unchanged = line.Positions.Count > 1 || since.AsOf.IsKnown ? " unchanged" : string.Empty;
        return $"{line.Party}'s {line.Latest.Kind.Words()}{unchanged}{date}";
    }

    private static string When(FuzzyDate date, string exact, string month, string approximate) => date.Precision switch
    {
        DatePrecision.Exact => exact + date.Display,
        DatePrecision.Month => month + date.Display,
        DatePrecision.ApproximateRange => approximate + date.Display,
        _ => string.Empty,
    };

    private static string WithArticle(PositionKind kind) => kind switch
    {
        PositionKind.Rejection or PositionKind.Acceptance => kind.Words(),
        PositionKind.Objection => "an " + kind.Words(),
        _ => "a " + kind.Words(),
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private readonly record struct Move(PartyPosition From, PartyPosition To);
}
