using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;

namespace TalksTracker.Domain.Tests.Positions;

/// <summary>
/// Fits <see cref="ItemChooser"/>'s weights to labelled sets: each position the rules propose (as the finder's chooser is
/// told of it, before it chooses) is one example, its candidates the report's items, each with the chooser's evidence and
/// the labels the position would match on that item; a stance the rules found no item for is one too, with no rules'
/// choice. A softmax over the candidates is fitted by plain gradient descent (fixed steps, from the rules' choice, so the
/// same sets give the same weights) on the positions the rules put on an item, to put the weight on the candidates a label
/// names; positions no candidate makes right teach nothing. The placing threshold is fitted after the weights.
/// </summary>
internal static class ItemChooserTraining
{
    /// <summary>
    /// The sets the shipped weights are fitted to: the blind sets read before the weights were last fitted (not "tune",
    /// written for the rules). seen22 was scored blind in the thirteenth round and joined at the fourteenth, when the
    /// evidence of meaning came; seen23 joined at the fifteenth, seen24 at the sixteenth; seen25 was scored blind with the weights
    /// fitted here.
    /// </summary>
    public static readonly string[] Sets =
    [
        "seen", "seen2", "seen3", "seen4", "seen5", "seen6", "seen7", "seen8", "seen9", "seen10", "seen11", "seen12", "seen13",
        "seen14", "seen15", "seen16", "seen17", "seen18", "seen19", "seen20", "seen21", "seen22", "seen23", "seen24",
    ];

    private const double Regularisation = 0.01;
    private const int Steps = 400;
    private const double StepSize = 0.2;

    /// <summary>One proposed position: its set, and per candidate item the evidence and the labels it would match there.</summary>
    public sealed record Example(string Set, int RulesChoice, IReadOnlyList<double[]> Evidence, IReadOnlyList<int[]> Matches);

    /// <summary>The examples of a set, with the number of labels it has (labels are numbered within the set).</summary>
    public static (List<Example> Examples, int Labels) Examples(string set, bool withParties = true)
    {
        var examples = new List<Example>();
        var labelCount = 0;
        foreach (var report in PositionScoring.Reports(set))
        {
            var labels = report.Labels;
            // The finder hands out each position its rules propose, with the evidence its chooser weighs, as it reads.
            var finder = PositionScoring.FinderFor(labels, withParties);
            var weighed = new List<(ProposedPosition Position, IReadOnlyList<double[]> Evidence)>();
            finder.Chooser.Weighed = (position, evidence) => weighed.Add((position, evidence));
            var items = finder.Chooser.Items.ToList();
            var namesOf = PositionScoring.NamesOf(labels, withParties);
            var extraction = ClaimExtractor.Extract(report.Text);
            var labelled = new Dictionary<ExtractedClaim, (LabelledSentence Sentence, int FirstLabel)>();
            foreach (var (sentence, claim) in PositionScoring.Pair(labels, extraction.Claims))
            {
                if (claim is not null)
                {
                    labelled[claim] = (sentence, labelCount);
                }

                labelCount += sentence.Positions.Count;
            }

            foreach (var (claim, _) in PositionScoring.Read(extraction, finder))
            {
                foreach (var (position, evidence) in weighed)
                {
                    var matches = items.Select(item => labelled.TryGetValue(claim, out var l)
                        ? l.Sentence.Positions.Select((label, k) => (label, k)).Where(t => t.label.Matches(position with { Item = item }, namesOf(position.Party))).Select(t => l.FirstLabel + t.k).ToArray()
                        : []).ToList();
                    examples.Add(new Example(set, items.IndexOf(position.Item), evidence, matches));
                }

                weighed.Clear();
            }
        }

        return (examples, labelCount);
    }

    /// <summary>Fits the weights on the positions the rules put on an item (a stance they found no item for has no rules' choice).</summary>
    public static double[] Train(IReadOnlyList<Example> examples)
    {
        var weights = new double[ItemChooser.Evidence.Count];
        weights[0] = 2; // from the rules' choice
        var taught = examples.Where(e => e.RulesChoice >= 0 && e.Matches.Any(m => m.Length > 0)).ToList();
        for (var step = 0; step < Steps; step++)
        {
            var gradient = new double[weights.Length];
            foreach (var example in taught)
            {
                var scores = example.Evidence.Select(x => ItemChooser.Score(weights, x)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
                var sum = exp.Sum();
                var right = example.Matches.Count(m => m.Length > 0);
                for (var k = 0; k < scores.Length; k++)
                {
                    var difference = exp[k] / sum - (example.Matches[k].Length > 0 ? 1.0 / right : 0);
                    for (var j = 0; j < weights.Length; j++)
                    {
                        gradient[j] += difference * example.Evidence[k][j];
                    }
                }
            }

            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] -= StepSize * ((gradient[j] / taught.Count) + (Regularisation * weights[j]));
            }
        }

        return weights;
    }

    /// <summary>
    /// What the chooser predicts on <paramref name="examples"/> under <paramref name="weights"/>: each rules' position on its
    /// best item, and each stance the rules found no item for on its best item when that scores at least
    /// <paramref name="threshold"/>; with the labels each matches.
    /// </summary>
    public static IEnumerable<(string Set, int[] Matches)> Chosen(IEnumerable<Example> examples, IReadOnlyList<double> weights, double threshold) =>
        examples.Select(e => (e, Best: ItemChooser.Best(weights, e.Evidence)))
            .Where(c => c.e.RulesChoice >= 0 || ItemChooser.Score(weights, c.e.Evidence[c.Best]) >= threshold)
            .Select(c => (c.e.Set, c.e.Matches[c.Best]));

    /// <summary>The placing threshold that gives the best F1 over <paramref name="examples"/> (<paramref name="labels"/> in all).</summary>
    public static double FitThreshold(IReadOnlyList<Example> examples, IReadOnlyList<double> weights, int labels)
    {
        var candidates = examples.Where(e => e.RulesChoice < 0).Select(e => ItemChooser.Score(weights, e.Evidence[ItemChooser.Best(weights, e.Evidence)]))
            .Append(double.PositiveInfinity).Distinct().Order().ToList();
        return candidates.MaxBy(threshold => F1(Chosen(examples, weights, threshold), labels));
    }

    /// <summary>F1 of the positions as chosen, counting a label found once however many positions match it.</summary>
    public static double F1(IEnumerable<(string Set, int[] Matches)> chosen, int labels)
    {
        var list = chosen.ToList();
        var precision = list.Count == 0 ? 0 : (double)list.Count(c => c.Matches.Length > 0) / list.Count;
        var recall = labels == 0 ? 0 : (double)list.SelectMany(c => c.Matches.Select(m => (c.Set, m))).Distinct().Count() / labels;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
