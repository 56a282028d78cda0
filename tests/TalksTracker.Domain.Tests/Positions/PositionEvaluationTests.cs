using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;
using Xunit;

namespace TalksTracker.Domain.Tests.Positions;

/// <summary>
/// Position finding scored on the labelled sets under Positions/TestData (see <see cref="PositionScoring"/>): "tune"
/// the finder was tuned on; "test" written by someone who never read the finder, scored as it comes.
/// </summary>
public class PositionEvaluationTests(ITestOutputHelper output)
{
    private const double Goal = 0.85;

    /// <summary>What the tune set scores (0.947 since the fifth tuning round, rounded down); a drop below it is a regression.</summary>
    private const double TuneFloor = 0.94;

    [Fact]
    public void The_tune_set_scores_at_least_its_recorded_floor()
    {
        var reports = PositionScoring.Reports("tune");
        Assert.True(reports.Count >= 8, $"the tune set has {reports.Count} reports");

        var evaluation = Print("tune", reports);

        Assert.True(evaluation.Overall.F1 >= TuneFloor, $"tune: F1 {evaluation.Overall.F1:F3} < {TuneFloor}");
    }

    /// <summary>
    /// The first unseen set, written by someone who never read the finder and scored once: P 0.725, R 0.465, F1 0.567,
    /// far under the 0.85 goal. Having been read it is seen/. The first tuning round (see TestData/README.md) took it to
    /// P 0.918, R 0.707, F1 0.799, the second to P 0.912, R 0.720, F1 0.805, the fourth to P 0.914, R 0.739, F1 0.817, the fifth
    /// (which trades precision for recall, README) to P 0.848, R 0.777, F1 0.811; the floors are F1 0.81, P 0.84. Being tuned on, it no longer estimates unseen text: the next estimate needs a new test/ set.
    /// </summary>
    [Fact]
    public void The_first_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen", PositionScoring.Reports("seen"));

        Assert.True(evaluation.Overall.F1 >= 0.81 && evaluation.Overall.Precision >= 0.84,
            $"seen: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.81, P 0.84)");
    }

    /// <summary>
    /// The second unseen set, written by someone who never read the finder and scored once after its first tuning
    /// round: P 0.770, R 0.493, F1 0.601 (the first set scored 0.567 before that round) — under the 0.85 goal.
    /// Having been read it is seen2/. The second tuning round took it to P 0.915, R 0.632, F1 0.748, the fourth to P 0.910,
    /// R 0.669, F1 0.771, the fifth to P 0.856, R 0.743, F1 0.795, the sixth to P 0.851, R 0.757, F1 0.802; the floors are F1 0.80,
    /// P 0.85. Being tuned on, it no longer estimates unseen text.
    /// </summary>
    [Fact]
    public void The_second_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen2", PositionScoring.Reports("seen2"));

        Assert.True(evaluation.Overall.F1 >= 0.80 && evaluation.Overall.Precision >= 0.85,
            $"seen2: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.80, P 0.85)");
    }

    /// <summary>
    /// The third unseen set (the first written with item aliases), written by someone who never read the finder and
    /// scored once after the second tuning round: P 0.744, R 0.391, F1 0.512 — lower than the second set's first score
    /// and far under the 0.85 goal (README). Having been read it is seen3/. The third tuning round took it to P 0.826,
    /// R 0.521, F1 0.639, the fourth to P 0.821, R 0.533, F1 0.646, the fifth to P 0.797, R 0.568, F1 0.663; the floors are F1 0.66,
    /// P 0.79. Being tuned on, it no longer estimates
    /// unseen text.
    /// </summary>
    [Fact]
    public void The_third_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen3", PositionScoring.Reports("seen3"));

        Assert.True(evaluation.Overall.F1 >= 0.66 && evaluation.Overall.Precision >= 0.79,
            $"seen3: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.66, P 0.79)");
    }

    /// <summary>
    /// The fourth unseen set, written by someone who never read the finder and scored once after the third tuning round:
    /// P 0.657, R 0.414, F1 0.508 — no better than the third set's first score (0.512) although that round took seen3
    /// from 0.512 to 0.639 (README). Having been read it is seen4/. The fourth tuning round took it to P 0.703, R 0.512,
    /// F1 0.593, the fifth to P 0.689, R 0.562, F1 0.619; the floors are that score rounded down.
    /// </summary>
    [Fact]
    public void The_fourth_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen4", PositionScoring.Reports("seen4"));

        Assert.True(evaluation.Overall.F1 >= 0.61 && evaluation.Overall.Precision >= 0.68,
            $"seen4: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.61, P 0.68)");
    }

    /// <summary>
    /// The fifth unseen set, written by someone who never read the finder and scored once after the fourth tuning round:
    /// P 0.777, R 0.482, F1 0.595 (the finder before that round: 0.750 / 0.451 / 0.563). Having been read it is seen5/.
    /// The fifth tuning round took it to P 0.761, R 0.610, F1 0.677; the floors are that score rounded down.
    /// </summary>
    [Fact]
    public void The_fifth_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen5", PositionScoring.Reports("seen5"));

        Assert.True(evaluation.Overall.F1 >= 0.67 && evaluation.Overall.Precision >= 0.76,
            $"seen5: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.67, P 0.76)");
    }

    /// <summary>
    /// The sixth unseen set, written by someone who never read the finder and scored once after the fifth tuning round:
    /// P 0.763, R 0.608, F1 0.677 (the finder after the fourth round: 0.615; before it: 0.557). Having been read it is
    /// seen6/. The sixth tuning round took it to P 0.770, R 0.633, F1 0.695; the floors are that score rounded down.
    /// </summary>
    [Fact]
    public void The_sixth_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen6", PositionScoring.Reports("seen6"));

        Assert.True(evaluation.Overall.F1 >= 0.69 && evaluation.Overall.Precision >= 0.77,
            $"seen6: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.69, P 0.77)");
    }

    /// <summary>
    /// The seventh unseen set, scored once after the sixth tuning round: P 0.655, R 0.606, F1 0.630 (the finder at the start
    /// of the fourth round: 0.509). Its writer read a paragraph of the README listing what the finder missed (README).
    /// Having been read it is seen7/; the floors are that score rounded down.
    /// </summary>
    [Fact]
    public void The_seventh_unseen_set_keeps_its_first_score()
    {
        var evaluation = Print("seen7", PositionScoring.Reports("seen7"));

        Assert.True(evaluation.Overall.F1 >= 0.62 && evaluation.Overall.Precision >= 0.65,
            $"seen7: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 0.62, P 0.65)");
    }

    [Fact]
    public void The_unseen_test_set_scores_at_least_the_goal_once_it_has_reports()
    {
        var reports = PositionScoring.Reports("test");
        if (reports.Count == 0)
        {
            output.WriteLine("test: no reports yet");
            return;
        }

        var evaluation = Print("test", reports);

        Assert.True(evaluation.Overall.F1 >= Goal, $"test: F1 {evaluation.Overall.F1:F3} < {Goal}");
    }

    [Fact]
    public void Every_set_folder_is_scored()
    {
        var sets = Directory.Exists(PositionScoring.Root) ? Directory.GetDirectories(PositionScoring.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];

        foreach (var set in sets)
        {
            var reports = PositionScoring.Reports(set!);
            output.WriteLine(reports.Count == 0 ? $"{set}: no reports yet" : $"{set}: {PositionScoring.Evaluate(reports).Overall}");
        }

        Assert.Contains("tune", sets);
    }

    [Fact]
    public void Every_tune_report_labels_every_sentence_with_known_kinds_and_items()
    {
        foreach (var (name, text, labels) in PositionScoring.Reports("tune"))
        {
            var claims = ClaimExtractor.Extract(text).Claims;
            Assert.True(labels.Sentences.Count == claims.Count, $"{name}: {labels.Sentences.Count} labels, {claims.Count} sentences");
            foreach (var position in labels.Sentences.SelectMany(s => s.Positions))
            {
                Assert.True(PositionKinds.Parse(position.Kind) is not null, $"{name}: kind '{position.Kind}'");
                Assert.True(labels.AgendaItems.Contains(position.Item), $"{name}: item '{position.Item}' is not on the agenda");
            }
        }
    }

    private PositionEvaluation Print(string set, IReadOnlyList<LabelledPositions> reports)
    {
        var evaluation = PositionScoring.Evaluate(reports);
        output.WriteLine($"{set}: {evaluation.Reports} reports, {evaluation.Sentences} sentences, {evaluation.Overall.Labels} labelled positions");
        output.WriteLine($"overall: {evaluation.Overall}");
        foreach (var (kind, tally) in evaluation.ByKind)
        {
            output.WriteLine($"{kind.Name(),-11} {tally}");
        }

        foreach (var miss in evaluation.Misses)
        {
            output.WriteLine(miss);
        }

        return evaluation;
    }
}
