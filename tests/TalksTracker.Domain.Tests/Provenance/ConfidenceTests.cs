using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Provenance;

public class ConfidenceTests
{
    private static WeighedClaim For(string origin, Reliability r, int c, bool hedged = false) => new(origin, origin, true, Grade.Of(r, c), hedged);

    private static WeighedClaim Against(string origin, Reliability r, int c) => new(origin, origin, false, Grade.Of(r, c), false);

    [Fact]
    public void Nothing_known_is_a_roughly_even_chance_and_says_so()
    {
        var assessment = Confidence.Assess([]);

        Assert.Equal(Estimate.RoughlyEvenChance, assessment.Estimate);
        Assert.Contains("No claim bears on this", assessment.Derivation);
    }

    [Fact]
    public void One_fairly_reliable_origin_makes_it_likely_and_a_second_independent_one_raises_it()
    {
        var one = Confidence.Assess([For("senior source", Reliability.C, 3)]);
        var two = Confidence.Assess([For("senior source", Reliability.C, 3), For("diplomats", Reliability.C, 3)]);

        Assert.Equal(Estimate.Likely, one.Estimate);
        Assert.True(two.Probability > one.Probability);
        Assert.Equal(2, two.OriginsFor);
    }

    [Fact]
    public void Repeating_the_same_origin_changes_nothing()
    {
        var once = Confidence.Assess([For("senior source", Reliability.C, 3)]);
        var thrice = Confidence.Assess([For("senior source", Reliability.C, 3), For("senior source", Reliability.C, 3), For("senior source", Reliability.C, 4)]);

        Assert.Equal(once.Probability, thrice.Probability);
        Assert.Equal(1, thrice.OriginsFor);
    }

    [Fact]
    public void A_party_denial_pulls_the_estimate_down()
    {
        var before = Confidence.Assess([For("senior source", Reliability.C, 3)]);
        var after = Confidence.Assess([For("senior source", Reliability.C, 3), Against("Syrian foreign ministry", Reliability.B, 2)]);

        Assert.True(after.Probability < before.Probability);
        Assert.Equal(Estimate.Unlikely, after.Estimate);
        Assert.Contains("−0.72 Syrian foreign ministry (B2)", after.Derivation);
    }

    [Fact]
    public void Hedged_claims_weigh_less()
    {
        Assert.True(Confidence.Assess([For("x", Reliability.B, 2, hedged: true)]).Probability < Confidence.Assess([For("x", Reliability.B, 2)]).Probability);
    }

    [Theory]
    [InlineData(0.01, Estimate.AlmostNoChance)]
    [InlineData(0.05, Estimate.AlmostNoChance)]
    [InlineData(0.06, Estimate.VeryUnlikely)]
    [InlineData(0.45, Estimate.Unlikely)]
    [InlineData(0.50, Estimate.RoughlyEvenChance)]
    [InlineData(0.55, Estimate.Likely)]
    [InlineData(0.80, Estimate.Likely)]
    [InlineData(0.81, Estimate.VeryLikely)]
    [InlineData(0.96, Estimate.AlmostCertain)]
    public void Probabilities_fall_in_the_ICD_203_bands(double p, Estimate expected) => Assert.Equal(expected, Confidence.Band(p));

    [Fact]
    public void Many_excellent_origins_reach_the_ends_of_the_scale_but_never_certainty()
    {
        var origins = Enumerable.Range(0, 10).Select(i => $"o{i}").ToList();

        var yes = Confidence.Assess(origins.Select(o => For(o, Reliability.A, 1)));
        var no = Confidence.Assess(origins.Select(o => Against(o, Reliability.A, 1)));

        Assert.Equal(Estimate.AlmostCertain, yes.Estimate);
        Assert.Equal(0.99, yes.Probability);
        Assert.Equal(Estimate.AlmostNoChance, no.Estimate);
        Assert.Equal(0.01, no.Probability);
    }

    [Theory]
    [InlineData(Stance.Asserts, Stance.Asserts, true)]
    [InlineData(Stance.Asserts, Stance.Hedged, true)]
    [InlineData(Stance.Asserts, Stance.Denies, false)]
    [InlineData(Stance.Hedged, Stance.Asserts, true)]
    [InlineData(Stance.Denies, Stance.Denies, true)]
    [InlineData(Stance.Denies, Stance.Asserts, false)]
    [InlineData(Stance.Denies, Stance.Hedged, false)]
    public void A_denial_speaks_for_a_denial_and_against_everything_else(Stance statement, Stance claim, bool supports) =>
        Assert.Equal(supports, Confidence.Supports(statement, claim));

    [Fact]
    public void A_derivation_names_the_strongest_origins_on_each_side_and_sums_up_the_rest()
    {
        var claims = Enumerable.Range(1, 8).Select(i => For($"origin {i}", Reliability.C, i <= 2 ? 2 : 3))
            .Append(Against("spokesman", Reliability.B, 2))
            .ToList();

        var assessment = Confidence.Assess(claims);

        Assert.Equal(8, assessment.OriginsFor);
        Assert.StartsWith("+0.55 origin 1 (C2); +0.55 origin 2 (C2); +0.42 origin 3 (C3); +0.42 origin 4 (C3); +0.42 origin 5 (C3); +1.27 from 3 more origins for; −0.72 spokesman (B2) → log-odds", assessment.Derivation);
        Assert.Equal(9, assessment.Evidence.Count);
    }
}
