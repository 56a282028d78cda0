namespace TalksTracker.Domain.Positions;

/// <summary>One claim of a report as the finder reads it: its words, who it is attributed to and whom that source speaks for.</summary>
public sealed record ClaimText(string? Text, string? SourceName = null, string? SourceAffiliation = null);

/// <summary>A position one claim states, matched to the catalogue: indexes into the parties and items the caller passed in.</summary>
/// <param name="Claim">The index of the claim that states it.</param>
/// <param name="Party">The index of its party among the caller's; -1 when the caller has none of that name (<paramref name="NewParty"/>).</param>
/// <param name="Order">Its place among everything found in the report, in reading order.</param>
/// <param name="NewParty">The party as the finder names it ("Arakan Army", "Tanzania") when the caller has no party of that name.</param>
public sealed record FoundPosition(int Claim, int Party, PositionKind Kind, int Item, string Wording, int Order, string? NewParty = null);

/// <summary>
/// One stance a report states, once however often it is restated: the same party, kind and item. Its wording is the
/// first statement's; <see cref="Statements"/> are every claim that states it, in report order (a claim may state it twice).
/// A party the caller lacks is <see cref="NewParty"/>, by the finder's name for it, with <see cref="Party"/> -1.
/// </summary>
public sealed record StatedPosition(int Party, PositionKind Kind, int Item, string Wording, IReadOnlyList<FoundPosition> Statements, string? NewParty = null)
{
    /// <summary>The claims it rests on, each once, in report order.</summary>
    public IEnumerable<int> Claims => Statements.Select(s => s.Claim).Distinct();

    /// <summary>What each claim states, in reading order, restatements included: what each claim's proposal carries.</summary>
    public static List<FoundPosition>[] ByClaim(IEnumerable<StatedPosition> stated, int claims)
    {
        var byClaim = Enumerable.Range(0, claims).Select(_ => new List<FoundPosition>()).ToArray();
        foreach (var found in stated.SelectMany(s => s.Statements).OrderBy(f => f.Order))
        {
            byClaim[found.Claim].Add(found);
        }

        return byClaim;
    }
}

/// <summary>
/// The positions a report's claims state, the way intake proposes them and the seeder records them: the claims read in
/// order by one <see cref="PositionFinder"/>, each with the sentence before; a party or item the finder names is mapped
/// back to the caller's by name, ignoring case (the first of a name wins). An item the caller lacks is left out; a party
/// it lacks (the finder knows the world's states, and groups a report names in full) is kept by name as a
/// <see cref="StatedPosition.NewParty"/>, for an editor to add to the catalogue or drop. A restated stance is one position
/// resting on every claim stating it.
/// </summary>
public static class ReportPositions
{
    /// <param name="headline">The report's title, read first for whose report it is (<see cref="PositionFinder.ReadHeadline"/>).</param>
    /// <param name="meaning">What tells the finder how alike in meaning a stance and an item are; the product always has one.</param>
    public static IReadOnlyList<StatedPosition> Find(IReadOnlyList<ClaimText> claims, IReadOnlyList<PartyName> parties, IReadOnlyList<AgendaItemName> items, string? headline = null, ITextEmbedder? meaning = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(items);
        var partyIndex = IndexByName(parties.Select(p => p.Name));
        var itemIndex = IndexByName(items.Select(i => i.Name));
        var finder = new PositionFinder(items, parties, meaning);
        finder.ReadHeadline(headline);
        var stated = new Dictionary<(int Party, string? NewParty, PositionKind Kind, int Item), List<FoundPosition>>();
        string? previous = null;
        var order = 0;
        for (var c = 0; c < claims.Count; c++)
        {
            foreach (var found in finder.Find(claims[c].Text, claims[c].SourceName, claims[c].SourceAffiliation, previous))
            {
                if (itemIndex.TryGetValue(found.Item, out var item))
                {
                    var (party, newParty) = partyIndex.TryGetValue(found.Party, out var known) ? (known, null) : (-1, found.Party);
                    var key = (party, newParty, found.Kind, item);
                    if (!stated.TryGetValue(key, out var statements))
                    {
                        stated[key] = statements = [];
                    }

                    statements.Add(new FoundPosition(c, party, found.Kind, item, found.Wording, order++, newParty));
                }
            }

            previous = claims[c].Text;
        }

        // Dictionary order is insertion order while nothing is removed: the order stances are first stated.
        return [.. stated.Select(s => new StatedPosition(s.Key.Party, s.Key.Kind, s.Key.Item, s.Value[0].Wording, s.Value, s.Key.NewParty))];
    }

    private static Dictionary<string, int> IndexByName(IEnumerable<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var name in names)
        {
            index.TryAdd(name, i++);
        }

        return index;
    }
}
