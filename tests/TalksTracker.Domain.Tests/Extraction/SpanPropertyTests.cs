using System.Text;
using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>Randomised texts from a fixed seed: spans always slice the text exactly, in order, and nothing throws.</summary>
public class SpanPropertyTests
{
    private static readonly string[] Fragments =
    [
        "The U.S. envoy", " met Gen. Smith", " on Jan. 5", " in Baku.", " J. R. Smith said", " 3.5 percent",
        " “We will not retreat,” the minister said.", " ‘a first step.’", " \"Quoted. Stop.\"", "…", "...", " ",
        "\n", "\n\n", "\r\n", " according to a senior source,", " the source added,", " reportedly", " is said to",
        " 🙂", "👨‍👩‍👧", " قال مسؤول إن المحادثات جرت في باكو.", " כך אמר הדובר.", " ؟", " No.", " Mr.", " Dr.",
        "\"", "“", "”", "’", "'", ",", ".", "?", "!", " —", "-", "(", ")", " he said.", " He", " they", " The diplomats",
        " two Western diplomats said", ", quoted by SUNA,", " speaking on condition of anonymity,", "\t", "\0",
        "\uFFFD", "\u200B", "<p>", "&amp;", "*", "#", " Israel's", " declined to comment.", " U.N.", " e.g.",
    ];

    private static readonly Gazetteer Gazetteer = new([
        new GazetteerEntry("israel", GazetteerEntryKind.Actor, "Israel", "Tel Aviv"),
        new GazetteerEntry("baku", GazetteerEntryKind.Venue, "Baku", "باكو"),
        new GazetteerEntry("us", GazetteerEntryKind.Actor, "United States", "U.S.", "US"),
    ]);

    [Theory]
    [InlineData("\u0017")]
    [InlineData("\u0017Talks resumed\nAn official said talks resumed.")]
    [InlineData("\t\u0001\n")]
    public void Control_characters_keep_the_title_and_its_span_in_step(string text) =>
        AssertSpansHold(text, ClaimExtractor.Extract(text, Gazetteer));

    [Fact]
    public void Random_texts_give_exact_ordered_non_overlapping_spans()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText(random, random.Next(0, 80));
            AssertSpansHold(text, ClaimExtractor.Extract(text, Gazetteer));
        }
    }

    [Fact]
    public void Random_characters_and_lone_surrogates_never_throw()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(4) == 0 ? (char)random.Next(0xD7F0, 0xE010) : (char)random.Next(0, 0x3000);
            }

            var text = new string(chars);
            AssertSpansHold(text, ClaimExtractor.Extract(text, Gazetteer));
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                var report = ReportText.Normalise(text, format);
                AssertSpansHold(report.Text, ClaimExtractor.Extract(report.Text, Gazetteer));
            }
        }
    }

    [Fact]
    public void A_hundred_thousand_sentences_extract()
    {
        var text = "Title\n" + string.Concat(Enumerable.Repeat("The source said talks went on. ", 100_000));

        var result = ClaimExtractor.Extract(text);

        Assert.Equal(100_000, result.Claims.Count);
        AssertSpansHold(text, result);
    }

    private static string RandomText(Random random, int fragments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < fragments; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return builder.ToString();
    }

    private static void AssertSpansHold(string text, ExtractionResult result)
    {
        if (result.TitleSpan.Length > 0)
        {
            Assert.Equal(result.Title, result.TitleSpan.Slice(text));
        }

        Assert.True(result.Title.Length <= FieldLimits.ReportTitle);
        var previousEnd = result.TitleSpan.End;
        foreach (var claim in result.Claims)
        {
            Assert.Null(claim.Span.ProblemFor(text.Length));
            Assert.Equal(claim.Text, claim.Span.Slice(text));
            Assert.True(claim.Span.Start >= previousEnd, $"claim at {claim.Span.Start} overlaps the previous one ending at {previousEnd}");
            Assert.False(char.IsLowSurrogate(text[claim.Span.Start]) && claim.Span.Start > 0 && char.IsHighSurrogate(text[claim.Span.Start - 1]));
            Assert.False(char.IsHighSurrogate(text[claim.Span.End - 1]) && claim.Span.End < text.Length && char.IsLowSurrogate(text[claim.Span.End]));
            previousEnd = claim.Span.End;
            if (claim.SourceMentionSpan is { } mention)
            {
                Assert.True(mention.Start >= claim.Span.Start && mention.End <= claim.Span.End);
            }

            var mentionEnd = claim.Span.Start;
            foreach (var m in claim.Mentions)
            {
                Assert.Equal(m.Text, m.Span.Slice(text));
                Assert.True(m.Span.Start >= mentionEnd && m.Span.End <= claim.Span.End);
                mentionEnd = m.Span.End;
            }
        }
    }
}
