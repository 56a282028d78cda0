using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>
/// Attribution quality on the real-style news set (TestData/news, see its README): sources overall, relays
/// ("via") and each phenomenon tag, with the misses printed. The engine was tuned on "tune", "seen", "seen2" and "seen3"; each
/// unseen half is written by someone who neither changed nor read the engine, scored once, and kept with a floor at
/// that first score (its figures are the estimate on unseen news, in the README).
/// </summary>
public class NewsEvaluationTests(ITestOutputHelper output)
{
    private const double F1Floor = 0.92;
    private const double PrecisionFloor = 0.90;

    [Fact]
    public void Attribution_on_the_tune_half_reaches_f1_0_92_at_precision_0_90()
    {
        AssertQuality("news/tune", vacuousWhenEmpty: false);
    }

    /// <summary>
    /// The second unseen half, scored once on the engine of the second tuning round (P 0.873, R 0.794, F1 0.832; before the
    /// first round 0.722, after it 0.797) and tuned on since: after the third tuning round it scores P 0.994, R 0.982,
    /// F1 0.988, and this guards that score (rounded down). A score on texts the rules were written against says little
    /// about unseen news; the estimate is the new test half, written by someone else.
    /// </summary>
    [Fact]
    public void Attribution_on_the_second_seen_half_keeps_its_third_round_score()
    {
        AssertQuality("news/seen2", vacuousWhenEmpty: false, f1Floor: 0.98, precisionFloor: 0.99);
    }

    /// <summary>
    /// The first unseen half, scored once (P 0.801, R 0.756, F1 0.778; the engine before the first tuning round: F1 0.702)
    /// and seen since: the second tuning round was made on it, so it now holds the standard floors like the tune half.
    /// Its score says little about unseen news; the new test half is the estimate.
    /// </summary>
    [Fact]
    public void Attribution_on_the_seen_half_reaches_f1_0_92_at_precision_0_90()
    {
        AssertQuality("news/seen", vacuousWhenEmpty: false);
    }

    /// <summary>
    /// The third unseen half, written by someone who neither read nor changed the engine, committed before the engine
    /// ran on it, and scored once after the third tuning round: P 0.878, R 0.821, F1 0.848 (the engine before that
    /// round: 0.789). Having been read it is seen3/, and the fourth tuning round was made on it: it now scores P 0.983,
    /// R 0.946, F1 0.964, and this guards that score (rounded down). A score on texts the rules were written against says
    /// little about unseen news; the estimate is the next unseen half.
    /// </summary>
    [Fact]
    public void Attribution_on_the_third_seen_half_keeps_its_fourth_round_score()
    {
        AssertQuality("news/seen3", vacuousWhenEmpty: false, f1Floor: 0.96, precisionFloor: 0.98);
    }

    /// <summary>
    /// The fourth unseen half (16 reports, 228 sentences), written by someone who neither read nor changed the engine,
    /// committed before the engine ran on it, and scored once after the fourth tuning round: P 0.917, R 0.906, F1 0.912
    /// (README: "First and only unseen scoring of the fourth half"). Having been read it is seen4/, and the fifth tuning
    /// round was made on it: it now scores P 0.959, R 0.947, F1 0.953, and this guards that score (rounded down). A score on
    /// texts the rules were written against says little about unseen news; the next estimate needs a fifth half in test/.
    /// </summary>
    [Fact]
    public void Attribution_on_the_fourth_seen_half_keeps_its_fifth_round_score()
    {
        AssertQuality("news/seen4", vacuousWhenEmpty: false, f1Floor: 0.95, precisionFloor: 0.95);
    }

    /// <summary>
    /// The fifth unseen half (16 reports, 228 sentences), written by someone who neither read nor changed the engine,
    /// committed before the engine ran on it, and scored once after the fifth tuning round: P 0.909, R 0.893, F1 0.901
    /// (0.878 before the title convention accepted both directions; README). Having been read it is seen5/, and the sixth
    /// tuning round was made on it: it now scores P 0.978, R 0.978, F1 0.978, and this guards that score (rounded down). A
    /// score on texts the rules were written against says little about unseen news; the next estimate needs a sixth half in
    /// test/.
    /// </summary>
    [Fact]
    public void Attribution_on_the_fifth_seen_half_keeps_its_sixth_round_score()
    {
        AssertQuality("news/seen5", vacuousWhenEmpty: false, f1Floor: 0.97, precisionFloor: 0.97);
    }

    /// <summary>
    /// The sixth unseen half (16 reports, 248 sentences), written by someone who neither read nor changed the engine,
    /// committed before the engine ran on it, and scored once after the sixth tuning round: P 0.943, R 0.905, F1 0.924 —
    /// the first unseen half over the issue's target (README: "First and only unseen scoring of the sixth half"). Having
    /// been read it is seen6/; this guards that first score (rounded down) until a tuning round raises it.
    /// </summary>
    [Fact]
    public void Attribution_on_the_sixth_seen_half_keeps_its_first_score()
    {
        AssertQuality("news/seen6", vacuousWhenEmpty: false, f1Floor: 0.92, precisionFloor: 0.94);
    }

    /// <summary>The next unseen half, when someone writes one into test/: the issue's target.</summary>
    [Fact]
    public void Attribution_on_the_test_half_reaches_f1_0_92_at_precision_0_90()
    {
        AssertQuality("news/test", vacuousWhenEmpty: true);
    }

    [Fact]
    public void The_tune_half_has_sixteen_reports_and_every_register()
    {
        var reports = AttributionScoring.Reports("news/tune").ToList();

        Assert.True(reports.Count >= 16, $"{reports.Count} reports");
        Assert.True(reports.Sum(r => r.Expected.Sentences.Count) >= 160);
        foreach (var tag in new[] { "verb", "quote-run", "speaker", "possessive", "relay", "collective", "denial", "unattributed" })
        {
            var count = reports.Sum(r => r.Expected.Sentences.Count(s => s.Phenomena?.Contains(tag) == true));
            Assert.True(count >= 10, $"{tag}: {count} sentences");
        }
    }

    [Theory]
    [InlineData("Kyodo", "the Kyodo news agency", true)]
    [InlineData("WAM", "state news agency WAM", true)]
    [InlineData("Bakhtar", "the Afghan state news agency Bakhtar", true)]
    [InlineData("the Global Times", "the Global Times", true)]
    [InlineData("Al Arabiya", "the Saudi-owned Al Arabiya channel", true)]
    [InlineData("Asharq Al-Awsat", "the Saudi-owned Asharq Al-Awsat newspaper", true)]
    [InlineData("Saudi-owned Al Arabiya", "the Saudi-owned Al Arabiya channel", false)]
    [InlineData("Reuters", "Reuters the Iranian side had brought", false)]
    [InlineData("Tasnim", "IRNA", false)]
    [InlineData("Kyodo", null, false)]
    public void A_relay_label_names_the_relay_by_its_final_proper_name(string label, string? predicted, bool accepted)
    {
        Assert.Equal(accepted, AttributionScoring.RelayMatches(label, predicted));
    }

    private void AssertQuality(string set, bool vacuousWhenEmpty, double f1Floor = F1Floor, double precisionFloor = PrecisionFloor)
    {
        var evaluation = AttributionScoring.Evaluate(set);
        if (evaluation.Reports == 0)
        {
            output.WriteLine($"{set}: no report in the folder; nothing to score, so the floor holds vacuously.");
            Assert.True(vacuousWhenEmpty, $"{set} holds no report.");
            return;
        }

        output.WriteLine($"{set} ({evaluation.Reports} reports)");
        output.WriteLine($"  sources: {evaluation.Sources}");
        output.WriteLine($"  relays:  {evaluation.Relays}");
        foreach (var (tag, score) in evaluation.ByPhenomenon)
        {
            var sentences = evaluation.SentencesByPhenomenon[tag];

            // A tag whose sentences have no source ("unattributed") is scored by the sources wrongly given to them.
            output.WriteLine(score.Relevant == 0
                ? $"  {tag,-13} {sentences - score.Predicted} of {sentences} sentences left unattributed ({score.Predicted} false sources)"
                : $"  {tag,-13} {score} [{sentences} sentences]");
        }

        output.WriteLine("Source misses:");
        foreach (var miss in evaluation.Sources.Misses)
        {
            output.WriteLine("  " + miss);
        }

        output.WriteLine("Relay misses:");
        foreach (var miss in evaluation.Relays.Misses)
        {
            output.WriteLine("  " + miss);
        }

        var sources = evaluation.Sources;
        Assert.True(sources.F1 >= f1Floor && sources.Precision >= precisionFloor,
            $"{set}: P {sources.Precision:F3}, F1 {sources.F1:F3} (floors P {precisionFloor}, F1 {f1Floor}):\n{string.Join("\n", sources.Misses)}");
    }
}
