using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

public class AttributionPatternTests
{
    /// <summary>Extracts a one-sentence-per-line body under a dummy title and returns the claims.</summary>
    private static IReadOnlyList<ExtractedClaim> Claims(params string[] sentences) =>
        ClaimExtractor.Extract("Title\n" + string.Join("\n", sentences)).Claims;

    private static ExtractedClaim Last(params string[] sentences) => Claims(sentences)[^1];

    [Theory]
    [InlineData("According to a senior Israeli security source, Moscow is playing a central role.", "a senior Israeli security source", "according to")]
    [InlineData("Moscow is playing a central role, according to two Western diplomats.", "two Western diplomats", "according to")]
    [InlineData("The envoy met Aoun, according to a statement from the U.S. Embassy.", "the U.S. Embassy", "according to")]
    [InlineData("Israeli media have revealed the existence of talks.", "Israeli media", "have revealed")]
    [InlineData("The minister told reporters that talks were under way.", "The minister", "told")]
    [InlineData("Analysts note that the talks do not signal a shift.", "Analysts", "note")]
    [InlineData("Lebanese officials have long insisted that talks go through the committee.", "Lebanese officials", "have insisted")]
    [InlineData("The talks lasted four hours, three sources familiar with the matter said.", "three sources familiar with the matter", "said")]
    [InlineData("The talks lasted four hours, said the official.", "the official", "said")]
    [InlineData("“We will not retreat,” the minister said.", "the minister", "said")]
    [InlineData("\"Both sides want a deal,\" said Ali Vaez, an analyst at the International Crisis Group.", "Ali Vaez", "said")]
    [InlineData("Israeli officials, the spokesman added, prefer the status quo.", "the spokesman", "added")]
    [InlineData("A U.S. official, who asked not to be named, said Washington wanted verifiable steps.", "A U.S. official", "said")]
    [InlineData("An Israeli officer, speaking on condition of anonymity because he was not authorized to speak, said the meeting was technical.", "An Israeli officer", "said")]
    [InlineData("Hikmet Hajiyev, a foreign policy adviser to the president, told reporters that talks were in the final stage.", "Hikmet Hajiyev", "told")]
    [InlineData("Dr. Laurence Broers, an expert on the Caucasus, said the issues were political.", "Dr. Laurence Broers", "said")]
    [InlineData("Army spokesman Brig. Gen. Nabil Abdallah denied that any meeting had taken place.", "Army spokesman Brig. Gen. Nabil Abdallah", "denied")]
    [InlineData("The White House declined to comment on the talks.", "The White House", "declined to comment")]
    [InlineData("Analysts believe the channel will survive.", "Analysts", "believe")]
    [InlineData("The ministry stressed that no agreement had been reached.", "The ministry", "stressed")]
    [InlineData("Kremlin spokesman Dmitry Peskov acknowledged that contacts had taken place.", "Kremlin spokesman Dmitry Peskov", "acknowledged")]
    [InlineData("Israel's Channel 12 reported that a delegation had crossed the border.", "Israel's Channel 12", "reported")]
    [InlineData("Qatari Foreign Ministry spokesman Majed al-Ansari said the mediators were optimistic.", "Qatari Foreign Ministry spokesman Majed al-Ansari", "said")]
    public void Finds_the_source_and_cue(string sentence, string source, string cue)
    {
        var claim = Last(sentence);

        Assert.Equal(source, claim.Source);
        Assert.Equal(cue, claim.Cue);
    }

    [Theory]
    [InlineData("Deputy army commander Shams al-Din Kabbashi, quoted by the state news agency SUNA, said there was no going back.", "Deputy army commander Shams al-Din Kabbashi", "the state news agency SUNA")]
    [InlineData("Egypt's Al-Qahera News, citing a senior Egyptian source, reported that a week had been given.", "a senior Egyptian source", "Egypt's Al-Qahera News")]
    [InlineData("The talks focus on a phased deal, according to Axios, which cited two U.S. officials.", "two U.S. officials", "Axios")]
    public void A_relay_is_exposed_as_via_and_the_originator_is_the_source(string sentence, string source, string via)
    {
        var claim = Last(sentence);

        Assert.Equal(source, claim.Source);
        Assert.Equal(via, claim.Via);
    }

    [Theory]
    [InlineData("The choice of Azerbaijan is reportedly linked to its balanced relations.", "reportedly")]
    [InlineData("The discussions are said to focus on southern Syria.", "are said to")]
    [InlineData("Russia, which brokered the ceasefire, is said to be wary.", "is said to")]
    [InlineData("In this context, Russia appears keen to consolidate its role.", "appears")]
    [InlineData("The two sides allegedly discussed the treaty.", "allegedly")]
    [InlineData("Hamas is believed to hold about 20 hostages.", "is believed to")]
    [InlineData("It is understood that the Emirates facilitated the encounter.", "it is understood")]
    public void A_bare_hedge_is_hedged_and_unattributed(string sentence, string hedge)
    {
        var claim = Last(sentence);

        Assert.Null(claim.Source);
        Assert.Equal([hedge], claim.Hedges);
        Assert.Equal(Stance.Hedged, claim.Stance);
    }

    [Theory]
    [InlineData("From Washington’s perspective, the talks align with broader efforts.")]
    [InlineData("In particular, Tel Aviv considers Russian oversight preferable.")]
    [InlineData("Nevertheless, the reported meetings underscore the persistence of backchannel diplomacy.")]
    [InlineData("Hezbollah, which fought a war with Israel, has not commented publicly.")]
    [InlineData("Israel's Prime Minister's Office did not respond to a request for comment.")]
    [InlineData("Previous talks, co-hosted by Saudi Arabia and the United States, collapsed in 2023.")]
    public void The_outlets_own_voice_has_no_source(string sentence)
    {
        Assert.Null(Last(sentence).Source);
    }

    [Theory]
    [InlineData("Army spokesman Nabil Abdallah denied that any meeting had taken place.")]
    [InlineData("\"Lebanon does not negotiate with Israel,\" the office said.")]
    [InlineData("Egypt's foreign ministry declined to comment.")]
    [InlineData("The presidency rejected reports that officials had met.")]
    [InlineData("The Kremlin dismissed the remark as political theater.")]
    [InlineData("The ministry refuted the claims.")]
    public void Denials_deny(string sentence)
    {
        Assert.Equal(Stance.Denies, Last(sentence).Stance);
    }

    [Fact]
    public void The_source_and_the_same_source_resolve_to_the_first_full_mention()
    {
        var claims = Claims(
            "According to a senior Israeli security source, Moscow plays a central role.",
            "The source indicated that Baku hosted the talks.",
            "According to the same source, Russia has proposed a redeployment.");

        Assert.All(claims, c => Assert.Equal("a senior Israeli security source", c.Source));
        Assert.All(claims, c => Assert.Equal(SourceKind.AnonymousOfficial, c.SourceKind));
    }

    [Fact]
    public void Plural_references_resolve_to_plural_mentions_and_singular_to_singular()
    {
        var claims = Claims(
            "The envoys met in Muscat, two Western diplomats said.",
            "A U.S. official said the talks were useful.",
            "The talks lasted four hours, the diplomats said.",
            "The official added that no deal was expected.",
            "\"Both sides agreed to meet again,\" one of the diplomats said.");

        Assert.Equal("two Western diplomats", claims[2].Source);
        Assert.Equal("A U.S. official", claims[3].Source);
        Assert.Equal("two Western diplomats", claims[4].Source);
    }

    [Fact]
    public void Pronouns_resolve_to_the_most_recent_compatible_source()
    {
        var claims = Claims(
            "Israeli media reported the talks.",
            "Kremlin aide Yuri Ushakov told Russian news agencies that Moscow had made proposals.",
            "He said a follow-up meeting was possible.",
            "Western officials said they were informed.",
            "They added that no date had been set.");

        Assert.Equal("Kremlin aide Yuri Ushakov", claims[2].Source);
        Assert.Equal("Western officials", claims[4].Source);
    }

    [Fact]
    public void A_pronoun_does_not_resolve_to_an_organisation()
    {
        var claims = Claims(
            "An Israeli military official said the meeting was technical.",
            "The foreign ministry said it had no information.",
            "He declined to say whether more meetings were planned.");

        Assert.Equal("An Israeli military official", claims[2].Source);
    }

    [Fact]
    public void A_surname_resolves_to_the_earlier_full_name()
    {
        var claims = Claims(
            "Armenian Foreign Minister Ararat Mirzoyan said two articles remained open.",
            "U.S. envoy Morgan Ortagus met the president in Beirut.",
            "Speaking in Yerevan, Mr. Mirzoyan said the last steps were the hardest.",
            "Ortagus told reporters that progress was being made.");

        Assert.Equal("Armenian Foreign Minister Ararat Mirzoyan", claims[2].Source);
        Assert.Equal("U.S. envoy Morgan Ortagus", claims[3].Source);
        Assert.Equal(SourceKind.NamedOfficial, claims[3].SourceKind);
    }

    [Fact]
    public void A_quotation_continuing_the_previous_speakers_quote_is_theirs()
    {
        var claims = Claims("“It was not a negotiation,” the diplomat said. “It was shuttle diplomacy under one roof.”");

        Assert.Equal(2, claims.Count);
        Assert.Equal(claims[0].Source, claims[1].Source);
    }

    [Fact]
    public void Speech_verbs_inside_quotations_do_not_attribute()
    {
        Assert.Null(Last("The statement was titled “What the minister said about Baku.”").Source);
    }

    [Fact]
    public void Source_mention_span_points_at_the_words_in_this_sentence()
    {
        const string text = "Title\nA Saudi diplomat said Riyadh was informed. The diplomat said it was not a party.";
        var claims = ClaimExtractor.Extract(text).Claims;

        Assert.Equal("A Saudi diplomat", claims[1].Source);
        Assert.Equal("The diplomat", claims[1].SourceMentionSpan!.Value.Slice(text));
    }

    [Theory]
    [InlineData("Israeli media reported the talks.", SourceKind.MediaOutlet)]
    [InlineData("Analysts said the talks would fail.", SourceKind.Analyst)]
    [InlineData("The foreign ministry said it had no information.", SourceKind.GovernmentStatement)]
    [InlineData("A senior official said the talks would fail.", SourceKind.AnonymousOfficial)]
    [InlineData("Kremlin spokesman Dmitry Peskov said the talks would fail.", SourceKind.NamedOfficial)]
    [InlineData("The war has killed thousands, according to U.N. figures.", SourceKind.Document)]
    public void Guesses_the_source_kind(string sentence, SourceKind kind)
    {
        Assert.Equal(kind, Last(sentence).SourceKind);
    }
}
