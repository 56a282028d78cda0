using Xunit;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Tests.Extraction;

public class SeedArticleTests
{
    private static readonly string Text = File.ReadAllText(ExpectedAttribution.PathOf("seed-article.txt"));
    private static readonly ExpectedAttribution Expected = ExpectedAttribution.Load("seed-article.attribution.json");

    [Fact]
    public void Title_is_the_first_line_and_not_a_claim()
    {
        var result = ClaimExtractor.Extract(Text);

        Assert.Equal("Under Russian auspices and US approval: Unannounced security talks between Syria and Israel", result.Title);
        Assert.Equal(result.Title, result.TitleSpan.Slice(Text));
        Assert.DoesNotContain(result.Claims, c => c.Span.Start < result.TitleSpan.End);
    }

    [Fact]
    public void Every_body_sentence_is_one_claim_in_order()
    {
        var claims = ClaimExtractor.Extract(Text).Claims;

        Assert.Equal(18, claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            Assert.StartsWith(Expected.Sentences[i].Text, claims[i].Text, StringComparison.Ordinal);
            Assert.Equal(claims[i].Text, claims[i].Span.Slice(Text));
        }
    }

    [Fact]
    public void Every_sentence_has_the_expected_source_cue_and_hedge()
    {
        var claims = ClaimExtractor.Extract(Text).Claims;

        for (var i = 0; i < Expected.Sentences.Count; i++)
        {
            var expected = Expected.Sentences[i];
            var claim = claims[i];
            var label = $"sentence {i + 1} ({expected.Text})";
            Assert.True(
                string.Equals(expected.Source, claim.Source, StringComparison.OrdinalIgnoreCase),
                $"{label}: source expected '{expected.Source}', got '{claim.Source}'");
            Assert.True(expected.Cue == claim.Cue, $"{label}: cue expected '{expected.Cue}', got '{claim.Cue}'");
            Assert.True(
                (expected.Hedge is null ? [] : new[] { expected.Hedge }).SequenceEqual(claim.Hedges),
                $"{label}: hedge expected '{expected.Hedge}', got '{string.Join(", ", claim.Hedges)}'");
        }
    }

    [Fact]
    public void Sources_keep_the_words_of_the_text_and_have_a_kind()
    {
        var claims = ClaimExtractor.Extract(Text).Claims;

        Assert.Equal("Analysts", claims[13].Source);
        Assert.Equal(SourceKind.Analyst, claims[13].SourceKind);
        Assert.Equal(SourceKind.MediaOutlet, claims[0].SourceKind);
        Assert.Equal(SourceKind.AnonymousOfficial, claims[1].SourceKind);
        Assert.Equal("The source", claims[2].SourceMentionSpan!.Value.Slice(Text));
    }

    [Fact]
    public void Hedged_sentences_are_hedged_and_the_rest_assert()
    {
        var claims = ClaimExtractor.Extract(Text).Claims;

        Assert.Equal(Stance.Hedged, claims[3].Stance);
        Assert.Equal(Stance.Hedged, claims[4].Stance);
        Assert.Equal(Stance.Asserts, claims[1].Stance);
        Assert.All(claims, c => Assert.Equal(c.Hedges.Count > 0, c.Hedged));
    }
}
