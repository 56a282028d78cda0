using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

public class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = new([
        new GazetteerEntry("syria", GazetteerEntryKind.Actor, "Syria", "Damascus"),
        new GazetteerEntry("saa", GazetteerEntryKind.Actor, "Syrian Arab Army"),
        new GazetteerEntry("israel", GazetteerEntryKind.Actor, "Israel", "Tel Aviv"),
        new GazetteerEntry("us", GazetteerEntryKind.Actor, "United States", "US", "U.S.", "Washington"),
        new GazetteerEntry("baku", GazetteerEntryKind.Venue, "Baku"),
        new GazetteerEntry("guarantees", GazetteerEntryKind.AgendaTopic, "long-term guarantees"),
    ]);

    private static IReadOnlyList<Mention> Mentions(string sentence, out string text)
    {
        text = "Title\n" + sentence;
        return ClaimExtractor.Extract(text, Gazetteer).Claims.Single().Mentions;
    }

    [Fact]
    public void Finds_names_and_aliases_case_insensitively_with_their_spans()
    {
        var mentions = Mentions("Tel Aviv and DAMASCUS met in baku about long-term guarantees.", out var text);

        Assert.Equal(["israel", "syria", "baku", "guarantees"], mentions.Select(m => m.EntryId));
        Assert.All(mentions, m => Assert.Equal(m.Text, m.Span.Slice(text)));
        Assert.Equal(GazetteerEntryKind.Venue, mentions[2].Kind);
    }

    [Fact]
    public void Prefers_the_longest_match()
    {
        var mentions = Mentions("Syrian Arab Army units moved; Syria agreed.", out _);

        Assert.Equal(["saa", "syria"], mentions.Select(m => m.EntryId));
    }

    [Fact]
    public void Matches_whole_words_only()
    {
        Assert.Empty(Mentions("Israeli and Syrian officials met in Bakuville.", out _));
    }

    [Fact]
    public void Short_capital_aliases_match_case_sensitively()
    {
        var mentions = Mentions("The US told us that U.S. envoys and Washington’s allies agreed.", out _);

        Assert.Equal(["US", "U.S.", "Washington"], mentions.Select(m => m.Text));
    }

    [Fact]
    public void Without_a_gazetteer_there_are_no_mentions()
    {
        Assert.Empty(ClaimExtractor.Extract("Title\nSyria and Israel met.").Claims.Single().Mentions);
    }
}
