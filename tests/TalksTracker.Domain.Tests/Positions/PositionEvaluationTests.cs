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

    /// <summary>
    /// What the tune set scores (0.948 since the eighteenth round's last refit, 0.953 before it; rounded down); a drop below
    /// it is a regression.
    /// </summary>
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
    // A row's comment is the set's first score, as it came; how each round moved its floors is in TestData/README.md. The
    // fifteenth round (the sentence before weighed in meaning; a lower placing threshold) raised most F1 floors and lowered
    // these: F1 seen4 0.76 -> 0.74, seen5 0.75 -> 0.74, seen8 0.56 -> 0.54; P seen3 0.82 -> 0.81, seen4 0.82 -> 0.79, seen5
    // 0.78 -> 0.75, seen7 0.74 -> 0.73, seen8 0.68 -> 0.64, seen10 0.77 -> 0.75, seen12 0.73 -> 0.68, seen13 0.74 -> 0.73,
    // seen14 0.70 -> 0.69, seen15 0.69 -> 0.68, seen16 0.69 -> 0.68, seen17 0.67 -> 0.65, seen20 0.70 -> 0.67.
    // The sixteenth round (five more cue idioms; the chooser refitted with seen24) lowered F1 seen13 0.47 -> 0.45; P seen13
    // 0.73 -> 0.71, seen18 0.62 -> 0.61: each by the refit alone, the new idioms changed neither. Then "Our position is
    // that …" (read as the speaker's side's) lowered F1 seen10 0.60 -> 0.59, P seen10 0.75 -> 0.74 (a demand read as a
    // condition, one on another item), and its refit F1 seen18 0.48 -> 0.47, P seen18 0.61 -> 0.60.
    // The seventeenth round's refit after "that every exercise be approved" (no acceptance inside a demand): F1 seen18 0.47
    // -> 0.46, P seen18 0.60 -> 0.59, one match lost to the weights, not the rule.
    // The eighteenth round's last refit, after a side's name or people stopped counting as an item's word: F1 seen8 0.54 ->
    // 0.53, seen16 0.58 -> 0.57, seen20 0.42 -> 0.41, seen27 0.51 -> 0.50, seen29 0.59 -> 0.58; P seen6 0.79 -> 0.78, seen8
    // 0.64 -> 0.62, seen16 0.68 -> 0.66, seen17 0.68 -> 0.67, seen20 0.69 -> 0.67, seen27 0.69 -> 0.67, seen29 0.74 -> 0.72.
    // Each by the weights alone (the rule does not change these sets without parties); left out, the refit raised placing
    // 0.706 -> 0.709 pooled.
    // The nineteenth round: "The government, he added, has objected" (an aside before the verb) lowered P seen25 0.69 ->
    // 0.68 (the party now right, the item not); its refit F1 seen23 0.43 -> 0.42, seen26 0.57 -> 0.56; P seen23 0.71 ->
    // 0.70, seen26 0.69 -> 0.68. Left out, the refit raised placing 0.709 -> 0.710 pooled.
    // The twenty-third round's refit (after split particles and adverbs inside cues, a passive's agent no item's words):
    // F1 seen26 0.56 -> 0.55, P seen26 0.68 -> 0.67, by the weights alone; left out, placing 0.711 -> 0.713 pooled.
    [Theory]
    [InlineData("seen", 0.83, 0.84)] // first score 0.567
    [InlineData("seen2", 0.84, 0.87)] // first score 0.601
    [InlineData("seen3", 0.72, 0.81)] // first score 0.512
    [InlineData("seen4", 0.74, 0.79)] // first score 0.508
    [InlineData("seen5", 0.74, 0.76)] // first score 0.595
    [InlineData("seen6", 0.75, 0.78)] // first score 0.677
    [InlineData("seen7", 0.72, 0.73)] // first score 0.630
    [InlineData("seen8", 0.53, 0.62)] // first score 0.400
    [InlineData("seen9", 0.63, 0.70)] // first score 0.541
    [InlineData("seen10", 0.59, 0.74)] // first score 0.469
    [InlineData("seen11", 0.59, 0.68)] // first score 0.506
    [InlineData("seen12", 0.55, 0.69)] // first score 0.471
    [InlineData("seen13", 0.46, 0.72)] // first score 0.364
    [InlineData("seen14", 0.61, 0.69)] // first score 0.528
    [InlineData("seen15", 0.57, 0.68)] // first score 0.469
    [InlineData("seen16", 0.57, 0.66)] // first score 0.468
    [InlineData("seen17", 0.51, 0.67)] // first score 0.477
    [InlineData("seen18", 0.49, 0.63)] // first score 0.410
    [InlineData("seen19", 0.51, 0.71)] // first score 0.486
    [InlineData("seen20", 0.41, 0.67)] // first score 0.382
    [InlineData("seen21", 0.54, 0.70)] // first score 0.500
    [InlineData("seen22", 0.62, 0.81)] // first score 0.568
    [InlineData("seen23", 0.42, 0.70)] // first score 0.375 (0.397 with the chooser weighing meaning, fitted without it)
    [InlineData("seen24", 0.52, 0.69)] // first score 0.495 (0.512 with the sentence before weighed, fitted without it)
    [InlineData("seen25", 0.57, 0.68)] // first score 0.545
    [InlineData("seen26", 0.55, 0.67)] // first score 0.554
    [InlineData("seen27", 0.50, 0.67)] // first score 0.509
    [InlineData("seen28", 0.56, 0.68)] // first score 0.543
    [InlineData("seen29", 0.58, 0.72)] // first score 0.595
    [InlineData("seen30", 0.66, 0.83)] // first score 0.661
    [InlineData("seen31", 0.64, 0.80)] // first score 0.642
    [InlineData("seen32", 0.52, 0.70)] // first score 0.530
    [InlineData("seen33", 0.53, 0.68)] // first score 0.533
    [InlineData("seen34", 0.55, 0.77)] // first score 0.552
    [InlineData("seen35", 0.53, 0.64)] // first score 0.531
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
    // The fifteenth round lowered these and raised or kept the others: tune F1 0.96 -> 0.95 and P 0.96 -> 0.94; F1 seen4
    // 0.77 -> 0.75, seen5 0.76 -> 0.74, seen8 0.68 -> 0.66, seen12 0.64 -> 0.63, seen14 0.68 -> 0.66, seen18 0.64 -> 0.62,
    // seen19 0.57 -> 0.55; P seen3 0.85 -> 0.83, seen4 0.80 -> 0.77, seen5 0.78 -> 0.75, seen8 0.73 -> 0.70, seen9 0.73 ->
    // 0.72, seen10 0.81 -> 0.80, seen12 0.75 -> 0.70, seen14 0.73 -> 0.70, seen15 0.73 -> 0.72, seen18 0.71 -> 0.69, seen19
    // 0.73 -> 0.70.
    // The sixteenth round, by the refit alone: F1 seen3 0.78 -> 0.77, seen10 0.73 -> 0.72; P seen3 0.83 -> 0.82, seen18
    // 0.69 -> 0.68. Then "Our position is that …": P seen10 0.80 -> 0.78, seen16 0.69 -> 0.68; its refit F1 seen18 0.62 ->
    // 0.61, P seen18 0.68 -> 0.67.
    // The seventeenth round's refit after "that every exercise be approved" (no acceptance inside a demand): F1 seen18 0.61
    // -> 0.60, one match lost to the weights, not the rule.
    // The eighteenth round, after a side's name or people stopped counting as an item's word (in sample 0.7004 -> 0.7054),
    // then its refit (0.7054 -> 0.7045; left out, placing 0.706 -> 0.709): F1 seen13 0.67 -> 0.65, seen16 0.65 -> 0.64,
    // seen20 0.56 -> 0.55, seen25 0.68 -> 0.67, seen29 0.70 -> 0.68; P tune 0.94 -> 0.93, seen10 0.80 -> 0.79, seen13 0.78 -> 0.76, seen16 0.68
    // -> 0.67, seen20 0.71 -> 0.70, seen25 0.74 -> 0.73, seen29 0.81 -> 0.78. seen29 lost 0.009 to the rule, the rest to the
    // weights.
    // The nineteenth round (in sample 0.7070 -> 0.7089): P seen30 0.87 -> 0.86, where a report's introductions ("The
    // movement's spokesman, Néstor Huarachi,") gave two stances their party but not their item; the refit F1 seen10 0.73 ->
    // 0.72, seen20 0.55 -> 0.54, seen23 0.57 -> 0.56; P seen20 0.70 -> 0.68.
    // The twentieth round: a catalogue's "DR Congo" read as a state (its "the government" now the state's, where it was
    // no one's or a host's) lowered P seen16 0.67 -> 0.66, three stances now with the right
    // party and a wrong item; its refit P seen17 0.72 -> 0.71 (left out, placing 0.710 -> 0.711 pooled). In sample 0.7083
    // -> 0.7099 at that commit, 0.7125 at the round's end.
    // The twenty-first round (in sample 0.7112 -> 0.7137 over seen..seen32): what "they would"/"it could" do "if …" is a
    // condition, which found two stances in seen11 and seen19 with the right party and kind but a wrong item (P without
    // seen19 0.72 -> 0.71; P with seen11 0.71 -> 0.70, seen19 0.73 -> 0.72); a name's head before "of" ("Islamic Council of
    // Mozambique" is "the council") gave a mediator a stance in seen20 (P with 0.68 -> 0.67).
    // The twenty-third round: "pressed hard for" (an adverb inside a cue) found a stance in seen21 with the right party and
    // kind but a wrong item (P 0.75 -> 0.74); "the Apparatus" (a capitalised head of a group's name) gave seen35 two with
    // the right party and a wrong item (P 0.68 -> 0.67).
    [Theory]
    [InlineData("tune", 0.95, 0.93)]
    [InlineData("seen", 0.85, 0.85)]
    [InlineData("seen2", 0.85, 0.85)]
    [InlineData("seen3", 0.78, 0.83)]
    [InlineData("seen4", 0.78, 0.79)]
    [InlineData("seen5", 0.75, 0.76)]
    [InlineData("seen6", 0.76, 0.79)]
    [InlineData("seen7", 0.76, 0.76)]
    [InlineData("seen8", 0.68, 0.71)]
    [InlineData("seen9", 0.68, 0.72)]
    [InlineData("seen10", 0.72, 0.79)]
    [InlineData("seen11", 0.66, 0.70)]
    [InlineData("seen12", 0.65, 0.72)]
    [InlineData("seen13", 0.65, 0.76)]
    [InlineData("seen14", 0.67, 0.72)]
    [InlineData("seen15", 0.69, 0.72)]
    [InlineData("seen16", 0.64, 0.66)]
    [InlineData("seen17", 0.64, 0.71)]
    [InlineData("seen18", 0.66, 0.73)]
    [InlineData("seen19", 0.58, 0.72)]
    [InlineData("seen20", 0.54, 0.67)]
    [InlineData("seen21", 0.67, 0.74)]
    [InlineData("seen22", 0.73, 0.82)]
    [InlineData("seen23", 0.56, 0.75)] // first score 0.516 (0.535 with the chooser weighing meaning, fitted without it)
    [InlineData("seen24", 0.67, 0.78)] // first score 0.634 (0.658 with the sentence before weighed, fitted without it)
    [InlineData("seen25", 0.67, 0.73)] // first score 0.654
    [InlineData("seen26", 0.70, 0.76)] // first score 0.664
    [InlineData("seen27", 0.61, 0.70)] // first score 0.598
    [InlineData("seen28", 0.68, 0.74)] // first score 0.631
    [InlineData("seen29", 0.68, 0.78)] // first score 0.667
    [InlineData("seen30", 0.77, 0.86)] // first score 0.778
    [InlineData("seen31", 0.69, 0.81)] // first score 0.691
    [InlineData("seen32", 0.65, 0.77)] // first score 0.660
    [InlineData("seen33", 0.57, 0.69)] // first score 0.573
    [InlineData("seen34", 0.70, 0.81)] // first score 0.703
    [InlineData("seen35", 0.62, 0.67)] // first score 0.623
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
