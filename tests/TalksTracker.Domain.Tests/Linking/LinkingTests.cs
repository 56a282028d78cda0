using TalksTracker.Domain.Linking;
using Xunit;

namespace TalksTracker.Domain.Tests.Linking;

public class AgendaMatcherTests
{
    // The seed track's agenda items, and sentences of the seed article (shared/examples) labelled by hand with the items
    // they speak of. The matcher's rule is general (stems, half the title's content words); none of these titles is special-cased.
    private static readonly (string Id, string Title)[] Items =
    [
        ("arrangements", "Security arrangements in southern Syria adjacent to the Golan"),
        ("escalation", "Mechanisms to prevent escalation"),
        ("armed-groups", "Limiting non-state armed groups"),
        ("deployments", "Regulating military deployments near the border"),
        ("guarantees", "Long-term guarantees"),
        ("russian-presence", "Continued Russian military presence in southern Syria"),
        ("turkish-role", "Expanded Turkish military role"),
    ];

    [Theory]
    [InlineData("The discussions are said to focus primarily on security arrangements in southern Syria, particularly areas adjacent to the occupied Golan Heights.", "arrangements")]
    [InlineData("These files include mechanisms to prevent escalation, limit the presence of non-state armed groups, and regulate military deployments in ways that reduce the risk of direct confrontation between Syrian and Israeli forces.", "escalation,armed-groups,deployments")]
    [InlineData("The talks have reportedly made tangible progress in recent weeks, although significant gaps remain regarding the scope of deployments and long-term guarantees.", "guarantees")]
    [InlineData("Israeli officials, the source added, prefer the continuation of the Russian military presence in southern Syria, viewing it as a stabilizing factor.", "russian-presence")]
    [InlineData("In particular, Tel Aviv considers Russian oversight preferable to an expanded Turkish military role in the region.", "turkish-role")]
    [InlineData("Analysts note that these undeclared talks don't signal a shift toward normalization between Syria and Israel.", "")]
    [InlineData("Turkish military officials visited the region.", "")]
    public void A_sentence_is_matched_to_the_items_whose_words_it_uses(string sentence, string expected)
    {
        var matched = new AgendaMatcher<string>(Items).Matching(sentence);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), matched.Order());
    }

    [Theory]
    [InlineData("Limiting", "limit")]
    [InlineData("limit", "limit")]
    [InlineData("regulating", "regul")]
    [InlineData("regulate", "regul")]
    [InlineData("continuation", "conti")]
    [InlineData("Continued", "conti")]
    [InlineData("Russia's", "russi")]
    [InlineData("forces", "force")]
    [InlineData("force", "force")]
    [InlineData("drones", "drone")]
    [InlineData("searches", "searc")]
    public void Inflections_share_a_stem(string word, string stem)
    {
        Assert.Equal([stem], AgendaWords.Stems(word));
    }

    [Theory]
    [InlineData("The rebels offered to hand in their rifles for collection.", "Weapons collection")]
    [InlineData("Both sides discussed a phased drawdown and exit of the brigade.", "Brigade withdrawal")]
    [InlineData("The group wants its fighters merged into the army.", "Integration into the army")]
    [InlineData("Kabul asked for assurances and verification.", "Guarantees and monitoring")]
    public void Words_the_press_uses_for_one_another_match_an_item(string sentence, string item) =>
        Assert.Equal([item], new AgendaMatcher<string>([(item, item)]).Matching(sentence));

    [Fact]
    public void An_item_named_by_more_of_its_words_comes_before_a_short_title_fully_named() =>
        Assert.Equal(["personnel", "port"], new AgendaMatcher<string>([("port", "Port security"), ("personnel", "Foreign security personnel in Ruritania")])
            .Matching("Foreign security personnel should guard the port."));
}

public class DenialTests
{
    [Theory]
    [InlineData("A Syrian foreign ministry spokesman denied on Tuesday that any meetings with Israeli officials had taken place in Baku.", DenialTarget.Meeting)]
    [InlineData("Damascus denies any talks with Israel.", DenialTarget.Meeting)]
    [InlineData("The SDF denied that any such demand had been accepted.", DenialTarget.Substance)]
    [InlineData("Officials denied that a deal had been reached at the talks.", DenialTarget.Substance)]
    [InlineData("The ministry rejected the report.", DenialTarget.Substance)]
    public void A_denial_is_of_the_meeting_only_when_it_speaks_of_meeting_alone(string sentence, DenialTarget expected)
    {
        Assert.Equal(expected, Denials.Of(sentence));
    }
}
