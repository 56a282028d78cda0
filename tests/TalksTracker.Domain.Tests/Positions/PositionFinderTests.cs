using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;
using Xunit;

namespace TalksTracker.Domain.Tests.Positions;

public class PositionFinderTests(ITestOutputHelper output)
{
    private static readonly string[] SeedItems =
    [
        "Security arrangements in southern Syria adjacent to the Golan",
        "Mechanisms to prevent escalation",
        "Limiting non-state armed groups",
        "Syrian army redeployment closer to the border",
        "Long-term guarantees",
        "Continued Russian military presence in southern Syria",
        "Expanded Turkish military role",
    ];

    private static PositionFinder Finder(params string[] items) =>
        new([.. items.Select(i => new AgendaItemName(i, []))]);

    /// <summary>A finder for one item, given the catalogue's parties.</summary>
    private static PositionFinder OnCeasefire(params PartyName[] parties) =>
        new([new AgendaItemName("Ceasefire extension", [])], parties);

    /// <summary>A ceasefire track whose two sides are South Korea and Japan.</summary>
    private static PositionFinder OnKoreaJapanCeasefire() =>
        OnCeasefire(new PartyName("South Korea", ["Seoul"], IsSide: true), new PartyName("Japan", ["Tokyo"], IsSide: true));

    /// <summary>A ceasefire track whose two sides are Kenya and Al-Shabaab.</summary>
    private static PositionFinder OnKenyaAlShabaabCeasefire() =>
        OnCeasefire(new PartyName("Kenya", ["Nairobi"], IsSide: true), new PartyName("Al-Shabaab", [], IsSide: true));

    /// <summary>A ceasefire track whose two sides are Cameroon and Equatorial Guinea.</summary>
    private static PositionFinder OnCameroonEquatorialGuineaCeasefire() =>
        OnCeasefire(new PartyName("Cameroon", ["Yaoundé"], IsSide: true), new PartyName("Equatorial Guinea", ["Malabo"], IsSide: true));

    /// <summary>The one position a sentence states on a ceasefire extension or a prisoner exchange.</summary>
    private static (string Party, PositionKind Kind, string Item) OnlyPosition(string sentence, string? previousSentence = null) =>
        Assert.Single(OnTwoItems().Find(sentence, previousSentence: previousSentence).Select(p => (p.Party, p.Kind, p.Item)));

    private static PositionFinder OnTwoItems() => Finder("Ceasefire extension", "Prisoner exchange");

    /// <summary>The party and kind of the one position a finder reads in a sentence.</summary>
    private static (string Party, PositionKind Kind) OnlyPartyAndKind(PositionFinder finder, string sentence, string? sourceName = null) =>
        Assert.Single(finder.Find(sentence, sourceName: sourceName).Select(p => (p.Party, p.Kind)));

    private static List<(string Party, PositionKind Kind, string Item)> Seed(ITestOutputHelper output)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "TestData", "seed-article.txt"));
        var finder = Finder(SeedItems);
        var found = new List<(string, PositionKind, string)>();
        string? previous = null;
        foreach (var claim in ClaimExtractor.Extract(text).Claims)
        {
            var positions = finder.Find(claim.Text, claim.Source, previousSentence: previous);
            previous = claim.Text;
            foreach (var p in positions)
            {
                output.WriteLine($"{p.Party} {p.Kind} {p.Item} — “{p.Wording}”");
                found.Add((p.Party, p.Kind, p.Item));
            }
        }

        return found;
    }

    [Fact]
    public void The_seed_article_gives_its_three_positions_and_nothing_for_the_gaps()
    {
        var found = Seed(output);

        Assert.Contains(("Russia", PositionKind.Proposal, "Syrian army redeployment closer to the border"), found);
        Assert.Contains(("Israel", PositionKind.Preference, "Continued Russian military presence in southern Syria"), found);
        Assert.Contains(("Israel", PositionKind.Objection, "Expanded Turkish military role"), found);
        Assert.DoesNotContain(found, p => p.Item == "Long-term guarantees");
        // "Tel Aviv considers Russian oversight preferable" restates the preference; nothing else may be proposed.
        Assert.Equal(3, found.Distinct().Count());
    }

    [Theory]
    [InlineData("Israel objects to an expanded Turkish military role.", "Israel", PositionKind.Objection)]
    [InlineData("Israel wants to be consulted on an expanded Turkish military role.", "Israel", PositionKind.Demand)]
    [InlineData("Syria wants to make an expanded Turkish military role temporary.", "Syria", PositionKind.Demand)]
    [InlineData("Ankara wants to begin talks on an expanded Turkish military role.", "Turkey", PositionKind.Demand)]
    [InlineData("Israeli officials said Israel prefers the Turkish military role to be expanded.", "Israel", PositionKind.Preference)]
    [InlineData("Damascus has not accepted an expanded Turkish military role.", "Syria", PositionKind.Rejection)]
    [InlineData("Israel will never accept an expanded Turkish military role.", "Israel", PositionKind.RedLine)]
    [InlineData("An expanded Turkish military role was rejected by Moscow.", "Russia", PositionKind.Rejection)]
    [InlineData("Syria would accept an expanded Turkish military role only if Russian forces stay.", "Syria", PositionKind.Condition)]
    [InlineData("Iran's demand for an expanded Turkish military role surprised the mediators.", "Iran", PositionKind.Demand)]
    [InlineData("An expanded Turkish military role is a red line for Israel.", "Israel", PositionKind.RedLine)]
    [InlineData("Israel no longer insists on an expanded Turkish military role.", "Israel", PositionKind.Concession)]
    [InlineData("Syria refused to accept an expanded Turkish military role.", "Syria", PositionKind.Rejection)]
    [InlineData("For Ankara, an expanded Turkish military role is non-negotiable.", "Turkey", PositionKind.RedLine)]
    [InlineData("Moscow urged the parties to accept an expanded Turkish military role.", "Russia", PositionKind.Demand)]
    [InlineData("The Iraqi delegation requested an expanded Turkish military role.", "Iraq", PositionKind.Demand)]
    [InlineData("Baghdad's main request is an expanded Turkish military role.", "Iraq", PositionKind.Demand)]
    [InlineData("Damascus has signalled readiness to discuss an expanded Turkish military role.", "Syria", PositionKind.Proposal)]
    [InlineData("Israel dropped its objection to an expanded Turkish military role.", "Israel", PositionKind.Concession)]
    [InlineData("Washington would be willing to accept an expanded Turkish military role.", "United States", PositionKind.Acceptance)]
    [InlineData("Athens has raised concerns over an expanded Turkish military role.", "Greece", PositionKind.Objection)]
    [InlineData("Cyprus is concerned that an expanded Turkish military role would destabilise the region.", "Cyprus", PositionKind.Objection)]
    [InlineData("Damascus would not tolerate an expanded Turkish military role, a Syrian official said.", "Syria", PositionKind.Rejection)]
    [InlineData("Tehran would not accept an expanded Turkish military role under any circumstances.", "Iran", PositionKind.RedLine)]
    [InlineData("Moscow, which hosted the last round, has voiced opposition to an expanded Turkish military role.", "Russia", PositionKind.Objection)]
    [InlineData("Iraq conditions an expanded Turkish military role on a UN mandate.", "Iraq", PositionKind.Condition)]
    [InlineData("Israel had initially opposed an expanded Turkish military role, but has softened its stance.", "Israel", PositionKind.Concession)]
    public void Cues_give_the_kind_and_the_subject_gives_the_party(string sentence, string party, PositionKind kind)
    {
        var found = Finder("Expanded Turkish military role", "Long-term guarantees").Find(sentence);

        Assert.Contains(found, p => p.Party == party && p.Kind == kind && p.Item == "Expanded Turkish military role");
    }

    [Theory]
    [InlineData("The talks on an expanded Turkish military role were held at Baghdad's request.")]
    [InlineData("At the request of Iraq, an expanded Turkish military role was added to the agenda.")]
    public void A_request_that_only_says_who_asked_for_a_step_is_no_demand(string sentence)
    {
        var found = Finder("Expanded Turkish military role").Find(sentence);

        Assert.DoesNotContain(found, p => p.Kind == PositionKind.Demand);
    }

    /// <summary>
    /// Whatever an editor pastes is read without throwing: every sentence of the labelled sets, and each cut at one of
    /// its first words (so that cues, names and "we" open it), with and without the catalogue's parties. A sentence
    /// opening with its cue once threw (below); intake would not have taken the report in.
    /// </summary>
    [Fact]
    public void Every_labelled_sentence_cut_at_its_first_words_is_read_without_throwing()
    {
        var sets = Directory.GetDirectories(PositionScoring.Root).Select(Path.GetFileName).OfType<string>();
        foreach (var report in sets.SelectMany(PositionScoring.Reports))
        {
            var sentences = System.Text.RegularExpressions.Regex.Split(report.Text, @"(?<=[.?!])\s+").Where(t => t.Trim().Length > 0);
            var parties = report.Labels.Parties?.Select(p => new PartyName(p.Name, p.Aliases ?? [], report.Labels.Sides?.Contains(p.Name) == true)).ToList();
            foreach (var sentence in sentences)
            {
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var cut in Enumerable.Range(0, Math.Min(words.Length, 6)).Select(k => string.Join(' ', words.Skip(k))))
                {
                    foreach (var catalogue in new[] { null, parties })
                    {
                        var finder = new PositionFinder(report.Labels.AgendaItems.Select(i => new AgendaItemName(i, [])), catalogue);
                        var read = Record.Exception(() => finder.Find(cut, "a source", previousSentence: cut));
                        Assert.True(read is null, $"{report.Name}: «{cut}» threw {read}");
                    }
                }
            }
        }
    }

    /// <summary>A cue that opens the sentence ("In exchange for …") once threw as the finder looked before it for "we".</summary>
    [Theory]
    [InlineData("In exchange for any cooperation on migration, they want us to reopen the checkpoint to cargo traffic.")]
    [InlineData("In exchange for the checkpoint, we want cooperation on migration.")]
    public void A_sentence_that_opens_with_its_cue_is_read(string sentence)
    {
        var found = Finder("Reopening of the checkpoint", "Cooperation on migration").Find(sentence);

        Assert.All(found, p => Assert.Contains(p.Item, new[] { "Reopening of the checkpoint", "Cooperation on migration" }));
    }

    [Theory]
    [InlineData("The council has said it would accept joint management of the oil fields.", "Southern Transitional Council")]
    [InlineData("In return, the coalition's call for joint management of the oil fields stands.", "Viv Ansanm")]
    [InlineData("The party said no to joint management of the oil fields.", "Kurdistan Democratic Party of Iran")]
    [InlineData("The front rejected joint management of the oil fields.", "Ogaden National Liberation Front (ONLF)")]
    public void A_party_named_by_its_name_s_head_noun_is_that_party(string sentence, string party)
    {
        var finder = new PositionFinder([new AgendaItemName("Joint management of the oil fields", [])],
            [new PartyName("Southern Transitional Council", ["STC"]), new PartyName("Viv Ansanm", ["gang coalition"]), new PartyName("Yemen", ["Presidential Leadership Council"]),
                new PartyName("Kurdistan Democratic Party of Iran", ["KDPI"]), new PartyName("Ogaden National Liberation Front (ONLF)", [])]);

        var found = finder.Find(sentence);

        Assert.Equal(party, Assert.Single(found).Party);
    }

    [Theory]
    [InlineData("The Apparatus rejected joint management of the oil fields.", "Stability Support Apparatus")]
    [InlineData("Mediators said the Church would accept joint management of the oil fields.", "the Catholic Church")]
    public void A_party_named_by_the_capitalised_noun_its_name_ends_in_is_that_party(string sentence, string party)
    {
        Assert.Equal(party, Assert.Single(OnLibyaOilFields().Find(sentence)).Party);
    }

    [Fact]
    public void A_capitalised_head_in_lower_case_is_a_common_noun()
    {
        // "the dialogue" is talk, not the Centre for Humanitarian Dialogue.
        Assert.DoesNotContain(OnLibyaOilFields().Find("Libya said the dialogue had rejected joint management of the oil fields."),
            p => p.Party == "Centre for Humanitarian Dialogue");
    }

    private static PositionFinder OnLibyaOilFields() =>
        new([new AgendaItemName("Joint management of the oil fields", [])],
            [new PartyName("Libya", ["Tripoli"], IsSide: true), new PartyName("Stability Support Apparatus", ["SSA"], IsSide: true),
                new PartyName("Centre for Humanitarian Dialogue", []), new PartyName("the Catholic Church", [])]);

    [Fact]
    public void A_noun_two_parties_names_end_in_names_neither()
    {
        var finder = new PositionFinder([new AgendaItemName("Joint management of the oil fields", [])],
            [new PartyName("Southern Transitional Council", []), new PartyName("Presidential Leadership Council", [])]);

        Assert.Empty(finder.Find("The council has said it would accept joint management of the oil fields."));
    }

    [Fact]
    public void A_coordinated_subject_gives_each_party_its_position()
    {
        var found = Finder("Long-term guarantees").Find("Israel and Syria agreed to long-term guarantees.");

        Assert.Equal(["Israel", "Syria"], found.Select(p => p.Party).Order());
        Assert.All(found, p => Assert.Equal(PositionKind.Acceptance, p.Kind));
    }

    [Fact]
    public void Without_a_party_in_the_sentence_the_source_affiliation_is_the_party()
    {
        var found = Finder("Long-term guarantees").Find("The country insists on long-term guarantees.", "a senior Israeli security source");

        var position = Assert.Single(found);
        Assert.Equal("Israel", position.Party);
        Assert.True(position.FromAffiliation);
    }

    [Fact]
    public void A_pronoun_subject_without_a_source_takes_the_party_of_the_sentence_before()
    {
        var found = Finder("Long-term guarantees").Find("It also demanded long-term guarantees.", previousSentence: "Hamas rejected the draft on Sunday.");

        Assert.Equal("Hamas", found.Single().Party);
    }

    [Fact]
    public void A_pointer_back_takes_the_item_of_the_sentence_before()
    {
        var found = Finder("Long-term guarantees", "Expanded Turkish military role").Find("Syria rejected the proposal.", previousSentence: "Russia proposed long-term guarantees.");

        Assert.Equal(("Syria", PositionKind.Rejection, "Long-term guarantees"), found.Select(p => (p.Party, p.Kind, p.Item)).Single());
    }

    [Theory]
    [InlineData("Syria turned that down flat.")]
    [InlineData("Syria turned it down.")]
    [InlineData("Syria says no.")]
    [InlineData("Syria has said no, for now.")]
    public void A_rejection_with_its_object_inside_the_verb_takes_the_item_of_the_sentence_before(string sentence)
    {
        var found = Finder("Long-term guarantees", "Expanded Turkish military role").Find(sentence, previousSentence: "Russia proposed long-term guarantees.");

        Assert.Equal(("Syria", PositionKind.Rejection, "Long-term guarantees"), found.Select(p => (p.Party, p.Kind, p.Item)).Single());
    }

    [Fact]
    public void Said_no_before_more_words_is_no_answer() =>
        Assert.Empty(Finder("Long-term guarantees").Find("Syria said no agreement on them was reached.", previousSentence: "Russia proposed long-term guarantees."));

    [Theory]
    [InlineData("Significant gaps remain on long-term guarantees.")]
    [InlineData("Israel and Syria discussed long-term guarantees in Baku.")]
    [InlineData("Proposals on long-term guarantees were discussed.")]
    [InlineData("Israel demanded a seat at the table.")]
    [InlineData("Analysts expect Israel to reject long-term guarantees.")]
    [InlineData("Syria has not yet accepted long-term guarantees.")]
    [InlineData("Several Syrian commanders have not said whether they accept long-term guarantees.")]
    [InlineData("Israel wants to be clear that long-term guarantees were only discussed.")]
    [InlineData("Israel wants to stress that long-term guarantees were only discussed.")]
    [InlineData("Israel wants to make it clear that long-term guarantees were only discussed.")]
    [InlineData("Israel wants to begin by saying that long-term guarantees were only discussed.")]
    [InlineData("Russia had earlier dropped long-term guarantees from its draft.")]
    [InlineData("")]
    public void Sentences_without_a_stance_of_a_party_on_an_item_give_none(string sentence)
    {
        Assert.Empty(Finder("Long-term guarantees").Find(sentence));
    }

    [Fact]
    public void Both_sides_are_the_two_parties_found_so_far()
    {
        var finder = Finder("Prisoner exchange", "Long-term guarantees");
        Assert.NotEmpty(finder.Find("Israel demanded long-term guarantees."));
        Assert.NotEmpty(finder.Find("Syria rejected long-term guarantees."));

        var found = finder.Find("Both sides agreed to a prisoner exchange.");

        Assert.Equal(["Israel", "Syria"], found.Where(p => p.Kind == PositionKind.Acceptance && p.Item == "Prisoner exchange").Select(p => p.Party).Order());
    }

    [Fact]
    public void Before_any_position_both_sides_are_the_two_parties_of_the_sentence_before()
    {
        var found = Finder("Prisoner exchange").Find("The two sides agreed to a prisoner exchange.", previousSentence: "Armenian and Azerbaijani officials met in Geneva.");

        Assert.Equal(["Armenia", "Azerbaijan"], found.Select(p => p.Party).Order());
    }

    [Fact]
    public void The_catalogue_names_parties_the_built_in_names_do_not_know()
    {
        var finder = new PositionFinder([new AgendaItemName("Long-term guarantees", [])], [new PartyName("Syrian Arab Army", ["the SAA"])]);

        Assert.Equal("Syrian Arab Army", finder.Find("The SAA demanded long-term guarantees.").Single().Party);
    }

    [Theory]
    [InlineData("Asmara is ready to discuss commercial use of the port if Ethiopia first pulls back its troops.", "Eritrea", PositionKind.Condition, "Ethiopian access to the port of Assab")]
    [InlineData("Somalia is ready to grant port access provided Ethiopia recognises its territorial integrity.", "Somalia", PositionKind.Condition, "Ethiopian access to the port of Assab")]
    [InlineData("The United States has put forward a troop drawdown as an interim step, in exchange for a prisoner exchange.", "United States", PositionKind.Proposal, "troop drawdown along the border")]
    [InlineData("Russia has rejected Kiev's demand that the plant be handed over to Ukrainian control.", "Russia", PositionKind.Rejection, "transfer of the plant to Ukrainian control")]
    [InlineData("Russia has rejected Kiev's demand that the plant be handed over to Ukrainian control.", "Ukraine", PositionKind.Demand, "transfer of the plant to Ukrainian control")]
    [InlineData("The TNLA agreed to a troop drawdown along the border.", "TNLA", PositionKind.Acceptance, "troop drawdown along the border")]
    [InlineData("Lebanese President Joseph Aoun told the envoy that Israel must pull back from the five hilltops.", "Lebanon", PositionKind.Demand, "Israeli withdrawal from five hilltops")]
    public void Rules_of_the_second_tuning_round_read_the_stance_as_a_reader_would(string sentence, string party, PositionKind kind, string item)
    {
        var found = Finder("Ethiopian access to the port of Assab", "troop drawdown along the border", "transfer of the plant to Ukrainian control",
            "prisoner exchange", "Israeli withdrawal from five hilltops").Find(sentence);

        output.WriteLine(string.Join("; ", found.Select(p => $"{p.Party} {p.Kind} {p.Item}")));
        Assert.Contains((party, kind, item), found.Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Theory]
    [InlineData("Guyana accepted the Brazilian text, while Venezuela said it would sign it only if Guyana suspends licensing.")]
    [InlineData("Somalia had objected to the inclusion of Ethiopian troops, but signed off on their participation.")]
    [InlineData("Ukraine welcomed the Turkish offer.")]
    public void Rules_of_the_second_tuning_round_read_no_stance_that_is_not_there(string sentence)
    {
        var found = Finder("troop deployments near the border", "Ethiopian troops in the AU mission", "Black Sea shipping safety").Find(sentence)
            .Select(p => (p.Party, p.Kind)).ToList();

        Assert.DoesNotContain(("Guyana", PositionKind.Condition), found);
        Assert.DoesNotContain(("Somalia", PositionKind.Objection), found);
        Assert.DoesNotContain(("Turkey", PositionKind.Proposal), found);
    }

    /// <summary>Reads a report's sentences in order with one finder, as the seed and intake do; the last sentence's positions.</summary>
    private static List<(string Party, PositionKind Kind, string Item)> Last(string[] items, params string[] sentences)
    {
        var finder = Finder(items);
        IReadOnlyList<ProposedPosition> found = [];
        string? previous = null;
        foreach (var sentence in sentences)
        {
            found = finder.Find(sentence, previousSentence: previous);
            previous = sentence;
        }

        return [.. found.Select(p => (p.Party, p.Kind, p.Item))];
    }

    [Fact]
    public void A_group_named_with_its_acronym_in_brackets_is_a_party_by_that_acronym()
    {
        var found = Last(["prisoner exchange"],
            "Talks with the National Liberation Army (ELN) resumed in Havana.",
            "ELN negotiators proposed a prisoner exchange.");

        Assert.Equal([("ELN", PositionKind.Proposal, "prisoner exchange")], found);
    }

    [Theory]
    [InlineData("The Karen National Union has rejected the ceasefire line.", "Karen National Union", PositionKind.Rejection)]
    [InlineData("The exiled Patriotic Alliance, meanwhile, demanded a ceasefire line.", "Patriotic Alliance", PositionKind.Demand)]
    [InlineData("The Interim Government faction rejects the ceasefire line outright.", "Interim Government", PositionKind.Rejection)]
    public void A_group_named_in_full_as_the_subject_is_a_party_by_that_name(string sentence, string party, PositionKind kind)
    {
        Assert.Equal([(party, kind, "ceasefire line")], Last(["ceasefire line"], sentence));
    }

    [Fact]
    public void A_group_named_in_full_is_who_the_front_is_later()
    {
        var found = Last(["ceasefire line"], "The Patriotic Liberation Front has left the talks in Lome.", "The front wants a new ceasefire line.");

        Assert.Equal([("Patriotic Liberation Front", PositionKind.Demand, "ceasefire line")], found);
    }

    [Theory]
    // A state's own forces are the state; an organ of the UN mandates, it is no side; a name its acronym follows is the acronym.
    [InlineData("The Indian Army has rejected the ceasefire line.", "India")]
    [InlineData("The Security Council has demanded a ceasefire line.", null)]
    [InlineData("The Democratic Party of Kurdistan (DPK) has rejected the ceasefire line.", "DPK")]
    [InlineData("The Federal Government has rejected the ceasefire line.", null)]
    public void A_name_that_ends_like_a_group_s_is_not_always_a_new_group(string sentence, string? party)
    {
        var found = Last(["ceasefire line"], sentence);

        Assert.Equal(party is null ? [] : [party], found.Select(p => p.Party).Distinct());
    }

    [Fact]
    public void A_party_that_agrees_with_another_holds_its_position()
    {
        var found = Last(["Russian border guards"], "Moscow objects to any plan to withdraw the Russian border guards, and Tehran, surprisingly, agrees with Moscow.");

        Assert.Equal([("Russia", PositionKind.Objection, "Russian border guards"), ("Iran", PositionKind.Objection, "Russian border guards")], found);
    }

    [Theory]
    [InlineData("Indonesia backs the Malaysian position.", "Indonesia")]
    [InlineData("Indonesia backs Malaysia's stance, a delegate said.", "Indonesia")]
    [InlineData("Indonesia sided with Malaysia.", "Indonesia")]
    // Backing a party is no stance on an item; an agreement made with someone is its own stance, not theirs.
    [InlineData("Indonesia backs Malaysia.", null)]
    [InlineData("Indonesia agreed with Malaysia on a new fisheries line.", null)]
    public void A_party_backing_another_s_stance_holds_it_from_an_earlier_sentence(string sentence, string? party)
    {
        var found = Last(["hot pursuit"], "Malaysia rejected hot pursuit into its waters.", sentence);

        Assert.Equal(party is null ? [] : [(party, PositionKind.Rejection, "hot pursuit")], found.Where(p => p.Kind == PositionKind.Rejection));
    }

    [Theory]
    // The other side named as such: talks with it, "our … brothers", "brothers in …", "counterparts", "… told us".
    [InlineData("Spokesperson: Last week we held consultations with Syria in Damascus.")]
    [InlineData("Spokesperson: The delegation met our Syrian brothers in Damascus last week.")]
    [InlineData("Spokesperson: We have informed our brothers in Syria of the plan.")]
    [InlineData("Spokesperson: Damascus has told us it is studying the plan.")]
    public void We_in_a_briefing_is_the_side_that_is_not_named_as_the_other(string opening)
    {
        var found = Last(["joint border patrols"], opening, "Iraq's delegation was led by the deputy national security adviser.",
            "We proposed joint border patrols at the Rabia crossing.");

        Assert.Equal([("Iraq", PositionKind.Proposal, "joint border patrols")], found);
    }

    [Fact]
    public void We_is_no_one_until_the_report_names_the_other_side()
    {
        // Without a counterpart the first person could be an outlet, a mediator or a party: nobody is guessed.
        var found = Last(["joint border patrols"], "Iraq's delegation was led by the deputy national security adviser.",
            "We proposed joint border patrols at the Rabia crossing.");

        Assert.Empty(found);
    }

    [Fact]
    public void We_after_another_party_s_clause_is_the_speaker_not_that_party()
    {
        var found = Last(["hydrographic survey"], "MINISTER: We reported on the consultations with India in December.", "The Maldives wants its own charts.",
            "MINISTER: India has proposed renewing the hydrographic survey, and we are not ready to accept it.");

        Assert.Equal([("India", PositionKind.Proposal, "hydrographic survey"), ("Maldives", PositionKind.Rejection, "hydrographic survey")],
            found.Where(p => p.Kind is PositionKind.Proposal or PositionKind.Rejection));
    }

    [Fact]
    public void The_owner_of_a_request_or_proposal_another_party_answers_holds_it_too()
    {
        var byName = Finder("inspector access to the sites").Find("Iran has rejected a request by the IAEA for inspector access to the sites.");
        Assert.Equal([("IAEA", PositionKind.Demand), ("Iran", PositionKind.Rejection)], byName.Select(p => (p.Party, p.Kind)).Order());

        // "our proposal" in an interview is the speaker's side's.
        var interview = new PositionFinder([new AgendaItemName("coast guard hotline", [])], [new PartyName("Malaysia", ["Kuala Lumpur"]), new PartyName("China", ["Beijing"])]);
        interview.ReadHeadline("Malaysia's negotiator on the talks with Beijing");
        var ours = interview.Find("A: Beijing accepted our proposal for a coast guard hotline.");
        output.WriteLine(string.Join("; ", ours.Select(p => $"{p.Party} {p.Kind} {p.Item}")));
        Assert.Equal([("China", PositionKind.Acceptance), ("Malaysia", PositionKind.Proposal)], ours.Select(p => (p.Party, p.Kind)).Order());
    }

    [Fact]
    public void A_headline_says_whose_interview_it_is()
    {
        PositionFinder Interview() => new([new AgendaItemName("weapons disposal", [])],
            [new PartyName("Bougainville", ["ABG"]), new PartyName("Papua New Guinea", ["Port Moresby"])]);
        const string Answer = "A: We reject making independence wait for weapons disposal.";
        var withHeadline = Interview();
        withHeadline.ReadHeadline("Bougainville's independence minister on the talks with Port Moresby");

        Assert.Equal([("Bougainville", PositionKind.Rejection, "weapons disposal")], withHeadline.Find(Answer).Select(p => (p.Party, p.Kind, p.Item)));
        Assert.Empty(Interview().Find(Answer));
    }

    /// <summary>
    /// "The government delegation's spokesperson … after the round with the EGC": a briefing that names the other side and
    /// the host but never its own. When the catalogue says which parties are the track's, "we" is the one left.
    /// </summary>
    [Fact]
    public void We_who_never_name_ourselves_are_the_tracks_other_side()
    {
        PositionFinder Briefing(bool sidesKnown)
        {
            var finder = new PositionFinder([new AgendaItemName("Concentration zones", [])],
                [new PartyName("Colombia", ["Bogotá"], sidesKnown), new PartyName("Clan del Golfo", ["EGC"], sidesKnown), new PartyName("Qatar", ["Doha"])]);
            finder.ReadHeadline("Delegation spokesperson briefs reporters after the round with the EGC");
            finder.Find("SPOKESPERSON: We concluded the round, for which we again thank the State of Qatar.");
            return finder;
        }

        const string Answer = "We proposed concentration zones in three municipalities.";

        Assert.Equal([("Colombia", PositionKind.Proposal, "Concentration zones")], Briefing(sidesKnown: true).Find(Answer).Select(p => (p.Party, p.Kind, p.Item)));
        Assert.Empty(Briefing(sidesKnown: false).Find(Answer));
    }

    [Theory]
    [InlineData("Spokesperson: We concluded the round of talks with Ecuador, and we again thank the State of Qatar.")]
    [InlineData("Spokesperson: We held a round of talks with Ecuador, with the government of Qatar kindly hosting.")]
    public void We_is_never_the_host_of_the_talks(string opening)
    {
        Assert.Empty(Last(["joint border patrols"], opening, "We proposed joint border patrols."));
    }

    [Fact]
    public void We_quoted_from_a_source_is_the_source_s_side_not_the_report_s()
    {
        var finder = Finder("joint border patrols");
        finder.Find("Spokesperson: Last week we held consultations with Syria in Damascus.");
        finder.Find("Iraq's delegation was led by the deputy national security adviser.");

        var found = finder.Find("\"We reject joint border patrols,\" a Syrian official said.", "a Syrian official");

        Assert.Equal([("Syria", PositionKind.Rejection, "joint border patrols")], found.Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Fact]
    public void Agreeing_with_a_party_at_the_end_of_a_sentence_with_no_full_stop_holds_its_stance()
    {
        var found = Last(["hot pursuit"], "Malaysia rejected hot pursuit into its waters.", "Indonesia agrees with Malaysia");

        Assert.Equal([("Indonesia", PositionKind.Rejection, "hot pursuit")], found);
    }

    [Fact]
    public void Asking_someone_to_act_is_a_demand()
    {
        Assert.Equal([("Lithuania", PositionKind.Demand, "smuggling balloons")], Last(["smuggling balloons"], "Lithuania is asking Minsk to stop the smuggling balloons."));
    }

    [Fact]
    public void An_acronym_of_a_name_the_report_used_is_that_group()
    {
        var found = Last(["prisoner exchange"],
            "The Moro Islamic Liberation Front met government negotiators, MILF officials said.",
            "MILF officials said the front wants a prisoner exchange.");

        Assert.Contains(("MILF", PositionKind.Demand, "prisoner exchange"), found);
    }

    [Theory]
    [InlineData("But the front opposes a prisoner exchange.", PositionKind.Objection)]
    [InlineData("The movement wants a prisoner exchange.", PositionKind.Demand)]
    [InlineData("But the opposition insisted on a prisoner exchange.", PositionKind.Demand)]
    public void The_group_s_common_noun_is_the_group_the_report_named_last(string sentence, PositionKind kind)
    {
        var found = Last(["prisoner exchange"], "The TPLF has rejected the federal budget.", sentence);

        Assert.Equal([("TPLF", kind, "prisoner exchange")], found);
    }

    [Fact]
    public void The_government_is_the_state_whose_government_the_report_named()
    {
        var found = Last(["prisoner exchange", "cantonment of opposition forces"],
            "South Sudan's government and opposition groups resumed talks in Nairobi.",
            "A spokesman said the case was a matter for the courts.",
            "The government said it would supply the cantonment sites provided the opposition hands over a list of its troops.");

        Assert.Equal([("South Sudan", PositionKind.Condition, "cantonment of opposition forces")], found);
    }

    [Fact]
    public void The_government_is_not_the_group_of_the_sentence_before()
    {
        var found = Last(["prisoner exchange"],
            "The TPLF wants a prisoner exchange.",
            "The federal government has said it is open to a prisoner exchange.");

        Assert.DoesNotContain(found, p => p.Party == "TPLF");
    }

    [Fact]
    public void A_participle_after_the_object_describes_it_and_states_no_second_stance()
    {
        var found = Last(["extension of the transitional period"], "The SPLM-IO opposes any extension agreed without it.");

        Assert.Equal([("SPLM-IO", PositionKind.Objection, "extension of the transitional period")], found);
    }

    [Fact]
    public void A_mediator_source_does_not_make_its_state_the_party()
    {
        var found = Finder("prisoner exchange").Find("The holdout groups would now accept a prisoner exchange, Kenyan mediators said.", "Kenyan mediators");

        Assert.DoesNotContain(found, p => p.Party == "Kenya");
    }

    [Fact]
    public void A_concession_on_an_earlier_demand_is_one_concession()
    {
        var found = Finder("prisoner exchange").Find("Armenia has dropped its earlier demand for a prisoner exchange.");

        Assert.Equal([("Armenia", PositionKind.Concession, "prisoner exchange")], found.Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Fact]
    public void The_government_coordinated_with_a_group_is_the_state_named_before()
    {
        var found = Last(["prisoner exchange"],
            "South Sudan's government and opposition groups resumed talks in Nairobi.",
            "On security, both the government and the SPLM-IO agreed to a prisoner exchange.");

        Assert.Equal(["SPLM-IO", "South Sudan"], found.Where(p => p.Kind == PositionKind.Acceptance).Select(p => p.Party).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Georgia has ruled that out.", "Georgia", PositionKind.Rejection)]
    [InlineData("Both sides did agree to it.", "Israel", PositionKind.Acceptance)]
    [InlineData("The Front demands it.", "Polisario Front", PositionKind.Demand)]
    public void A_stance_on_what_the_sentence_before_named_takes_its_item(string sentence, string party, PositionKind kind)
    {
        var found = Last(["prisoner exchange"],
            "Israel demanded a prisoner exchange.",
            "The Polisario Front rejected a prisoner exchange.",
            sentence);

        Assert.Contains((party, kind, "prisoner exchange"), found);
    }

    [Theory]
    [InlineData("Question: Is Russia ready to agree to a prisoner exchange?")]
    [InlineData("Greece wants a hotline, an idea Turkey has neither accepted nor rejected.")]
    public void A_question_or_a_stance_neither_taken_nor_refused_gives_none(string sentence)
    {
        var found = Finder("prisoner exchange", "military hotline").Find(sentence);

        Assert.DoesNotContain(found, p => p.Party is "Russia" or "Turkey");
    }

    [Fact]
    public void A_person_with_an_office_of_a_party_speaks_for_that_party()
    {
        var found = Finder("joint use of water facilities").Find(
            "Kamchybek Tashiev, the head of Kyrgyzstan's security service, has called the water facilities \"not a subject for negotiation.\"");

        Assert.Contains(("Kyrgyzstan", PositionKind.RedLine, "joint use of water facilities"), found.Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Fact]
    public void A_government_spokesman_speaks_for_the_state_whose_government_the_report_named()
    {
        var found = Last(["release of Riek Machar"],
            "South Sudan's government and opposition groups resumed talks in Nairobi.",
            "A government spokesman said the release of Riek Machar was \"not on the table in Nairobi.\"");

        Assert.Contains(("South Sudan", PositionKind.RedLine, "release of Riek Machar"), found);
    }

    [Theory]
    [InlineData("Paris has signalled it would not support an extension of the ceasefire along the berm.", "France", PositionKind.Rejection)]
    [InlineData("The ELN had insisted on a ceasefire along the berm, but its delegation softened that demand on Tuesday.", "ELN", PositionKind.Concession)]
    public void Rules_of_the_third_tuning_round_read_refused_support_and_a_party_s_own_people(string sentence, string party, PositionKind kind)
    {
        var found = Finder("ceasefire along the berm").Find(sentence);

        output.WriteLine(string.Join("; ", found.Select(p => $"{p.Party} {p.Kind} {p.Item}")));
        Assert.Contains((party, kind, "ceasefire along the berm"), found.Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Theory]
    [InlineData("Cotonou has proposed reopening the border to goods first.", "Benin")]
    [InlineData("Yaoundé has rejected any reopening of the border.", "Cameroon")]
    [InlineData("The Beninese government has proposed reopening the border.", "Benin")]
    [InlineData("ECOWAS has proposed reopening the border.", "ECOWAS")]
    public void Any_state_capital_or_bloc_of_the_world_is_a_party(string sentence, string party)
    {
        var found = Finder("Reopening of the border", "Joint operations against jihadists").Find(sentence);

        Assert.Equal(party, Assert.Single(found).Party);
    }

    [Fact]
    public void Words_a_report_used_for_an_item_name_it_later()
    {
        var finder = Finder("Reopening of the border", "Joint operations against jihadists");
        Assert.Single(finder.Find("Benin has proposed reopening the border with a single customs post at the bridge."));

        var found = finder.Find("Niger accepted the customs post at the bridge on Tuesday.", previousSentence: "The talks lasted two days.");

        Assert.Equal(("Niger", PositionKind.Acceptance, "Reopening of the border"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
        // A fresh finder has learned nothing: the same words name no item.
        Assert.Empty(Finder("Reopening of the border", "Joint operations against jihadists")
            .Find("Niger accepted the customs post at the bridge on Tuesday.", previousSentence: "The talks lasted two days."));
    }

    [Fact]
    public void Such_points_back_to_the_noun_of_the_sentence_before()
    {
        var found = Finder("Extradition of cartel leaders", "Curbing arms trafficking")
            .Find("Mexico objects to any such targets.", previousSentence: "The US prefers an agreement on the extradition of cartel leaders with monthly targets.");

        Assert.Equal(("Mexico", PositionKind.Objection, "Extradition of cartel leaders"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void The_rebels_are_the_group_the_report_named_last()
    {
        var finder = Finder("Return of displaced villagers", "Disarmament of the factions");
        finder.Find("Senegalese officials met the Movement of Democratic Forces (MFDC) in Bissau.");

        var found = finder.Find("The rebels have accepted the return of displaced villagers.");

        Assert.Equal(("MFDC", PositionKind.Acceptance, "Return of displaced villagers"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void A_refusal_for_all_time_is_a_red_line()
    {
        var found = Finder("Handover of coup suspects", "Reopening of the border").Find("Rwanda will never hand over the coup suspects.");

        Assert.Equal(("Rwanda", PositionKind.RedLine, "Handover of coup suspects"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void Both_camps_are_the_two_parties_found_most_often()
    {
        var finder = Finder("Release of detained leaders", "Federal status");
        finder.Find("Cameroon rejected federal status.");
        finder.Find("Nigeria proposed federal status.");

        var found = finder.Find("Both camps demand the release of detained leaders.");

        Assert.Equal(["Cameroon", "Nigeria"], found.Where(p => p.Kind == PositionKind.Demand).Select(p => p.Party).Order());
    }

    [Fact]
    public void A_stance_on_nothing_named_keeps_to_the_item_of_the_sentence_before()
    {
        var finder = Finder("Handover of coup suspects", "Reopening of the border");
        Assert.Single(finder.Find("Burundi demanded the handover of coup suspects."));

        var found = finder.Find("Rwanda rejected the men's return, saying they were refugees.");

        Assert.Equal(("Rwanda", PositionKind.Rejection, "Handover of coup suspects"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("Rwanda agreed to hold the next round in Kigali.")]
    [InlineData("Rwanda declined to comment.")]
    public void Talk_about_the_talks_takes_no_item_from_the_sentence_before(string sentence)
    {
        var finder = Finder("Handover of coup suspects", "Reopening of the border");
        Assert.Single(finder.Find("Burundi demanded the handover of coup suspects."));

        Assert.Empty(finder.Find(sentence));
    }

    [Fact]
    public void The_sentence_after_one_with_no_stance_carries_no_item()
    {
        var finder = Finder("Handover of coup suspects", "Reopening of the border");
        Assert.Single(finder.Find("Burundi demanded the handover of coup suspects."));
        Assert.Empty(finder.Find("The delegations met at a hotel outside Nairobi."));

        Assert.Empty(finder.Find("Rwanda rejected the men's return, saying they were refugees."));
    }

    [Theory]
    [InlineData("Djibouti has asked Qatar to send back the border observers.", "Djibouti")]
    [InlineData("Cameroon pressed Nigeria to send back the border observers.", "Cameroon")]
    public void Asking_or_pressing_someone_to_act_is_a_demand(string sentence, string party)
    {
        var found = Finder("Return of the border observers", "Prisoners of war").Find(sentence);

        Assert.Equal((party, PositionKind.Demand, "Return of the border observers"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("Asked about the border observers, Djibouti said nothing.")]
    [InlineData("Djibouti asked whether the border observers would return.")]
    public void Asking_about_something_is_no_demand(string sentence) =>
        Assert.Empty(Finder("Return of the border observers", "Prisoners of war").Find(sentence));

    [Fact]
    public void A_demonstrative_points_back_whatever_its_noun()
    {
        var found = Finder("Demarcation of the land border", "Transfer of detainees")
            .Find("The Syrian side accepted this sequencing.", previousSentence: "Lebanon proposed that the demarcation of the land border begin in the north.");

        Assert.Equal(("Syria", PositionKind.Acceptance, "Demarcation of the land border"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void A_people_in_the_plural_speaks_for_its_state()
    {
        var found = Finder("Military contacts in the Barents Sea", "Helicopter flights").Find("The Russians also proposed military contacts in the Barents Sea.");

        Assert.Equal(("Russia", PositionKind.Proposal, "Military contacts in the Barents Sea"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void An_offer_only_within_a_framework_is_a_condition()
    {
        var found = Finder("Sea boundary beyond marker 162", "Navigation agreement")
            .Find("Kuwait is ready to discuss the sea boundary beyond marker 162, but only within the framework of international law.");

        Assert.Equal(("Kuwait", PositionKind.Condition, "Sea boundary beyond marker 162"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("Colombia and Venezuela support the creation of a binational zone.")]
    [InlineData("Both governments support the creation of a binational zone.")]
    public void Support_after_a_plural_subject_is_the_verb(string sentence)
    {
        var finder = Finder("Binational zone", "Handover of captured fighters");
        finder.Find("Colombia proposed the handover of captured fighters.");
        finder.Find("Venezuela rejected the handover of captured fighters.");

        var found = finder.Find(sentence);

        Assert.Equal(["Colombia", "Venezuela"], found.Where(p => p.Kind == PositionKind.Preference && p.Item == "Binational zone").Select(p => p.Party).Order());
    }

    [Fact]
    public void Support_as_a_noun_states_nothing() =>
        Assert.Empty(Finder("Binational zone", "Handover of captured fighters").Find("Eritrean support for the binational zone worries Ethiopia."));

    [Fact]
    public void Agreeing_to_meet_again_is_no_stance_on_the_place_it_names()
    {
        var finder = Finder("Abidjan railway traffic", "Joint patrols");
        finder.Find("Ivory Coast and Burkina Faso met in Ouagadougou.");

        Assert.Empty(finder.Find("Ivory Coast agreed to meet again in Abidjan, near the railway, in April."));
        Assert.Single(finder.Find("Ivory Coast agreed to restore Abidjan railway traffic."));
    }

    [Theory]
    [InlineData("Baghdad is ready to accept a Yazidi mayor.", "District mayor and council")]
    [InlineData("Rabat proposed patrols along the Ceuta fence.", "Fence surveillance cameras")]
    [InlineData("Minsk wants the Wagnerites gone from the camps.", "Wagnerites training instructors")]
    public void A_proper_word_qualifying_a_noun_yields_to_the_noun(string sentence, string item)
    {
        // Each sentence shares one word with each of two items. A proper word before a common noun qualifies it ("a Yazidi
        // mayor"); a proper noun that is the object ("the Wagnerites gone") does not.
        var found = Finder("District mayor and council", "Return of displaced Yazidi families", "Fence surveillance cameras",
            "Ceuta customs office", "Wagnerites training instructors", "Closure of migrant camps").Find(sentence);

        Assert.Equal(item, Assert.Single(found).Item);
    }

    [Theory]
    [InlineData("Diplomats said the junta rejected any extension of the ceasefire.", "Myanmar", PositionKind.Rejection)]
    [InlineData("The federal government's negotiators proposed an extension of the ceasefire.", "Ethiopia", PositionKind.Proposal)]
    public void A_party_the_catalogue_files_by_a_common_noun_is_read_after_the(string sentence, string party, PositionKind kind)
    {
        var finder = new PositionFinder([new AgendaItemName("Extension of the ceasefire", [])],
            [new PartyName("Myanmar", ["the junta"]), new PartyName("Ethiopia", ["federal government"])]);

        Assert.Equal((party, kind), OnlyPartyAndKind(finder, sentence));
    }

    [Theory]
    [InlineData("Kenya is holding out for a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya has dangled a ceasefire extension.", PositionKind.Proposal)]
    [InlineData("Kenya could live with a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya has warmed to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya brushed aside a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya vetoed a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya has stopped insisting on a ceasefire extension.", PositionKind.Concession)]
    [InlineData("Kenya objected, calling a ceasefire extension premature.", PositionKind.Objection)]
    [InlineData("Kenya pushed back on a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya could live with a ceasefire extension, a concession few had expected.", PositionKind.Concession)]
    [InlineData("Kenya took issue with a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya stressed the need for a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya's central ask is a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya has no objection to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya would welcome a ceasefire extension.", PositionKind.Preference)]
    [InlineData("For Kenya, a ceasefire extension is the absolute minimum.", PositionKind.RedLine)]
    [InlineData("Kenya is not going to accept a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya says a ceasefire extension is unacceptable.", PositionKind.RedLine)]
    [InlineData("Kenya's main demand is a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya remains committed to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya said a ceasefire extension is not open to renegotiation.", PositionKind.RedLine)]
    [InlineData("Kenya held firm on a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya agrees that a ceasefire extension is needed.", PositionKind.Acceptance)]
    [InlineData("Kenya can work with a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya is amenable to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya appeared receptive to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya has no intention of agreeing to a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya has no intention to reopen the ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya doesn't plan to reopen the ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya will sign no ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya does not intend to reopen the ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya has signalled support for a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya is wary of accepting a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya expressed reservations regarding a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya is alarmed by talk of a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya protested against a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya would like to see a ceasefire extension.", PositionKind.Preference)]
    [InlineData("Kenya voiced concern that a ceasefire extension would leave it exposed.", PositionKind.Objection)]
    [InlineData("For Kenya, a ceasefire extension is not open to discussion.", PositionKind.RedLine)]
    [InlineData("Kenya expressed concern at a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya did float the idea of a ceasefire extension.", PositionKind.Proposal)]
    [InlineData("Kenya is leaning towards a ceasefire extension.", PositionKind.Preference)]
    [InlineData("Kenya has complained that a ceasefire extension is still years away.", PositionKind.Objection)]
    [InlineData("Kenya expects a full timetable for a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya regards a ceasefire extension as a violation of its sovereignty.", PositionKind.Objection)]
    [InlineData("Kenya regards a ceasefire extension as insufficient.", PositionKind.Objection)]
    [InlineData("For Kenya, a ceasefire extension is not enough.", PositionKind.Objection)]
    [InlineData("Kenya says a ceasefire extension is a non-starter.", PositionKind.Rejection)]
    [InlineData("Kenya said a ceasefire extension will never be on the table.", PositionKind.RedLine)]
    [InlineData("For Kenya, a ceasefire extension is a line that will not be crossed.", PositionKind.RedLine)]
    [InlineData("Kenya is firmly against a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya raised strong objection to a ceasefire extension.", PositionKind.Objection)]
    [InlineData("Kenya says there is no compromise on a ceasefire extension.", PositionKind.RedLine)]
    [InlineData("Kenya will never hand over the ceasefire extension.", PositionKind.RedLine)]
    [InlineData("Kenya will never give up the ceasefire extension.", PositionKind.RedLine)]
    [InlineData("Kenya said it would never accept a ceasefire extension.", PositionKind.RedLine)]
    [InlineData("Kenya has been pushing to secure a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenya signed up to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya has said yes to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Kenya said no to a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Kenya would like a ceasefire extension.", PositionKind.Preference)]
    public void Reporting_idioms_state_a_stance(string sentence, PositionKind kind) =>
        Assert.Equal(("Kenya", kind, "Ceasefire extension"), OnlyPosition(sentence));

    [Theory]
    [InlineData("Kenya would accept a ceasefire extension only if Somalia agrees to a prisoner exchange.", 1)]
    [InlineData("Diplomats say a deal is possible only if both governments can live with a ceasefire extension.", 0)]
    public void What_a_condition_asks_of_a_party_is_not_that_party_s_stance(string sentence, int count)
    {
        var found = OnTwoItems().Find(sentence);

        Assert.Equal(count, found.Count);
        Assert.DoesNotContain(found, p => p.Party == "Somalia");
    }

    [Fact]
    public void We_is_a_party_to_the_track_before_a_venue_the_speaker_names()
    {
        var finder = OnCeasefire(new PartyName("United States", ["Washington"], IsSide: true), new PartyName("Cuba", ["Havana"], IsSide: true), new PartyName("Mexico", ["Mexico City"]));
        finder.ReadHeadline("Press briefing on the talks with Cuba");
        finder.Find("The round took place in Mexico City this week.");

        Assert.Equal(("United States", PositionKind.Proposal), OnlyPartyAndKind(finder, "We proposed a ceasefire extension."));
    }

    [Fact]
    public void The_government_is_the_one_state_among_the_track_s_parties()
    {
        var finder = OnCeasefire(new PartyName("Somalia", ["Mogadishu"], IsSide: true), new PartyName("Jubaland", [], IsSide: true), new PartyName("Kenya", ["Nairobi"]));
        finder.Find("The talks resumed in Nairobi on Monday.");

        Assert.Equal(("Somalia", PositionKind.Demand), OnlyPartyAndKind(finder, "The federal side again called for a ceasefire extension."));
    }

    [Fact]
    public void A_state_the_catalogue_files_with_the_is_still_a_state()
    {
        var finder = OnCeasefire(new PartyName("the Central African Republic", ["Bangui"], IsSide: true), new PartyName("the UPC", [], IsSide: true), new PartyName("Chad", []));

        Assert.Equal(("the Central African Republic", PositionKind.Rejection), OnlyPartyAndKind(finder, "The government rejected a ceasefire extension."));
    }

    [Theory]
    [InlineData("Thailand", "Thailand")]
    [InlineData("the Thai army", "the Thai army")]
    public void The_army_is_the_state_s_army_in_the_catalogue_else_the_state(string stateParty, string expected)
    {
        var finder = OnCeasefire(new PartyName(stateParty, [], IsSide: true), new PartyName("Karen National Union", ["KNU"], IsSide: true), new PartyName("Karen National Army", ["KNA"], IsSide: true));

        Assert.Equal((expected, PositionKind.Demand), OnlyPartyAndKind(finder, "The army has also asked for a ceasefire extension."));
    }

    [Fact]
    public void The_common_noun_an_editor_filed_a_party_under_names_it()
    {
        var finder = OnCeasefire(new PartyName("Tajikistan", ["Dushanbe"], IsSide: true), new PartyName("Khorog elders", ["Pamiri elders"], IsSide: true));

        Assert.Equal(("Khorog elders", PositionKind.Demand), OnlyPartyAndKind(finder, "The elders' council called for a ceasefire extension."));
    }

    [Fact]
    public void A_party_filed_as_a_government_is_the_government()
    {
        var finder = OnCeasefire(new PartyName("Government of National Unity", ["GNU"], IsSide: true), new PartyName("Radaa", [], IsSide: true), new PartyName("Turkey", ["Ankara"]));

        Assert.Equal(("Government of National Unity", PositionKind.Concession), OnlyPartyAndKind(finder, "The government has stopped insisting on a ceasefire extension."));
    }

    [Fact]
    public void A_group_s_army_named_after_a_state_is_not_the_state_s_army()
    {
        var finder = OnCeasefire(new PartyName("Myanmar", ["Naypyitaw"], IsSide: true), new PartyName("MNDAA", ["Myanmar National Democratic Alliance Army"], IsSide: true));

        Assert.Equal(("Myanmar", PositionKind.Rejection), OnlyPartyAndKind(finder, "The army rejected a ceasefire extension."));
    }

    [Fact]
    public void A_host_government_is_not_the_government_of_the_talks()
    {
        var finder = OnCeasefire(new PartyName("Ethiopia", ["Addis Ababa"], IsSide: true), new PartyName("Oromo Liberation Army", ["OLA"], IsSide: true), new PartyName("Tanzania", []));
        finder.Find("The Tanzanian government hosted the round in Dar es Salaam.");

        Assert.Equal(("Ethiopia", PositionKind.Demand), OnlyPartyAndKind(finder, "The government delegation demanded a ceasefire extension."));
    }

    [Theory]
    [InlineData("The Front demands a ceasefire extension.")]
    [InlineData("The group's leaders still insist on a ceasefire extension.")]
    [InlineData("The armed movement demands a ceasefire extension.")]
    public void The_group_is_the_track_s_one_side_that_is_not_a_state(string sentence)
    {
        var finder = OnCeasefire(new PartyName("Morocco", ["Rabat"], IsSide: true), new PartyName("Polisario", ["Polisario Front"], IsSide: true));
        finder.Find("Staff of MINURSO briefed diplomats in Laayoune.");

        Assert.Equal(("Polisario", PositionKind.Demand), OnlyPartyAndKind(finder, sentence));
    }

    [Theory]
    [InlineData("Kenya is willing to discuss a ceasefire extension only once the prisoners are home.")]
    [InlineData("Kenya is ready to consider a ceasefire extension once the prisoners are home.")]
    [InlineData("Kenya is ready to discuss a ceasefire extension, but only through the mediators.")]
    [InlineData("Kenya would support a ceasefire extension if the prisoners were freed first.")]
    [InlineData("Kenya could accept a ceasefire extension if monitors were deployed.")]
    [InlineData("Kenya would agree to a ceasefire extension if the prisoner lists are sent in advance.")]
    [InlineData("Kenya would sign a ceasefire extension if monitors were deployed.")]
    [InlineData("Kenyan officials say they would observe a ceasefire extension if monitors were deployed.")]
    public void Readiness_or_support_held_back_until_something_happens_is_a_condition(string sentence) =>
        Assert.Equal(("Kenya", PositionKind.Condition, "Ceasefire extension"), OnlyPosition(sentence));

    [Fact]
    public void An_order_a_party_prefers_is_its_preference() =>
        Assert.Equal(
            ("Kenya", PositionKind.Preference, "Ceasefire extension"),
            OnlyPosition("Kenya prefers a phased ceasefire extension, covering the coast first and the north only once the prisoners are home."));

    [Fact]
    public void A_digest_s_heading_names_what_its_item_is_about()
    {
        var finder = Finder("Revenue share from oil production", "Pipeline protection", "Report of the joint commission");

        Assert.Equal(("Kenya", PositionKind.Demand, "Revenue share from oil production"),
            Assert.Single(finder.Find("Revenue: Kenya demands a cut of the fees.").Select(p => (p.Party, p.Kind, p.Item))));
        Assert.Empty(finder.Find("REPORTER: Kenya demands a cut of the fees."));
    }

    [Theory]
    [InlineData("The Kenyan delegation took note of the request for a ceasefire extension.")]
    [InlineData("The Kenyan delegation has not yet responded to the request for a ceasefire extension.")]
    [InlineData("There is still no agreed ceasefire extension.")]
    [InlineData("If Kenya wants a ceasefire extension, it should say so.")]
    [InlineData("Kenya expects to sign a ceasefire extension next week.")]
    public void An_acknowledgement_an_attribute_or_a_supposition_states_no_stance(string sentence) =>
        Assert.Empty(OnTwoItems().Find(sentence));

    [Theory]
    [InlineData("Kenya will not extend the ceasefire until the prisoners are home.", PositionKind.Condition)]
    [InlineData("Kenya will not extend the ceasefire while its soldiers are held.", PositionKind.Condition)]
    [InlineData("Kenya refused to extend the ceasefire, saying its troops will stay until the border is marked.", PositionKind.Rejection)]
    public void A_refusal_until_something_happens_is_a_condition(string sentence, PositionKind kind)
    {
        var found = Finder("Ceasefire extension", "Border marking").Find(sentence);

        Assert.Equal(("Kenya", kind, "Ceasefire extension"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void Its_commanders_speak_for_the_party_the_sentence_before_named() =>
        Assert.Equal(
            ("Rwanda", PositionKind.Acceptance, "Ceasefire extension"),
            OnlyPosition("Its commanders accepted a ceasefire extension.", previousSentence: "Rwanda sent a new team to the talks in Goma."));

    [Theory]
    [InlineData("Kenya demanded safe passage for food convoys.", "Humanitarian access to Gedo")]
    [InlineData("Kenya has offered to release the captives it holds.", "Prisoner exchange")]
    [InlineData("Kenya rejected any garrison in the town.", "Foreign bases in Gedo")]
    [InlineData("Kenya insisted that the dispute be settled by the court.", "Arbitration over Gedo's boundary")]
    [InlineData("Kenya rejected any more planes.", "Resumption of deportation flights")]
    public void A_stance_on_something_of_one_item_s_subject_is_on_that_item(string sentence, string item)
    {
        var found = Finder("Humanitarian access to Gedo", "Prisoner exchange", "Foreign bases in Gedo", "Arbitration over Gedo's boundary", "Resumption of deportation flights").Find(sentence);

        Assert.Equal(("Kenya", item), Assert.Single(found.Select(p => (p.Party, p.Item))));
    }

    [Theory]
    [InlineData("Kenyan officials said the talks must produce a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenyan negotiators have made clear that the talks must produce a ceasefire extension.", PositionKind.Demand)]
    [InlineData("Kenyan officials said any ceasefire extension must also cover the coast.", PositionKind.Condition)]
    [InlineData("Kenya maintained that the ceasefire extension must be monitored.", PositionKind.Condition)]
    public void What_a_party_says_must_happen_is_its_demand_and_how_an_item_must_be_done_its_condition(string sentence, PositionKind kind) =>
        Assert.Equal(("Kenya", kind, "Ceasefire extension"), OnlyPosition(sentence));

    [Theory]
    [InlineData("Kenya has said it will do so only if the border is marked.", "Somalia has asked Kenya to extend the ceasefire.", "Ceasefire extension")]
    [InlineData("Kenya could free them in exchange for a pledge on the border.", "Somalia wants the prisoners exchanged before the rains.", "Prisoner exchange")]
    public void A_condition_on_something_named_before_is_on_that(string sentence, string before, string item) =>
        Assert.Equal(("Kenya", PositionKind.Condition, item), OnlyPosition(sentence, before));

    [Fact]
    public void Of_two_items_named_as_fully_the_first_named_is_the_stance_s() =>
        Assert.Equal(
            ("Kenya", PositionKind.Proposal, "Prisoner exchange"),
            OnlyPosition("Kenya proposed a prisoner exchange to pave the way for a ceasefire extension."));

    [Fact]
    public void A_subject_two_items_share_names_neither()
    {
        // Both items are humanitarian: "relief convoys" could be either.
        var finder = Finder("Humanitarian access to Gedo", "Aid for returning refugees", "Prisoner exchange");

        Assert.Empty(finder.Find("Kenya demanded safe passage for relief convoys."));
    }

    [Theory]
    [InlineData("The Druze side rejected a ceasefire extension.")]
    [InlineData("Druze negotiators rejected a ceasefire extension.")]
    public void A_word_only_one_party_s_names_have_before_its_people_names_that_party(string sentence)
    {
        var finder = OnCeasefire(new PartyName("Sweida Druze leadership", [], IsSide: true), new PartyName("Syria", ["Damascus"], IsSide: true));

        Assert.Equal(("Sweida Druze leadership", PositionKind.Rejection), OnlyPartyAndKind(finder, sentence));
    }

    [Fact]
    public void We_in_a_quote_is_the_group_its_speaker_belongs_to()
    {
        var finder = OnCeasefire(new PartyName("Hamas", [], IsSide: true), new PartyName("Israel", [], IsSide: true));

        Assert.Equal(("Hamas", PositionKind.Rejection), OnlyPartyAndKind(finder, "\"We will not accept a ceasefire extension,\" a senior Hamas official told Reuters.", sourceName: "a senior Hamas official"));
    }

    [Fact]
    public void A_transcript_s_role_label_is_the_party_the_headline_gave_that_office()
    {
        var finder = OnCeasefire(new PartyName("Kosovo", ["Pristina"], IsSide: true), new PartyName("KFOR", ["Kosovo Force"], IsSide: true));
        finder.ReadHeadline("Transcript: joint press conference of the KFOR commander and Kosovo's minister of internal affairs");

        Assert.Equal(("KFOR", PositionKind.Proposal), OnlyPartyAndKind(finder, "COMMANDER: We proposed a ceasefire extension."));
        Assert.Equal(("Kosovo", PositionKind.Rejection), OnlyPartyAndKind(finder, "MINISTER: We reject a ceasefire extension."));
        Assert.Equal(("Kosovo", PositionKind.RedLine), OnlyPartyAndKind(finder, "MINISTER: A ceasefire extension is not up for negotiation."));
    }

    [Fact]
    public void An_analyst_of_the_military_speaks_for_no_side()
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.Empty(finder.Find("A ceasefire extension is out of the question, a military analyst said.", sourceName: "a military analyst"));
    }

    [Fact]
    public void How_a_report_names_someone_is_no_condition() =>
        Assert.DoesNotContain(Finder("Long-term guarantees").Find("The Israeli side, led by an officer the cable identifies only as Colonel Abenov, proposed long-term guarantees."),
            p => p.Kind == PositionKind.Condition);

    [Fact]
    public void Once_again_is_no_condition() =>
        Assert.DoesNotContain(OnTwoItems().Find("Kenya has asked once again for a ceasefire extension."), p => p.Kind == PositionKind.Condition);

    [Theory]
    [InlineData("A ceasefire extension is out of the question, a government spokesman said.", "a government spokesman", PositionKind.RedLine)]
    [InlineData("Government delegates proposed a ceasefire extension.", null, PositionKind.Proposal)]
    [InlineData("The state's envoys proposed a ceasefire extension.", null, PositionKind.Proposal)]
    [InlineData("Officials favour a ceasefire extension.", null, PositionKind.Preference)]
    [InlineData("The interior minister ruled out a ceasefire extension.", null, PositionKind.Rejection)]
    [InlineData("A ceasefire extension is out of the question, a senior interior ministry official said.", "a senior interior ministry official", PositionKind.RedLine)]
    [InlineData("Federal representatives rejected a ceasefire extension.", null, PositionKind.Rejection)]
    [InlineData("The ministry accepts a ceasefire extension.", null, PositionKind.Acceptance)]
    [InlineData("The vice-minister rejects a ceasefire extension.", null, PositionKind.Rejection)]
    [InlineData("The ministry's delegation rejects a ceasefire extension.", null, PositionKind.Rejection)]
    public void The_government_s_people_speak_for_the_track_s_state(string sentence, string? source, PositionKind kind)
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.Equal(("Kenya", kind), OnlyPartyAndKind(finder, sentence, source));
    }

    [Fact]
    public void A_clause_s_own_people_are_not_the_clause_before_s_party()
    {
        var found = OnCeasefire(new PartyName("Kenya", ["Nairobi"], IsSide: true), new PartyName("Al-Shabaab", ["the group"], IsSide: true))
            .Find("Al-Shabaab asked for a ceasefire extension, and the government's representatives once again said no.");

        Assert.Equal(("Kenya", PositionKind.Rejection), found.Where(p => p.Kind != PositionKind.Demand).Select(p => (p.Party, p.Kind)).Single());
    }

    [Fact]
    public void What_a_source_says_an_item_must_be_is_its_side_s_condition()
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.Equal(("Kenya", PositionKind.Condition),
            OnlyPartyAndKind(finder, "The ceasefire extension must cover the coast, a government spokesman said.", "a government spokesman"));
        Assert.Empty(finder.Find("The ceasefire extension must cover the coast, the mediators' report says."));
    }

    [Fact]
    public void A_minister_s_office_may_be_a_province_s() =>
        Assert.DoesNotContain(OnKenyaAlShabaabCeasefire()
            .Find("The chief minister's office has offered a ceasefire extension."), p => p.Party == "Kenya");

    [Theory]
    [InlineData("DR Congo", "The government agreed to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Côte d'Ivoire", "The government agreed to a ceasefire extension.", PositionKind.Acceptance)]
    [InlineData("Türkiye", "Turkish officials agreed to a ceasefire extension.", PositionKind.Acceptance)]
    public void A_state_the_catalogue_names_by_another_name_is_still_the_state(string state, string sentence, PositionKind kind)
    {
        // A report that named a host's capital before: "the government" is still the track's state, not the host's.
        var finder = OnCeasefire(new PartyName(state, [], IsSide: true), new PartyName("FDLR", [], IsSide: true));
        finder.Find("The second round was held in Rome.");

        Assert.Equal((state, kind), OnlyPartyAndKind(finder, sentence));
    }

    [Fact]
    public void A_government_placed_by_its_capital_is_that_state_s()
    {
        var finder = OnCeasefire(new PartyName("Bangladesh", ["Dhaka"], IsSide: true), new PartyName("Arakan Army", ["AA"], IsSide: true), new PartyName("Myanmar", ["Naypyitaw"]));

        Assert.Equal(("Myanmar", PositionKind.Rejection), OnlyPartyAndKind(finder, "The military government in Naypyitaw has rejected a ceasefire extension."));
    }

    [Fact]
    public void A_communique_s_defined_term_names_its_party()
    {
        var finder = OnCeasefire(new PartyName("Somalia", ["Federal Government of Somalia"], IsSide: true), new PartyName("African Union", ["AU Commission"], IsSide: true));

        Assert.Equal(("African Union", PositionKind.Proposal), OnlyPartyAndKind(finder, "The Commission proposed a ceasefire extension."));
    }

    [Theory]
    [InlineData("Our delegation tabled a ceasefire extension.", PositionKind.Proposal)]
    [InlineData("Our government has refused a ceasefire extension.", PositionKind.Rejection)]
    public void Our_delegation_is_the_speaker_s_side(string sentence, PositionKind kind)
    {
        var finder = OnKoreaJapanCeasefire();
        finder.ReadHeadline("South Korea's vice defence minister on the talks with Japan");

        Assert.Equal(("South Korea", kind), OnlyPartyAndKind(finder, sentence));
    }

    [Theory]
    [InlineData("Our position has been that Japanese forces must observe a ceasefire extension.")]
    [InlineData("Our message to them was clear: Japanese patrols must respect the ceasefire extension.")]
    public void What_our_position_says_must_be_is_the_speaker_s_demand(string sentence)
    {
        var finder = OnKoreaJapanCeasefire();
        finder.ReadHeadline("South Korea's vice defence minister on the talks with Japan");

        Assert.Equal(("South Korea", PositionKind.Demand), OnlyPartyAndKind(finder, sentence));
    }

    [Fact]
    public void In_an_interview_headed_by_a_commissioner_we_is_the_commissioner_s_side()
    {
        var finder = OnKoreaJapanCeasefire();
        finder.ReadHeadline("South Korea's dialogue commissioner on the ceasefire");

        Assert.Empty(finder.Find("Q: What is on the table?"));
        Assert.Equal(("South Korea", PositionKind.Proposal), OnlyPartyAndKind(finder, "We have offered a ceasefire extension."));
    }

    [Theory]
    [InlineData("Japan did not, however, accept a ceasefire extension.", PositionKind.Rejection)]
    [InlineData("Japan would never, in the end, accept a ceasefire extension.", PositionKind.RedLine)]
    public void A_negation_holds_across_an_aside_between_commas(string sentence, PositionKind kind)
    {
        var finder = OnKoreaJapanCeasefire();

        Assert.Equal(("Japan", kind), OnlyPartyAndKind(finder, sentence));
    }

    [Fact]
    public void A_passive_a_demand_asks_for_is_no_acceptance()
    {
        var finder = OnKoreaJapanCeasefire();

        Assert.Equal(("Japan", PositionKind.Demand), OnlyPartyAndKind(finder, "Japan requires that every ceasefire extension be approved by its parliament."));
    }

    [Fact]
    public void What_both_governments_are_said_to_have_done_is_each_side_s_stance()
    {
        var finder = OnKoreaJapanCeasefire();

        var found = finder.Find("Both governments are said to have welcomed a ceasefire extension.").Select(p => (p.Party, p.Kind)).Order().ToList();

        Assert.Equal([("Japan", PositionKind.Acceptance), ("South Korea", PositionKind.Acceptance)], found);
    }

    [Fact]
    public void A_stance_after_our_answer_is_the_speaker_s()
    {
        var finder = OnKoreaJapanCeasefire();
        finder.ReadHeadline("South Korea's vice defence minister on the talks with Japan");

        Assert.Equal(("South Korea", PositionKind.RedLine), OnlyPartyAndKind(finder, "Our answer is the same as before: a ceasefire extension is not on the table."));
    }

    [Fact]
    public void In_a_transcript_we_is_the_party_of_whoever_has_the_floor()
    {
        var finder = OnCeasefire(new PartyName("Mexico", ["Mexico City"], IsSide: true), new PartyName("Guatemala", [], IsSide: true));
        finder.ReadHeadline("Transcript: joint press conference of the Mexican and Guatemalan ministers");
        (string, PositionKind)? Said(string line) => finder.Find(line).Select(p => (p.Party, p.Kind)).Cast<(string, PositionKind)?>().SingleOrDefault();

        Assert.Equal(("Mexico", PositionKind.Proposal), Said("LAURA IBARRA (Mexico's security secretary): We proposed a ceasefire extension."));
        Assert.Equal(("Guatemala", PositionKind.Rejection), Said("ESTEBAN QUIÑÓNEZ (Guatemala's interior minister): We reject a ceasefire extension."));
        Assert.Equal(("Guatemala", PositionKind.Demand), Said("We want a ceasefire extension on our own terms."));
        Assert.Equal(("Mexico", PositionKind.Acceptance), Said("IBARRA: We can live with a ceasefire extension."));
    }

    [Fact]
    public void A_transcript_label_naming_an_office_of_a_state_gives_the_floor_that_state()
    {
        var finder = OnCeasefire(new PartyName("United States", ["Washington"], IsSide: true), new PartyName("Marshall Islands", ["Majuro"], IsSide: true));
        finder.ReadHeadline("Transcript: background call on the consultations with the Marshall Islands");
        finder.Find("SENIOR STATE DEPARTMENT OFFICIAL: Thanks.");

        Assert.Equal(("United States", PositionKind.Proposal), OnlyPartyAndKind(finder, "We put forward a ceasefire extension."));
        // A speech verb after "won't" is how the speaker talks, not a refusal.
        Assert.Empty(finder.Find("We won't pretend the ceasefire extension is settled."));
    }

    [Theory]
    [InlineData("The government delegation put a list on the table, offering a ceasefire extension.", PositionKind.Proposal)]
    [InlineData("Federal negotiators walked out, rejecting a ceasefire extension.", PositionKind.Rejection)]
    public void A_participle_after_a_comma_has_the_clause_s_subject_before_it(string sentence, PositionKind kind)
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.Equal(("Kenya", kind), OnlyPartyAndKind(finder, sentence));
    }

    [Fact]
    public void A_person_affiliated_to_a_party_speaks_for_it_but_an_aligned_faction_does_not()
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.Equal(("Al-Shabaab", PositionKind.Rejection), OnlyPartyAndKind(finder, "The Al-Shabaab-affiliated participant rejected a ceasefire extension."));
        Assert.DoesNotContain(finder.Find("Kenya-aligned clan militias rejected a ceasefire extension."), p => p.Party == "Kenya");
    }

    [Theory]
    [InlineData("The Ministry of External Relations of the Republic of Cameroon presents its compliments to the Embassy of the Republic of Equatorial Guinea.")]
    [InlineData("The text below is the note that Cameroon's Ministry of External Relations delivered to the embassy of Equatorial Guinea.")]
    public void The_ministry_is_the_state_whose_ministry_the_report_named(string introduction)
    {
        var finder = OnCameroonEquatorialGuineaCeasefire();
        finder.Find(introduction);

        Assert.Equal(("Cameroon", PositionKind.Proposal), OnlyPartyAndKind(finder, "The Ministry further proposes a ceasefire extension."));
    }

    [Fact]
    public void Whom_a_ministry_summoned_is_not_whose_ministry_it_is()
    {
        var finder = OnCameroonEquatorialGuineaCeasefire();
        finder.Find("On Monday the foreign ministry in Malabo summoned the ambassador of Cameroon.");

        Assert.DoesNotContain(finder.Find("The Ministry further proposes a ceasefire extension."), p => p.Party == "Cameroon");
    }

    [Fact]
    public void A_transcript_s_unnamed_speakers_are_read_from_whom_they_address()
    {
        var finder = OnCeasefire(new PartyName("Oman", ["Muscat"], IsSide: true), new PartyName("Yemen", ["Aden"], IsSide: true));
        finder.ReadHeadline("Transcript: joint press conference after the border security talks in Salalah");

        Assert.Equal(("Oman", PositionKind.Proposal), OnlyPartyAndKind(finder, "AL-RAWAHI: We have offered our Yemeni brothers a ceasefire extension."));
        Assert.Empty(finder.Find("THE CHAIR: Minister, the committee wants a ceasefire extension."));
        Assert.Equal(("Yemen", PositionKind.Acceptance), OnlyPartyAndKind(finder, "AL-MAHRI: We accepted the ceasefire extension."));
        Assert.Equal(("Oman", PositionKind.Demand), OnlyPartyAndKind(finder, "AL-RAWAHI: We want the ceasefire extension signed this week."));
    }

    [Theory]
    [InlineData("When I sat down across the table from the commanders of the Coordinadora, I expected little.")]
    [InlineData("First, we have told the Coordinadora plainly that the talks will go on.")]
    public void Whom_the_speaker_faces_is_the_other_side(string opening)
    {
        var finder = OnCeasefire(new PartyName("Colombia", ["Bogotá"], IsSide: true), new PartyName("Coordinadora Nacional", ["Coordinadora"], IsSide: true));
        finder.Find(opening);

        Assert.Equal(("Colombia", PositionKind.Proposal), OnlyPartyAndKind(finder, "We have offered a ceasefire extension."));
    }

    [Theory]
    [InlineData("We spoke to the front's chief negotiator by telephone.", "Ogaden Front")]
    [InlineData("Q: Your front has been talking to Ethiopia's government for weeks, so what is on the table?", null)]
    public void An_interview_s_answers_speak_for_the_interviewee_s_party(string introduction, string? party)
    {
        var finder = OnCeasefire(new PartyName("Ethiopia", ["Addis Ababa"], IsSide: true), new PartyName("Ogaden Front", ["ONLF"], IsSide: true));
        finder.Find(introduction);

        var found = finder.Find("A: We demand a ceasefire extension.");

        Assert.Equal(party, found.SingleOrDefault()?.Party);
    }

    [Theory]
    [InlineData("ONLF spokesman on the talks, the prisoners and the coast", "Ogaden Front")]
    [InlineData("Ethiopia's deputy foreign minister briefs media on the round", "Ethiopia")]
    [InlineData("Ethiopia's army chief rejects a truce", null)]
    public void A_headline_that_gives_a_party_s_office_the_floor_names_who_we_is(string headline, string? party)
    {
        var finder = OnCeasefire(new PartyName("Ethiopia", ["Addis Ababa"], IsSide: true), new PartyName("Ogaden Front", ["ONLF"], IsSide: true));
        finder.ReadHeadline(headline);

        var found = finder.Find("A: We demand a ceasefire extension.");

        Assert.Equal(party, found.SingleOrDefault()?.Party);
    }

    [Fact]
    public void A_stance_owned_by_the_government_is_the_government_s()
    {
        var found = OnCeasefire(new PartyName("Somalia", ["Mogadishu"], IsSide: true), new PartyName("Jubaland", [], IsSide: true))
            .Find("The government's proposal is a ceasefire extension for ninety days.");

        Assert.Equal(("Somalia", PositionKind.Proposal), Assert.Single(found.Select(p => (p.Party, p.Kind))));
    }

    [Fact]
    public void Our_first_demand_is_the_speaker_s_side_s()
    {
        var finder = OnCeasefire(new PartyName("Ethiopia", ["Addis Ababa"], IsSide: true), new PartyName("Ogaden Front", ["ONLF"], IsSide: true));
        finder.ReadHeadline("The front's negotiator on the talks with Addis Ababa");

        Assert.Equal(("Ogaden Front", PositionKind.Demand), OnlyPartyAndKind(finder, "Our first demand has not changed: a ceasefire extension."));
    }

    [Theory]
    [InlineData("All three delegations accepted a ceasefire extension.", new[] { "El Salvador", "Honduras", "Nicaragua" })]
    [InlineData("The Parties accepted a ceasefire extension.", new[] { "El Salvador", "Honduras", "Nicaragua" })]
    [InlineData("The two delegations accepted a ceasefire extension.", new string[0])]
    public void The_parties_are_every_side_the_catalogue_seats_when_the_count_agrees(string sentence, string[] parties)
    {
        var finder = OnCeasefire(new PartyName("El Salvador", [], IsSide: true), new PartyName("Honduras", [], IsSide: true), new PartyName("Nicaragua", [], IsSide: true));

        Assert.Equal(parties, finder.Find(sentence).Where(p => p.Kind == PositionKind.Acceptance).Select(p => p.Party).Order());
    }

    [Theory]
    [InlineData("Bangladesh insists that the fighters stay back from the Naf river, after incidents in which its fishermen were detained.", PositionKind.Demand, "Security of the Naf river border")]
    [InlineData("Bangladesh has refused, arguing that its fishermen were detained without charge.", PositionKind.Rejection, "Release of detained fishermen")]
    public void Why_a_party_holds_a_stance_names_its_item_only_when_the_object_does_not(string sentence, PositionKind kind, string item)
    {
        var found = Finder("Security of the Naf river border", "Release of detained fishermen").Find(sentence);

        Assert.Equal(("Bangladesh", kind, item), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("Kenya will never accept a ceasefire extension without its consent.", PositionKind.Acceptance)]
    [InlineData("Kenya says no ceasefire extension may take place without its consent.", PositionKind.Acceptance)]
    [InlineData("A Kenyan official who asked not to be named said a ceasefire extension was close.", PositionKind.Demand)]
    public void Consent_withheld_and_a_source_s_anonymity_state_no_such_stance(string sentence, PositionKind kind) =>
        Assert.DoesNotContain(OnTwoItems().Find(sentence), p => p.Kind == kind);

    [Theory]
    [InlineData("Kenya insists that the ceasefire extension is an internal matter.", false)]
    [InlineData("Kenya insisted the ceasefire extension was never on the agenda.", false)]
    [InlineData("Kenya insisted that a ceasefire extension be agreed first.", true)]
    [InlineData("Kenya insists that a ceasefire extension is to be signed this week.", true)]
    public void What_a_party_insists_is_so_is_no_demand(string sentence, bool demand) =>
        Assert.Equal(demand, OnTwoItems().Find(sentence).Any(p => p.Kind == PositionKind.Demand));

    [Theory]
    [InlineData("Kenya agreed to hold the next round of talks on the ceasefire extension in Mombasa.")]
    [InlineData("Kenya agreed to convene the sixth meeting on the ceasefire extension in December.")]
    public void Agreeing_when_to_meet_again_is_no_stance_on_an_item(string sentence) =>
        Assert.Empty(OnTwoItems().Find(sentence));

    [Theory]
    [InlineData("\"No prisoner exchange will happen on these terms,\" a Kenyan official said.", "a Kenyan official")]
    [InlineData("Let me be clear: no prisoner exchange will take place on our soil.", null)]
    public void No_x_will_happen_is_a_red_line(string sentence, string? source)
    {
        var finder = OnTwoItems();
        finder.ReadHeadline("Kenya's interior minister on the talks with Somalia");

        Assert.Equal(("Kenya", PositionKind.RedLine, "Prisoner exchange"),
            Assert.Single(finder.Find(sentence, sourceName: source).Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("A prisoner exchange remains a red line for us.")]
    [InlineData("For us, a prisoner exchange is the absolute minimum, and without it there will be no talk of a ceasefire extension.")]
    public void A_red_line_for_us_is_the_speaker_s_on_the_clause_s_subject(string sentence)
    {
        var finder = OnTwoItems();
        finder.ReadHeadline("Kenya's interior minister on the talks with Somalia");

        Assert.Contains(("Kenya", PositionKind.RedLine, "Prisoner exchange"), finder.Find(sentence).Select(p => (p.Party, p.Kind, p.Item)));
    }

    [Fact]
    public void Declining_to_give_details_is_no_refusal() =>
        Assert.Empty(OnTwoItems().Find("Kenya declined to give details of the ceasefire extension."));

    [Theory]
    [InlineData("They are instead pushing for a ceasefire extension in the north.")]
    [InlineData("But it wants a ceasefire extension in the north.")]
    public void A_pronoun_opening_a_sentence_is_whoever_held_the_stance_before(string sentence)
    {
        var finder = OnCeasefire(new PartyName("Morocco", ["Rabat"], IsSide: true), new PartyName("Polisario", ["Polisario Front"], IsSide: true));
        const string before = "The rebels rejected a ceasefire extension in the south outright, arguing that it would hand Rabat a veto.";
        finder.Find(before);

        var found = finder.Find(sentence, previousSentence: before);

        Assert.Equal(("Polisario", PositionKind.Demand), Assert.Single(found.Select(p => (p.Party, p.Kind))));
    }

    [Fact]
    public void They_after_a_quoted_source_is_the_source_s_party()
    {
        var finder = OnCeasefire(new PartyName("Morocco", ["Rabat"], IsSide: true), new PartyName("Polisario", ["Polisario Front"], IsSide: true));
        const string before = "\"We reject a ceasefire extension in the south,\" Mr Salem said.";
        finder.Find(before, sourceName: "Mr Salem", sourceAffiliation: "Polisario");

        var found = finder.Find("They want a ceasefire extension in the north instead.", previousSentence: before);

        Assert.Equal(("Polisario", PositionKind.Demand), Assert.Single(found.Select(p => (p.Party, p.Kind))));
    }

    [Fact]
    public void Both_alone_as_the_subject_is_the_track_s_two_parties()
    {
        var found = OnKoreaJapanCeasefire().Find("Both have accepted a ceasefire extension.");

        Assert.Equal(["Japan", "South Korea"], found.Where(p => p.Kind == PositionKind.Acceptance).Select(p => p.Party).Order());
    }

    [Fact]
    public void Both_sides_are_the_track_s_two_parties()
    {
        var found = OnCeasefire(new PartyName("Uganda", ["Kampala"], IsSide: true), new PartyName("South Sudan", ["Juba"], IsSide: true))
            .Find("Both sides accepted a ceasefire extension.");

        Assert.Equal(["South Sudan", "Uganda"], found.Where(p => p.Kind == PositionKind.Acceptance).Select(p => p.Party).Order());
    }

    [Theory]
    [InlineData("The military's envoys accepted a ceasefire extension.", "Myanmar", PositionKind.Acceptance)]
    [InlineData("The military side refused a ceasefire extension.", "Myanmar", PositionKind.Rejection)]
    [InlineData("The opposition demanded a ceasefire extension.", "National Unity Government", PositionKind.Demand)]
    [InlineData("Opposition negotiators demanded a ceasefire extension.", "National Unity Government", PositionKind.Demand)]
    [InlineData("Opposition negotiators, led by a former minister, demanded a ceasefire extension.", "National Unity Government", PositionKind.Demand)]
    public void A_movement_calling_itself_a_government_leaves_the_military_to_the_state(string sentence, string party, PositionKind kind)
    {
        var finder = OnCeasefire(new PartyName("Myanmar", ["Naypyitaw", "the junta"], IsSide: true), new PartyName("National Unity Government", ["NUG"], IsSide: true));

        Assert.Equal((party, kind), OnlyPartyAndKind(finder, sentence));
    }

    [Theory]
    [InlineData("A faction of Al-Shabaab has told federal negotiators it will no longer press for a ceasefire extension.")]
    [InlineData("A faction of Al-Shabaab has told officials it will no longer press for a ceasefire extension.")]
    public void Whom_a_group_told_is_not_who_speaks(string sentence)
    {
        var finder = OnKenyaAlShabaabCeasefire();

        Assert.DoesNotContain(finder.Find(sentence), p => p.Party == "Kenya");
    }

    [Theory]
    [InlineData("The committee rejected a ceasefire extension.", "Baloch Yakjehti Committee")]
    [InlineData("The committee's first demand is a ceasefire extension.", "Baloch Yakjehti Committee")]
    public void A_group_is_called_by_the_noun_its_name_ends_with(string sentence, string party)
    {
        var finder = OnCeasefire(new PartyName("Pakistan", ["Islamabad"], IsSide: true), new PartyName(party, [], IsSide: true));

        Assert.Equal(party, OnlyPartyAndKind(finder, sentence).Party);
    }

    [Theory]
    [InlineData("\"A ceasefire extension is not something we will sign up to,\" Mr Otieno said.")]
    [InlineData("A ceasefire extension is not a plan Kenya could accept, Mr Otieno said.")]
    public void A_negated_thing_a_party_would_accept_is_a_rejection(string sentence)
    {
        var found = OnCeasefire(new PartyName("Kenya", ["Nairobi"], IsSide: true)).Find(sentence, sourceName: "Mr Otieno", sourceAffiliation: "Kenya");

        Assert.Equal(("Kenya", PositionKind.Rejection), Assert.Single(found.Select(p => (p.Party, p.Kind))));
    }

    [Theory]
    [InlineData("Transcript: Interior ministry briefing on Azawad", "Mali")]
    [InlineData("Government press briefing on Azawad", "Mali")]
    [InlineData("Transcript: Foreign ministry briefing on Azawad", null)]
    public void A_state_office_s_briefing_speaks_for_the_state_unless_it_is_the_foreign_ministry(string headline, string? party)
    {
        // A foreign ministry may brief on other states' talks: "we" is no one until the report says more.
        var finder = OnCeasefire(new PartyName("Mali", ["Bamako"], IsSide: true), new PartyName("Azawad Front", ["the front"], IsSide: true));
        finder.ReadHeadline(headline);

        var found = finder.Find("We have offered a ceasefire extension.").Select(p => (p.Party, p.Kind));

        Assert.Equal(party is null ? [] : [(party, PositionKind.Proposal)], found);
    }

    [Fact]
    public void What_a_condition_waits_for_is_no_stance_of_its_own()
    {
        var finder = OnCeasefire(new PartyName("Mali", ["Bamako"], IsSide: true), new PartyName("Azawad Front", ["the front"], IsSide: true));

        Assert.Equal(("Azawad Front", PositionKind.Condition),
            OnlyPartyAndKind(finder, "The Azawad Front will not accept a ceasefire extension until Bamako withdraws the brigades it sent north."));
    }

    [Fact]
    public void In_a_transcript_whom_the_host_introduced_speaks_for_their_party()
    {
        var finder = OnCeasefire(new PartyName("Ecuador", ["Quito"], IsSide: true), new PartyName("CONAIE", [], IsSide: true));
        finder.Find("HOST: Tonight we have with us Deputy Interior Minister Andrés Villacrés and CONAIE's spokeswoman Rosa Guamán.");

        Assert.Equal(("CONAIE", PositionKind.Rejection), OnlyPartyAndKind(finder, "ROSA GUAMÁN: We reject a ceasefire extension."));
        Assert.Equal(("Ecuador", PositionKind.Proposal), OnlyPartyAndKind(finder, "ANDRÉS VILLACRÉS: We have offered a ceasefire extension."));
    }

    [Fact]
    public void In_a_report_whom_it_introduced_by_their_office_speaks_for_that_party()
    {
        var finder = OnCeasefire(new PartyName("Bolivia", ["La Paz"], IsSide: true), new PartyName("Ponchos Rojos", [], IsSide: true));
        finder.Find("The movement's spokesman, Néstor Huarachi, told this newsletter the meeting had been long.", sourceName: "Néstor Huarachi");

        Assert.Equal(("Ponchos Rojos", PositionKind.RedLine),
            OnlyPartyAndKind(finder, "Huarachi also said a ceasefire extension is not up for discussion.", sourceName: "Néstor Huarachi"));
    }

    [Theory]
    [InlineData("The government, he added, has objected to a ceasefire extension.", PositionKind.Objection)]
    [InlineData("The government's team, led by the deputy interior minister, reportedly ruled out a ceasefire extension.", PositionKind.Rejection)]
    public void The_government_named_before_an_aside_is_the_state_whoever_speaks(string sentence, PositionKind kind)
    {
        var finder = OnCeasefire(new PartyName("Bolivia", ["La Paz"], IsSide: true), new PartyName("Ponchos Rojos", [], IsSide: true));

        Assert.Equal(("Bolivia", kind),
            Assert.Single(finder.Find(sentence, sourceName: "Néstor Huarachi", sourceAffiliation: "Ponchos Rojos").Select(p => (p.Party, p.Kind))));
    }

    [Fact]
    public void The_first_speaker_of_a_state_office_s_briefing_speaks_for_the_state_and_names_the_other_side_s_stances()
    {
        var finder = OnCeasefire(new PartyName("Colombia", ["Bogotá"], IsSide: true), new PartyName("Clan del Golfo", ["EGC"], IsSide: true));
        finder.ReadHeadline("Transcript: Government press briefing on the Doha contacts");
        finder.Find("ARANGO: Good morning, and thank you for coming.");

        Assert.Equal(("Colombia", PositionKind.RedLine), OnlyPartyAndKind(finder, "ARANGO: A ceasefire extension is not up for discussion."));
        Assert.Equal(("Clan del Golfo", PositionKind.Objection), OnlyPartyAndKind(finder, "ARANGO: Their delegation still objects to a ceasefire extension."));
        Assert.Equal(("Clan del Golfo", PositionKind.Demand), OnlyPartyAndKind(finder, "ARANGO: The organisation has asked for a ceasefire extension."));
    }

    [Fact]
    public void What_analysts_read_into_events_is_no_stance_but_what_they_report_is()
    {
        var finder = OnCeasefire(new PartyName("Kenya", ["Nairobi"], IsSide: true), new PartyName("Somalia", ["Mogadishu"], IsSide: true));

        Assert.Empty(finder.Find("Analysts said the quiet channel suggested both governments wanted a ceasefire extension.", sourceName: "Analysts"));
        Assert.Equal(("Kenya", PositionKind.Demand), OnlyPartyAndKind(finder, "Analysts said Kenya wants a ceasefire extension.", sourceName: "Analysts"));
    }

    [Fact]
    public void A_side_s_people_in_an_item_s_title_tell_no_item_from_another()
    {
        // "status of Russian media in Baku" on the Azerbaijan–Russia track: "Russian" is in most of the report's sentences.
        var report = PositionScoring.Reports("seen4").Single(r => r.Name.StartsWith("t06", StringComparison.Ordinal));
        var found = PositionScoring.Read(report, PositionScoring.FinderFor(report.Labels, withParties: true))
            .Where(r => r.Claim.Text.StartsWith("The Russian side rejects", StringComparison.Ordinal))
            .SelectMany(r => r.Found);

        Assert.Equal(("Russia", PositionKind.Rejection, "prosecution of those responsible"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("Armenia rejected a prisoner exchange at once.", PositionKind.Rejection)]
    [InlineData("Armenia wants a prisoner exchange at once.", PositionKind.Demand)]
    [InlineData("Armenia ruled the proposal out at once.", PositionKind.Rejection)]
    public void At_once_is_straight_away_not_a_condition(string sentence, PositionKind kind)
    {
        Assert.Equal(("Armenia", kind, "Prisoner exchange"), OnlyPosition(sentence, previousSentence: "Azerbaijan proposed a prisoner exchange on Monday."));
    }

    [Theory]
    [InlineData("Armenia has met Azerbaijani officials in Tbilisi and once in Geneva to discuss a prisoner exchange.")]
    [InlineData("Armenia has once again met Azerbaijani officials about a prisoner exchange.")]
    public void Once_before_a_place_or_again_is_one_time_not_a_condition(string sentence)
    {
        Assert.Empty(OnTwoItems().Find(sentence));
    }

    [Theory]
    [InlineData("Azerbaijan's counter-offer was a prisoner exchange.")]
    [InlineData("Its counterproposal is a prisoner exchange.")]
    public void A_counter_offer_is_a_proposal(string sentence)
    {
        const string before = "Azerbaijan rejected the ceasefire extension.";
        var finder = OnTwoItems();
        finder.Find(before);

        Assert.Equal(("Azerbaijan", PositionKind.Proposal, "Prisoner exchange"), Assert.Single(finder.Find(sentence, previousSentence: before).Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void A_state_named_inside_a_time_phrase_is_not_the_subject_an_and_clause_shares()
    {
        const string sentence = "Algeria closed its airspace during the Mali crisis and has refused every request for a ceasefire extension since.";

        Assert.Equal(("Algeria", PositionKind.Rejection, "Ceasefire extension"), OnlyPosition(sentence));
    }

    [Theory]
    [InlineData("Armenia pushed hard for a prisoner exchange.", PositionKind.Demand)]
    [InlineData("Armenia asked first for a prisoner exchange.", PositionKind.Demand)]
    [InlineData("Armenia objected strongly to a prisoner exchange.", PositionKind.Objection)]
    public void An_adverb_between_a_verb_and_its_particle_keeps_the_cue(string sentence, PositionKind kind)
    {
        Assert.Equal(("Armenia", kind, "Prisoner exchange"), OnlyPosition(sentence));
    }

    [Theory]
    [InlineData("Armenia turned that offer down.")]
    [InlineData("Armenia turned the idea down flat.")]
    [InlineData("Armenia ruled the idea out, officials said.")]
    [InlineData("Armenia ruled them out.")]
    [InlineData("Armenia is unwilling to discuss it.")]
    public void A_refusal_with_its_object_before_the_particle_or_after_unwilling_is_a_rejection(string sentence)
    {
        Assert.Equal(("Armenia", PositionKind.Rejection, "Prisoner exchange"),
            OnlyPosition(sentence, previousSentence: "Azerbaijan proposed a prisoner exchange on Monday."));
    }

    [Fact]
    public void A_passive_s_agent_is_who_not_what()
    {
        // The second item's title shares the agent's words; what was turned down is the subject.
        var finder = new PositionFinder([new AgendaItemName("Prisoner exchange", []), new AgendaItemName("Ceasefire monitoring", [])],
            [new PartyName("Armenia", [], IsSide: true), new PartyName("Azerbaijan", [], IsSide: true), new PartyName("Ceasefire Monitoring Mission", ["CMM"])]);

        var found = finder.Find("A prisoner exchange was turned down by the Ceasefire Monitoring Mission.");

        Assert.Equal(("Ceasefire Monitoring Mission", PositionKind.Rejection, "Prisoner exchange"), Assert.Single(found.Select(p => (p.Party, p.Kind, p.Item))));
    }

    /// <summary>A draft between Colombia and the ELN on three items, read from its second article on.</summary>
    private static PositionFinder OnColombiaElnDraft()
    {
        var finder = new PositionFinder(
            [new AgendaItemName("Release of hostages", []), new AgendaItemName("Ceasefire extension", []), new AgendaItemName("Suspension of arrest warrants", [])],
            [new PartyName("Colombia", ["Bogotá"], IsSide: true), new PartyName("ELN", ["National Liberation Army"], IsSide: true)]);
        finder.ReadHeadline("Leaked: the second draft of the Havana text");
        return finder;
    }

    [Theory]
    [InlineData("[Government: All hostages shall be released within thirty days of signature.]", "Colombia", "Release of hostages")]
    [InlineData("[ELN: The ceasefire shall be extended for six months.]", "ELN", "Ceasefire extension")]
    // The wording names no item: it amends the article before it.
    [InlineData("[ELN: and to keep the weapons its units carry today]", "ELN", "Release of hostages")]
    public void A_draft_s_bracketed_wording_is_its_label_s_demand(string bracket, string party, string item)
    {
        var finder = OnColombiaElnDraft();
        const string article = "Article 3 — The ELN shall free the hostages it holds in Arauca.";
        finder.Find(article);

        Assert.Equal((party, PositionKind.Demand, item), Assert.Single(finder.Find(bracket, previousSentence: article).Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Fact]
    public void A_bracket_inside_an_article_is_its_label_s_and_the_article_reads_without_it()
    {
        const string sentence = "Article 2 — The ELN accepts the extension of the ceasefire [Government: for twelve months rather than six].";

        var found = OnColombiaElnDraft().Find(sentence);

        var accepted = Assert.Single(found, p => p.Party == "ELN");
        Assert.Equal((PositionKind.Acceptance, "Ceasefire extension"), (accepted.Kind, accepted.Item));
        Assert.Equal("accepts the extension of the ceasefire", accepted.Wording);
        var wanted = Assert.Single(found, p => p.Party == "Colombia");
        Assert.Equal((PositionKind.Demand, "Ceasefire extension", "for twelve months rather than six"), (wanted.Kind, wanted.Item, wanted.Wording));
        Assert.Equal(wanted.Wording, wanted.WordingSpan.Slice(sentence));
    }

    [Theory]
    [InlineData("once all hostages are released")]
    [InlineData("Once, and only once, all hostages are released")]
    [InlineData("provided that all hostages are released")]
    public void A_bracket_that_makes_an_article_wait_is_a_condition_on_the_article(string wait)
    {
        // What it waits for names another item; the condition is on the suspension, and it is the government's.
        var sentence = $"Article 5 — The ELN's negotiators shall have their arrest warrants suspended [Government: {wait}].";

        Assert.Equal(("Colombia", PositionKind.Condition, "Suspension of arrest warrants"), Assert.Single(OnColombiaElnDraft().Find(sentence).Select(p => (p.Party, p.Kind, p.Item))));
    }

    [Theory]
    [InlineData("[Editor's note: The ceasefire was extended on Friday.]")]
    [InlineData("The ELN called the terms [sic] a ceasefire extension.")]
    [InlineData("[Alternative: The ceasefire shall be extended for six months.]")]
    public void A_bracket_no_party_labels_is_no_draft(string sentence)
    {
        Assert.DoesNotContain(OnColombiaElnDraft().Find(sentence), p => p.Kind == PositionKind.Demand);
    }

    [Theory]
    [InlineData("AFGHANISTAN: A ceasefire extension is demanded in the text.")]
    [InlineData("AFGHANISTAN: The text says only that a ceasefire extension is demanded.")]
    public void A_factbox_s_place_tag_is_no_speaker_and_no_subject(string line)
    {
        var finder = OnCeasefire(new PartyName("Iran", ["Tehran"], IsSide: true), new PartyName("Turkmenistan", ["Ashgabat"], IsSide: true));
        finder.Find("BORDER: Tehran wants a ceasefire extension.");

        Assert.DoesNotContain(finder.Find(line), p => p.Party == "Afghanistan");
    }

    [Fact]
    public void They_after_both_sides_say_are_both_sides()
    {
        var finder = OnCeasefire(new PartyName("Iran", ["Tehran"], IsSide: true), new PartyName("Turkmenistan", ["Ashgabat"], IsSide: true));
        finder.Find("Tehran wants a ceasefire extension.");
        finder.Find("Ashgabat has accepted a ceasefire extension.");

        var found = finder.Find("Both sides say they want a ceasefire extension.");

        Assert.Equal(["Iran", "Turkmenistan"], found.Select(p => p.Party).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_state_s_label_before_its_own_words_is_its_speaker()
    {
        var finder = OnCeasefire(new PartyName("Kenya", ["Nairobi"], IsSide: true), new PartyName("Somalia", ["Mogadishu"], IsSide: true));

        Assert.Equal(("Kenya", PositionKind.Demand), OnlyPartyAndKind(finder, "KENYA: We want a ceasefire extension."));
    }

    [Theory]
    [InlineData("Note 4 (Al-Shabaab official, 0:29): Fine, then we accept a ceasefire extension.", "Al-Shabaab")]
    [InlineData("Voice note 2 (Kenyan intelligence officer): Fine, then we accept a ceasefire extension.", "Kenya")]
    public void A_short_label_whose_brackets_name_a_side_is_that_side_s_speaker(string line, string party)
    {
        Assert.Equal((party, PositionKind.Acceptance), OnlyPartyAndKind(OnKenyaAlShabaabCeasefire(), line));
    }

    [Theory]
    [InlineData("Note 1 (Egyptian officer, 0:52): Brother, I sat with the Israeli side yesterday for three hours.")]
    [InlineData("SAMIR (Egyptian officer): Brother, I sat with the Israeli side yesterday for three hours.")]
    public void They_after_a_mediator_s_turn_is_not_the_mediator_its_label_names(string turn)
    {
        var finder = OnCeasefire(
            new PartyName("Israel", [], IsSide: true), new PartyName("Palestinian Islamic Jihad", ["Islamic Jihad"], IsSide: true), new PartyName("Egypt", ["Cairo"]));
        finder.Find(turn);

        Assert.DoesNotContain(finder.Find("They want a ceasefire extension.", previousSentence: turn), p => p.Party == "Egypt");
    }
}
