using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Provenance;

public class IndependenceTests
{
    private const int IsraeliMedia = 1, SeniorSource = 2, Channel12 = 3, ForeignWire = 4;
    private const int Israel = 10, UnitedKingdom = 11;

    private static readonly Dictionary<int, int?> Affiliations = new()
    {
        [IsraeliMedia] = Israel, [SeniorSource] = Israel, [Channel12] = Israel, [ForeignWire] = UnitedKingdom,
    };

    [Fact]
    public void A_relaying_source_with_the_same_affiliation_is_the_same_origin_in_every_report()
    {
        var dependent = Independence.DependentSources([new(IsraeliMedia, SeniorSource)], Affiliations);

        // In another report Israeli media speaks alone, yet it still counts as the senior source's origin.
        var claims = new[]
        {
            new ClaimOriginFacts(1, 20, SeniorSource, null, null),
            new ClaimOriginFacts(2, 21, IsraeliMedia, null, null),
        };

        Assert.Equal(1, Origins.CountIndependent(claims, dependent));
        Assert.Equal(2, Origins.CountIndependent(claims));
        // The group is named for the end of the chain: the one who spoke, not the one who relayed.
        Assert.Equal(SeniorSource, dependent[IsraeliMedia]);
    }

    [Fact]
    public void A_relay_across_affiliations_keeps_sources_independent_outside_that_report()
    {
        var dependent = Independence.DependentSources([new(ForeignWire, SeniorSource)], Affiliations);

        Assert.Empty(dependent);
    }

    [Fact]
    public void Chains_and_cycles_collapse_to_one_group_whatever_the_order()
    {
        var forward = Independence.DependentSources([new(Channel12, IsraeliMedia), new(IsraeliMedia, SeniorSource), new(SeniorSource, Channel12)], Affiliations);
        var backward = Independence.DependentSources([new(SeniorSource, Channel12), new(IsraeliMedia, SeniorSource), new(Channel12, IsraeliMedia)], Affiliations);

        Assert.Equal(forward, backward);
        // In a cycle every source relays another, so the smallest id stands for the group.
        Assert.All(forward.Values, v => Assert.Equal(IsraeliMedia, v));
    }

    [Fact]
    public void Sources_without_affiliation_are_never_merged()
    {
        var dependent = Independence.DependentSources([new(98, 99)], new Dictionary<int, int?> { [98] = null, [99] = null });

        Assert.Empty(dependent);
    }
}
