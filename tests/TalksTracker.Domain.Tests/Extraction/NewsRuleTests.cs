using TalksTracker.Domain.Extraction;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>
/// The second, third and fourth tuning rounds' rules on sentences written for them, none taken from the news sets: possessive owners,
/// state descriptors, fitting speakers, relays and joint subjects. Each case is a short report; the last sentence is checked.
/// </summary>
public class NewsRuleTests
{
    private static ExtractedClaim Last(params string[] sentences) => All(sentences)[^1];

    private static IReadOnlyList<ExtractedClaim> All(params string[] sentences) =>
        ClaimExtractor.Extract("Title\n" + string.Join("\n", sentences)).Claims;

    [Theory]
    [InlineData("Kuwaiti Foreign Minister Abdullah Al-Yahya said the meeting was useful.", "His ministry said a follow-up round was planned.", "the Kuwaiti foreign ministry")]
    [InlineData("Jordan's foreign minister, Ayman Safadi, said the crossing would reopen.", "His ministry said in a statement that aid convoys were waiting.", "Jordan's foreign ministry")]
    [InlineData("Jordanian Foreign Minister Ayman Safadi said the crossing would reopen.", "His ministry's spokesman said the convoys were waiting.", "the Jordanian foreign ministry's spokesman")]
    [InlineData("Bahrain hosted the meeting of the two delegations on Sunday.", "The kingdom's interior ministry said border patrols would be doubled.", "Bahrain's interior ministry")]
    [InlineData("Delegations from Kazakhstan and Azerbaijan met in Astana, officials said.", "The Central Asian country's foreign ministry said the talks were held behind closed doors.", "Kazakhstan's foreign ministry")]
    [InlineData("Iranian and Qatari officials met in Doha on Monday, a diplomat said.", "The Gulf state's foreign ministry said the talks would continue.", "Qatar's foreign ministry")]
    [InlineData("Cypriot and Turkish negotiators met under UN auspices, the UN said.", "The island nation's government said it would not accept partition.", "Cyprus's government")]
    [InlineData("Thailand and Cambodia agreed to a truce, Malaysia's foreign ministry said.", "The kingdom's army said its troops would stay in place.", "Cambodia's army")]
    public void A_possessive_descriptor_resolves_to_its_owner(string first, string second, string source)
    {
        Assert.Equal(source, Last(first, second).Source);
    }

    [Fact]
    public void A_bare_state_descriptor_is_the_state()
    {
        var claim = Last("Oman's foreign ministry said the talks were positive.", "The sultanate said it would host another round.");
        Assert.Equal("Oman", claim.Source);
    }

    [Fact]
    public void A_state_descriptor_before_a_role_finds_the_person()
    {
        var claim = Last(
            "Saudi Foreign Minister Prince Faisal bin Farhan said the kingdom backed the talks.",
            "Qatari and Egyptian mediators met in Doha, officials said.",
            "The kingdom's top diplomat later said a deal was close.");
        Assert.Equal("Saudi Foreign Minister Prince Faisal bin Farhan", claim.Source);
    }

    [Fact]
    public void She_skips_a_man_for_the_nearest_woman()
    {
        var claim = Last(
            "US envoy Samantha Reed told reporters that Washington wanted a deal.",
            "French Foreign Minister Jean-Noel Barrot said Paris was ready to help.",
            "\"We will not wait forever,\" she said.");
        Assert.Equal("US envoy Samantha Reed", claim.Source);
    }

    [Fact]
    public void He_skips_a_woman_for_the_nearest_man()
    {
        var claim = Last(
            "Iranian Foreign Minister Abbas Araqchi said Tehran was ready.",
            "EU foreign policy chief Kaja Kallas said the bloc supported the talks.",
            "He added that sanctions had to be lifted first.");
        Assert.Equal("Iranian Foreign Minister Abbas Araqchi", claim.Source);
    }

    [Theory]
    [InlineData("According to him, the sides agreed on a timetable.", "Egyptian Foreign Minister Badr Abdelatty")]
    [InlineData("According to them, the sides agreed on a timetable.", "Two Western diplomats")]
    public void According_to_a_pronoun_resolves_like_a_pronoun_subject(string sentence, string source)
    {
        var claim = Last(
            "Two Western diplomats said the talks were serious.",
            "Egyptian Foreign Minister Badr Abdelatty said the talks were useful.",
            sentence);
        Assert.Equal(source, claim.Source);
    }

    [Fact]
    public void A_family_name_first_resolves_to_the_full_mention()
    {
        var claim = Last(
            "Chinese Foreign Minister Li Wei and Nepali Foreign Minister Arzu Deuba co-chaired the talks.",
            "Li said China valued its ties with Nepal.");
        Assert.Equal("Chinese Foreign Minister Li Wei", claim.Source);
    }

    [Fact]
    public void A_family_name_after_a_body_title_resolves_to_the_full_mention()
    {
        var claim = Last(
            "The talks were attended by Chinese Foreign Ministry spokesperson Mao Ning and Japanese officials.",
            "Mao noted that the two sides had agreed to meet again.");
        Assert.Equal("Chinese Foreign Ministry spokesperson Mao Ning", claim.Source);
    }

    [Theory]
    [InlineData("A Saudi official, speaking to Al Jazeera on condition of anonymity, said the talks were on track.", "A Saudi official", "Al Jazeera")]
    [InlineData("A Western diplomat told The Guardian that the talks were on track.", "A Western diplomat", "The Guardian")]
    [InlineData("A Western diplomat told Reuters the talks were on track.", "A Western diplomat", "Reuters")]
    [InlineData("Iraq's delegation was headed by deputy foreign minister Mohammed Hussein, who told AFP that the meeting was positive.", "deputy foreign minister Mohammed Hussein", "AFP")]
    public void Relays_are_cut_at_the_reported_clause(string sentence, string source, string via)
    {
        var claim = Last(sentence);
        Assert.Equal(source, claim.Source);
        Assert.Equal(via, claim.Via);
    }

    [Theory]
    [InlineData("Norway, Switzerland and Qatar, which facilitated the contacts, said the talks would resume.", "Norway, Switzerland and Qatar")]
    [InlineData("Egypt, Jordan and the United States, the sponsors of the deal, said in a statement that it held.", "Egypt, Jordan and the United States")]
    [InlineData("Israel and its Western supporters have rejected the proposal.", "Israel and its Western supporters")]
    public void Joint_subjects_before_an_aside_are_the_source(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("Pakistan's top diplomat later met the Afghan envoy and said the border would reopen.", "Pakistani Foreign Minister Ishaq Dar")]
    [InlineData("Ishaq Dar, Pakistan's foreign minister, hosted the envoys and stressed that the border would reopen.", "Pakistani Foreign Minister Ishaq Dar")]
    public void A_speech_verb_after_and_shares_the_subject(string sentence, string source)
    {
        var claim = Last("Pakistani Foreign Minister Ishaq Dar said Islamabad wanted calm.", sentence);
        Assert.Equal(source, claim.Source);
    }

    [Fact]
    public void The_expert_is_the_person_named_with_a_research_post()
    {
        var claim = Last(
            "Foreign Ministry spokesperson Lin Jian said the talks were candid.",
            "Zhang Wei, a professor at Fudan University, told the Global Times that the talks were a good sign.",
            "\"Both sides need the channel,\" the expert said.");
        Assert.Equal("Zhang Wei", claim.Source);
    }

    [Theory]
    [InlineData("The delegation was led by a national security adviser, who told reporters that the talks were useful.")]
    [InlineData("It was led by adviser, who said so.")]
    [InlineData("The the kingdom's, who said and said, and told The, according to her")]
    public void Odd_shapes_of_the_new_patterns_do_not_throw(string sentence)
    {
        var claims = ClaimExtractor.Extract("Title\n" + sentence).Claims;
        Assert.NotEmpty(claims);
    }

    [Theory]
    [InlineData("Relations have soured since Foreign Minister Kaja Kallas said the bloc would impose sanctions.")]
    [InlineData("Talks stalled until Hamas said it would release the remaining hostages.")]
    public void A_speech_verb_in_a_subordinate_clause_is_background(string sentence)
    {
        Assert.Null(Last(sentence).Source);
    }

    // The third tuning round's rules.

    [Theory]
    [InlineData("India has repeatedly accused the neighbouring army of shelling villages.", "India")]
    [InlineData("Serbia has repeatedly claimed that the attack was staged.", "Serbia")]
    public void A_repeated_accusation_is_a_statement(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("Baghdad has repeatedly demanded the withdrawal of foreign troops.")]
    [InlineData("Kenya has long accused the militia of cross-border raids.")]
    [InlineData("Rights groups have long criticized the government as authoritarian.")]
    public void A_standing_demand_or_a_long_accusation_is_background(string sentence)
    {
        Assert.Null(Last(sentence).Source);
    }

    [Fact]
    public void Its_after_a_possessive_subject_is_that_owner()
    {
        var claim = Last(
            "Mali's transitional government, which came to power in a coup, made no comment.",
            "Its defence minister said on Monday that the border would stay closed.");
        Assert.Equal("Mali's defence minister", claim.Source);
    }

    [Theory]
    [InlineData("Rwanda said the talks had failed.", "The country's foreign ministry said it would recall its envoy.", "Rwanda's foreign ministry")]
    [InlineData("Delegations from Chad and Cameroon met in Yaoundé on Friday.", "The Central African country's army said the border was calm.", "Cameroon's army")]
    public void States_beyond_the_first_table_resolve_descriptors(string first, string second, string source)
    {
        Assert.Equal(source, Last(first, second).Source);
    }

    [Theory]
    [InlineData("Mali's chief negotiator, foreign minister Abdoulaye Diop, told Reuters that the talks would go on.", "Abdoulaye Diop", "Reuters")]
    [InlineData("Speaking to Al Jazeera after the signing, Oman's mediator, Minister of State Salim Al-Harthy, said the deal would hold.", "Salim Al-Harthy", "Al Jazeera")]
    public void A_title_before_a_described_name_belongs_to_the_description(string sentence, string source, string via)
    {
        var claim = Last(sentence);
        Assert.Equal(source, claim.Source);
        Assert.Equal(via, claim.Via);
    }

    [Fact]
    public void A_title_with_for_stays_in_the_full_mention()
    {
        var claim = Last(
            "Kenya's delegation was led by Cabinet Secretary for Foreign Affairs Amina Odhiambo, officials said.",
            "Odhiambo told reporters that the border would reopen.");
        Assert.Equal("Cabinet Secretary for Foreign Affairs Amina Odhiambo", claim.Source);
    }

    [Fact]
    public void The_envoy_finds_an_ambassador()
    {
        var claim = Last(
            "Turkey's ambassador to Baku, Cem Yilmaz, told Anadolu that Ankara backed the deal.",
            "The envoy noted that the corridor would open next year.");
        Assert.Equal("Cem Yilmaz", claim.Source);
    }

    [Theory]
    [InlineData("The East African Community (EAC) and the United Nations welcomed the truce in a joint statement, urging restraint.", "The East African Community (EAC) and the United Nations")]
    [InlineData("The Economic Community of Central African States (ECCAS) said the summit would go ahead.", "The Economic Community of Central African States (ECCAS)")]
    [InlineData("The co-chairs, in a joint statement, said the next round would be held in March.", "The co-chairs")]
    [InlineData("Ankara and Baku, in a joint declaration after the talks, voiced support for the corridor.", "Ankara and Baku")]
    [InlineData("The Sudanese army and the Rapid Support Forces both welcomed the agreement.", "The Sudanese army and the Rapid Support Forces")]
    public void Joint_subjects_keep_acronyms_prefixes_and_both(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Fact]
    public void A_dateline_agency_in_brackets_is_not_an_acronym()
    {
        Assert.Equal("Egypt", Last("CAIRO (AP) — Egypt said the talks would resume.").Source);
    }

    [Fact]
    public void A_tass_dateline_is_kept_out_of_the_first_sentence()
    {
        var claim = ClaimExtractor.Extract("Title\nVIENNA, March 3. /TASS/. The talks ended without a deal, Russian envoy Pavel Orlov told TASS.").Claims[0];
        Assert.StartsWith("The talks ended", claim.Text, StringComparison.Ordinal);
        Assert.Equal("Russian envoy Pavel Orlov", claim.Source);
        Assert.Equal("TASS", claim.Via);
    }

    [Theory]
    [InlineData("Iran on Monday rejected the proposal, saying it was unbalanced, according to the state news agency IRNA.", "Iran", "the state news agency IRNA")]
    [InlineData("The Taliban's foreign ministry denied the report, according to state media.", "The Taliban's foreign ministry", "state media")]
    public void According_to_an_outlet_relays_the_clause_speaker(string sentence, string source, string via)
    {
        var claim = Last(sentence);
        Assert.Equal(source, claim.Source);
        Assert.Equal(via, claim.Via);
    }

    [Fact]
    public void A_trailing_attribution_may_end_in_a_long_phrase()
    {
        var claim = Last("The army rejected the claims, the defence ministry said in a statement posted on its website.");
        Assert.Equal("the defence ministry", claim.Source);
    }

    [Fact]
    public void A_paragraph_quote_keeps_its_speaker_but_not_the_relay()
    {
        var claims = ClaimExtractor.Extract(
            "Title\nNegotiator Ana Ruiz told Reuters that the draft was ready.\n“We have a text. We will sign it soon,” she said.").Claims;
        Assert.Equal(["Negotiator Ana Ruiz", "Negotiator Ana Ruiz", "Negotiator Ana Ruiz"], claims.Select(c => c.Source));
        Assert.Equal(["Reuters", null, null], claims.Select(c => c.Via));
    }

    [Theory]
    [InlineData("Norway and Qatar issued a joint statement urging both sides to return to the table.", "Norway and Qatar")]
    [InlineData("The ministry issued a statement on Monday saying the talks would resume.", "The ministry")]
    [InlineData("The opposition has denounced the exchange as a reward for hostage-taking.", "The opposition")]
    public void Issuing_a_statement_and_denouncing_as_report_speech(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("The embassy issued visas to the delegates.")]
    [InlineData("The ministry issued a statement.")]
    [InlineData("The opposition criticized the deal.")]
    public void Issuing_without_content_and_criticizing_without_as_do_not(string sentence)
    {
        Assert.Null(Last(sentence).Source);
    }

    [Fact]
    public void A_role_set_before_a_name_lets_the_role_find_it()
    {
        var claim = Last(
            "Kenya sent its interior minister, Grace Wanjiru, to the talks.",
            "Wanjiru, for her part, said the border would reopen.",
            "The Kenyan minister added that patrols would continue.");
        Assert.Equal("Grace Wanjiru", claim.Source);
    }

    [Fact]
    public void The_ministrys_spokesperson_is_the_ministry_named_last()
    {
        var claim = Last(
            "Japan's Ministry of Foreign Affairs issued a readout, describing the meeting as “candid.”",
            "The ministry's spokesperson told reporters that Tokyo would keep the channel open.");
        Assert.Equal("Japan's Ministry of Foreign Affairs' spokesperson", claim.Source);
    }

    [Fact]
    public void A_state_name_is_no_surname()
    {
        var claim = Last(
            "Leaders of the Baloch Liberation Army Pakistan met in secret, officials said.",
            "Pakistan has repeatedly accused India of backing the group.");
        Assert.Equal("Pakistan", claim.Source);
    }

    [Fact]
    public void A_data_project_can_be_according_to()
    {
        Assert.Equal("the Missing Migrants project", Last("More than 900 people drowned on the route last year, according to the Missing Migrants project.").Source);
    }

    [Theory]
    [InlineData("Kenya, the African Union and UN experts say the militia gets weapons across the border.", "Kenya, the African Union and UN experts")]
    [InlineData("Hikmet Hajiyev, the adviser of Aliyev and his team, told reporters that the talks were over.", "Hikmet Hajiyev")]
    public void A_list_opening_the_sentence_is_no_appositive(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("Separately, Norway, Qatar and the United States said in a joint statement that the talks would go on.", "Norway, Qatar and the United States")]
    [InlineData("Meanwhile, Britain, France and Germany said they would keep the channel open.", "Britain, France and Germany")]
    public void An_opening_adverb_is_not_an_item_of_a_joint_subject(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Fact]
    public void Quoted_as_saying_may_hold_an_appositive()
    {
        var claim = Last("The state news agency SPA quoted Faisal Al-Saud, the kingdom's chief negotiator, as saying a deal was near.");
        Assert.Equal("Faisal Al-Saud", claim.Source);
        Assert.Equal("The state news agency SPA", claim.Via);
    }

    [Fact]
    public void The_premier_is_the_prime_minister()
    {
        var claim = Last(
            "Iraqi Prime Minister Mohammed Shia al-Sudani said he had spoken to both sides.",
            "Egyptian officials said the crossing would reopen.",
            "The premier urged restraint.");
        Assert.Equal("Iraqi Prime Minister Mohammed Shia al-Sudani", claim.Source);
    }

    [Fact]
    public void Went_on_to_say_keeps_the_subject()
    {
        var claim = Last(
            "Omani Foreign Minister Badr Albusaidi said the talks were serious.",
            "The top Omani diplomat went on to say that a second round was planned.");
        Assert.Equal("Omani Foreign Minister Badr Albusaidi", claim.Source);
    }

    [Theory]
    [InlineData("The families of the hostages, in a statement, urged the government to accept the deal.", "The families of the hostages")]
    [InlineData("The army, in a statement on Monday, denied the report.", "The army")]
    [InlineData("The talks were useful, added Oman's foreign minister.", "Oman's foreign minister")]
    public void A_verb_with_an_object_is_never_inverted(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Fact]
    public void A_counterpart_is_the_minister()
    {
        var claim = Last(
            "Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart Jeyhun Bayramov met in Washington.",
            "Mirzoyan told reporters that the text was nearly agreed.",
            "Bayramov, for his part, said Baku wanted changes.",
            "The Azerbaijani minister added that the corridor must open.");
        Assert.Equal("Jeyhun Bayramov", claim.Source);
    }

    [Fact]
    public void The_professor_is_the_person_with_a_professorship()
    {
        var claim = Last(
            "Chen Wei, a professor at Fudan University, told the Global Times that the talks were a good sign.",
            "The professor noted that both sides needed the channel.");
        Assert.Equal("Chen Wei", claim.Source);
    }

    [Fact]
    public void An_agency_closed_by_a_full_stop_belongs_to_the_dateline()
    {
        var claims = ClaimExtractor.Extract("Title\nMINSK, 4 Mar - Interfax News. Talks on the border crossing will resume next week, the Belarusian foreign ministry said.").Claims;
        Assert.Single(claims);
        Assert.Equal("the Belarusian foreign ministry", claims[0].Source);
        Assert.Equal(8, ReportLayout.DatelineLength("CAIRO - Gen. Smith said the truce held."));
    }

    [Fact]
    public void The_researcher_found_by_according_to_is_the_person()
    {
        var claim = Last(
            "According to Lin Hao, a researcher at the Institute of Asian Studies in Nanning, the channel has worked well.",
            "The researcher noted that both navies had used it twice this year.");
        Assert.Equal("Lin Hao", claim.Source);
    }

    [Fact]
    public void A_family_name_after_vice_finds_the_full_mention()
    {
        var claim = Last(
            "The Chinese side was represented by Vice Defense Minister Han Zhiqiang, and the Philippine side by an undersecretary.",
            "Both delegations agreed to meet again in spring, the ministry said.",
            "Han stressed that the reef was Chinese territory.");
        Assert.Equal("Vice Defense Minister Han Zhiqiang", claim.Source);
    }

    [Theory]
    [InlineData("Its commander, Rear Admiral Omar Haddad, was quoted by the Petra news agency as saying that the navy was ready.", "Rear Admiral Omar Haddad")]
    [InlineData("Its chairman, Karim Nassar, thanked Egypt for hosting the talks.", "Karim Nassar")]
    [InlineData("Its leader, Samuel Okello, told reporters the ceasefire would hold.", "Samuel Okello")]
    public void A_name_set_off_after_its_role_is_the_source(string sentence, string source)
    {
        var claim = Last("The Jordanian navy took part in the exercise for the first time.", sentence);
        Assert.Equal(source, claim.Source);
    }

    [Fact]
    public void A_trailing_attribution_may_name_a_described_person()
    {
        var claim = Last("The two delegations met again in Cairo on Sunday, Egypt's chief negotiator, Hassan Farid, told Reuters.");
        Assert.Equal("Hassan Farid", claim.Source);
        Assert.Equal("Reuters", claim.Via);
    }

    [Fact]
    public void Its_role_before_a_name_is_the_named_person()
    {
        var claim = Last(
            "Greece's foreign ministry confirmed that the meeting had taken place.",
            "Speaking in Athens, its spokeswoman Eleni Markou said the talks would go on.");
        Assert.Equal("Eleni Markou", claim.Source);
    }

    [Theory]
    [InlineData("The Shanghai Cooperation Organisation (SCO), which includes both countries, has offered to host the next round.", "The Shanghai Cooperation Organisation (SCO)")]
    [InlineData("Qatar and Turkey, which both hosted earlier rounds, have also offered to mediate.", "Qatar and Turkey")]
    [InlineData("Norway and Switzerland, which both sent observers, said the vote was fair.", "Norway and Switzerland")]
    public void A_subject_before_a_which_clause_speaks(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("Egypt and Sudan have long disputed the Halaib triangle.")]
    [InlineData("Paris has long maintained troops in the region.")]
    public void A_standing_stance_on_a_thing_is_background(string sentence)
    {
        Assert.Null(Last(sentence).Source);
    }

    [Fact]
    public void He_opening_a_sentence_continues_the_previous_subject()
    {
        var claim = Last(
            "A senior Egyptian security official said the crossing would stay closed.",
            "Interior Minister Karim Adel has long opposed reopening it.",
            "He said on Monday that the border was \"not a bargaining chip.\"");
        Assert.Equal("Interior Minister Karim Adel", claim.Source);
    }

    [Fact]
    public void A_reflexive_after_the_subject_keeps_it()
    {
        var claim = Last(
            "Talks on the dam resumed in Addis Ababa, UN envoy Maria Lopez said.",
            "Lopez herself described the talks as \"difficult but serious.\"");
        Assert.Equal("UN envoy Maria Lopez", claim.Source);
    }

    [Fact]
    public void It_finds_a_body_whose_name_ends_in_an_acronym()
    {
        var claim = Last(
            "Nigeria's Defence Forces Public Relations (DFPR), the military's media wing, said in a statement that the truce held.",
            "It accused the rebels of \"repeated violations\" near the border.");
        Assert.Equal("Nigeria's Defence Forces Public Relations (DFPR)", claim.Source);
    }

    [Fact]
    public void One_of_the_modified_group_is_the_group()
    {
        var claim = Last(
            "Talks on the border resumed in Geneva on Friday, three Armenian diplomats told Reuters.",
            "A Georgian official said the venue had been agreed in advance.",
            "One of the Armenian diplomats said the mood was \"businesslike.\"");
        Assert.Equal("three Armenian diplomats", claim.Source);
    }

    [Fact]
    public void A_subject_before_an_aside_with_a_participle_speaks()
    {
        var claim = Last("Indian and Bangladeshi border guards, in a joint statement issued after their meeting in June, pledged to curb smuggling.");
        Assert.Equal("Indian and Bangladeshi border guards", claim.Source);
    }

    [Fact]
    public void One_of_after_a_name_is_an_appositive()
    {
        var claim = Last("The Democratic Union of Kurdistan (DUK), one of the groups, denied that its fighters had been disarmed.");
        Assert.Equal("The Democratic Union of Kurdistan (DUK)", claim.Source);
    }

    [Fact]
    public void A_body_noun_is_the_body_not_the_person_it_modifies()
    {
        var claim = Last(
            "The rival factions agreed to a truce, the Arab-led alliance said on Monday.",
            "The truce begins on Friday, alliance spokesman Colonel Sami Haddad told reporters.",
            "The alliance said monitors would be deployed next week.");
        Assert.Equal("the Arab-led alliance", claim.Source);
    }

    [Fact]
    public void The_group_finds_the_body_an_appositive_called_one_of_the_groups()
    {
        var claim = Last(
            "The Democratic Union of Kurdistan (DUK), one of the groups, denied that its fighters had been disarmed.",
            "Baghdad said the camps had been emptied.",
            "In a statement on its website, the group said its members were refugees.");
        Assert.Equal("The Democratic Union of Kurdistan (DUK)", claim.Source);
    }

    [Fact]
    public void A_body_noun_finds_the_body_it_heads_after_a_person_it_modifies()
    {
        var claim = Last(
            "The two militias agreed to withdraw from the port, the Saudi-led coalition said on Monday.",
            "The withdrawal starts on Friday, coalition spokesman Colonel Sami Haddad told reporters.",
            "The coalition said observers would be deployed next week.");
        Assert.Equal("the Saudi-led coalition", claim.Source);
    }

    // Fifth tuning round.

    [Theory]
    [InlineData("Neither delegation said when the next round would take place.")]
    [InlineData("Neither ministry has publicly confirmed the contacts.")]
    [InlineData("None of the mediators commented on the draft on Sunday.")]
    public void A_negated_subject_is_the_outlets_voice(string sentence)
    {
        var claim = Last("Envoys of the two states met in Vienna on Monday, diplomats said.", sentence);
        Assert.Null(claim.Source);
    }

    [Theory]
    [InlineData("Relations worsened last spring when Chile expelled two diplomats, accusing Lima of espionage.")]
    [InlineData("Ties deteriorated in 2022 when Bolivia closed the crossing, saying smugglers used it.")]
    [InlineData("Tensions flared after the border incident, prompting warnings from both capitals.")]
    public void A_relation_between_parties_does_not_speak(string sentence)
    {
        var claim = Last("Peruvian and Chilean officials met in Santiago on Tuesday, the foreign ministry said.", sentence);
        Assert.Null(claim.Source);
    }

    [Theory]
    [InlineData("HE Al-Kuwari added that a second round would follow in January.")]
    [InlineData("H.E. Al-Kuwari told reporters that a second round would follow in January.")]
    public void An_honorific_before_a_surname_finds_the_full_mention(string sentence)
    {
        var claim = Last("Qatar's envoy, Salem bin Rashid Al-Kuwari, said the talks had been useful.", "The two delegations will meet again, the envoy said.", sentence);
        Assert.EndsWith("Salem bin Rashid Al-Kuwari", claim.Source);
    }

    [Fact]
    public void A_capitalised_he_after_an_honorific_mention_is_that_person()
    {
        var claim = Last(
            "Qatar's envoy, Salem bin Rashid Al-Kuwari, said the talks had been useful.",
            "HE Al-Kuwari said both delegations had shown goodwill.",
            "HE added that Qatar would keep hosting the talks.");
        Assert.EndsWith("Salem bin Rashid Al-Kuwari", claim.Source);
    }

    [Theory]
    [InlineData("The Kenyan delegation was headed by Deputy Foreign Minister Samuel Otieno, who stressed that joint patrols were needed.", "Samuel Otieno")]
    [InlineData("The Omani team was led by Interior Secretary Hamad Al-Busaidi, who said the crossings would reopen.", "Hamad Al-Busaidi")]
    public void A_titled_person_in_a_who_clause_is_the_speaker(string sentence, string name)
    {
        var claim = Last("Officials from the two states met in Nairobi on Tuesday, the foreign ministry said.", sentence);
        Assert.EndsWith(name, claim.Source);
    }

    [Theory]
    [InlineData("For his part, the Peruvian minister stressed that the border would stay open.", "Carlos Rojas")]
    [InlineData("The Chilean minister affirmed that patrols would be doubled.", "Ana Morales")]
    public void A_demonym_before_minister_finds_the_minister_of_that_country(string sentence, string name)
    {
        var claim = Last(
            "The talks were attended by the Peruvian Minister of the Interior, Carlos Rojas, and the Chilean Minister of Security, Ana Morales.",
            "The two sides agreed to set up a joint committee, according to a statement issued after the meeting.",
            sentence);
        Assert.EndsWith(name, claim.Source);
    }

    [Fact]
    public void Each_demonym_finds_its_own_minister_in_turn()
    {
        var claim = Last(
            "The talks were attended by the Peruvian Minister of the Interior, Carlos Rojas, and the Chilean Minister of Security, Ana Morales.",
            "The Peruvian minister stressed that the border would stay open.",
            "The Chilean minister affirmed that patrols would be doubled.");
        Assert.EndsWith("Ana Morales", claim.Source);
    }

    [Fact]
    public void A_post_before_his_excellency_describes_the_person_named_after_it()
    {
        var claim = Last("Minister of State for Regional Affairs HE Dr. Salem bin Rashid Al-Kuwari affirmed that the talks would continue.");
        Assert.EndsWith("Salem bin Rashid Al-Kuwari", claim.Source);
    }

    [Theory]
    [InlineData("Estonia and its Nordic neighbours have accused Moscow of jamming GPS signals over the Baltic.", "Estonia and its Nordic neighbours")]
    [InlineData("Grain exporters and insurers have welcomed the agreement, saying premiums should now fall.", "Grain exporters and insurers")]
    public void A_joint_subject_of_neighbours_or_trade_actors_is_the_source(string sentence, string source)
    {
        var claim = Last("Officials of the two states met in Helsinki on Monday, the Finnish foreign ministry said.", sentence);
        Assert.Equal(source, claim.Source);
    }

    [Theory]
    [InlineData("In a statement to WAM, the minister said the talks had been constructive.", "WAM")]
    [InlineData("In comments to Reuters, the envoy said a deal was close.", "Reuters")]
    public void A_statement_or_comments_to_an_outlet_name_the_relay(string sentence, string via)
    {
        var claim = Last("Emirati Foreign Minister Khalid Al-Marri met the envoy in Abu Dhabi on Monday.", sentence);
        Assert.Equal(via, claim.Via);
    }

    [Fact]
    public void A_statement_to_a_body_is_no_relay()
    {
        var claim = Last("In a statement to the Security Council, the envoy said a deal was close.");
        Assert.Null(claim.Via);
    }

    [Fact]
    public void A_capitalised_post_after_a_states_possessive_describes_the_name_set_off_after_it()
    {
        var report = All(
            "Kenya’s Cabinet Secretary for Defence, Amina Wanjiru, told Reuters that the patrols would resume.",
            "“We are ready. The border is calm,” she said.");
        Assert.Equal("Reuters", report[0].Via);
        Assert.All(report, claim => Assert.Equal("Amina Wanjiru", claim.Source));
    }

    [Fact]
    public void Issues_after_a_post_is_a_noun_not_a_reporting_verb()
    {
        var claim = Last("The two states have reopened the crossing, Uzbek presidential envoy for water issues Timur Karimov told TASS.");
        Assert.Equal(("Uzbek presidential envoy for water issues Timur Karimov", "TASS"), (claim.Source, claim.Via));
    }

    [Fact]
    public void A_statement_issued_by_named_parties_speaks_itself_and_keeps_its_it()
    {
        var report = All(
            "A joint statement issued by Norway and Qatar said the delegations would meet again in March.",
            "It added that a prisoner exchange had been discussed.");
        Assert.Equal(["A joint statement", "A joint statement"], report.Select(claim => claim.Source));
    }

    [Theory]
    [InlineData("Ankara has long maintained that the strait must stay open to all shipping.")]
    [InlineData("Argentina has claimed the Falklands since 1833 and rejects the islanders' vote.")]
    public void A_standing_stance_or_territorial_claim_is_background(string sentence)
    {
        Assert.Null(Last("Delegations met in Geneva on Monday, the UN said.", sentence).Source);
    }

    [Fact]
    public void A_claim_that_reports_words_is_still_a_statement()
    {
        Assert.Equal("Argentina", Last("Argentina claimed the Falklands talks had been cancelled by London.").Source);
    }

    [Fact]
    public void The_source_finds_an_unnamed_informant_described_by_another_noun()
    {
        var claim = Last(
            "A member of the Nepali delegation told AFP that no deal was reached.",
            "\"Nothing is agreed yet,\" the source said.");
        Assert.Equal("A member of the Nepali delegation", claim.Source);
    }

    [Fact]
    public void One_of_the_sources_finds_sources_that_opened_a_sentence()
    {
        var claim = Last(
            "Sources in the interior ministry told Reuters that the border would reopen.",
            "\"The decision was taken last night,\" one of the sources said.");
        Assert.Equal("Sources in the interior ministry", claim.Source);
    }

    [Theory]
    [InlineData("Farmers of the border district, quoted by the state news agency Bakhtar, complained that the canal had run dry.", "Farmers of the border district")]
    [InlineData("Relatives of the missing sailors gathered outside the port authority on Monday, demanding that the search resume.", "Relatives of the missing sailors")]
    [InlineData("The two sides agreed on a timetable for the pull-back, said UN envoy Maria Lund after a day of talks in Vienna.", "UN envoy Maria Lund")]
    public void Complaints_demands_and_an_inverted_speaker_before_a_time_are_attributed(string sentence, string source)
    {
        Assert.Equal(source, Last(sentence).Source);
    }

    [Theory]
    [InlineData("Baku has long complained that the mission oversteps its mandate.")]
    [InlineData("Athens has complained for months that the drills violate its airspace.")]
    public void A_standing_complaint_is_background(string sentence)
    {
        Assert.Null(Last("The two delegations met in Geneva on Monday, the UN said.", sentence).Source);
    }

    [Fact]
    public void A_demonym_ministry_finds_the_ministry_named_without_a_state()
    {
        var claim = Last(
            "Tokyo and Seoul held security talks on Monday, the Foreign Ministry said.",
            "Beijing was not told of the talks, the Chinese Foreign Ministry said in a statement.",
            "The next round will be held in March, the Japanese ministry said.");
        Assert.Equal("the Foreign Ministry", claim.Source);
    }
}
