using Xunit;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>
/// Attribution quality on hand-labelled reports (see the README in each TestData folder). A predicted
/// source counts as correct when it equals the label ignoring case; sentences are matched to labels
/// by their opening words, so a mis-split sentence counts as missed. "fresh" is the set the engine
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

    internal static Score Score(string set)
    {
        int truePositives = 0, predicted = 0, relevant = 0;
        var misses = new List<string>();
        foreach (var (name, text, expected) in Reports(set))
        {
            var claims = ClaimExtractor.Extract(text).Claims;
            var used = new HashSet<ExtractedClaim>();
            foreach (var label in expected.Sentences)
            {
                // A dateline ("GENEVA (AFP) - ") is kept out of the claim that follows it.
                var opening = label.Text[ReportLayout.DatelineLength(label.Text)..];
                var claim = claims.FirstOrDefault(c => !used.Contains(c) && c.Text.StartsWith(opening, StringComparison.Ordinal));
                if (claim is not null)
                {
                    used.Add(claim);
                }

                var got = claim?.Source;
                relevant += label.Source is null ? 0 : 1;
                predicted += got is null ? 0 : 1;
                if (label.Source is not null && string.Equals(label.Source, got, StringComparison.OrdinalIgnoreCase))
                {
                    truePositives++;
                }
                else if (label.Source != got)
                {
                    misses.Add($"{name} \"{label.Text}\": expected '{label.Source}', got '{got}'{(claim is null ? " (sentence not found)" : "")}");
                }
            }

            // Claims no label matched (a split too many) still count when they name a source.
            predicted += claims.Count(c => !used.Contains(c) && c.Source is not null);
        }

        return new Score(truePositives, predicted, relevant, misses);
    }

    private static IEnumerable<(string Name, string Text, ExpectedAttribution Expected)> Reports(string set)
    {
        var directory = ExpectedAttribution.PathOf(set);
        foreach (var path in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            yield return (name, File.ReadAllText(path), ExpectedAttribution.Load(Path.Combine(set, name + ".attribution.json")));
        }
    }
}

internal sealed record Score(int TruePositives, int Predicted, int Relevant, IReadOnlyList<string> Misses)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Relevant == 0 ? 0 : (double)TruePositives / Relevant;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
