using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;
using Xunit;

namespace TalksTracker.Domain.Tests.Positions;

public class PositionFinderTests(ITestOutputHelper output)
{
    private static readonly string[] SeedItems =
    [
        "Security arrangements in southern Syria adjacent to the Golan",
        "Mechanisms to prevent escalation",
        "Limiting non-state armed groups",
        "Syrian army redeployment closer to the border",
        "Long-term guarantees",
        "Continued Russian military presence in southern Syria",
        "Expanded Turkish military role",
    ];

    private static PositionFinder Finder(params string[] items) =>
        new([.. items.Select(i => new AgendaItemName(i, []))]);

    private static List<(string Party, PositionKind Kind, string Item)> Seed(ITestOutputHelper output)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "TestData", "seed-article.txt"));
        var finder = Finder(SeedItems);
        var found = new List<(string, PositionKind, string)>();
        foreach (var claim in ClaimExtractor.Extract(text).Claims)
        {
            foreach (var p in finder.Find(claim.Text, claim.Source))
            {
                output.WriteLine($"{p.Party} {p.Kind} {p.Item} — “{p.Wording}”");
                found.Add((p.Party, p.Kind, p.Item));
            }
        }

        return found;
    }

    [Fact]
    public void The_seed_article_gives_its_three_positions_and_nothing_for_the_gaps()
    {
        var found = Seed(output);

        Assert.Contains(("Russia", PositionKind.Proposal, "Syrian army redeployment closer to the border"), found);
        Assert.Contains(("Israel", PositionKind.Preference, "Continued Russian military presence in southern Syria"), found);
        Assert.Contains(("Israel", PositionKind.Objection, "Expanded Turkish military role"), found);
        Assert.DoesNotContain(found, p => p.Item == "Long-term guarantees");
        Assert.Equal(3, found.Count);
    }
}
