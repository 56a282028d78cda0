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
    [InlineData("Lebanon named former ambassador Simon Karam, a presidential source in Beirut told Haaretz.", "a presidential source in Beirut", "told")]
    [InlineData("A Congolese government spokesman, Patrick Muyaya, declined to comment on the talks.", "Patrick Muyaya", "declined to comment")]
    [InlineData("Kim's powerful sister, Kim Yo Jong, said Pyongyang was open to talks.", "Kim Yo Jong", "said")]
    [InlineData("U.N. special envoy Hans Grundberg welcomed the talks in a statement, saying every step brings peace closer.", "U.N. special envoy Hans Grundberg", "welcomed")]
    [InlineData("CAIRO (AP) — The army launched an offensive on Sunday, saying militants had attacked a checkpoint.", "The army", "saying")]
    [InlineData("The Greek opposition has called the process “a trap.”", "The Greek opposition", "has called")]
    [InlineData("Secretary of State Marco Rubio, who hosted the ceremony, called it \"an important moment.\"", "Secretary of State Marco Rubio", "called")]
    [InlineData("The talks were described as “serious and frank” by Iran's deputy foreign minister Kazem Gharibabadi.", "Iran's deputy foreign minister Kazem Gharibabadi", "described by")]
    [InlineData("The rebels have been accused by human rights groups of recruiting minors.", "human rights groups", "accused by")]
    [InlineData("Gharibabadi was quoted as saying that Iran would respond firmly.", "Gharibabadi", "quoted as saying")]
    [InlineData("Defense Minister Israel Katz wrote on X that the strikes would continue.", "Defense Minister Israel Katz", "wrote")]
    [InlineData("M23 spokesman Lawrence Kanyuka posted on X that the delegation had arrived.", "M23 spokesman Lawrence Kanyuka", "posted")]
    [InlineData("Israeli Prime Minister Benjamin Netanyahu vowed to press on with the offensive.", "Israeli Prime Minister Benjamin Netanyahu", "vowed")]
    [InlineData("The next round is due in Cairo, according to a joint statement issued by the three countries.", "the three countries", "according to")]
    [InlineData("Resumed talks will focus on the ceasefire, the two delegations said in a joint statement.", "the two delegations", "said")]
    [InlineData("Oleksandr, 34, a soldier whose brother is a prisoner, said he had stopped hoping.", "Oleksandr", "said")]
    [InlineData("Oleksandr, 34, said he had stopped hoping.", "Oleksandr", "said")]
    [InlineData("Carlos Fernández de Cossío, Cuba's deputy foreign minister, told state television that the talks were respectful.", "Carlos Fernández de Cossío", "told")]
    [InlineData("The United Nations estimates that at least 13,000 civilians have been killed.", "The United Nations", "estimates")]
    [InlineData("The readout described the talks as “constructive.”", "The readout", "described")]
    [InlineData("The Kremlin described the call between Putin and Trump as \"frank and very useful.\"", "The Kremlin", "described")]
    [InlineData("The forum called on Prime Minister Benjamin Netanyahu to \"bring everyone home.\"", "The forum", "called")]
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
    [InlineData("U.S. and North Korean officials met last week, a South Korean lawmaker said Tuesday, citing the country's spy agency.", "the country's spy agency", "a South Korean lawmaker")]
    [InlineData("The semi-official Tasnim news agency quoted Gharibabadi as saying that Iran would respond.", "Gharibabadi", "The semi-official Tasnim news agency")]
    [InlineData("Gharibabadi was quoted by the Tasnim news agency as saying Iran would respond.", "Gharibabadi", "the Tasnim news agency")]
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
    [InlineData("Kosovo declared independence from Serbia in 2008.")]
    [InlineData("The minister called for an immediate ceasefire.")]
    [InlineData("The army called off the operation after two days.")]
    [InlineData("The talks, mediated by Turkey and Qatar, were hosted by the Turkish foreign ministry.")]
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
    public void One_another_and_a_second_member_resolve_to_the_group_they_belong_to()
    {
        var claims = Claims(
            "Israeli and Syrian officials met in Paris, two U.S. officials told Axios.",
            "One official said the talks were serious.",
            "\"Both sides came with maps,\" the official said.",
            "A second official cautioned that a deal was not imminent.",
            "Another said a third round was possible.",
            "A third round could follow, the U.S. officials said.",
            "\"Nobody wants to move first,\" one of them said.",
            "The other said the mediators had proposed an exchange.");

        Assert.All(claims, c => Assert.Equal("two U.S. officials", c.Source));
    }

    [Fact]
    public void One_person_resolves_to_the_people_familiar_with_the_talks()
    {
        var claims = Claims(
            "Officials met secretly in Doha, according to three people familiar with the talks.",
            "One person said the delegation was led by a senior official.");

        Assert.Equal("three people familiar with the talks", claims[1].Source);
    }

    [Fact]
    public void A_member_without_an_earlier_group_is_a_new_source()
    {
        var claims = Claims(
            "A Saudi diplomat said Riyadh was informed.",
            "One official said the talks were serious.");

        Assert.Equal("One official", claims[1].Source);
    }

    [Fact]
    public void A_definite_reference_repeats_only_modifiers_of_the_mention_it_points_to()
    {
        var claims = Claims(
            "The envoys met in Istanbul, two European diplomats said.",
            "A U.S. official said the talks were useful.",
            "The two diplomats said the Europeans had offered a delay.",
            "The talks were tense, the British diplomats said.");

        Assert.Equal("two European diplomats", claims[2].Source);
        Assert.Equal("the British diplomats", claims[3].Source);
    }

    [Fact]
    public void The_statement_resolves_to_whoever_issued_it()
    {
        var claims = Claims(
            "Indian and Chinese diplomats held talks, India's foreign ministry said in a statement.",
            "The two sides agreed to keep talking, the statement said.");

        Assert.Equal("India's foreign ministry", claims[1].Source);
    }

    [Fact]
    public void An_appositive_role_lets_a_later_reference_find_the_source()
    {
        var claims = Claims(
            "Talks resumed in Riyadh, according to two sources familiar with the visit.",
            "One of the sources, a Yemeni official close to the Houthis, told Al-Monitor that salaries were discussed.",
            "\"The Saudis are serious this time,\" the official said.",
            "Cambodia's defence ministry spokeswoman, Lt. Gen. Maly Socheata, said jets had dropped bombs.",
            "She called the strikes “a brutal military aggression.”",
            "The spokeswoman added that talks were still possible.");

        Assert.Equal("two sources familiar with the visit", claims[1].Source);
        Assert.Equal("two sources familiar with the visit", claims[2].Source);
        Assert.All(claims.Skip(3), c => Assert.Equal("Lt. Gen. Maly Socheata", c.Source));
    }

    [Fact]
    public void A_lower_case_title_before_a_name_is_part_of_its_full_mention()
    {
        var claims = Claims(
            "A delegation led by chief negotiator Mohammed Abdulsalam arrived in Riyadh.",
            "Abdulsalam denied that the group had made concessions.");

        Assert.Equal("chief negotiator Mohammed Abdulsalam", claims[1].Source);
    }

    [Fact]
    public void The_group_and_the_newspaper_resolve_to_the_organisation_and_outlet_named_before()
    {
        var claims = Claims(
            "Hamas said in a statement that it had received the proposal.",
            "Haaretz reported that the delegation had left Cairo.",
            "The group added that it would respond within days.",
            "The newspaper said the talks would resume next week.");

        Assert.Equal("Hamas", claims[2].Source);
        Assert.Equal("Haaretz", claims[3].Source);
    }

    [Fact]
    public void A_given_name_resolves_to_the_full_name_unless_the_word_stood_alone_before()
    {
        var claims = Claims(
            "Getachew Reda, an adviser to Prime Minister Abiy Ahmed, said the talks were overdue.",
            "Abiy told parliament that Ethiopia had no intention of going to war.",
            "Israel and Lebanon agreed to add civilians to the committee.",
            "Defense Minister Israel Katz wrote on X that the strikes would continue.",
            "Israel says the strikes target militants.");

        Assert.Equal("Prime Minister Abiy Ahmed", claims[1].Source);
        Assert.Equal("Israel", claims[4].Source);
    }

    [Fact]
    public void The_singular_noun_of_a_group_points_to_the_group()
    {
        var claims = Claims(
            "Two diplomats who attended the session said the atmosphere was tense.",
            "\"Both sides are preparing for war,\" the diplomat said.");

        Assert.Equal("Two diplomats", claims[1].Source);
    }

    [Fact]
    public void The_readout_resolves_to_whoever_issued_it_and_he_to_a_name_with_a_particle()
    {
        var claims = Claims(
            "The State Department said in a readout of the meeting that the delegation pressed Cuba.",
            "The readout described the talks as “constructive.”",
            "Carlos Fernández de Cossío, Cuba's deputy foreign minister, told state television that the talks were respectful.",
            "“You cannot strangle an economy,” he said.");

        Assert.Equal("The State Department", claims[1].Source);
        Assert.Equal("Carlos Fernández de Cossío", claims[3].Source);
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
