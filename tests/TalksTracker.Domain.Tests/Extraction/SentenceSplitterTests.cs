using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

public class SentenceSplitterTests
{
    private static string[] Sentences(string body) =>
        [.. ClaimExtractor.Extract("Title\n" + body).Claims.Select(c => c.Text)];

    [Theory]
    [InlineData("The U.S. envoy met Gen. Smith on Jan. 5 in Baku.|The talks ended.")]
    [InlineData("Mr. Mirzoyan and Dr. Broers spoke to No. 10 officials.|They left.")]
    [InlineData("Advance notice defeats the purpose, so no.|What we did offer is a call.")]
    [InlineData("The council adopted Resolution No. 2231 in 2015.|It lapsed.")]
    [InlineData("Inflation rose 3.5 percent last year.|Prices fell.")]
    [InlineData("J. R. Smith, a former envoy, attended the talks.|He left early.")]
    [InlineData("He said: “We will not retreat. We will hold.”|Then he left.")]
    [InlineData("He said: \"We will not retreat. We will hold.\"|Then he left.")]
    [InlineData("“The talks were businesslike… and we will see,” said the aide.|Nothing more was said.")]
    [InlineData("Talks were held in the U.S.|The delegations left.")]
    [InlineData("Talks were held in the U.N. compound in Geneva.|Brig. Gen. Abdallah denied it.")]
    [InlineData("Why now?|Nobody knows…|Officials declined to say.")]
    [InlineData("“It was not a negotiation,” the diplomat said.|“It was shuttle diplomacy.”")]
    [InlineData("She described it as ‘a first step.’|Others disagreed.")]
    [InlineData("The minister asked, “Why now?” and left.|The talks resumed.")]
    public void Splits_only_where_a_sentence_ends(string expected)
    {
        var sentences = expected.Split('|');

        Assert.Equal(sentences, Sentences(string.Join(" ", sentences)));
    }

    [Fact]
    public void A_quotation_that_opens_its_paragraph_is_split_one_inside_a_paragraph_is_not()
    {
        Assert.Equal(
            ["Talks ended.", "“We are ready to talk.", "But not at any price,” he said."],
            Sentences("Talks ended.\n“We are ready to talk. But not at any price,” he said."));
        Assert.Equal(
            ["Talks ended.", "“We are ready to talk. But not at any price,” he said."],
            Sentences("Talks ended. “We are ready to talk. But not at any price,” he said."));
    }

    [Fact]
    public void A_line_break_ends_a_sentence_unless_the_next_line_continues_in_lower_case()
    {
        Assert.Equal(["Talks held", "Next paragraph."], Sentences("Talks held\nNext paragraph."));
        Assert.Equal(["The talks were held in a\nneutral venue."], Sentences("The talks were held in a\nneutral venue."));
        Assert.Equal(["First.", "Second."], Sentences("First.\r\n\r\nSecond."));
    }

    [Fact]
    public void Arabic_hebrew_and_emoji_split_on_their_punctuation()
    {
        var sentences = Sentences("قال مسؤول إن المحادثات جرت في باكو. هل ستستمر؟ כך אמר הדובר. 🙂 Done.");

        Assert.Equal(["قال مسؤول إن المحادثات جرت في باكو.", "هل ستستمر؟", "כך אמר הדובר.", "🙂 Done."], sentences);
    }

    [Fact]
    public void Title_is_the_first_non_blank_line()
    {
        var result = ClaimExtractor.Extract("\n\n  Talks in Baku  \nThe talks ended.");

        Assert.Equal("Talks in Baku", result.Title);
        Assert.Equal(["The talks ended."], result.Claims.Select(c => c.Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("Only a title")]
    public void Empty_or_title_only_input_has_no_claims(string? text)
    {
        Assert.Empty(ClaimExtractor.Extract(text).Claims);
    }
}
