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
    /// Each of these sets was written by someone who never read the finder and scored once, as it came (its first score,
    /// in the comment); having been read, it was renamed seenN/ and opened to tuning, so it no longer estimates unseen text.
    /// Its floors are its score after the last round that changed it, rounded down: a drop below either is a regression.
    /// Every round's score on every set, and why some precision floors were lowered, is in TestData/README.md.
    /// </summary>
    // Placing stances the rules found no item for (thirteenth round) traded precision for recall: precision floors fell by
    // up to 0.02 on most sets, recall rose more (TestData/README.md, "Thirteenth round").
    [Theory]
    [InlineData("seen", 0.81, 0.82)] // first score 0.567; F1 0.82 -> 0.81, P 0.85 -> 0.84 in the thirteenth round (the chooser refitted with seen20 and seen21)
    [InlineData("seen2", 0.81, 0.84)] // 0.601; F1 0.83 -> 0.81, P 0.87 -> 0.85 in the twelfth round (the item chooser)
    [InlineData("seen3", 0.70, 0.81)] // 0.512; P 0.83 -> 0.82 in the twelfth round
    [InlineData("seen4", 0.72, 0.78)] // 0.508; F1 0.74 -> 0.73, P 0.80 -> 0.79 in the twelfth round; F1 0.73 -> 0.72 when the chooser began placing stances with no item
    [InlineData("seen5", 0.75, 0.78)] // 0.595
    [InlineData("seen6", 0.73, 0.77)] // 0.677; F1 0.74 -> 0.73 in the eleventh round: see TestData/README.md
    [InlineData("seen7", 0.71, 0.73)] // 0.630
    [InlineData("seen8", 0.53, 0.65)] // 0.400
    [InlineData("seen9", 0.61, 0.69)] // 0.541
    [InlineData("seen10", 0.56, 0.73)] // 0.469
    [InlineData("seen11", 0.59, 0.68)] // 0.506
    [InlineData("seen12", 0.55, 0.78)] // 0.471
    [InlineData("seen13", 0.44, 0.70)] // 0.364 (P 0.76 -> 0.75 in the tenth round; F1 0.46 -> 0.43, P -> 0.71 in the twelfth)
    [InlineData("seen14", 0.60, 0.70)] // 0.528 (0.479 with the finder the round started from)
    [InlineData("seen15", 0.53, 0.66)] // 0.469 (0.462 with the finder the round started from)
    [InlineData("seen16", 0.56, 0.68)] // 0.468 (0.424 with the finder the round started from)
    [InlineData("seen17", 0.50, 0.68)] // 0.477 (0.472 with the finder the round started from)
    [InlineData("seen18", 0.44, 0.58)] // 0.410 (0.410 with the finder the round started from)
    [InlineData("seen19", 0.49, 0.72)] // 0.486 (scored on arrival, before the twelfth round)
    [InlineData("seen20", 0.37, 0.68)] // 0.382 (0.369 with the finder the twelfth round started from); F1 0.38 -> 0.37 when the chooser began placing stances with no item
    [InlineData("seen21", 0.49, 0.67)] // 0.500 (0.490 with the finder the twelfth round started from)
    [InlineData("seen22", 0.57, 0.78)] // 0.568 (scored on arrival, in the thirteenth round)
    public void A_set_once_unseen_keeps_its_score(string set, double f1Floor, double precisionFloor)
    {
        var reports = PositionScoring.Reports(set);
        Assert.NotEmpty(reports);

        var evaluation = Print(set, reports);

        Assert.True(evaluation.Overall.F1 >= f1Floor && evaluation.Overall.Precision >= precisionFloor,
            $"{set}: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 {f1Floor}, P {precisionFloor})");
    }

    /// <summary>
    /// The product's own case: the finder is given the actors the track's catalogue holds (each report's "parties", written
    /// from the report alone by someone who never read the finder or the labels), and a label naming an actor by one of
    /// its aliases names it. Floors as above, from the round that added the parties on.
    /// </summary>
    // Precision floors fell by up to 0.02 when the chooser began placing stances with no item (see above).
    [Theory]
    [InlineData("tune", 0.94, 0.94)] // F1 0.95 -> 0.94 when the chooser began placing stances with no item
    [InlineData("seen", 0.83, 0.84)] // F1 0.84 -> 0.83, P 0.86 -> 0.85 in the thirteenth round (the chooser refitted with seen20 and seen21)
    [InlineData("seen2", 0.82, 0.82)] // F1 0.84 -> 0.82, P 0.85 -> 0.83 in the twelfth round (the item chooser)
    [InlineData("seen3", 0.75, 0.82)] // F1 0.74 -> 0.73, P 0.83 -> 0.82 in the thirteenth round (the chooser refitted with seen20 and seen21)
    [InlineData("seen4", 0.74, 0.76)] // P 0.78 -> 0.77 in the twelfth round
    [InlineData("seen5", 0.76, 0.78)]
    [InlineData("seen6", 0.74, 0.78)] // F1 0.75 -> 0.74 when the chooser began placing stances with no item
    [InlineData("seen7", 0.74, 0.75)]
    [InlineData("seen8", 0.66, 0.72)]
    [InlineData("seen9", 0.66, 0.73)]
    [InlineData("seen10", 0.68, 0.77)]
    [InlineData("seen11", 0.64, 0.70)]
    [InlineData("seen12", 0.65, 0.79)]
    [InlineData("seen13", 0.62, 0.75)] // F1 0.63 -> 0.62 in the twelfth round
    [InlineData("seen14", 0.67, 0.72)]
    [InlineData("seen15", 0.66, 0.70)]
    [InlineData("seen16", 0.63, 0.68)]
    [InlineData("seen17", 0.59, 0.67)]
    [InlineData("seen18", 0.61, 0.68)]
    [InlineData("seen19", 0.57, 0.73)]
    [InlineData("seen20", 0.48, 0.66)]
    [InlineData("seen21", 0.61, 0.71)]
    [InlineData("seen22", 0.69, 0.79)]
    public void Given_the_catalogue_s_parties_a_set_keeps_its_score(string set, double f1Floor, double precisionFloor)
    {
        var reports = PositionScoring.Reports(set);
        Assert.All(reports, r => Assert.NotEmpty(r.Labels.Parties ?? []));

        var evaluation = Print(set, reports, withParties: true);

        Assert.True(evaluation.Overall.F1 >= f1Floor && evaluation.Overall.Precision >= precisionFloor,
            $"{set} with parties: F1 {evaluation.Overall.F1:F3}, P {evaluation.Overall.Precision:F3} (floors F1 {f1Floor}, P {precisionFloor})");
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

    private PositionEvaluation Print(string set, IReadOnlyList<LabelledPositions> reports, bool withParties = false)
    {
        var evaluation = PositionScoring.Evaluate(reports, withParties);
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
