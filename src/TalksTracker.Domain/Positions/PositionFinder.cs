using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Linking;

namespace TalksTracker.Domain.Positions;

/// <summary>
/// A party of the catalogue and the other names the press uses for it ("Moscow", "the Kremlin"). <paramref name="IsSide"/>:
/// it is a party to the report's track (its role there), not a mediator, host or a party of another track.
/// </summary>
public sealed record PartyName(string Name, IReadOnlyList<string> Aliases, bool IsSide = false);

/// <summary>An agenda item of a track and other titles it goes by.</summary>
public sealed record AgendaItemName(string Name, IReadOnlyList<string> Aliases);

/// <summary>A position read from a sentence, for an editor to confirm.</summary>
/// <param name="Wording">The words that state it, from the cue to the end of what it is about.</param>
/// <param name="WordingSpan">Where <see cref="Wording"/> is in the sentence passed in.</param>
/// <param name="FromAffiliation">The sentence names no party as the subject: the party is the one its source speaks for.</param>
public sealed record ProposedPosition(string Party, PositionKind Kind, string Item, string Wording, TextSpan WordingSpan, bool FromAffiliation);

/// <summary>
/// Proposes positions from one claim sentence by rules of English rather than patterns fitted to a text:
/// <list type="number">
/// <item>A <em>cue</em> says the kind: a verb ("rejected", "insists on", "is ready to", "ruled out"), a noun owned by
/// a party ("Iran's demand", "the Russian proposal", "a red line for Israel"). "Not"/"never" before an acceptance or an
/// offer turns it into a rejection (a red line with "never"); "no longer" before a demand or objection is a concession;
/// "only if", "provided that", "in exchange for" after an acceptance or offer make it a condition.</item>
/// <item>The item is what the cue is about: the agenda item (<see cref="AgendaMatcher{T}"/>) spoken of after the cue,
/// up to the next cue; for a passive ("was rejected by Syria") or an owned noun, before it. With none, no position.</item>
/// <item>The party is the grammatical subject: in the cue's clause (clauses start after a comma, "said", "that",
/// "while"…), the party named nearest before the cue that is followed by a verb, an office ("officials") or the cue;
/// not one after a preposition ("the withdrawal of Israeli forces"). A passive's party follows "by". With no party in
/// the sentence's subject, the source's affiliation ("a senior Israeli official" → Israel) is the party.</item>
/// </list>
/// One finder reads one report's (or track's) claims in order: it remembers the parties and the last item of the positions
/// it has found, for "both sides" and for a pointer back further than the sentence before. Build a new one per report.
/// </summary>
public sealed class PositionFinder
{
    private const int MaxNameWords = 4;

    private readonly AgendaMatcher<string> _items;
    private readonly List<(string Item, HashSet<string> Stems)> _distinctive;

    /// <summary>The subjects of each item's words that no other item's words share (<see cref="AgendaWords.Fields"/>).</summary>
    private readonly List<(string Item, HashSet<string> Fields)> _fields;

    /// <summary>Every stem of every item's titles: words the title matching reads, so never learned as a report's own.</summary>
    private readonly HashSet<string> _titleStems;
    private readonly Dictionary<string, string> _parties = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The parties of the positions found so far, by how many, in the order first found: who "both sides" are.</summary>
    private readonly List<(string Party, int Count)> _sides = [];

    /// <summary>The item of the last position found in the sentence before; null when that sentence stated none.</summary>
    private string? _itemBefore;

    /// <summary>The parties of the positions found in the sentence before: whom "they" or "it" opening the next one means.</summary>
    private List<string> _partiesBefore = [];

    /// <summary>
    /// A cue that states nothing on an item when nothing names one: the talks themselves ("agreed to hold the next round",
    /// "declined to comment"), or a verb as often said of a party as of a stance ("backs the Houthis", "welcomed the progress").
    /// </summary>
    private static bool Procedural(List<Word> words, Cue cue, int objectEnd)
    {
        if (words[cue.Start].Lower is "declined" or "declines" or "welcomed" or "welcomes" or "backs" or "supports" or "support" or "supported")
        {
            return true;
        }

        for (var i = cue.End; i < Math.Min(objectEnd, cue.End + 5); i++)
        {
            if (ProceduralWords.Contains(words[i].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "The two delegations agreed to meet again in Abidjan", "to hold the next round", "declined to comment": a stance on
    /// the talks' own course, not on an item, whatever place or date it names.
    /// </summary>
    private static bool AboutTheTalks(List<Word> words, Cue cue)
    {
        var first = cue.End < words.Count && words[cue.End].Lower == "to" ? cue.End + 1 : cue.End;
        // Not "hold", "host" or "reconvene": "offered to host talks on the border", "agreed to reconvene the working
        // group" are stances on an item.
        return !cue.IsNoun && first < words.Count && (words[first].Lower is "meet" or "comment"
            // "agreed to hold the next round of talks in Hawaii", "to convene the sixth meeting of the Mechanism".
            || (words[first].Lower is "hold" or "convene" or "schedule"
                && Enumerable.Range(first + 1, Math.Max(0, Math.Min(4, words.Count - first - 1))).TakeWhile(k => !words[k].IsPunctuation)
                    .Any(k => MeetingWords.Contains(words[k].Lower))));
    }

    /// <summary>The talks' own sittings: what "hold", "convene" or "schedule" is about when it states no stance.</summary>
    private static readonly HashSet<string> MeetingWords = new(StringComparer.Ordinal)
    {
        "meeting", "meetings", "round", "rounds", "session", "sessions",
    };

    private static readonly HashSet<string> ProceduralWords = new(
        MeetingWords.Concat(["comment", "meet", "hold", "host", "talks", "progress", "pace", "dialogue", "contacts", "consultations", "visit", "statement", "details"]),
        StringComparer.Ordinal);

    /// <summary>The item of the last position found: what a "the mechanism" two sentences on is about.</summary>
    private string? _lastItem;

    /// <summary>Groups this report has named by an acronym ("the National Liberation Army (ELN)"): parties from then on.</summary>
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);

    /// <summary>The group named last: who "the front", "the movement" or "the opposition" is.</summary>
    private string? _lastGroup;

    /// <summary>
    /// What a party this finder names, and a catalogue lacks, would be as an actor: a state it knows, an organisation of
    /// states, else a group (named by its acronym or in full by the report).
    /// </summary>
    public static ActorKind KindOf(string party) =>
        IsStateWord(party) ? ActorKind.State : Organisations.Contains(party) ? ActorKind.InternationalOrganisation : ActorKind.NonStateArmedGroup;

    /// <summary>Bodies of states rather than groups: never "the front" or "the movement".</summary>
    private static readonly HashSet<string> Organisations = new(StringComparer.Ordinal)
    {
        "United Nations", "European Union", "African Union", "NATO", "Arab League", "IAEA", "Quad", "ECOWAS", "ASEAN", "OSCE",
        "Gulf Cooperation Council", "IGAD", "SADC", "East African Community", "CSTO", "Shanghai Cooperation Organisation",
        "Organization of American States", "Organisation of Islamic Cooperation",
    };

    /// <summary>The state whose government the report named last ("South Sudan's government"): who "the government" is.</summary>
    private string? _government;

    /// <summary>
    /// The state whose ministry the report named last ("Cameroon's Ministry of External Relations", "the Ministry of
    /// External Relations of the Republic of Cameroon"): who "the Ministry" is in a note or a briefing's account.
    /// </summary>
    private string? _ministry;

    /// <summary>How many sentences have named each party so far: whose briefing, hearing or interview this is (<see cref="Voice"/>).</summary>
    private readonly Dictionary<string, int> _sentencesNaming = new(StringComparer.Ordinal);

    /// <summary>Parties the report names as the other side of talks ("consultations with Iran", "our Syrian brothers").</summary>
    private readonly HashSet<string> _counterparts = new(StringComparer.Ordinal);

    /// <summary>Parties the report names as hosts or mediators ("with Barbados kindly hosting", "we thank Qatar"): not "we".</summary>
    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);

    /// <summary>
    /// "We spoke to the front's chief negotiator …", "in an interview with Hamas's spokesman": whose answers an interview
    /// gives, so whom "we" speaks for in them ("has been talking to Niger's government" is the talks, not the interview).
    /// </summary>
    private string? _interviewee;

    /// <summary>Capitalised names of two or more words read so far, by their initials: what an acronym stands for.</summary>
    private readonly Dictionary<string, string> _namesByInitials = new(StringComparer.Ordinal);

    /// <summary>
    /// Finds positions in a report's sentences, in order. The rules propose each position; the learned
    /// <see cref="Chooser"/> has the last word on its item.
    /// </summary>
    /// <param name="meaning">What tells the chooser how alike in meaning a stance and an item are (<see cref="ItemChooser"/>).</param>
    public PositionFinder(IEnumerable<AgendaItemName> items, IEnumerable<PartyName>? parties = null, ITextEmbedder? meaning = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var catalogueItems = items.ToList();
        Chooser = new ItemChooser(catalogueItems, meaning: meaning);
        var titles = catalogueItems.SelectMany(i => i.Aliases.Prepend(i.Name).Select(title => (i.Name, Title: title))).ToList();
        _items = new AgendaMatcher<string>(titles);

        // A word only one item has ("treaty", "hilltops") names that item even when the report shortens it.
        var stems = ItemWords.Of(catalogueItems);
        _titleStems = [.. stems.SelectMany(i => i.Stems)];
        _distinctive = ItemWords.OwnOf(stems);
        var fields = stems.Select(i => (i.Item, Fields: AgendaWords.Fields(i.Stems))).ToList();
        _fields = [.. fields.Select(i => (i.Item, i.Fields.Where(field => fields.Count(other => other.Fields.Contains(field)) == 1).ToHashSet(StringComparer.Ordinal)))];
        foreach (var state in Demonyms.StateNames)
        {
            _parties[state] = state;
        }

        foreach (var (alias, name) in WorldNames.Aliases)
        {
            _parties[alias] = name;
        }

        // The catalogue's own names win over the built-in ones: they are what the editor will see.
        var catalogue = (parties ?? []).ToList();
        foreach (var party in catalogue)
        {
            foreach (var name in party.Aliases.Prepend(party.Name))
            {
                var bare = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
                _parties[bare] = party.Name;
                // "Congolese officials" for a catalogue's "DR Congo", "Ivorian" for its "Côte d'Ivoire": the demonyms
                // point to the state's common name, which is the catalogue party's.
                if (Demonyms.StateOf(bare) is { } state && !catalogue.Any(p => p.Name == state))
                {
                    _parties[state] = party.Name;
                }
            }
        }

        _heads = HeadsOf(catalogue);
        _properHeads = ProperHeadsOf(catalogue, _heads);
        _nameWords = NameWordsOf(catalogue);
        _stateArmies = [.. catalogue.Where(p => p.Aliases.Prepend(p.Name).Any(IsStateArmy)).Select(p => p.Name).Distinct(StringComparer.Ordinal)];
        _commonNames = catalogue.SelectMany(p => p.Aliases.Select(a => (Alias: a.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? a[4..] : a, p.Name)))
            .Where(a => a.Alias.Length > 0 && char.IsLower(a.Alias[0]))
            .GroupBy(a => a.Alias.ToLowerInvariant(), StringComparer.Ordinal).Where(g => g.Select(a => a.Name).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        _trackSides = [.. catalogue.Where(p => p.IsSide).Select(p => p.Name).Distinct(StringComparer.Ordinal)];

        // "Detained Vietnamese fishermen repatriation" on a Vietnam track: a side's name or people is in most sentences of
        // its report, so it tells no item from another; the item's other words do.
        foreach (var (item, own) in _distinctive)
        {
            var sideStems = catalogueItems.Where(i => i.Name == item).SelectMany(i => i.Aliases.Prepend(i.Name))
                .SelectMany(title => title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(w => NameOf(Possessive.Strip(w)) is { } named && _trackSides.Contains(named))
                .SelectMany(AgendaWords.Stems).ToHashSet(StringComparer.Ordinal);
            if (own.Except(sideStems).Any())
            {
                own.ExceptWith(sideStems);
            }
        }
    }

    /// <summary>
    /// Has the last word on each proposed position's item, and places stances the rules found no item for; its
    /// <see cref="ItemChooser.Weighed"/> shows the rules' proposals, for training.
    /// </summary>
    public ItemChooser Chooser { get; }

    /// <summary>The parties to the report's track, when the catalogue says: who "we" can be when the report never names it.</summary>
    private readonly List<string> _trackSides;

    /// <summary>
    /// "The council has said it would accept …" after "the Southern Transitional Council": a party named by the common
    /// noun its full name ends in. Only a noun one catalogue party's name ends in, or failing that one alias ("the
    /// coalition" for "gang coalition"), and only nouns that name a body, not "army" or "government", which as often
    /// mean a state's own.
    /// </summary>
    private readonly Dictionary<string, string> _heads;

    /// <summary>
    /// "The Apparatus accepted that offer" after "the Stability Support Apparatus", "the Church" for "the Catholic Church": a
    /// party named by the capitalised noun its name ends in, read only where the report capitalises it too (so "the
    /// dialogue" is never "the Centre for Humanitarian Dialogue"). Not a state's ("the Sudan" is not South Sudan's).
    /// </summary>
    private readonly Dictionary<string, string> _properHeads;

    /// <summary>
    /// The catalogue's names that are common nouns ("the junta", "the federal government", "the transition"): a party
    /// when "the" comes before them, as an editor filed them. Not found by the capitalised-name reading.
    /// </summary>
    private readonly Dictionary<string, string> _commonNames;

    /// <summary>
    /// "The Druze side", "the Kuki negotiators": a capitalised word of one catalogue party's names, and of no other's,
    /// before a word for its people names that party. Not a state's word (a demonym names the state already), nor a word
    /// many names share ("National", "Front").
    /// </summary>
    private readonly Dictionary<string, string> _nameWords;

    private static Dictionary<string, string> NameWordsOf(List<PartyName> catalogue) =>
        catalogue.SelectMany(p => p.Aliases.Prepend(p.Name).SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => (Word: Possessive.Strip(w), p.Name)))
            .Where(w => w.Word.Length > 2 && char.IsUpper(w.Word[0]) && w.Word.Skip(1).Any(char.IsLower) && !IsStateWord(w.Word)
                && !BodyNouns.Contains(w.Word.ToLowerInvariant()) && !GenericNameWords.Contains(w.Word.ToLowerInvariant()))
            .GroupBy(w => w.Word, StringComparer.Ordinal).Where(g => g.Select(w => w.Name).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    private static readonly HashSet<string> GenericNameWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "for", "national", "democratic", "people's", "peoples", "popular", "liberation", "revolutionary",
        "army", "forces", "force", "government", "republic", "state", "states", "united", "islamic", "interim", "transitional",
        "regional", "federal", "provincial", "military", "armed", "resistance", "defence", "defense", "party", "council",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "free", "general",
    };

    private static Dictionary<string, string> HeadsOf(List<PartyName> catalogue)
    {
        // A body's noun ("council", "front"), or a common noun the editor wrote in lower case ("Khorog elders"), unless it
        // is a word for any state's people or forces. The name's own head comes before "of" and a bracket: "Kurdistan
        // Democratic Party of Iran", "Communist Party of Nepal (Biplav)" are parties.
        static string? Head(string name) =>
            name.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w != "of" && !w.StartsWith('(')).ToArray() is { Length: > 1 } words
                && words[^1].ToLowerInvariant() is var head
                && (BodyNouns.Contains(head) || (char.IsLower(words[^1][0]) && words[^1].All(char.IsLetter) && !NotHeads.Contains(head) && !PeopleWords.Contains(head)))
                ? head : null;

        return UniqueHeads(catalogue, Head);
    }

    private static Dictionary<string, string> ProperHeadsOf(List<PartyName> catalogue, Dictionary<string, string> heads)
    {
        string? ProperHead(string name) =>
            name.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w != "of" && !w.StartsWith('(')).ToArray() is { Length: > 1 } words
                && char.IsUpper(words[^1][0]) && words[^1].All(char.IsLetter) && words[^1].ToLowerInvariant() is var head
                && !heads.ContainsKey(head) && !NotHeads.Contains(head) && !PeopleWords.Contains(head) && !GenericNameWords.Contains(head)
                ? head : null;

        return UniqueHeads([.. catalogue.Where(p => !IsStateWord(p.Name))], ProperHead);
    }

    /// <summary>Each head one catalogue party's name ends in; failing a name, one party's alias.</summary>
    private static Dictionary<string, string> UniqueHeads(List<PartyName> catalogue, Func<string, string?> headOf)
    {
        var byName = catalogue.Select(p => (Head: headOf(p.Name), p.Name)).Where(h => h.Head is not null).ToList();
        var byAlias = catalogue.SelectMany(p => p.Aliases.Select(a => (Head: headOf(a), p.Name))).Where(h => h.Head is not null).ToList();
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in byName.GroupBy(h => h.Head!).Where(g => g.Select(h => h.Name).Distinct().Count() == 1))
        {
            heads[group.Key] = group.First().Name;
        }

        foreach (var group in byAlias.GroupBy(h => h.Head!).Where(g => !byName.Exists(h => h.Head == g.Key)))
        {
            if (group.Select(h => h.Name).Distinct().Count() == 1)
            {
                heads[group.Key] = group.First().Name;
            }
        }

        return heads;
    }

    private static readonly HashSet<string> NotHeads = new(StringComparer.Ordinal)
    {
        "government", "army", "military", "forces", "force", "police", "authorities", "side", "state", "administration",
        "regime", "junta", "ministry", "troops", "people",
        // Words for any group, which "the group" reads by what the report named last (GroupNoun).
        "group", "groups", "rebels", "fighters", "insurgents", "guerrillas", "faction", "militia", "militias", "militants",
    };

    private static readonly HashSet<string> BodyNouns = new(StringComparer.Ordinal)
    {
        "council", "coalition", "entity", "front", "movement", "alliance", "organisation", "organization", "union", "congress", "party",
        "league", "forum", "conference", "federation", "kingdom", "emirate", "commission", "community", "committee",
    };

    /// <summary>
    /// Reads the report's headline before its claims. A headline states no position a claim could back, but it often says
    /// whose briefing, hearing or interview the report is ("Bougainville's independence minister on the talks with Port
    /// Moresby"), and so who "we" is in it.
    /// </summary>
    public void ReadHeadline(string? headline)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            return;
        }

        Chooser.ReadHeadline(headline);
        var (words, mentions, _) = Read(headline);
        _interviewee ??= mentions.FirstOrDefault(m => Speaks(words, m))?.Party ?? (GovernmentBriefing(words) ? StateSide : null);
    }

    /// <summary>
    /// "Interior ministry briefing on Hadramawt", "Government press conference on the talks": a headline that gives the
    /// floor to a state's office without naming the state, whose "we" is then the track's one state side. Not a foreign
    /// ministry: it briefs on other states' talks too ("Foreign Ministry Spokeswoman … on the Transnistrian settlement").
    /// </summary>
    private static bool GovernmentBriefing(List<Word> words) =>
        Enumerable.Range(0, words.Count).Any(i => words[i].Lower is "ministry" or "government" or "presidency" && (i == 0 || words[i - 1].Lower != "foreign")
            && Enumerable.Range(i + 1, Math.Max(0, Math.Min(4, words.Count - i - 1))).TakeWhile(k => !words[k].IsPunctuation)
                .Any(k => words[k].Lower is "briefing" or "briefs" or "press" or "spokesman" or "spokesperson" or "spokeswoman"));

    /// <summary>
    /// How an interview, briefing or speech is headed: "FPL spokesman on the N'Djamena talks", "Japan's abduction minister on
    /// the Ulaanbaatar contacts", "PNG government spokesperson briefs media on …": a party's office, then what it speaks on.
    /// A headline of news ("Sudan's army chief rejects truce") says what was done, not who has the floor.
    /// </summary>
    private static bool Speaks(List<Word> words, Mention mention)
    {
        for (var i = mention.End; i < Math.Min(words.Count, mention.End + 4); i++)
        {
            if (words[i].IsPunctuation)
            {
                return false;
            }

            if (RoleWords.Contains(words[i].Lower))
            {
                return i + 1 == words.Count || words[i + 1].Lower is "on" or "briefs" or "answers" or "speaks" or "takes" or ":";
            }
        }

        return false;
    }

    /// <summary>What every sentence is read for first: its words, the parties it names, and the groups and voice it teaches.</summary>
    private (List<Word> Words, List<Mention> Mentions, string? Voice) Read(string sentence)
    {
        var words = Words(sentence);
        LearnGroups(sentence, words);
        var mentions = Mentions(sentence, words);
        LearnRoles(words, mentions);
        LearnIntroductions(sentence, words, mentions);
        // A label's names ("AFGHANISTAN:", "LAURA IBARRA (Mexico's security secretary):") say who speaks or what the line is
        // about, never who the line's own clauses are about.
        var labelEnd = LearnSpeaker(sentence, words);
        mentions.RemoveAll(m => m.End < labelEnd);
        return (words, mentions, LearnVoice(words, mentions));
    }

    /// <summary>In a transcript, the party of whoever has the floor ("IBARRA: We raised it"), until the next speaker's label.</summary>
    private string? _speaker;

    /// <summary>Whether the sentence being read opens with a speaker's label.</summary>
    private bool _labelled;

    /// <summary>The parties of the transcript's speakers by the last word of their label: "IBARRA" once "LAURA IBARRA (Mexico's …)" spoke.</summary>
    private readonly Dictionary<string, string?> _speakers = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads a transcript's speaker label: "LAURA IBARRA (Mexico's security secretary): …", "IBARRA: …", "CLIP, PUNTLAND
    /// SECURITY MINISTER …:". The label is in capitals before a colon; its party is read from the words in brackets, else
    /// from the label's own words, else from the speaker's earlier label. A questioner ("REPORTER:", "Q:", an MP) speaks
    /// for no side; an answer ("A:") leaves the floor with whoever was interviewed.
    /// </summary>
    /// <returns>Where the line's label ends (the word after its colon), speaker's or not; 0 when it has none.</returns>
    private int LearnSpeaker(string sentence, List<Word> words)
    {
        _labelled = false;
        if (LabelOf(sentence, words) is not { } label)
        {
            return 0;
        }

        var (labelEnd, name, partyInBrackets) = label;

        var key = name.Split((char[])[' ', ','], StringSplitOptions.RemoveEmptyEntries)[^1];
        if (key is "A" or "ANSWER")
        {
            return labelEnd;
        }

        var opening = labelEnd < words.Count ? words[labelEnd].Lower : "";
        if (NameOf(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TitleCase))) is not null
            && opening is not ("we" or "i" or "our" or "my" or "us"))
        {
            // "AFGHANISTAN: Both sides say …", "RIYADH: Saudi Arabia said …": a place alone, before a line that does not
            // speak in the first person, is a factbox's topic or a dateline, not a speaker.
            return labelEnd;
        }

        if (key is "Q" or "QUESTION" or "REPORTER" or "INTERVIEWER" or "HOST" or "PRESENTER" or "ANCHOR" or "MODERATOR" or "CHAIR" or "CHAIRMAN" or "CHAIRWOMAN"
            || name.Split(' ').Contains("MP"))
        {
            _speaker = null;
            _speakerKey = null;
            return labelEnd;
        }

        var party = partyInBrackets
            ?? name.Split((char[])[' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => NameOf(TitleCase(w))).FirstOrDefault(n => n is not null)
            // "SENIOR STATE DEPARTMENT OFFICIAL": an office whose words together name the state.
            ?? SourceProfile.Of(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TitleCase))).AffiliationNames.Select(NameOf).FirstOrDefault(n => n is not null)
            ?? _speakers.GetValueOrDefault(key)
            ?? _introduced.GetValueOrDefault(key)
            // "COMMANDER:" after a headline naming "the KFOR commander and Kosovo's minister …".
            ?? _roles.GetValueOrDefault(key.ToLowerInvariant())
            // Two sides at the table and another speaker already known: a new voice is the other side's.
            ?? OtherSide(_speakers.Where(s => s.Key != key).Select(s => s.Value))
            // The first to speak in a briefing or interview the headline gave to a party ("Interior ministry briefing …").
            ?? (_speakers.Count == 0 ? _interviewee : null);
        _speakers[key] = party;
        _speaker = party;
        _speakerKey = key;
        _labelled = true;
        return labelEnd;
    }

    /// <summary>
    /// A line's opening label: words in capitals before a colon ("IBARRA:", "AFGHANISTAN:", "LAURA IBARRA (Mexico's …):"),
    /// or a short one in ordinary case whose brackets say whom its speaker speaks for ("Note 4 (Islamic Jihad official,
    /// 0:29):", "Caller 2 (a Kabul resident):"). Where it ends (the word after its colon), its name before any bracket, and
    /// the party its brackets name.
    /// </summary>
    private (int End, string Name, string? PartyInBrackets)? LabelOf(string sentence, List<Word> words)
    {
        var colon = words.FindIndex(w => w.Lower == ":");
        if (colon is < 1 or > 14)
        {
            return null;
        }

        var label = sentence[words[0].Start..words[colon - 1].End];
        var open = label.IndexOf('(', StringComparison.Ordinal);
        var name = (open >= 0 ? label[..open] : label).Trim().TrimEnd(',');
        var bracketed = open >= 0 ? label[(open + 1)..].TrimEnd(')', ' ') : "";
        var partyInBrackets = bracketed.Length > 0 ? SourceProfile.Of(bracketed).AffiliationNames.Select(NameOf).FirstOrDefault(n => n is not null) : null;
        var described = partyInBrackets is not null && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3;
        return !name.Any(char.IsLetter) || (name.Any(char.IsLower) && name is not ("Spokesperson" or "Spokesman" or "Spokeswoman") && !described)
            ? null
            : (colon + 1, name, partyInBrackets);
    }

    /// <summary>The label of whoever has the floor in a transcript; null when a questioner has it.</summary>
    private string? _speakerKey;

    /// <summary>The one track side none of the given parties is, when the catalogue seats exactly two and one of them is named.</summary>
    private string? OtherSide(IEnumerable<string?> parties)
    {
        var named = parties.Where(p => p is not null && _trackSides.Contains(p)).Distinct().ToList();
        return _trackSides.Count == 2 && named.Count == 1 ? _trackSides.Single(s => s != named[0]) : null;
    }

    /// <summary>Offices the report ties to a party ("the KFOR commander", "Kosovo's minister of internal affairs"), for a transcript's role labels.</summary>
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "commander", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "president",
        "negotiator", "general", "director", "chief", "governor", "representative", "commissioner",
    };

    /// <summary>Learns "the KFOR commander", "Kosovo's minister": a party's name right before an office.</summary>
    private void LearnRoles(List<Word> words, List<Mention> mentions)
    {
        foreach (var mention in mentions)
        {
            for (var i = mention.End; i < Math.Min(words.Count, mention.End + 2); i++)
            {
                if (RoleWords.Contains(words[i].Lower))
                {
                    _roles.TryAdd(words[i].Lower, mention.Party);
                    break;
                }
            }
        }
    }

    /// <summary>Parties of people the report introduced, by surname and by office ("GUAMÁN", "SPOKESPERSON"); not speakers yet.</summary>
    private readonly Dictionary<string, string> _introduced = new(StringComparer.Ordinal);

    /// <summary>
    /// Learns whom a report introduces: "CONAIE's spokeswoman Rosa Guamán" speaks for CONAIE, "The movement's spokesman,
    /// Néstor Huarachi," for the track's group, "Deputy Interior Minister Andrés Villacrés", with no party before the office,
    /// for the track's one state; so their labels ("GUAMÁN:") and the claims attributed to them have a party.
    /// </summary>
    private void LearnIntroductions(string sentence, List<Word> words, List<Mention> mentions)
    {
        bool Capital(int k) => k < words.Count && !words[k].IsPunctuation && char.IsUpper(sentence[words[k].Start]);
        for (var i = 0; i < words.Count; i++)
        {
            var first = i + 1 < words.Count && words[i + 1].Lower == "," ? i + 2 : i + 1;
            if (!RoleWords.Contains(words[i].Lower) || !Capital(first) || !Capital(first + 1))
            {
                continue;
            }

            var name = first + 1;
            while (Capital(name + 1))
            {
                name++;
            }

            var party = mentions.LastOrDefault(m => m.End <= i && m.End >= i - 3 && !Enumerable.Range(m.End, i - m.End).Any(k => words[k].IsPunctuation))?.Party
                ?? (words[i].Lower == "minister" && Capital(i) && !Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(k => words[k].Lower == "foreign")
                    && !mentions.Exists(m => m.End <= i && m.End >= i - 3) ? StateSide : null)
                ?? OwnerNoun(words, i);
            if (party is not null)
            {
                _introduced.TryAdd(sentence[words[name].Start..words[name].End].ToUpperInvariant(), party);
                _introduced.TryAdd(words[i].Lower.ToUpperInvariant(), party);
            }
        }
    }

    /// <summary>"the movement's spokesman", "the government's negotiator": the group or the state whose office it is.</summary>
    private string? OwnerNoun(List<Word> words, int role)
    {
        var owner = role > 1 && words[role - 1].Lower is "'s" or "’s" ? role - 2 : role - 1;
        if (owner < 1 || words[owner - 1].Lower != "the" || (owner == role - 1 && Possessive.Strip(words[owner].Lower) == words[owner].Lower))
        {
            return null;
        }

        return PartyOfNoun(Possessive.Strip(words[owner].Lower), () => StateSide);
    }

    /// <summary>
    /// The party a noun for one names: a group noun ("movement", "group") the track's group, "government" the state
    /// <paramref name="government"/> gives (the track's own, or in a draft the host named before).
    /// </summary>
    private string? PartyOfNoun(string noun, Func<string?> government) =>
        GroupNouns.Contains(noun) ? Group : noun == "government" ? government() : null;

    /// <summary>The party of a person the report introduced before, by the last word of the source's name.</summary>
    private string? Introduced(string sourceName) =>
        sourceName.Split((char[])[' ', ','], StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? _introduced.GetValueOrDefault(last.ToUpperInvariant()) : null;

    private static string TitleCase(string word) => word.Length < 2 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    /// <param name="sentence">The claim's text.</param>
    /// <param name="sourceName">Who the claim is attributed to ("a senior Israeli security source"), if anyone.</param>
    /// <param name="sourceAffiliation">The state or group the source speaks for, when the catalogue knows it; else read from its name.</param>
    /// <param name="previousSentence">The sentence before it in the report: what "the proposal" or a bare "has refused" is about.</param>
    public IReadOnlyList<ProposedPosition> Find(string? sentence, string? sourceName = null, string? sourceAffiliation = null, string? previousSentence = null)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return [];
        }

        // The finder's own state (the last item, what a pointer refers to) follows the rules' items; the chooser reads them too.
        var (found, unplaced) = FindByRules(sentence, sourceName, sourceAffiliation, previousSentence);
        var chosen = Chooser.Choose(sentence, previousSentence, found).ToList();
        chosen.AddRange(Chooser.Place(sentence, previousSentence, unplaced)
            .Where(placed => !chosen.Exists(p => p.Party == placed.Party && p.Kind == placed.Kind && p.Item == placed.Item)));
        Chooser.Read(sentence, found);
        return chosen;
    }

    /// <returns>
    /// The stances the rules tied to an item, and those with a party but no item the rules could tie (the chooser may place
    /// them).
    /// </returns>
    private (List<ProposedPosition> Found, List<ProposedPosition> Unplaced) FindByRules(string text, string? sourceName, string? sourceAffiliation, string? previousSentence)
    {
        // A draft's bracketed wording is its label's stance, read apart from the passage around it.
        var drafts = DraftedWording.In(text);
        var sentence = DraftedWording.Without(text, drafts);
        var (words, mentions, voice) = Read(sentence);
        if (sentence.TrimEnd().EndsWith('?'))
        {
            // A question ("Is Russia ready to return to the format?") asks for a stance; it states none, though it may say
            // who the other side is ("the talks with Port Moresby").
            return ([], []);
        }

        foreach (var mention in mentions)
        {
            _lastGroup = _groups.Contains(mention.Party) || !(IsStateWord(mention.Party) || Organisations.Contains(mention.Party)) ? mention.Party : _lastGroup;
            _government = NamesGovernment(words, mention) ? mention.Party : _government;
            _ministry = NamesMinistry(sentence, words, mention) ? mention.Party : _ministry;
        }

        var cues = Cues.Find(words, mentions);
        // "will not leave the oil fields until the government withdraws the brigades": what a condition waits for is its
        // term, not a stance of its own.
        cues.RemoveAll(c => ConditionTermAt(words, c.Start) is var marker && marker >= 0
            && cues.Exists(k => k.Kind == PositionKind.Condition && k.Start < marker));
        var profile = sourceName is null ? null : SourceProfile.Of(sourceName);
        if (profile?.Kind == SourceKind.Analyst)
        {
            // "Analysts said the quiet channel suggested both governments wanted to contain incidents": what an analyst reads
            // into events is an interpretation, not a stance the party took.
            cues.RemoveAll(c => Inferred(words, c.Start));
        }

        if (words.Count > 0 && words[0].Lower == "if")
        {
            // "If China wants stability on its border, it should …": a supposition, not a stance.
            var supposed = words.FindIndex(w => w.Lower == ",");
            cues.RemoveAll(c => c.Start < supposed);
        }

        var affiliation = sourceAffiliation is { Length: > 0 } given ? NameOf(given) ?? given
            : sourceName is not null && profile is not null ? AffiliationOf(sourceName, profile) ?? Introduced(sourceName)
                // "…, said a military officer attached to the government delegation", "…, a government spokesman said".
                ?? (GovernmentSource(sourceName, profile) ? Army : null)
            // A transcript's labelled line with no source: whoever has the floor.
            : _labelled ? _speaker : null;
        var found = new List<ProposedPosition>();
        var unplaced = new List<ProposedPosition>();
        List<(string Item, int From, int To)> lastItems = [];
        List<string> lastParties = [];
        List<string> previousParties = [];
        for (var c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            var next = cues.Skip(c + 1).FirstOrDefault(n => !n.Embedded);
            var objectEnd = next?.Start ?? words.Count;
            if (cue.ConditionAt is { } marker && marker < objectEnd)
            {
                objectEnd = marker;
            }

            objectEnd = ObjectEnd(words, cue.End, objectEnd);

            // "India has proposed renewing it, and we are not ready to": "we" is the clause's subject, not the party before it.
            var firstPerson = FirstPersonSubject(words, mentions, cue);
            var agent = cue.Passive ? AgentAfter(words, mentions, cue.End) : null;
            var subjects = firstPerson ? []
                : agent is not null ? [agent.Party] : SubjectsOf(words, mentions, cue);
            var ownClause = ClauseStart(words, cue.Start);
            if (c > 0 && previousParties.Count > 0 && SharesSubject(words, mentions, cues[c - 1], cue)
                && !mentions.Exists(m => m.Start >= ownClause && m.End <= cue.Start))
            {
                // "Damascus had insisted that SDF members join …, but has softened": the elided subject is the first's.
                subjects = previousParties;
            }

            if (subjects.Count == 1 && _government is { } governing && governing != subjects[0] && GovernmentAnd(words, mentions, cue.Start))
            {
                // "both the government and the SPLM-IO agreed": the government named by its common noun is coordinated too.
                subjects = [governing, subjects[0]];
            }

            var bothSides = subjects.Count == 0 ? BothSides(words, cue.Start, previousSentence) : [];
            // "The organisation has asked …", "Their delegation still objects …" in a speaker's turn: another side's stance.
            var theirs = !firstPerson && TheirPeople(words, cue.Start) && affiliation is not null ? OtherSide([affiliation]) : null;
            // "The movement rejected …" in a speaker's turn: the group's, whoever speaks.
            var groupSubject = GroupNoun(words, cue.Start) ? Group : null;
            var governmentSubject = GovernmentSubject(words, cue.Start);
            // "The government, he added, has objected …" from the group's spokesman: the government's stance, not his side's.
            var governmentNamed = affiliation is not null && !IsGovernment(affiliation) && governmentSubject;
            var ownSide = subjects.Count == 0 && bothSides.Count == 0 && !NamesOtherSides(words, cue.Start) && theirs is null && groupSubject is null
                && !governmentNamed
                ? affiliation ?? (firstPerson && sourceName is null ? voice : null)
                : null;
            var fromAffiliation = subjects.Count == 0 && ownSide is not null;
            List<string> parties = subjects.Count > 0 ? subjects
                : bothSides.Count > 0 ? bothSides
                : ownSide is not null ? [ownSide]
                : firstPerson ? []
                : theirs is not null ? [theirs]
                : groupSubject is not null ? [groupSubject]
                : GovernmentIn(words, mentions, cue.Start) is { } placed ? [placed]
                // "The Ministry notes with concern …" after "Cameroon's Ministry of External Relations".
                : _ministry is { } ministry && TheNounSubject(words, cue.Start, MinistryNouns) ? [ministry]
                : GovernmentPeople(words, cue.Start) && StateSide is { } stateSide ? [stateSide]
                : governmentSubject ? Government(previousSentence) is { } government ? [government] : []
                : ArmySubject(words, cue.Start) && (Army ?? TheState) is { } army ? [army]
                : PronounBefore(words, cue) is { } pronoun && _partiesBefore.Count > 0 && (pronoun == "they" || _partiesBefore.Count == 1) ? _partiesBefore
                : PointsBack(words, cue.Start) && PartyOf(previousSentence) is { } earlierParty ? [earlierParty]
                : [];
            var items = ItemsOf(sentence, words, cue, objectEnd, agent?.End ?? cue.End).ToList();
            var named = items.Count > 0 && !cue.Past && parties.Count > 0;
            if (items.Count == 0 && c > 0 && lastItems.Count > 0 && IsAnaphoric(words, cue.End, objectEnd))
            {
                // "Tbilisi has proposed resuming the meetings, and Russia said it would support this": the nearest thing
                // named is in this sentence.
                items.Add((lastItems[0].Item, cue.Start, cue.End));
            }

            if (items.Count == 0 && IsAnaphoric(words, cue.End, objectEnd) && ItemBefore(sentence, words, cue, previousSentence) is { } earlier)
            {
                // "…withdrawal of foreign forces, a condition Riyadh rejected": what the sentence said before the clause;
                // "rejected the demand", "Pristina has refused": what the sentence before was about.
                items.Add((earlier, cue.Start, cue.End));
            }

            if (items.Count == 0 && cue.ItemBefore && PointsBackBefore(words, cue.Start) && (ItemOf(previousSentence) ?? _lastItem) is { } pointedAt)
            {
                // "The kingdom has said it will do so only if …", "would sign such guidelines only if …", "could free him in
                // exchange for …": what the condition is on was named before.
                items.Add((pointedAt, cue.Start, cue.End));
            }

            if (items.Count == 0 && RepeatsNounBefore(words, cue.End, objectEnd, previousSentence) && ItemOf(previousSentence) is { } repeated)
            {
                // "… five hilltop positions. Israel has refused to leave the positions": a definite noun the sentence
                // before used names what it named.
                items.Add((repeated, cue.Start, cue.End));
            }

            if (items.Count == 0 && TopicOf(sentence, words) is { } topic)
            {
                items.Add((topic, cue.Start, objectEnd));
            }

            if (items.Count == 0 && objectEnd > cue.End && !cue.IsNoun && !cue.ItemBefore
                && LearnedItemOf(sentence[words[cue.End].Start..words[objectEnd - 1].End]) is { } learnedItem)
            {
                items.Add((learnedItem, cue.End, objectEnd));
            }

            if (items.Count == 0 && c > 0 && lastItems.Count > 0 && ((SharesSubject(words, mentions, cues[c - 1], cue)
                && parties.SequenceEqual(lastParties)) || Contrasts(words, cues[c - 1], cue, parties, lastParties)))
            {
                // "rejected that map and has instead offered a narrower strip", "accepted the list but want flights
                // added": a second predicate of the same subject, with no item of its own, is about the first's.
                items.Add((lastItems[0].Item, cue.Start, objectEnd));
            }

            if (items.Count == 0 && parties.Count > 0 && _itemBefore is { } carried && !cue.IsNoun && !cue.ItemBefore && !Procedural(words, cue, objectEnd)
                // "The Chadians have proposed a new session, and we have accepted": what the first stance was on is the
                // second's too, so neither is about the sentence before's item.
                && !(c > 0 && Procedural(words, cues[c - 1], cue.Start)))
            {
                // A party's stance on something no item names, right after a sentence that stated one: reports keep to
                // a topic from one sentence to the next ("Burundi demanded the handover … Rwanda rejected the men's
                // return"). A noun cue's object is in its own sentence, and talk about the talks is no item.
                items.Add((carried, cue.Start, objectEnd));
            }

            if (items.Count > 0)
            {
                lastItems = items;
                lastParties = parties;
            }

            previousParties = parties;
            if (named)
            {
                foreach (var (item, from, to) in items)
                {
                    Learn(sentence, words, item, from, to);
                }
            }

            if (cue.Past || AboutTheTalks(words, cue))
            {
                continue;
            }

            if (items.Count == 0)
            {
                // A party's stance whose object names no item the rules can place: the chooser may place it.
                var span = new TextSpan(words[cue.Start].Start, words[Math.Max(objectEnd, cue.End) - 1].End);
                unplaced.AddRange(parties.Select(party => new ProposedPosition(party, cue.Kind, "", span.Slice(sentence).TrimEnd(',', ';', ':'), span, fromAffiliation)));
            }

            foreach (var party in parties)
            {
                foreach (var (item, from, to) in items)
                {
                    // "said deportations must go through the courts": how the item must be done is a condition on it.
                    var kind = cue.PreferredToAt is { } than && from >= than ? PositionKind.Objection
                        : cue.ItemInSubject && to <= cue.Start ? PositionKind.Condition
                        : cue.Kind;
                    if (found.Exists(p => p.Party == party && p.Kind == kind && p.Item == item))
                    {
                        continue;
                    }

                    var span = new TextSpan(words[Math.Min(cue.Start, from)].Start, words[Math.Max(to, cue.End) - 1].End);
                    found.Add(new ProposedPosition(party, kind, item, span.Slice(sentence).TrimEnd(',', ';', ':'), span, fromAffiliation));
                }
            }
        }

        found.AddRange(SameAs(sentence, words, mentions, found));
        if (drafts.Count > 0)
        {
            found = [.. found.Select(p => DraftedWording.Outside(p, text, drafts))];
            unplaced = [.. unplaced.Select(p => DraftedWording.Outside(p, text, drafts))];
            found.AddRange(Drafted(text, sentence, drafts, previousSentence)
                .Where(d => !found.Exists(p => p.Party == d.Party && p.Kind == d.Kind && p.Item == d.Item)));
        }

        _lastItem = found.Count > 0 ? found[^1].Item : _lastItem;
        _itemBefore = found.Count > 0 ? found[^1].Item : null;
        // Not the speaker's own side in a briefing or transcript: after "we", "they" is the other side.
        _partiesBefore = [.. found.Where(p => !p.FromAffiliation || sourceName is not null).Select(p => p.Party).Distinct(StringComparer.Ordinal)];
        foreach (var position in found)
        {
            _lastOf[position.Party] = position;
        }

        foreach (var party in found.Select(p => p.Party).Distinct(StringComparer.Ordinal))
        {
            var at = _sides.FindIndex(s => s.Party == party);
            if (at < 0)
            {
                _sides.Add((party, 1));
            }
            else
            {
                _sides[at] = (party, _sides[at].Count + 1);
            }
        }

        return (found, unplaced);
    }

    /// <summary>
    /// The stances of a draft's bracketed wordings: each label's party ("Government" is the track's state, a group noun its
    /// group), on the item the wording names, else the item of the passage it amends (the sentence around it, else the one
    /// before: a bracket on a line of its own follows its article). A condition is on the passage, whatever it waits for.
    /// </summary>
    private IEnumerable<ProposedPosition> Drafted(string text, string passage, List<DraftedWording> drafts, string? previousSentence)
    {
        foreach (var draft in drafts)
        {
            var party = NameOf(draft.Label)
                ?? draft.Label.ToLowerInvariant().Split(' ').Select(w => PartyOfNoun(w, () => Government(previousSentence))).FirstOrDefault(p => p is not null);
            var amended = ItemOf(passage) ?? ItemOf(previousSentence) ?? _lastItem;
            var item = draft.Kind == PositionKind.Condition ? amended ?? ItemOf(draft.Body, orBySubject: true) : ItemOf(draft.Body, orBySubject: true) ?? amended;
            if (party is not null && item is not null)
            {
                yield return new ProposedPosition(party, draft.Kind, item, draft.BodySpan.Slice(text), draft.BodySpan, false);
            }
        }
    }

    /// <summary>The last position found of each party: what "Tehran agrees with Moscow" makes Tehran's too.</summary>
    private readonly Dictionary<string, ProposedPosition> _lastOf = new(StringComparer.Ordinal);

    /// <summary>Whether "suggested", "showed", "indicated" … governs the cue, with no punctuation between.</summary>
    private static bool Inferred(List<Word> words, int cueStart)
    {
        for (var k = cueStart - 1; k >= 0 && k >= cueStart - 8 && !words[k].IsPunctuation; k--)
        {
            if (words[k].Lower is "suggested" or "suggests" or "showed" or "shows" or "indicated" or "indicates" or "reflected" or "reflects")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where "if", "until", "unless" or "provided" opens the clause a cue is in, with no punctuation between; else -1.</summary>
    private static int ConditionTermAt(List<Word> words, int cueStart)
    {
        for (var k = cueStart - 1; k >= 0 && !words[k].IsPunctuation; k--)
        {
            if (Cues.IsConditionWord(words[k].Lower))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// "…, and Tehran, surprisingly, agrees with Moscow", "Indonesia backs the Malaysian position": a party taking another's
    /// stance as its own holds that party's last position (found in this sentence or before), on the same item and of the
    /// same kind. Not "agreed with Israel to extend …" or "on …" (an agreement made with someone), and "backs", "supports"
    /// only with "position", "stance", "line" or "view" after the other party: "backs the Houthis" backs a party.
    /// </summary>
    private IEnumerable<ProposedPosition> SameAs(string sentence, List<Word> words, List<Mention> mentions, List<ProposedPosition> found)
    {
        for (var v = 1; v < words.Count - 1; v++)
        {
            var with = words[v].Lower is "agrees" or "agreed" or "agree" or "sides" or "sided" or "side" && words[v + 1].Lower == "with";
            var backs = words[v].Lower is "backs" or "backed" or "supports" or "supported" or "shares" or "shared" or "echoed" or "echoes";
            if (!with && !backs)
            {
                continue;
            }

            var from = with ? v + 2 : v + 1;
            var other = mentions.Find(m => m.Start >= from && m.Start <= from + 1);
            if (other is null)
            {
                continue;
            }

            // What follows the other party: its stance ("'s position"), or the clause's end ("agrees with Moscow.", a sentence
            // with no full stop) rather than what was agreed ("with Israel to extend …").
            var after = other.End < words.Count ? words[other.End].Lower : ".";
            var after2 = other.End + 1 < words.Count ? words[other.End + 1].Lower : ".";
            var stanceWord = after is "position" or "stance" or "line" or "view" || (after is "'s" or "’s" && after2 is "position" or "stance" or "line" or "view");
            var clauseEnds = other.End >= words.Count || (words[other.End].IsPunctuation && after is not "'s" and not "’s");
            if ((backs && !stanceWord) || (with && !stanceWord && !clauseEnds))
            {
                continue;
            }

            // The subject: the party named last before the verb ("Tehran, surprisingly, agrees"), not one after a preposition.
            var subject = mentions.LastOrDefault(m => m.End <= v && m.Party != other.Party && !AfterPreposition(words, m.Start));
            if (subject is null || (found.FindLast(p => p.Party == other.Party) ?? _lastOf.GetValueOrDefault(other.Party)) is not { } theirs
                || found.Exists(p => p.Party == subject.Party && p.Item == theirs.Item))
            {
                continue;
            }

            var last = stanceWord ? Math.Min(words.Count, other.End + (after is "'s" or "’s" ? 2 : 1)) : other.End;
            var span = new TextSpan(words[v].Start, words[last - 1].End);
            yield return new ProposedPosition(subject.Party, theirs.Kind, theirs.Item, span.Slice(sentence), span, false);
        }
    }

    private static readonly HashSet<string> SideNouns = new(StringComparer.Ordinal)
    {
        "sides", "parties", "countries", "governments", "camps", "delegations", "neighbours", "neighbors", "capitals",
    };

    /// <summary>
    /// "Both sides agreed to …", "the two sides have accepted …": the two parties whose positions this finder has found
    /// most often in the report so far (a finder reads one report's or track's claims in order). None until two have
    /// stated a position, or when a third is as frequent as the second; before any has, the two parties the sentence before
    /// names ("Chinese and Indian officials held a round … The two sides agreed to …").
    /// </summary>
    private List<string> BothSides(List<Word> words, int cueStart, string? previousSentence)
    {
        var start = ClauseStart(words, cueStart);
        // "Both have signalled support for …": "both" alone as the subject is the two sides.
        var named = start < cueStart && words[start].Lower == "both" && OnlyAuxiliaries(words, start + 1, cueStart);
        if (named && _trackSides.Count == 2)
        {
            return [.. _trackSides];
        }

        if (start > 1 && start < cueStart && words[start].Lower == "they" && ReportingWords.Contains(words[start - 1].Lower))
        {
            // "Both sides say they want …": "they" after a reporting verb is whom the reporting clause is about.
            return BothSides(words, start - 1, previousSentence);
        }

        for (var i = Math.Max(start, 1); i < cueStart; i++)
        {
            if (!SideNouns.Contains(words[i].Lower))
            {
                continue;
            }

            named |= words[i - 1].Lower is "both" or "two";
            // "The Parties agreed", "all three delegations agreed": every side at the table, when the catalogue says who
            // sits there and as many as the sentence counts.
            var all = !AfterPreposition(words, i) && (words[i - 1].Lower is "all" || (i > 1 && words[i - 2].Lower is "all")
                || (words[i - 1].Lower is "the" && words[i].Lower is "parties" or "sides" or "delegations"));
            var counted = words[i - 1].Lower switch { "both" or "two" => 2, "three" => 3, "four" => 4, _ => all ? _trackSides.Count : 0 };
            if (_trackSides.Count >= 2 && counted == _trackSides.Count)
            {
                return [.. _trackSides];
            }
        }

        var ranked = _sides.Select((s, order) => (s.Party, s.Count, order)).OrderByDescending(s => s.Count).ThenBy(s => s.order).ToList();
        if (named && ranked.Count < 2 && !string.IsNullOrWhiteSpace(previousSentence))
        {
            var before = Words(previousSentence);
            var named2 = Mentions(previousSentence, before).Where(m => !AfterPreposition(before, m.Start)).Select(m => m.Party).Distinct(StringComparer.Ordinal).ToList();
            return named2.Count == 2 ? named2 : [];
        }

        if (!named || ranked.Count < 2 || (ranked.Count > 2 && ranked[2].Count == ranked[1].Count))
        {
            return [];
        }

        return [ranked[0].Party, ranked[1].Party];
    }

    /// <summary>
    /// The side a source speaks for; none for a mediator or facilitator ("Kenyan mediators said"), who reports the
    /// parties' stances rather than its own state's.
    /// </summary>
    private string? AffiliationOf(string sourceName, SourceProfile profile) =>
        Mediates(sourceName) ? null : profile.AffiliationNames.Select(NameOf).FirstOrDefault(n => n is not null);

    private static bool Mediates(string sourceName) =>
        sourceName.Split((char[])[' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.ToLowerInvariant() is "mediator" or "mediators" or "mediation" or "facilitator" or "facilitators" or "guarantor" or "guarantors");

    private string? NameOf(string name) =>
        _parties.GetValueOrDefault(name) ?? (Demonyms.StateOf(name) is { } state ? _parties.GetValueOrDefault(state) ?? state : null)
        // "Yaoundé", "Lomé", "Côte d'Ivoire": the names are kept without accents, as many outlets write them.
        ?? (name.Any(c => c > '\u007f') && WithoutAccents(name) is var plain && plain != name ? NameOf(plain) : null)
        // "the Russians also floated …", "the Iranians": a people in the plural speaks for its state.
        ?? (name.Length > 4 && name.EndsWith('s') && !name.Contains(' ') && Demonyms.StateOf(name[..^1]) is { } people ? _parties.GetValueOrDefault(people) ?? people : null);

    private static string WithoutAccents(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == '’' ? '\'' : c)]);

    private static readonly HashSet<string> ReportingWords = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "added", "according", "reported", "quoted", "stated", "noted", "officials", "diplomats",
    };

    /// <summary>
    /// Where what a cue is about ends before the next cue: at an attribution (", a Saudi official said", ", according
    /// to …"), a comment on it (", which it fears …"), or "before", "until", "as long as" (what must happen first is a
    /// condition or a time, not the item: "insists that disarmament must be completed before its forces pull back").
    /// </summary>
    private static int ObjectEnd(List<Word> words, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (i > from && (words[i].Lower is "before" or "until" or "unless" || (words[i].Lower == "once" && words[i - 1].Lower != "at")
                    || (words[i].Lower == "as" && i + 2 < words.Count && words[i + 1].Lower == "long" && words[i + 2].Lower == "as")))
            {
                return i;
            }

            if (words[i].Lower != "," || i + 1 >= to)
            {
                continue;
            }

            // ", which would require Israeli forces to leave the buffer zone" spells out what is asked, so it stays.
            if (words[i + 1].Lower is "which" or "who" or "where" or "according"
                && !(i + 2 < to && words[i + 1].Lower == "which" && words[i + 2].Lower is "would" or "will" or "could" or "means" or "meant"))
            {
                return i;
            }

            for (var k = i + 1; k < to && k <= i + 6 && !words[k].IsPunctuation; k++)
            {
                if (ReportingWords.Contains(words[k].Lower))
                {
                    return i;
                }
            }
        }

        return to;
    }

    private static readonly HashSet<string> ReasonWords = new(StringComparer.Ordinal)
    {
        "citing", "arguing", "saying", "noting", "warning", "claiming", "because", "since", "after",
    };

    /// <summary>The items a cue is about, each with the word range it was read from.</summary>
    /// <param name="afterAgent">Where a passive's "by" and its party end: "were ruled out by the Bissau-Guinean side" says who,
    /// not what, even when an item's title shares the party's words.</param>
    private IEnumerable<(string Item, int From, int To)> ItemsOf(string sentence, List<Word> words, Cue cue, int objectEnd, int afterAgent)
    {
        var ranges = new List<(int From, int To)>();
        if (cue.PreferredToAt is { } than)
        {
            // "considers A preferable to B": a preference for A (between the verb and the cue), an objection to B.
            ranges.Add((ClauseStart(words, cue.Start), cue.Start));
            ranges.Add((than + 1, objectEnd));
        }
        else if (cue.ItemBefore)
        {
            ranges.Add((0, cue.Start));
        }
        else if (cue.IsNoun && Predicate(words, cue.Start))
        {
            // "An amnesty is the absolute minimum, and without it …", "Prior notification remains a red line": the subject
            // is what the verdict is on; what follows is read only when the subject names nothing.
            ranges.Add((ClauseStart(words, cue.Start), cue.Start));
            ranges.Add((cue.End, objectEnd));
        }
        else if (cue.Passive || cue.IsNoun || cue.ItemInSubject)
        {
            // "The redeployment plan was rejected by Damascus", "Iran's rejection of the plan": after, then before.
            ranges.Add((cue.Passive ? afterAgent : cue.End, objectEnd));
            ranges.Add((ClauseStart(words, cue.Start), cue.Start));
        }
        else
        {
            // ", citing attacks on its troops", ", after incidents in which its fishermen were detained": why the party
            // holds the stance is read only when what comes before it names no item ("has refused, arguing that the posts …").
            var reason = Enumerable.Range(cue.End, Math.Max(0, objectEnd - cue.End - 1))
                .FirstOrDefault(i => words[i].Lower == "," && ReasonWords.Contains(words[i + 1].Lower), -1);
            if (reason > cue.End)
            {
                ranges.Add((cue.End, reason));
            }

            ranges.Add((cue.End, objectEnd));
        }

        foreach (var (from, to) in ranges)
        {
            if (to <= from)
            {
                continue;
            }

            if (ItemOf(sentence[words[from].Start..words[to - 1].End], orBySubject: true) is { } item)
            {
                yield return (item, from, to);
                if (cue.PreferredToAt is null)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Whether a noun cue is the predicate of "is", "are", "remains" …, with or without an article between.</summary>
    private static bool Predicate(List<Word> words, int cueStart)
    {
        var at = cueStart - 1;
        if (at >= 0 && words[at].Lower is "a" or "an" or "the")
        {
            at--;
        }

        return at >= 0 && words[at].Lower is "is" or "are" or "was" or "were" or "remains" or "remain" or "be" or "becomes";
    }

    /// <summary>
    /// The second cue is a coordinated predicate of the first's subject: joined by "and"/"but" (after an optional comma and
    /// "has", "instead", "also"), with no party named between them.
    /// </summary>
    private static bool SharesSubject(List<Word> words, List<Mention> mentions, Cue first, Cue second)
    {
        // A new subject between them would stop the walk back to "and"/"but" below.
        if (first.IsNoun || second.IsNoun || first.ItemBefore || second.ItemBefore || second.Passive)
        {
            return false;
        }

        var k = second.Start - 1;
        while (k > first.End && (words[k].Lower is "has" or "have" or "had" or "instead" or "also" or "then" or "later" or "now" or "is" or "are" or "was" or "would" or "will" or "it" or "they"
                   // "…, but its delegation softened that demand": the party's own people.
                   || (OfficeWords.Contains(words[k].Lower) && words[k - 1].Lower is "its" or "their") || (words[k].Lower is "its" or "their" && OfficeWords.Contains(words[k + 1].Lower))))
        {
            k--;
        }

        // A new clause ("while", "whereas") between them has a subject of its own; a relative clause inside the first's
        // object ("opposes any arrangement that keeps …, and has demanded") does not end it.
        return k > first.End && words[k].Lower is "and" or "but" && !words.Skip(first.End + 1).Take(k - first.End - 1).Any(w => w.Lower is "while" or "whereas");
    }

    /// <summary>
    /// The clause's subject is "the rebels", "the militants", "the mediators": not the side the source speaks for, so its
    /// affiliation does not name the party ("The rebels accepted the list, a government source said"). "Both sides" does
    /// include the source's side, so it keeps it.
    /// </summary>
    private static bool NamesOtherSides(List<Word> words, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        for (var i = start; i < cueStart; i++)
        {
            if (words[i].Lower is "rebels" or "insurgents" or "militants" or "mediators" or "mediator" or "envoy" or "militia" or "militias")
            {
                return true;
            }
        }

        return start > 0 && words[start - 1].IsPunctuation && start > 1 && NamesOtherSidesBefore(words, start - 1);
    }

    /// <summary>"Their delegation still objects …", "their negotiators want …": the clause's subject is the other side's people.</summary>
    private static bool TheirPeople(List<Word> words, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        return start + 1 < cueStart && words[start].Lower == "their" && (PeopleWords.Contains(words[start + 1].Lower) || words[start + 1].Lower == "side");
    }

    /// <summary>"We proposed …", "what we have offered is", "something we oppose": the cue's clause speaks in the first person.</summary>
    private static bool FirstPersonSubject(List<Word> words, List<Mention> mentions, Cue cue)
    {
        if (cue.FirstPerson || ForUs(words, cue))
        {
            return true; // "No foreign soldier will cross our border", "a red line for us", "For us, …"
        }

        if (Cues.OurStanceEnd(words) is { } said && cue.Start > said && !mentions.Exists(m => m.Start > said && m.End <= cue.Start))
        {
            return true; // "Our answer is the same as before: the division of the state is not on the table"
        }

        var start = ClauseStart(words, cue.Start);
        if (cue.Start <= start)
        {
            return false; // the cue opens its clause ("Agreed: …"): nothing before it to be "we"
        }

        if (cue.IsNoun && (words[cue.Start - 1].Lower == "our" || (cue.Start - 2 >= start && words[cue.Start - 2].Lower == "our")))
        {
            return true; // "Our first demand has not changed: …"
        }

        // "We …", or "Our delegation tabled …", "Our government has refused …": the speaker's own side as the subject.
        bool Speaker(int i) => words[i].Lower == "we"
            || (words[i].Lower == "our" && i + 1 < cue.Start && (PeopleWords.Contains(words[i + 1].Lower) || words[i + 1].Lower is "government" or "side" or "country"));
        var we = Enumerable.Range(start, cue.Start - start).LastOrDefault(Speaker, -1);
        return we >= 0 && !mentions.Exists(m => m.Start > we && m.End <= cue.Start);
    }

    /// <summary>
    /// "Prior notification remains a red line for us", "a red line for this government", "For us, an amnesty is the absolute
    /// minimum": a stance the speaker's side is said to hold, though "we" is not the clause's subject.
    /// </summary>
    private static bool ForUs(List<Word> words, Cue cue)
    {
        bool Us(int at) => at + 1 < words.Count && words[at].Lower == "for"
            && (words[at + 1].Lower is "us" or "our" || (words[at + 1].Lower == "this" && at + 2 < words.Count && words[at + 2].Lower is "government" or "country" or "administration"));
        return (cue.IsNoun && Us(cue.End)) || (Us(0) && cue.Start > 2);
    }

    /// <summary>
    /// Who "we" is where no source is named: in a spokesperson's briefing, a hearing or an interview, the speaker's side. A
    /// speaker names the other side of the talks as such ("consultations with Iran", "our Syrian brothers", "Tiraspol has
    /// told us"), and their own side more often than any other party save hosts and mediators; between two named as often,
    /// the one named first; with the catalogue's sides, a side before any other. In an interview, the interviewee's party.
    /// Until the report has named the other side, nothing says the first person is one of the parties.
    /// </summary>
    private string? Voice
    {
        get
        {
            if (_speaker is not null)
            {
                return _speaker;
            }

            if (_interviewee is not null)
            {
                return _interviewee;
            }

            if (_counterparts.Count == 0)
            {
                return null;
            }

            var named = _sentencesNaming.Select((p, order) => (p.Key, p.Value, Order: order)).Where(p => !_counterparts.Contains(p.Key) && !_hosts.Contains(p.Key))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Order).Select(p => p.Key).ToList();
            // When the catalogue says who the track's parties are, "we" is one of them before any other state the speaker
            // names ("the talks in Mexico City … we went in with one clear ask"): a venue is named, a side speaks.
            return _trackSides.Count > 0
                ? named.FirstOrDefault(_trackSides.Contains) ?? TheOtherSide ?? named.FirstOrDefault()
                : named.FirstOrDefault() ?? TheOtherSide;
        }
    }

    /// <summary>
    /// "The federal side demanded …" in talks between a state and a group: the one state among the track's parties, when
    /// the catalogue says who they are.
    /// </summary>
    private string? StateSide => _trackSides.Where(IsGovernment).ToList() is [var only] ? only : null;

    /// <summary>
    /// Of two sides that are governments, the state itself when the other only calls itself one (the Myanmar military
    /// facing the National Unity Government): whose "the military" is, and which side "the opposition" is not. Not whose
    /// ministry a source speaks for: a regional government has ministries too.
    /// </summary>
    private string? TheState => StateSide ?? (_trackSides.Where(IsStateWord).ToList() is [var state] ? state : null);

    /// <summary>A state, or a party the catalogue files as a government ("Government of National Unity").</summary>
    private static bool IsGovernment(string party) => IsStateWord(party) || party.Split(' ').Contains("Government");

    /// <summary>A party the report named, unless the catalogue's sides show it is not one of the track's parties.</summary>
    private string? OnTrack(string? named) => named is not null && (_trackSides.Count == 0 || _trackSides.Contains(named)) ? named : null;

    /// <summary>
    /// Who "the group", "the rebels" are: the group the report named last, unless the catalogue's parties show it is not a
    /// party to the talks ("MINURSO", a mediator's office), then the track's one side that is not a state.
    /// </summary>
    private string? Group =>
        OnTrack(_lastGroup) ?? (_trackSides.Where(s => s != TheState).ToList() is [var only] ? only : _lastGroup);

    /// <summary>
    /// Who "the government" is: the one the report named as such, unless the catalogue's parties show it to be a host or
    /// mediator ("the Tanzanian government hosted …"), then the track's state side, then the state of the sentence before.
    /// </summary>
    private string? Government(string? previousSentence) =>
        OnTrack(_government) ?? StateSide ?? _government ?? StateOf(PartyOf(previousSentence));

    /// <summary>
    /// "A government spokesperson briefs reporters after the round with the EGC … we proposed": a speaker who names the
    /// other side but never their own is the track's one side left, hosts and mediators aside.
    /// </summary>
    private string? TheOtherSide =>
        _trackSides.Where(s => !_counterparts.Contains(s) && !_hosts.Contains(s)).ToList() is [var only] ? only : null;

    /// <summary>
    /// Learns from a sentence who the sides are, and returns who "we" is in it: counted before the parties it names after
    /// "we", which are what "we" speaks of ("We reject the Turkish role"), unless no side was known before it.
    /// </summary>
    private string? LearnVoice(List<Word> words, List<Mention> mentions)
    {
        foreach (var mention in mentions.Where(m => Counterpart(words, m)))
        {
            _counterparts.Add(mention.Party);
        }

        foreach (var mention in mentions.Where(m => Hosts(words, m)))
        {
            _hosts.Add(mention.Party);
        }

        _interviewee ??= mentions.FirstOrDefault(m => Interviewed(words, m))?.Party;
        if (_speakerKey is not null && _speaker is null
            && OtherSide(mentions.Where(m => Counterpart(words, m) || Hosts(words, m)).Select(m => m.Party)) is { } speaking)
        {
            // "AL-MAHRI: We accepted the reopening, and we thank the Sultanate for it": a speaker whose label names no
            // party, thanking or addressing one side at the table, is the other.
            _speaker = _speakers[_speakerKey] = speaking;
        }

        // "Iraq's position is clear: we want …" names the speaker's side before "we"; what follows is what "we" speaks of.
        var we = words.FindIndex(w => w.Lower == "we");
        var named = mentions.Select(m => m.Party).Distinct().ToList();
        var before = mentions.Where(m => we < 0 || m.End <= we).Select(m => m.Party).ToHashSet(StringComparer.Ordinal);
        foreach (var party in named.Where(before.Contains))
        {
            _sentencesNaming[party] = _sentencesNaming.GetValueOrDefault(party) + 1;
        }

        var voice = Voice;
        foreach (var party in named.Where(p => !before.Contains(p)))
        {
            _sentencesNaming[party] = _sentencesNaming.GetValueOrDefault(party) + 1;
        }

        // With no side named before, the sentence's own names are all there is ("What we have offered is that Indian
        // technicians …, with Maldivian pilots …").
        return voice ?? Voice;
    }

    /// <summary>
    /// How a speaker names the other side: "talks with Port Moresby", "their Mauritian counterparts", "our brothers in
    /// Bahrain", "we asked New Delhi", "Tiraspol has told us".
    /// </summary>
    private static bool Counterpart(List<Word> words, Mention mention)
    {
        var before = mention.Start - 1;
        while (before >= 0 && words[before].Lower is "the")
        {
            before--;
        }

        var after = mention.End < words.Count ? words[mention.End].Lower : "";
        var toUs = Enumerable.Range(mention.End, Math.Min(3, words.Count - mention.End)).TakeWhile(i => !words[i].IsPunctuation).Any(i => words[i].Lower == "us");
        return CounterpartNouns.Contains(after) || toUs
            || (before >= 1 && words[before].Lower == "in" && CounterpartNouns.Contains(words[before - 1].Lower))
            || (before >= 1 && words[before].Lower == "with" && TalkWords.Contains(words[before - 1].Lower))
            || (before >= 1 && words[before].Lower is "asked" or "told" or "urged" or "informed" or "offered" or "proposed"
                && (words[before - 1].Lower == "we" || (before >= 2 && words[before - 1].Lower is "have" or "had" && words[before - 2].Lower == "we")))
            // "across the table from the commanders of the Coordinadora": who sits opposite.
            || WordsBefore(mention, 5).Any(i => words[i].Lower is "from" or "with" && words[i - 1].Lower == "table");
    }

    /// <summary>The positions of up to n words before a mention, each with a word before it.</summary>
    private static IEnumerable<int> WordsBefore(Mention mention, int n) =>
        Enumerable.Range(Math.Max(1, mention.Start - n), Math.Max(0, mention.Start - Math.Max(1, mention.Start - n)));

    /// <summary>"We spoke to the front's chief negotiator", "an interview with X's spokesman", "interviewed X's envoy".</summary>
    private static bool Interviewed(List<Word> words, Mention mention) =>
        WordsBefore(mention, 4).Any(i => (words[i].Lower is "to" or "with" && words[i - 1].Lower is "spoke" or "talked" && i >= 2 && words[i - 2].Lower is "we" or "i")
                || (words[i].Lower == "with" && words[i - 1].Lower is "interview" or "interviews")
                || words[i].Lower == "interviewed");

    /// <summary>"We again thank the State of Qatar", "with the government of Barbados kindly hosting", "facilitated by the office of the EU …".</summary>
    private static bool Hosts(List<Word> words, Mention mention)
    {
        var start = ClauseStart(words, mention.Start);
        var from = Math.Max(start, mention.Start - 6);
        var to = Math.Min(words.Count, mention.End + 3);
        return Enumerable.Range(from, to - from).Any(i => (i < mention.Start || i >= mention.End) && !words[i].IsPunctuation && HostWords.Contains(words[i].Lower));
    }

    private static readonly HashSet<string> PeopleWords = new(StringComparer.Ordinal)
    {
        "commanders", "leaders", "leader", "president", "negotiators", "negotiator", "spokesman", "spokeswoman", "spokesperson",
        "delegation", "delegates", "officials", "envoy", "envoys", "representatives", "representative", "chief", "leadership",
    };

    private static readonly HashSet<string> HostWords = new(StringComparer.Ordinal)
    {
        "host", "hosts", "hosted", "hosting", "mediator", "mediators", "mediated", "mediating", "mediation", "facilitated", "facilitator",
        "facilitators", "facilitation", "facilitating", "brokered", "thank", "thanks", "observer", "observers", "invitation",
    };

    private static readonly HashSet<string> CounterpartNouns = new(StringComparer.Ordinal)
    {
        "brothers", "brethren", "neighbours", "neighbors", "counterparts", "counterpart", "friends", "partners", "colleagues",
    };

    private static readonly HashSet<string> TalkWords = new(StringComparer.Ordinal)
    {
        "talks", "consultations", "meeting", "meetings", "contacts", "negotiations", "dialogue", "round", "held",
    };

    private static bool NamesOtherSidesBefore(List<Word> words, int end)
    {
        var start = ClauseStart(words, end);
        return start == 0 && Enumerable.Range(0, end).Any(i => words[i].Lower is "rebels" or "insurgents" or "militants");
    }

    /// <summary>"Pakistan prefers that Turkey lead it, while the Taliban want Qatar to": another party's stance on the same thing.</summary>
    private static bool Contrasts(List<Word> words, Cue first, Cue second, List<string> parties, List<string> firstParties)
    {
        var start = ClauseStart(words, second.Start);
        return start > first.End && start > 0 && words[start - 1].Lower is "while" or "whereas" && parties.Count > 0 && !parties.Intersect(firstParties).Any()
            && !second.IsNoun && !second.ItemBefore;
    }

    /// <summary>"South Sudan's government", "the Ethiopian government", "the government of Iraq".</summary>
    private static bool NamesGovernment(List<Word> words, Mention mention) =>
        IsStateWord(mention.Party)
        && ((mention.End < words.Count && words[mention.End].Lower is "government" or "authorities")
            || (mention.Start >= 2 && words[mention.Start - 1].Lower == "of" && words[mention.Start - 2].Lower == "government"));

    /// <summary>
    /// "Cameroon's Ministry of External Relations", "the Cameroonian foreign ministry", "the Ministry of External Relations
    /// of the Republic of Cameroon": a state's ministry, a few words after the state, or the state closing the ministry's
    /// own name (capitalised words and "of", "the", "and", "for" only: not "the ministry summoned the ambassador of X").
    /// </summary>
    private static bool NamesMinistry(string sentence, List<Word> words, Mention mention)
    {
        if (!IsStateWord(mention.Party))
        {
            return false;
        }

        if (Enumerable.Range(mention.End, 3).TakeWhile(k => k < words.Count && !words[k].IsPunctuation).Any(k => words[k].Lower == "ministry"))
        {
            return true;
        }

        for (var k = mention.Start - 1; k >= Math.Max(0, mention.Start - 10); k--)
        {
            if (words[k].Lower == "ministry")
            {
                return k + 1 < mention.Start && words[k + 1].Lower == "of";
            }

            if (words[k].IsPunctuation || !(char.IsUpper(sentence[words[k].Start]) || words[k].Lower is "of" or "the" or "and" or "for"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"the government and the SPLM-IO agreed": "the government and" right before a party in the cue's clause.</summary>
    private static bool GovernmentAnd(List<Word> words, List<Mention> mentions, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        return mentions.Exists(m => m.Start >= start && m.End <= cueStart && m.Start >= 3
            && (words[m.Start - 1].Lower == "and" || (words[m.Start - 1].Lower == "the" && words[m.Start - 2].Lower == "and"))
            && Enumerable.Range(Math.Max(start, m.Start - 4), 3).Any(k => k >= 1 && words[k].Lower == "government" && words[k - 1].Lower == "the"));
    }

    private static string? StateOf(string? party) => party is not null && IsStateWord(party) ? party : null;

    /// <summary>
    /// "The government has proposed …", "the federal government has said it is open to …": the clause's subject (or the
    /// reporting clause's, for a pronoun) is a government named by its common noun, which is a state's, not a group's.
    /// </summary>
    private static bool GovernmentSubject(List<Word> words, int cueStart)
    {
        var (start, end) = SubjectSpan(words, cueStart);
        for (var i = start; i < end; i++)
        {
            if ((Possessive.Strip(words[i].Lower) is "government" or "delegation" && i > 0 && (words[i - 1].Lower is "the" or "a" || (i > 1 && words[i - 2].Lower == "the")))
                || (words[i].Lower == "side" && i > 0 && words[i - 1].Lower is "federal" or "government" or "central"))
            {
                return !(i + 1 < cueStart && words[i + 1].Lower is "of" or "'s" or "’s");
            }
        }

        // "it is open to …" after "The federal government has said"; what "A government spokesman said" the government holds.
        return start > 0 && (Enumerable.Range(start, cueStart - start).Any(i => words[i].Lower is "it" or "they") || words[start - 1].Lower is "said" or "says" or "told" or "added")
            && GovernmentSubject(words, start - 1);
    }

    /// <summary>"the Sudanese army", "Myanmar military": a state's word right before "army" or "military" (not "Myanmar National Democratic Alliance Army").</summary>
    private static bool IsStateArmy(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var words
        && Enumerable.Range(1, Math.Max(0, words.Length - 1)).Any(k => words[k].ToLowerInvariant() is "army" or "military" && IsStateWord(words[k - 1]));

    /// <summary>Catalogue parties that are a state's army ("the Sudanese army", "the Myanmar military").</summary>
    private readonly List<string> _stateArmies;

    /// <summary>
    /// Who "the army" or "the military" is: the one catalogue party that is a state's army, else the track's one state
    /// side (a group's own army, "Karen National Army", is named by its name).
    /// </summary>
    private string? Army => _stateArmies is [var only] ? only : StateSide;

    /// <summary>"The army said supplies would not be restored …", "the military has also asked …": a state's forces as the clause's subject.</summary>
    private static bool ArmySubject(List<Word> words, int cueStart) => TheNounSubject(words, cueStart, ArmyNouns);

    private static readonly HashSet<string> ArmyNouns = ["army", "military"];

    private static readonly HashSet<string> MinistryNouns = ["ministry"];

    /// <summary>
    /// "Government delegates did float …", "Government negotiators countered …", "The state's envoys", "Officials", "The
    /// interior minister": the government's people opening the clause. Read only when the catalogue says which side is the
    /// state: without it a host government the report named would be taken.
    /// </summary>
    private static bool GovernmentPeople(List<Word> words, int cueStart)
    {
        var (start, end) = SubjectSpan(words, cueStart);
        // "…, and the government's representatives once again said no": a clause the sentence adds opens with its conjunction.
        var first = start < end && words[start].Lower is "and" or "but" ? start + 1 : start;
        var at = first < end && words[first].Lower == "the" ? first + 1 : first;
        // "Federal representatives rejected …", but "has told federal negotiators it will …": whom a party told is not who speaks.
        if (start > 0 && words[start - 1].Lower is "told" or "tells" or "telling")
        {
            return false;
        }

        return (at + 1 < end && Possessive.Strip(words[at].Lower) is "government" or "state" or "ministry" or "federal"
                && PeopleWords.Contains(words[at + 1].Lower))
            // "Officials favour a surrender scheme", "The interior minister ruled that out", "The ministry accepts …", "The
            // vice-minister says …": officials, ministers and ministries are a state's.
            || (at < end && words[at].Lower is "officials" or "ministers")
            // "The ministry", "the interior minister": the office word first or second after "the".
            || (at > first && (Office(at) || Office(at + 1)));

        // "The ministry's team", but not "the chief minister's office": a minister named by title may be a province's.
        bool Office(int k) => k < end
            && ((k == at ? Possessive.Strip(words[k].Lower) : words[k].Lower) is "ministry" or "minister"
                || words[k].Lower.EndsWith("-minister", StringComparison.Ordinal));
    }

    /// <summary>
    /// The words that may hold the subject of the cue's clause: the clause before the cue, or, when an aside stands between
    /// the sentence's opening words and its verb ("The government, he added, has objected …", "The government's team, led
    /// by the deputy minister, ruled out …"), those opening words.
    /// </summary>
    private static (int Start, int End) SubjectSpan(List<Word> words, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        if (start == cueStart && start >= 2 && words[start - 1].Lower == "," && cueStart < words.Count && words[cueStart].Lower.EndsWith("ing", StringComparison.Ordinal))
        {
            // "The government delegation put a list on the table, offering to free …": a participle's subject is the
            // clause's before it.
            return SubjectSpan(words, start - 1);
        }

        var firstComma = words.FindIndex(w => w.Lower == ",");
        return start > 0 && words[start - 1].Lower == "," && firstComma > 0 && firstComma < start - 1 && OnlyAuxiliaries(words, start, cueStart)
            ? (0, firstComma)
            : (start, cueStart);
    }

    /// <summary>A source that speaks for the government by its office: "a government spokesman", "an army officer" (the state's army, else the state).</summary>
    private static bool GovernmentSource(string sourceName, SourceProfile profile) =>
        profile.Kind is not (SourceKind.Analyst or SourceKind.MediaOutlet or SourceKind.Document)
        && sourceName.Split((char[])[' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(w => GovernmentOffices.Contains(w.ToLowerInvariant()));

    private static readonly HashSet<string> GovernmentOffices = new(StringComparer.Ordinal)
    {
        "government", "army", "military", "ministry", "minister", "presidency", "presidential",
    };

    /// <summary>"The military government in Naypyitaw has called …": a government the clause places by its capital or state.</summary>
    private static string? GovernmentIn(List<Word> words, List<Mention> mentions, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        for (var i = start; i + 2 < cueStart; i++)
        {
            if (words[i].Lower is "government" or "authorities" && words[i + 1].Lower is "in" or "of"
                && mentions.FirstOrDefault(m => m.Start == i + 2 && m.End <= cueStart) is { } placed)
            {
                return placed.Party;
            }
        }

        return null;
    }

    /// <summary>
    /// "But the front opposes …", "The movement wants …", "the opposition insisted": a group's common noun as the clause's
    /// subject is the group the report named last by its acronym.
    /// </summary>
    private static bool GroupNoun(List<Word> words, int cueStart) => TheNounSubject(words, cueStart, GroupNouns) || GroupPeople(words, cueStart);

    /// <summary>"Opposition negotiators demanded …", "Rebel commanders said …": a group's people opening the clause, with no article.</summary>
    private static bool GroupPeople(List<Word> words, int cueStart)
    {
        var (start, end) = SubjectSpan(words, cueStart);
        return start + 1 < end && (GroupNouns.Contains(words[start].Lower) || words[start].Lower is "rebel" or "guerrilla" or "insurgent" or "militant")
            && PeopleWords.Contains(words[start + 1].Lower);
    }

    private static readonly HashSet<string> GroupNouns =
    [
        "front", "movement", "group", "opposition", "guerrillas", "insurgents", "organisation", "organization", "rebels", "faction",
        "separatists", "militia", "militants",
    ];

    /// <summary>
    /// Whether "the" and one of the nouns (one word may sit between) open the clause before its cue as its subject: not "the
    /// army of …", and not after a preposition ("the withdrawal of the front" is not the subject).
    /// </summary>
    private static bool TheNounSubject(List<Word> words, int cueStart, HashSet<string> nouns)
    {
        var (start, end) = SubjectSpan(words, cueStart);
        for (var i = Math.Max(start, 1); i < end; i++)
        {
            // "the group", or with one word between: "the militant group", "the national army".
            var the = words[i - 1].Lower == "the" || (i - 2 >= start && words[i - 2].Lower == "the" && !words[i - 1].IsPunctuation);
            if (nouns.Contains(Possessive.Strip(words[i].Lower)) && the && (i + 1 >= words.Count || words[i + 1].Lower != "of"))
            {
                return !AfterPreposition(words, i);
            }
        }

        return false;
    }

    /// <summary>
    /// Learns the groups a report names by an acronym, so later sentences can name them by it ("MILF officials said", "The
    /// TPLF wants"): an acronym in brackets after a capitalised name ("the National Liberation Army (ELN)"), or one whose
    /// letters are the initials of a capitalised name the report has used ("The Moro Islamic Liberation Front … MILF").
    /// </summary>
    private void LearnGroups(string sentence, List<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].IsPunctuation || !char.IsUpper(sentence[words[i].Start]))
            {
                continue;
            }

            // A run of capitalised words (with "of", "the", "and" inside) is a name; remember it by its initials.
            var end = i;
            var initials = new System.Text.StringBuilder();
            var parts = 0;
            while (end < words.Count && !words[end].IsPunctuation
                && (char.IsUpper(sentence[words[end].Start]) || (words[end].Lower is "of" or "the" or "for" && parts > 0)))
            {
                if (char.IsUpper(sentence[words[end].Start]))
                {
                    initials.Append(sentence[words[end].Start]);
                    parts++;
                }

                end++;
            }

            if (parts >= 2 && !(i == 0 && words[i].Lower == "the" && parts == 2))
            {
                var first = words[i].Lower == "the" ? i + 1 : i;
                var name = sentence[words[first].Start..words[end - 1].End];
                var key = words[i].Lower == "the" ? initials.ToString(1, initials.Length - 1) : initials.ToString();
                _namesByInitials[key] = name;
                var bracket = sentence.IndexOf('(', words[end - 1].End);
                if (bracket >= 0 && sentence[words[end - 1].End..bracket].Trim().Length == 0 && sentence.IndexOf(')', bracket) is var close and > 0
                    && sentence[(bracket + 1)..close] is var acronym && IsAcronym(acronym))
                {
                    Learn(acronym, name);
                }
            }

            i = Math.Max(i, end - 1);
        }

        foreach (var word in words)
        {
            var text = Possessive.Strip(sentence[word.Start..word.End]);
            var stem = text.Split('-')[0];
            if (IsAcronym(text) && !_parties.ContainsKey(text) && _namesByInitials.TryGetValue(stem, out var full))
            {
                Learn(text, full);
            }
        }
    }

    private void Learn(string acronym, string name)
    {
        if (NameOf(acronym) is not null || NotGroups.Contains(acronym))
        {
            return;
        }

        // A name the catalogue knows keeps its catalogue party, and the acronym becomes another name for it.
        var party = NameOf(name) ?? acronym;
        _parties[acronym] = party;
        _parties.TryAdd(name, party);
        _groups.Add(party);
    }

    private static bool IsAcronym(string text) =>
        text.Length is >= 2 and <= 9 && text.Count(char.IsAsciiLetterUpper) >= 2 && text.All(c => char.IsAsciiLetterUpper(c) || c == '-')
        && !text.StartsWith('-') && !text.EndsWith('-');

    /// <summary>The clause's subject is a pronoun or "the group", "the government": someone named before.</summary>
    private static bool PointsBack(List<Word> words, int cueStart)
    {
        var start = ClauseStart(words, cueStart);
        for (var i = start; i < cueStart; i++)
        {
            // "Its commanders accepted that principle": the people of the party before speak for it.
            if (words[i].Lower is "it" or "they" or "he" or "she" || (words[i].Lower is "group" or "group's" or "government" or "movement" or "side"
                    && i > 0 && words[i - 1].Lower == "the")
                || (i == start && words[i].Lower is "its" or "their" && i + 1 < cueStart && PeopleWords.Contains(words[i + 1].Lower)))
            {
                return true;
            }
        }

        // "The group's leader said that …": the subject may sit in the clause before a reporting verb.
        return start > 0 && PointsBack(words, start - 1);
    }

    /// <summary>
    /// "They are instead pushing for …", "But it wants …": a pronoun as the clause's subject, which means whoever the
    /// sentence before said held a stance ("The rebels rejected the requirement outright"), however that sentence named them.
    /// </summary>
    private static string? PronounBefore(List<Word> words, Cue cue)
    {
        var cueStart = cue.Start;
        // The clause's first word, or the one after a conjunction ("But it wants …", "Yet they have accepted …"); not "it is
        // …", whose "it" stands for what follows.
        var i = ClauseStart(words, cueStart);
        if (i + 1 < cueStart && words[i].Lower is "but" or "yet" or "and" or "so" or "now" or "instead" or "still")
        {
            i++;
        }

        var next = i + 1 < words.Count ? words[i + 1].Lower : "";
        return i < cueStart && (words[i].Lower is "they" or "he" or "she" || (words[i].Lower == "it" && next is not ("is" or "was" or "seems" or "appears" or "remains")))
            ? words[i].Lower
            // "Its counter-offer was …", "Their central demand is …": whose stance the clause opens with.
            : cue.IsNoun && cueStart - i is 1 or 2 && words[i].Lower is "its" or "their" ? (words[i].Lower == "its" ? "it" : "they")
            : null;
    }

    /// <summary>The party a sentence is about: its first name not after a preposition, nor in its label.</summary>
    private string? PartyOf(string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return null;
        }

        var words = Words(sentence);
        var labelEnd = LabelOf(sentence, words)?.End ?? 0;
        return Mentions(sentence, words).FirstOrDefault(m => m.Start >= labelEnd && !AfterPreposition(words, m.Start))?.Party;
    }

    /// <summary>Words this report has used for each item, learned from what its positions were about: what "the joint post" is.</summary>
    private readonly Dictionary<string, HashSet<string>> _vocabulary = new(StringComparer.Ordinal);

    /// <summary>How many content words of an object to learn: its head and first modifiers, not the clauses after it.</summary>
    private const int LearnedWords = 6;

    /// <summary>
    /// Remembers the content words of what a position was about, as words the report uses for its item ("proposed
    /// reopening the border … with a joint customs post" teaches "customs" and "post" for the reopening); party names and
    /// the words of pointers back are not the item's.
    /// </summary>
    private void Learn(string sentence, List<Word> words, string item, int from, int to)
    {
        var learned = 0;
        for (var i = from; i < to && learned < LearnedWords; i++)
        {
            var word = words[i];
            if (word.IsPunctuation)
            {
                if (word.Lower is "," or ";" or ":")
                {
                    break;
                }

                continue;
            }

            if (word.Lower.Length < 4 || VocabularyStopWords.Contains(word.Lower) || AnaphorNouns.Contains(word.Lower)
                || NameOf(Possessive.Strip(sentence[word.Start..word.End])) is not null)
            {
                continue;
            }

            learned++;
            if (!_vocabulary.TryGetValue(item, out var stems))
            {
                _vocabulary[item] = stems = new HashSet<string>(StringComparer.Ordinal);
            }

            stems.UnionWith(AgendaWords.Stems(word.Lower));
        }
    }

    private static readonly HashSet<string> VocabularyStopWords = new(StringComparer.Ordinal)
    {
        "that", "this", "these", "those", "which", "what", "would", "will", "could", "should", "must", "have", "been", "were",
        "with", "also", "only", "more", "than", "such", "some", "every", "first", "them", "they", "their", "there", "from",
        "into", "after", "before", "while", "within", "without", "other", "further", "least", "most", "full", "fully", "each",
        "both", "sides", "side", "said", "says", "until", "unless", "once", "long", "well", "very", "even", "just", "next",
        "part", "side's", "last", "year", "years", "month", "months", "week", "weeks", "days", "time", "talks", "round",
        // Verbs that carry any object, and nouns every security track uses: they tell no item from another.
        "take", "make", "keep", "give", "hold", "leave", "move", "send", "allow", "stop", "start", "begin", "continue", "ensure",
        "remain", "need", "help", "bring", "put", "allowed", "taking", "making", "keeping", "giving", "holding",
        "troops", "forces", "fighters", "soldiers", "military", "army", "security", "area", "areas", "region", "country",
        "countries", "territory", "government", "officials", "state", "states", "people",
    };

    /// <summary>
    /// The item a text speaks of: by most of its title's words, else by words no other item has, else, for a stance's own
    /// object (<paramref name="orBySubject"/>), by a subject only that item's words have.
    /// </summary>
    private string? ItemOf(string? text, bool orBySubject = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (_items.Matching(text) is [var best, ..])
        {
            return best;
        }

        var stems = AgendaWords.Stems(text);
        var ranked = _distinctive.Select(i => (i.Item, Count: i.Stems.Count(stems.Contains))).Where(i => i.Count > 0).OrderByDescending(i => i.Count).ToList();
        if (ranked.Count == 1 || (ranked.Count > 1 && ranked[0].Count > ranked[1].Count))
        {
            return ranked[0].Item;
        }

        if (ranked.Count < 2)
        {
            return orBySubject ? ItemOfField(text) : null;
        }

        // A tie: what a cue is about is named first ("insists that coalition forces leave the air base": the
        // withdrawal, not the air defences); later words sit in modifiers of it.
        var tied = ranked.TakeWhile(i => i.Count == ranked[0].Count).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
        var words = text.Split((char[])[' ', '\t', '\n', '\r', '-', '‐', '–', '—', '/', ',', '.', ';', ':', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
        bool Capital(int k) => k >= 0 && k < words.Length && words[k].Length > 0 && char.IsUpper(words[k][0]);
        // A proper word right before a common one ("a Yazidi mayor", "the Ceuta fence") qualifies it: the common words are
        // read first, such a word only when none of them is an item's ("reopen Silene while", "the Russians gone" stay).
        bool Qualifies(int k) => Capital(k) && k + 1 < words.Length && !Capital(k + 1) && !words[k].EndsWith('s') && !IsAcronym(words[k])
            && !ClauseWords.Contains(words[k + 1]) && !Prepositions.Contains(words[k + 1]) && !Auxiliaries.Contains(words[k + 1]);
        foreach (var qualifiers in (bool[])[false, true])
        {
            for (var w = 0; w < words.Length; w++)
            {
                // A party's name ("Israeli forces", "Iran halt enrichment") or a word of a longer name ("the Red Cross") is
                // a modifier or an actor more often than what a stance is about.
                var word = words[w];
                if (Qualifies(w) != qualifiers || (Capital(w) && (IsStateWord(Possessive.Strip(word)) || Capital(w + 1) || (w > 0 && Capital(w - 1)))))
                {
                    continue;
                }

                var stem = AgendaWords.Stems(word);
                var hits = _distinctive.Where(i => tied.Contains(i.Item) && i.Stems.Overlaps(stem)).Select(i => i.Item).Distinct().ToList();
                if (hits.Count > 0)
                {
                    return hits.Count == 1 ? hits[0] : null;
                }
            }
        }

        return null;
    }

    /// <summary>The one item a text's subject is, when the text names no item by its words ("aid convoys": the access).</summary>
    private string? ItemOfField(string text)
    {
        // The object's own words, not a clause after it ("reject that link, describing it as … the court has settled").
        var fields = AgendaWords.Fields(AgendaWords.Stems(text.Split(',', ';')[0]));
        return _fields.Where(i => i.Fields.Overlaps(fields)).Select(i => i.Item).ToList() is [var only] ? only : null;
    }

    /// <summary>
    /// The item whose words, as this report has used them in earlier positions, the text holds more of than any other's:
    /// what "the joint post" is once "a joint customs post" was proposed for the reopening.
    /// </summary>
    private string? LearnedItemOf(string text)
    {
        var stems = AgendaWords.Stems(text);
        var learned = _vocabulary.Keys.Select(item => (Item: item, Count: Learned(item, stems))).Where(i => i.Count > 0).OrderByDescending(i => i.Count).ToList();
        // One learned word is enough (requiring two lost on every set); the generic words that gave chance matches are
        // never learned (VocabularyStopWords).
        return learned.Count == 1 || (learned.Count > 1 && learned[0].Count > learned[1].Count) ? learned[0].Item : null;
    }

    /// <summary>How many of the stems the report has used for this item and for no other.</summary>
    private int Learned(string item, HashSet<string> stems) =>
        _vocabulary.TryGetValue(item, out var own)
            ? own.Count(stem => stems.Contains(stem) && !_titleStems.Contains(stem) && !_vocabulary.Any(other => other.Key != item && other.Value.Contains(stem)))
            : 0;

    private static readonly HashSet<string> StateWords = new(Demonyms.StateNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>A state's name or demonym ("Iran", "Israeli"), not a place that names a government ("Sanaa").</summary>
    private static bool IsStateWord(string word) =>
        Demonyms.StateOf(word) is not null || StateWords.Contains(word)
        // A catalogue's "the Central African Republic", "the United States".
        || (word.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && IsStateWord(word[4..]));

    /// <summary>"On transport links, …", "As for the treaty, …": the item a sentence opens by naming as its topic.</summary>
    private string? TopicOf(string sentence, List<Word> words)
    {
        var length = words.Count > 0 && words[0].Lower is "on" or "regarding" or "concerning" ? 1
            : words.Count > 1 && words[0].Lower == "as" && words[1].Lower == "for" ? 2 : 0;
        var comma = words.FindIndex(w => w.Lower == ",");
        if (length > 0)
        {
            return comma <= length ? null : ItemOf(sentence[words[length].Start..words[comma - 1].End]);
        }

        // A digest's heading: "Revenue: the RSF demands a cut of the fees …", "Pipeline security: …"; not a speaker's
        // label ("REPORTER:", "Q:").
        var colon = words.FindIndex(w => w.Lower == ":");
        var heading = colon is > 0 and <= 4 ? sentence[words[0].Start..words[colon - 1].End] : "";
        return heading.Any(char.IsLower) ? ItemOf(heading) : null;
    }

    private string? ItemBefore(string sentence, List<Word> words, Cue cue, string? previousSentence)
    {
        var endsClause = cue.End >= words.Count || words[cue.End].IsPunctuation;
        var clause = ClauseStart(words, cue.Start);
        // Else the sentence before, else the item of the last position found ("Both sides accepted the mechanism. Pakistan
        // prefers that the mechanism be led by Turkey").
        return (endsClause && clause > 1 ? ItemOf(sentence[..words[clause - 1].Start]) : null) ?? ItemOf(previousSentence) ?? _lastItem;
    }

    /// <summary>The object holds "the X" (within its first four words) where X is a word of the sentence before.</summary>
    private static bool RepeatsNounBefore(List<Word> words, int from, int to, string? previousSentence)
    {
        if (string.IsNullOrWhiteSpace(previousSentence))
        {
            return false;
        }

        var before = Words(previousSentence).Where(w => !w.IsPunctuation && w.Lower.Length > 3).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
        for (var i = from; i < Math.Min(to, from + 4) - 1; i++)
        {
            if (words[i].Lower == "the" && !words[i + 1].IsPunctuation && before.Contains(words[i + 1].Lower)
                && (i + 2 >= words.Count || words[i + 2].IsPunctuation || words[i + 2].Lower is "of" or "on" or "in" or "at" or "and" or "to" or "for"))
            {
                return true;
            }

            // "objects to any such targets", "such a ban": "such" points back to the noun the sentence before used.
            var noun = i + 1 < words.Count && words[i + 1].Lower is "a" or "an" ? i + 2 : i + 1;
            if (words[i].Lower == "such" && noun < words.Count && !words[noun].IsPunctuation && before.Contains(words[noun].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words right before a condition point back: "do so", "such guidelines", "free him", "sign it".</summary>
    private static bool PointsBackBefore(List<Word> words, int cueStart)
    {
        for (var i = Math.Max(1, cueStart - 4); i < cueStart; i++)
        {
            if ((words[i].Lower == "so" && words[i - 1].Lower is "do" or "does" or "did" or "doing")
                || words[i].Lower is "such" or "him" or "them" or "it" && !words[i - 1].IsPunctuation && words[i - 1].Lower is not "that" and not "if")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cue's object is a pointer back ("the proposal", "this idea") or nothing at all ("has refused, citing…").</summary>
    private static bool IsAnaphoric(List<Word> words, int from, int to)
    {
        if (EndsClause(words, from) || from >= to && to < words.Count && words[to].IsPunctuation)
        {
            return true;
        }

        for (var i = from; i < Math.Min(words.Count, from + 4); i++)
        {
            // "ruled them out", "turned it down": a particle may follow the pointer.
            if (words[i].Lower is "it" or "this" or "that" or "them"
                && (EndsClause(words, i + 1) || (i + 1 < words.Count && Cues.IsSeparableParticle(words[i + 1].Lower) && EndsClause(words, i + 2))))
            {
                return true;
            }

            if (words[i].Lower is "so" or "that" or "this" && i > from && words[i - 1].Lower is "do" or "doing" or "did" or "does")
            {
                // "is ready to do so only if …": what the sentence before proposed.
                return true;
            }

            if (words[i].Lower is "this" or "these" && i + 1 < words.Count && !words[i + 1].IsPunctuation && !words[i + 1].Lower.EndsWith("ly", StringComparison.Ordinal)
                && words[i + 1].Lower is not "year" and not "week" and not "month" and not "time" and not "is" and not "would" and not "will")
            {
                // "accepted this sequencing", "rejects these terms": a demonstrative points back whatever its noun.
                return true;
            }

            if (words[i].Lower is "the" or "this" or "that" or "such" or "these" or "those")
            {
                return Enumerable.Range(i + 1, 3).Any(k => k < words.Count && AnaphorNouns.Contains(words[k].Lower));
            }
        }

        return false;
    }

    // "turned that down flat.", "rejected it outright, citing …": an adverb of manner after the verb names nothing.
    private static bool EndsClause(List<Word> words, int at)
    {
        while (at < words.Count && words[at].Lower is "flat" or "outright" or "firmly" or "again" or "immediately" or "promptly" or "squarely")
        {
            at++;
        }

        return at >= words.Count || words[at].IsPunctuation;
    }

    /// <summary>The party a passive names after "by" ("was rejected by (the) Damascus …"), if any.</summary>
    private static Mention? AgentAfter(List<Word> words, List<Mention> mentions, int from)
    {
        var by = from < words.Count && words[from].Lower == "by" ? from + 1 : -1;
        while (by >= 0 && by < words.Count && words[by].Lower == "the")
        {
            by++;
        }

        return mentions.FirstOrDefault(m => m.Start == by);
    }

    /// <summary>
    /// The parties that are the subject of the cue's clause, searching earlier clauses when the cue's has none; two
    /// when the subject is coordinated ("Israel and Lebanon have agreed"). "For the SAF, X is non-negotiable": the party
    /// a sentence opens with "for" is whose stance it states.
    /// </summary>
    private static List<string> SubjectsOf(List<Word> words, List<Mention> mentions, Cue cue)
    {
        if (cue.OwnerAt is { } owner)
        {
            return [mentions.First(m => m.Start == owner).Party];
        }

        if (words.Count > 2 && words[0].Lower == "for" && mentions.FirstOrDefault(m => m.Start == 1 || (m.Start == 2 && words[1].Lower == "the")) is { } forWhom
            && forWhom.End < words.Count && words[forWhom.End].Lower == "," && forWhom.End < cue.Start)
        {
            return [forWhom.Party];
        }

        if (SubjectOf(words, mentions, cue) is not { } subject)
        {
            return [];
        }

        var coordinated = mentions.FirstOrDefault(m => m.Start == subject.End + 1 && words[subject.End].Lower == "and" && m.End <= cue.Start)
            ?? mentions.FirstOrDefault(m => m.End + 1 == subject.Start && words[m.End].Lower == "and");
        return coordinated is null || coordinated.Party == subject.Party ? [subject.Party] : [subject.Party, coordinated.Party];
    }

    private static Mention? SubjectOf(List<Word> words, List<Mention> mentions, Cue cue)
    {
        if (OpeningSubject(words, mentions, cue) is { } opening)
        {
            return opening;
        }

        var end = cue.Start;
        while (end > 0)
        {
            var start = ClauseStart(words, end);
            var inClause = mentions.Where(m => m.Start >= start && m.End <= end && !AfterPreposition(words, m.Start)).ToList();
            var subject = inClause.LastOrDefault(m => IsSubjectLike(words, m, cue)) ?? inClause.FirstOrDefault();
            if (subject is not null)
            {
                return subject;
            }

            // "The gang asked for an amnesty, and the government's representatives said no": a clause whose subject is
            // people the clause does not place is not the clause before's ("…, and its delegates floated …" are its people).
            if (start > 0 && start < end && words[start].Lower is "and" or "but" && !mentions.Exists(m => m.Start >= start && m.End <= end)
                && Enumerable.Range(start + 1, end - start - 1).Any(k => PeopleWords.Contains(words[k].Lower) && words[k - 1].Lower is not ("its" or "their")))
            {
                return null;
            }

            end = start - 1;
        }

        return AppositionParty(words, mentions, cue);
    }

    /// <summary>
    /// "Kamchybek Tashiev, the head of Kyrgyzstan's security service, has called …": a person opening the sentence, with
    /// an apposition naming the office they hold for a party, speaks for that party.
    /// </summary>
    private static Mention? AppositionParty(List<Word> words, List<Mention> mentions, Cue cue)
    {
        var comma = words.FindIndex(w => w.Lower == ",");
        if (comma is < 1 or > 4 || mentions.Exists(m => m.Start < comma) || comma + 2 >= words.Count || words[comma + 1].Lower is not "the" and not "a")
        {
            return null;
        }

        var close = words.FindIndex(comma + 1, w => w.IsPunctuation);
        var office = Enumerable.Range(comma + 2, Math.Min(3, words.Count - comma - 2)).Any(k => OfficeWords.Contains(words[k].Lower) || words[k].Lower is "head" or "chairman" or "commander");
        return office && close > comma && words[close].Lower == "," && close < cue.Start
            ? mentions.FirstOrDefault(m => m.Start > comma && m.End <= close && m.Start > 0 && words[m.Start - 1].Lower is "of" or "the")
            : null;
    }

    /// <summary>
    /// "The Quad, made up of the US, Saudi Arabia, Egypt and the UAE, proposed …", "Egypt, which has close ties to the
    /// army, is concerned …", "The Ukrainian side, he said, conditions …": a sentence that opens with a party and a comma
    /// and whose cue follows an aside with no subject of its own states the opening party's stance.
    /// </summary>
    private static Mention? OpeningSubject(List<Word> words, List<Mention> mentions, Cue cue)
    {
        var first = 0;
        while (first < words.Count && words[first].Lower is "the" or "a")
        {
            first++;
        }

        var opening = mentions.FirstOrDefault(m => m.Start == first);
        if (opening is null)
        {
            return null;
        }

        var after = opening.End;
        while (after < words.Count && OfficeWords.Contains(words[after].Lower))
        {
            after++;
        }

        if (after >= cue.Start || words[after].Lower != ",")
        {
            return null;
        }

        // The cue's clause: after the aside's closing comma, with only auxiliaries or adverbs before the cue.
        var clause = ClauseStart(words, cue.Start);
        if (clause <= after + 1 || words[clause - 1].Lower != ",")
        {
            return null;
        }

        return OnlyAuxiliaries(words, clause, cue.Start) ? opening : null;
    }

    /// <summary>Whether words [from, to) are only auxiliaries or adverbs ("has also", "reportedly"): a verb's own clause start.</summary>
    private static bool OnlyAuxiliaries(List<Word> words, int from, int to) =>
        Enumerable.Range(from, Math.Max(0, to - from))
            .All(k => Auxiliaries.Contains(words[k].Lower) || words[k].Lower.EndsWith("ly", StringComparison.Ordinal) || words[k].Lower is "has" or "also");

    /// <summary>Where the clause holding word <paramref name="at"/> starts: after punctuation or a clause word.</summary>
    private static int ClauseStart(List<Word> words, int at)
    {
        for (var i = Math.Min(at, words.Count) - 1; i >= 0; i--)
        {
            if (words[i].IsPunctuation && words[i].Lower is not "-" and not "‐" and not "\"" and not "“" and not "”" and not "'" and not "‘"
                || (ClauseWords.Contains(words[i].Lower) && !SaidTo(words, i)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>"Both governments are said to have welcomed it": hearsay about the subject, whose clause goes on.</summary>
    private static bool SaidTo(List<Word> words, int at) =>
        words[at].Lower is "said" or "reported" && at > 0 && words[at - 1].Lower is "is" or "are" or "was" or "were"
        && at + 1 < words.Count && words[at + 1].Lower == "to";

    private static bool AfterPreposition(List<Word> words, int start)
    {
        var before = start - 1;
        while (before >= 0 && words[before].Lower is "the" or "a" or "an")
        {
            before--;
        }

        return before >= 0 && Prepositions.Contains(words[before].Lower);
    }

    /// <summary>A name followed by a verb, an office ("Israeli officials"), or the cue itself.</summary>
    private static bool IsSubjectLike(List<Word> words, Mention mention, Cue cue)
    {
        var next = mention.End;
        while (next < words.Count && next < cue.Start && OfficeWords.Contains(words[next].Lower))
        {
            next++;
        }

        if (next >= words.Count || next == cue.Start)
        {
            return true;
        }

        if (mention.End < words.Count && words[mention.End].IsPunctuation)
        {
            return true;
        }

        var word = words[next].Lower;
        return Auxiliaries.Contains(word) || IrregularVerbs.Contains(word) || word.EndsWith("ly", StringComparison.Ordinal)
            || word.EndsWith("ed", StringComparison.Ordinal) || (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("'s", StringComparison.Ordinal));
    }

    /// <summary>Party names in the sentence, longest first at each word: "Tel Aviv", "the United States", "Israeli".</summary>
    private List<Mention> Mentions(string sentence, List<Word> words)
    {
        var mentions = new List<Mention>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && words[i - 1].Lower == "the" && !char.IsUpper(sentence[words[i].Start]) && CommonName(sentence, words, i) is { } common)
            {
                mentions.Add(new Mention(i, common.End, common.Party));
                i = common.End - 1;
                continue;
            }

            // "the council", and a communiqué's defined term, "the Commission", "the Council", "the Apparatus".
            if (i > 0 && words[i - 1].Lower == "the"
                && (_heads.TryGetValue(Possessive.Strip(words[i].Lower), out var headed)
                    || (char.IsUpper(sentence[words[i].Start]) && _properHeads.TryGetValue(Possessive.Strip(words[i].Lower), out headed)))
                && (i + 1 >= words.Count || !char.IsUpper(sentence[words[i + 1].Start])))
            {
                mentions.Add(new Mention(i, i + 1, headed));
                continue;
            }

            if (words[i].IsPunctuation || !char.IsUpper(sentence[words[i].Start]))
            {
                continue;
            }

            for (var n = Math.Min(MaxNameWords, words.Count - i); n >= 1; n--)
            {
                var last = words[i + n - 1];
                if (last.IsPunctuation && n > 1)
                {
                    continue;
                }

                var name = Possessive.Strip(sentence[words[i].Start..last.End]);
                if (n == 1 && Affiliated(sentence, words, i) is { } prefix)
                {
                    // "The SDF-affiliated participant rejected …": a person the compound ties to the party speaks for it.
                    name = prefix;
                }

                if (NameOf(name) is { } party)
                {
                    mentions.Add(new Mention(i, i + n, party));
                    i += n - 1;
                    break;
                }
            }

            if ((mentions.Count == 0 || mentions[^1].End <= i) && i + 1 < words.Count && (PeopleWords.Contains(words[i + 1].Lower) || words[i + 1].Lower is "side" or "camp" or "team" or "fighters")
                && _nameWords.TryGetValue(Possessive.Strip(sentence[words[i].Start..words[i].End]), out var namedBy))
            {
                mentions.Add(new Mention(i, i + 2, namedBy));
                i++;
                continue;
            }

            if ((mentions.Count == 0 || mentions[^1].End <= i) && NamedGroup(sentence, words, i) is { } named)
            {
                mentions.Add(new Mention(i, named.End, named.Party));
                i = named.End - 1;
                continue;
            }

            if ((mentions.Count == 0 || mentions[^1].End <= i) && UnknownGroup(sentence, words, i) is { } group)
            {
                mentions.Add(new Mention(i, i + 1, group));
                if (!_parties.ContainsKey(group))
                {
                    // Named once as a subject, the group keeps its name for the rest of the report ("TPLF officials said").
                    _parties[group] = group;
                    _groups.Add(group);
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// "SDF" in "the SDF-affiliated participant", "Hamas-aligned officials": the name before "-affiliated" or "-aligned"
    /// when a person follows ("Turkish-aligned factions" are a party of their own, not Turkey).
    /// </summary>
    private static string? Affiliated(string sentence, List<Word> words, int i)
    {
        var word = sentence[words[i].Start..words[i].End];
        var dash = word.LastIndexOf('-');
        return dash > 0 && words[i].Lower[(dash + 1)..] is "affiliated" or "aligned" && i + 1 < words.Count
            && (PeopleWords.Contains(words[i + 1].Lower) || words[i + 1].Lower is "participant" or "participants" or "official" or "member" or "members" or "source" or "sources")
            ? word[..dash]
            : null;
    }

    /// <summary>The longest of the catalogue's common-noun names starting at word i ("the federal government's negotiators").</summary>
    private (string Party, int End)? CommonName(string sentence, List<Word> words, int i)
    {
        for (var n = Math.Min(MaxNameWords, words.Count - i); n >= 1 && _commonNames.Count > 0; n--)
        {
            if (!words.Skip(i).Take(n).Any(w => w.IsPunctuation)
                && _commonNames.TryGetValue(Possessive.Strip(sentence[words[i].Start..words[i + n - 1].End]).ToLowerInvariant(), out var party))
            {
                return (party, i + n);
            }
        }

        return null;
    }

    /// <summary>
    /// "The TNLA agreed to withdraw", "the GNU has softened": a group the catalogue does not know yet, named by its
    /// acronym as the subject of a clause (at the start or after "the", followed by its verb), is the party as written.
    /// </summary>
    private static string? UnknownGroup(string sentence, List<Word> words, int i)
    {
        var text = sentence[words[i].Start..words[i].End];
        if (!IsAcronym(text) || NotGroups.Contains(text)
            || (i > 0 && words[i - 1].Lower != "the" && !DescribedAfterThe(sentence, words, i)) || i + 1 >= words.Count)
        {
            return null;
        }

        return VerbOrPeopleAt(sentence, words, i + 1) ? text : null;
    }

    /// <summary>What follows a group named as a subject: its verb ("has", "agreed", "wants") or its people ("TPLF officials said").</summary>
    private static bool VerbOrPeopleAt(string sentence, List<Word> words, int at)
    {
        var next = words[at].Lower;
        var lower = !words[at].IsPunctuation && char.IsLower(sentence[words[at].Start]);
        return next is "," or "has" or "have" or "had" or "is" or "was" or "were" or "would" or "will" or "could" or "also" or "said" or "says"
                or "now" or "still" or "faction"
            || (lower && (next.EndsWith("ed", StringComparison.Ordinal) || OfficeWords.Contains(next)
                || (next.EndsWith('s') && !next.EndsWith("ss", StringComparison.Ordinal))));
    }

    /// <summary>
    /// "The Arakan Army has proposed", "the National Democratic Front demanded": a group the catalogue does not know yet,
    /// named in full by capitalised words that end in what such groups call themselves, as the subject of a clause (after
    /// "the", followed by its verb). Named so once, it is a party for the rest of the report.
    /// </summary>
    private (string Party, int End)? NamedGroup(string sentence, List<Word> words, int i)
    {
        if (i == 0 || (words[i - 1].Lower != "the" && !DescribedAfterThe(sentence, words, i)))
        {
            return null;
        }

        var end = i;
        while (end < words.Count && end - i < MaxGroupWords && !words[end].IsPunctuation && !words[end].Lower.Contains('-', StringComparison.Ordinal)
            && (char.IsUpper(sentence[words[end].Start]) || (words[end].Lower is "of" or "for" && end > i)))
        {
            end++;
        }

        if (end < words.Count && words[end].Lower == "(")
        {
            // A name its acronym follows ("the Kurdistan Democratic Party of Iran (KDPI)"): the acronym's own rule learns it.
            return null;
        }

        // The name ends at its last group noun: "the Interim Government faction", "the National Democratic Front".
        while (end > i && !GroupHeads.Contains(words[end - 1].Lower))
        {
            end--;
        }

        if (end - i < 2 || end >= words.Count)
        {
            return null;
        }

        var name = sentence[words[i].Start..words[end - 1].End];
        if (NameOf(name) is { } known)
        {
            return (known, end);
        }

        // An organ of the UN or the AU is no side; a state's own forces ("the Indian Army") are the state, which its demonym
        // names; "the Federal Government" is a state's government, which "the government" rules find.
        if (UnGroups.Contains(name) || !VerbOrPeopleAt(sentence, words, end) || NameOf(Possessive.Strip(sentence[words[i].Start..words[i].End])) is not null
            || Enumerable.Range(i, end - i).All(k => StateGovernmentWords.Contains(words[k].Lower)))
        {
            return null;
        }

        _parties[name] = name;
        _groups.Add(name);
        return (name, end);
    }

    private const int MaxGroupWords = 6;

    /// <summary>
    /// What armed and political groups call themselves: the last word of their full names. Not "forces" or "brigades", which
    /// as often name a state's own or joint units ("the Necessary Unified Forces").
    /// </summary>
    private static readonly HashSet<string> GroupHeads = new(StringComparer.Ordinal)
    {
        "army", "front", "movement", "council", "party", "alliance", "coalition", "government", "organisation", "organization",
        "congress", "union",
    };

    /// <summary>What a state's own government is called in full: "the Federal Government", "the Transitional Government".</summary>
    private static readonly HashSet<string> StateGovernmentWords = new(StringComparer.Ordinal)
    {
        "federal", "central", "national", "transitional", "provisional", "union", "state", "government",
    };

    /// <summary>Organs of the UN and the AU: they mediate and mandate, they are no side.</summary>
    private static readonly HashSet<string> UnGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "Security Council", "General Assembly", "Human Rights Council", "Peace and Security Council",
    };

    /// <summary>"The main opposition SPLM-IO said": lower-case words describing it between "the" and the acronym.</summary>
    private static bool DescribedAfterThe(string sentence, List<Word> words, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            if (words[k].Lower == "the")
            {
                return k < i - 1;
            }

            if (words[k].IsPunctuation || !char.IsLower(sentence[words[k].Start]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Acronyms that open a clause without being a party: outlets and news agencies, time zones.</summary>
    private static readonly HashSet<string> NotGroups = new(StringComparer.Ordinal)
    {
        "AFP", "AP", "RIA", "TASS", "IRNA", "BBC", "CNN", "KCNA", "WAM", "SPA", "UTC", "GMT", "TV",
    };

    private static List<Word> Words(string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length));
        return [.. tokens.Select(t => new Word(t.Start, t.End, sentence[t.Start..t.End].ToLowerInvariant(), !t.IsWord))];
    }

    private static readonly HashSet<string> AnaphorNouns = new(StringComparer.Ordinal)
    {
        "proposal", "demand", "demands", "offer", "idea", "plan", "draft", "arrangement", "request", "condition", "conditions",
        "deal", "initiative", "suggestion", "terms", "move", "step", "formula", "proposals", "package", "text", "map", "scheme",
        "framework", "roadmap", "mechanism", "request", "commitment", "approach", "option", "measure", "measures", "idea",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "added", "stated", "noted", "explained", "according", "that", "while", "whereas",
        "but", "although", "though", "because", "which", "who", "when", "since", "whom", "reported", "believes", "believe",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "of", "to", "with", "by", "from", "for", "against", "between", "on", "in", "about", "at", "into", "toward",
        "towards", "over", "under", "near", "than", "like", "including", "among", "without", "via", "through", "across", "as",
        "during", "amid", "despite", "within", "along", "beyond", "inside", "outside", "around", "throughout", "upon",
    };

    private static readonly HashSet<string> OfficeWords = new(StringComparer.Ordinal)
    {
        "officials", "official", "government", "leaders", "leader", "leadership", "negotiators", "negotiator",
        "delegation", "delegates", "side", "authorities", "president", "prime", "foreign", "defence", "defense",
        "minister", "ministry", "envoy", "envoys", "diplomats", "diplomat", "team", "cabinet", "spokesman",
        "spokeswoman", "spokesperson", "administration", "security", "military", "army", "commanders", "mediators",
        "counterparts", "representatives", "regime", "state", "establishment", "chief", "itself", "too", "now",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "must",
        "should", "shall", "does", "did", "do", "also", "still", "again", "then", "already", "once", "not", "never",
        "won't", "wouldn't", "can't", "cannot", "doesn't", "didn't", "isn't", "hasn't", "remains", "appears", "seems",
    };

    private static readonly HashSet<string> IrregularVerbs = new(StringComparer.Ordinal)
    {
        "put", "sought", "made", "gave", "took", "set", "drew", "held", "kept", "laid", "stood", "struck", "threw",
        "won", "came", "went", "saw", "became", "want", "prefer", "insist", "demand", "reject", "refuse", "accept",
        "agree", "oppose", "object", "propose", "offer", "seek", "favour", "favor", "backed",
    };
}

/// <summary>A word or punctuation mark of the sentence, lower-cased.</summary>
internal readonly record struct Word(int Start, int End, string Lower, bool IsPunctuation);

/// <summary>A party named at words [Start, End).</summary>
internal sealed record Mention(int Start, int End, string Party);

internal static class Possessive
{
    public static string Strip(string name) =>
        name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2]
        : name.EndsWith('\'') || name.EndsWith('’') ? name[..^1]
        : name;
}
