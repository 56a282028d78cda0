using Xunit;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>
/// Attribution quality on hand-labelled reports (see the README in each TestData folder). A predicted
/// source counts as correct when it equals the label ignoring case; sentences are matched to labels
/// by their opening words, so a mis-split sentence counts as missed (see <see cref="AttributionScoring"/>). "fresh" is the set the engine
/// had never seen when it was scored; "heldout" (01–09) and "dev" were used, in part, to build it.
/// </summary>
public class HeldOutEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Attribution_f1_on_the_fresh_set_is_at_least_0_9()
    {
        AssertF1AtLeast("fresh", 0.9);
    }

    [Fact]
    public void Attribution_f1_on_the_held_out_set_is_at_least_0_9()
    {
        AssertF1AtLeast("heldout", 0.9);
    }

    [Fact]
    public void Attribution_f1_on_the_development_set_is_at_least_0_9()
    {
        AssertF1AtLeast("dev", 0.9);
    }

    [Theory]
    [InlineData("heldout", 9)]
    [InlineData("dev", 16)]
    [InlineData("fresh", 8)]
    public void Every_report_has_every_sentence_labelled(string set, int reports)
    {
        var labelled = Reports(set).ToList();

        Assert.Equal(reports, labelled.Count);
        foreach (var (name, text, expected) in labelled)
        {
            var claims = ClaimExtractor.Extract(text).Claims;
            Assert.True(expected.Sentences.Count == claims.Count, $"{name}: {expected.Sentences.Count} labels, {claims.Count} sentences");
        }
    }

    private void AssertF1AtLeast(string set, double floor)
    {
        var score = Score(set);

        output.WriteLine($"{set}: precision {score.Precision:F3}, recall {score.Recall:F3}, F1 {score.F1:F3}");
        foreach (var miss in score.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(score.F1 >= floor, $"{set}: F1 {score.F1:F3} < {floor}:\n{string.Join("\n", score.Misses)}");
    }

    [Fact]
    public void Attribution_f1_on_the_written_sets_combined_is_at_least_0_95()
    {
        var score = AttributionScoring.Evaluate(new[] { "dev", "heldout", "fresh" }.SelectMany(AttributionScoring.Reports)).Sources;

        output.WriteLine($"dev+heldout+fresh: {score}");
        Assert.True(score.F1 >= 0.95, $"dev+heldout+fresh: F1 {score.F1:F3} < 0.95:\n{string.Join("\n", score.Misses)}");
    }

    internal static Score Score(string set) => AttributionScoring.Evaluate(set).Sources;

    private static IEnumerable<(string Name, string Text, ExpectedAttribution Expected)> Reports(string set) =>
        AttributionScoring.Reports(set).Select(r => (r.Name, r.Text, r.Expected));
}
