namespace TalksTracker.Domain.Positions;

/// <summary>
/// A word or phrase that states a position, at words [Start, End) of a sentence.
/// </summary>
/// <param name="IsNoun">A noun ("demand", "red line"): what it is about may come before it, and an owner may name the party.</param>
/// <param name="Passive">"was rejected": the party follows "by", the item comes before.</param>
/// <param name="OwnerAt">Where the party owning a noun cue starts ("Iran's demand", "a red line for Israel").</param>
/// <param name="ConditionAt">Where "only if", "on" (of "conditioned X on Y") starts: what the position is about ends there.</param>
/// <param name="PreferredToAt">Where "to" of "preferable to" is: what follows is objected to.</param>
/// <param name="ItemBefore">A bare condition ("X only if Y"): the item is the clause before it.</param>
/// <param name="Past">A stance the sentence says was given up ("had initially insisted …, but has softened"): no position, but
/// what the concession after it is about.</param>
/// <param name="Embedded">A stance named inside what another cue is about ("rejected Kiev's demand that …"): it does not end
/// the other cue's object.</param>
/// <param name="ItemInSubject">A reported "must" ("said any framework must cover …"): what it is about may be its subject,
/// before it, as well as what follows.</param>
internal sealed record Cue(int Start, int End, PositionKind Kind, bool IsNoun = false, bool Passive = false, int? OwnerAt = null,
    int? ConditionAt = null, int? PreferredToAt = null, bool ItemBefore = false, bool Past = false, bool Embedded = false,
    bool ItemInSubject = false, bool FirstPerson = false);

/// <summary>The cue lexicon and the rules that combine cues with negation, chains and conditions.</summary>
internal static class Cues
{
    private enum Form
    {
        Verb,
        Noun,
        Marker,
    }

    private sealed record Entry(string[] Words, PositionKind Kind, Form Form);

    private static readonly Entry[] Lexicon = Build(
        (PositionKind.Demand, Form.Verb, ["demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "insisting",
            "call for", "calls for", "called for", "calling for", "press for", "presses for", "pressed for", "pressing for",
            "push for", "pushes for", "pushed for", "pushing for", "push to", "pushes to", "pushed to", "pushing to", "want", "wants", "wanted", "seek", "seeks", "sought", "seeking",
            "ask for", "asks for", "asked for", "asking for", "ask that", "asks that", "asked that", "asking that", "requires",
            "asked", "asks", "asking", "pressed", "presses", "pressing", "required that", "demand that", "called on", "calls on", "calling on",
            "urged", "urges", "urging", "requested", "requesting", "expects",
            "holding out for", "holds out for", "held out for", "hold out for", "lobbying for", "lobbied for", "lobbies for",
            "stressed the need", "stresses the need", "emphasised the need", "emphasized the need", "underlined the need", "underscored the need",
            "reiterated the need", "highlighted the need",
            "held firm on", "holds firm on", "holding firm on", "stood firm on", "stands firm on", "standing firm on"]),
        (PositionKind.Demand, Form.Noun, ["demand", "demands", "insistence", "call for", "request", "ask"]),
        (PositionKind.Proposal, Form.Verb, ["propose", "proposes", "proposed", "proposing", "offer", "offers", "offered", "offering",
            "put forward", "puts forward", "putting forward", "suggest", "suggests", "suggested", "floated", "floats", "float", "floating", "tabled",
            "ready to", "willing to", "prepared to", "open to", "signalled readiness", "signaled readiness", "expressed readiness",
            "signalled willingness", "signaled willingness", "expressed willingness",
            "dangled", "dangles", "dangling", "mooted", "moots", "pitched", "pitches", "put on the table", "putting on the table"]),
        (PositionKind.Proposal, Form.Noun, ["proposal", "proposals", "offer", "plan", "initiative", "counter-offer", "counter-offers", "counteroffer",
            "counter-proposal", "counter-proposals", "counterproposal"]),
        (PositionKind.Acceptance, Form.Verb, ["accept", "accepts", "accepted", "accepting", "agree to", "agrees to", "agreed to",
            "agreeing to", "agreed on", "agreed", "did agree", "do agree", "does agree", "approve", "approves", "approved", "endorse", "endorses", "endorsed",
            "signed off on", "signs off on", "sign off on", "signed up to", "signs up to", "sign up to", "signed up for", "said yes to", "said yes", "consented to", "consents to", "embraced", "embraces", "welcomed", "welcomes",
            "could live with", "can live with", "would live with", "go along with", "goes along with", "went along with", "going along with", "warmed to", "warming to", "came round to",
            "came around to", "come round to", "come around to", "signed on to", "comfortable with",
            "no objection to", "no objections to",
            "remains committed to", "remain committed to", "reaffirmed its commitment to", "reaffirmed their commitment to",
            "agrees that", "can work with", "could work with",
            "amenable to", "receptive to", "signalled support for", "signaled support for", "voiced support for", "expressed support for"]),
        (PositionKind.Acceptance, Form.Noun, ["acceptance", "approval", "consent"]),
        (PositionKind.Rejection, Form.Verb, ["reject", "rejects", "rejected", "rejecting", "refuse", "refuses", "refused", "refusing",
            "rule out", "rules out", "ruled out", "ruling out", "dismiss", "dismisses", "dismissed", "turn down", "turns down",
            "turned down", "declined", "declines", "balked at", "balks at", "ruled it out", "ruled that out", "ruled this out",
            "rules it out", "rules that out", "rule it out", "rule that out", "turned it down", "turned that down", "turned this down", "turned them down",
            "turns it down", "turns that down", "turn it down", "turn that down", "said no to",
            "brushed aside", "brushes aside", "brushed off", "brushes off", "spurned", "spurns", "rebuffed", "rebuffs", "vetoed", "vetoes",
            "stonewalled", "stonewalling", "baulked at", "baulks at", "balked", "baulked", "no intention of", "no intention to",
            "unwilling to"]),
        (PositionKind.Rejection, Form.Noun, ["rejection", "refusal"]),
        (PositionKind.RedLine, Form.Verb, ["never accept", "never agree", "never allow", "never tolerate", "will never", "would never",
            "under no circumstances", "under any circumstances"]),
        (PositionKind.RedLine, Form.Noun, ["red line", "red lines", "red-line", "non-negotiable", "not negotiable", "not up for discussion",
            "not up for negotiation", "not open to negotiation", "off the table", "not subject to bargaining", "not subject to negotiation",
            "not subject to negotiations", "not subject to compromise", "not subject to any compromise", "not subject to discussion",
            "not on the table", "out of the question", "not a subject for negotiation", "not a subject of negotiation", "not up for debate",
            "not a subject for bargaining", "not a subject for discussion", "not up for bargaining", "absolute minimum", "bare minimum", "no compromise",
            "unacceptable", "not acceptable", "not a matter for negotiation", "not a matter for discussion",
            "not open to renegotiation", "not up for renegotiation", "not subject to renegotiation", "never be on the table",
            "not open to discussion", "not open for discussion", "never be a subject for negotiation", "not open for negotiation", "line that will not be crossed",
            "line that cannot be crossed", "line that must not be crossed"]),
        (PositionKind.Condition, Form.Verb, ["conditioned", "conditioning", "conditions", "conditional on", "conditional upon", "made conditional", "tied", "linked"]),
        (PositionKind.Condition, Form.Noun, ["condition", "conditions", "precondition", "preconditions", "prerequisite"]),
        (PositionKind.Condition, Form.Marker, ["only if", "only once", "only when", "provided that", "providing that", "on condition that", "as long as",
            "in exchange for", "in return for", "only after", "contingent on", "contingent upon", "unless", "until", "once", "provided", "if",
            "only within", "only as part of", "only as", "only through", "only under", "only via"]),
        (PositionKind.Concession, Form.Verb, ["drop", "drops", "dropped", "dropping", "soften", "softens", "softened", "backed down",
            "backed away from", "withdrew", "withdraws", "eased", "relaxed", "relented", "conceded", "concedes", "gave up",
            "give up", "abandoned", "abandons", "scaled back", "climbed down",
            "stopped insisting", "stopped demanding", "backed off", "walked back", "toned down", "watered down", "shelved"]),
        (PositionKind.Concession, Form.Noun, ["concession", "concessions"]),
        (PositionKind.Preference, Form.Verb, ["prefer", "prefers", "preferred", "preferring", "preferable", "favour", "favours",
            "favoured", "favouring", "favor", "favors", "favored", "favoring", "would rather", "would welcome", "would like", "supports", "supported", "support", "backs", "leans toward", "leans towards",
            "leaning toward", "leaning towards", "leaned toward", "leaned towards"]),
        (PositionKind.Preference, Form.Noun, ["preference"]),
        (PositionKind.Objection, Form.Verb, ["object to", "objects to", "objected to", "objecting to", "oppose", "opposes", "opposed",
            "opposing", "concerned about", "concerned over", "worried about", "warned against", "warns against", "resist",
            "resists", "resisted", "resisting", "wary of", "uneasy about", "reservations about", "reservations over", "concerned that", "object that", "objects that", "object strongly", "objects strongly",
            "raised concerns over", "raised concerns about", "raised concern over", "raised concern about", "voiced concern over",
            "voiced concern about", "voiced concerns over", "voiced concerns about", "expressed concern over", "expressed concern about",
            "expressed concerns over", "expressed concerns about", "concern at", "concerns at", "voiced opposition to", "expressed opposition to", "signalled opposition to", "signaled opposition to", "voiced reservations about",
            "objected", "objecting", "pushed back on", "pushing back on", "pushes back on", "pushed back against", "pushing back against",
            "bristled at", "bristles at", "took issue with", "takes issue with", "taking issue with", "sceptical of", "skeptical of", "critical of",
            "unhappy with", "cool on", "cool to", "complained about", "complained that", "complains that", "reservations regarding", "reservations on",
            "voiced concern that", "expressed concern that", "raised concern that", "raised concerns that", "firmly against",
            "is against", "are against", "remains against", "raised objection to", "raised objections to", "raised strong objection to",
            "raised strong objections to",
            "alarmed by", "alarmed at", "alarmed over", "protested against", "protests against"]),
        (PositionKind.Objection, Form.Noun, ["objection", "objections", "opposition", "concerns about", "concern about", "concern over", "concerns over",
            "insufficient", "inadequate", "unworkable", "not enough", "nowhere near enough", "a violation of"]),
        (PositionKind.Rejection, Form.Noun, ["non-starter", "a non-starter"]));

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "never", "won't", "wouldn't", "can't", "cannot", "doesn't", "didn't", "isn't", "hasn't", "haven't", "aren't", "wasn't", "weren't",
        "don't", "won’t", "wouldn’t", "can’t", "doesn’t", "didn’t", "isn’t", "hasn’t", "haven’t", "aren’t", "wasn’t", "weren’t", "don’t",
    };

    /// <summary>Words that judge what they follow ("regards the offer as insufficient", "that sequencing is a non-starter"): like a red line, a stance without an owner's noun.</summary>
    private static readonly HashSet<string> Verdicts = new(StringComparer.Ordinal)
    {
        "insufficient", "inadequate", "unworkable", "not enough", "nowhere near enough", "non-starter", "a non-starter", "a violation of",
    };

    /// <summary>Verbs after "want to" that announce what the speaker is about to say ("I want to stress …").</summary>
    private static readonly HashSet<string> SpeechActs = new(StringComparer.Ordinal)
    {
        "say", "stress", "emphasise", "emphasize", "underline", "thank", "add", "point", "reiterate",
        "repeat", "welcome", "brief", "clarify", "note", "recall", "remind",
    };

    /// <summary>
    /// Whether the verb at <paramref name="k"/> announces speech. "make", "begin", "start" and "update" do so only in their
    /// speech forms ("make it clear", "begin by thanking", "update you"): "wants to make the pull-back permanent" and
    /// "wants to begin talks on the hotline" are demands.
    /// </summary>
    private static bool SpeechActAt(IReadOnlyList<Word> words, int k)
    {
        string? After(int n) => k + n < words.Count ? words[k + n].Lower : null;
        return words[k].Lower switch
        {
            "make" => After(1) == "clear" || (After(1) == "it" && After(2) == "clear"),
            "begin" or "start" => k + 1 == words.Count || words[k + 1].IsPunctuation || After(1) == "by",
            "update" => After(1) is "you" or "everyone",
            var verb => SpeechActs.Contains(verb),
        };
    }

    /// <summary>A word that opens a clause a stance waits on: "if", "until", "unless", "provided", "providing".</summary>
    public static bool IsConditionWord(string lower) => lower is "if" or "until" or "unless" or "provided" or "providing";

    /// <summary>
    /// A word that opens a wait in wording that only says what a text should say (a draft's bracket): a condition word, or
    /// "once", "when", "after", which in running prose mostly open a time clause.
    /// </summary>
    public static bool OpensWait(string lower) => IsConditionWord(lower) || lower is "once" or "when" or "after";

    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal) { "is", "are", "was", "were", "been", "be", "being" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "its", "their", "his", "her", "the", "a", "an", "this", "that", "our" };

    private static readonly HashSet<string> ParticipleForms = new(StringComparer.Ordinal) { "put", "sought", "ruled", "turned" };

    /// <summary>The cues of a sentence, in order, with negation, "A to B" chains and conditions folded in.</summary>
    public static List<Cue> Find(List<Word> words, List<Mention> mentions)
    {
        var raw = new List<Cue>();
        var droppedVerbEnd = -10;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].IsPunctuation || Match(words, mentions, i) is not ({ } entry, var end))
            {
                continue;
            }

            if (ReducedRelative(words, raw, i, entry))
            {
                // "opposes any extension agreed without it": a participle after the object's noun describes it.
            }
            else if (entry is { Kind: PositionKind.Condition, Form: Form.Verb } && i > 0 && words[i - 1].Lower == "," && words[i].Lower is "linked" or "tied"
                && raw.Count > 0)
            {
                // "called for an operations room in Hermel, linked to the two armies": a participle describing the
                // object of the stance before it ("Nairobi, however, tied …" has no stance before it, so is one).
            }
            else if (entry.Form == Form.Verb && SubjunctiveAsked(words, raw, i))
            {
                // "requires that every such exercise be approved case by case": what the demand asks to be done.
            }
            else if (entry.Form == Form.Noun && i - droppedVerbEnd <= 3)
            {
                // "has not rejected the Turkish demand": the noun is what the dropped verb was about, no stance of its own.
            }
            else if (!IsForecastOrQuestion(words, i) && Read(words, mentions, i, end, entry) is { } cue)
            {
                raw.Add(cue);
            }
            else if (entry.Form == Form.Verb)
            {
                droppedVerbEnd = end;
            }

            i = end - 1;
        }

        AddRefusals(words, mentions, raw);
        AddNoneWill(words, raw);
        AddSaidNo(words, raw);
        var cues = Superseded(words, Combine(words, mentions, FoldCircumstances(words, raw)));
        if (cues.Count == 0 && ReportedMust(words, mentions) is { } must)
        {
            cues.Add(must);
        }

        return cues;
    }

    /// <summary>
    /// "The SPLM-IO opposes any extension agreed without it": an "-ed" verb right after a determined noun that is the
    /// object of a stance before it in the same clause is a reduced relative clause, not a second stance.
    /// </summary>
    private static bool ReducedRelative(List<Word> words, List<Cue> raw, int i, Entry entry) =>
        entry.Form == Form.Verb && words[i].Lower.EndsWith("ed", StringComparison.Ordinal) && i >= 2
        && words[i - 2].Lower is "any" or "the" or "a" or "an" or "this" or "that" or "its" or "their" or "no"
        && !words[i - 1].IsPunctuation && !words[i - 1].Lower.EndsWith("ly", StringComparison.Ordinal)
        && raw.Count > 0 && !raw[^1].IsNoun && raw[^1].End <= i - 2
        && !words.Skip(raw[^1].End).Take(i - raw[^1].End).Any(w => w.IsPunctuation || w.Lower is "and" or "but" or "while" or "that" or "which");

    /// <summary>
    /// A passive in the subjunctive ("that every exercise be approved") after a demand in the same sentence: the thing
    /// demanded, not a stance of whoever the clause names.
    /// </summary>
    private static bool SubjunctiveAsked(List<Word> words, List<Cue> raw, int i) =>
        i >= 2 && words[i - 1].Lower == "be" && !words[i - 2].IsPunctuation
        && !Modals.Contains(words[i - 2].Lower)
        && words[i - 2].Lower is not ("to" or "not" or "must" or "should" or "could" or "may" or "might" or "cannot" or "never")
        && raw.Exists(c => c.Kind == PositionKind.Demand && c.End <= i - 2);

    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "stated", "stressed", "warned", "reiterated", "argued", "added", "maintained", "repeated",
        "affirmed", "maintains", "insisted", "insists", "say", "tell", "tells", "stresses", "warns", "argues",
        // "have made clear that any deal must …", "made it clear that …"
        "clear",
    };

    /// <summary>
    /// "Lebanese President Joseph Aoun told the envoy that Israel must withdraw": with no cue word, what a party opening
    /// the sentence reports another "must" do is its demand. The party is the opening one (the speaker's side), not the
    /// one that must act; only read where the sentence states nothing else.
    /// </summary>
    private static Cue? ReportedMust(List<Word> words, List<Mention> mentions)
    {
        var must = words.FindIndex(w => w.Lower == "must");
        if (must < 3 || must + 1 >= words.Count || words[must + 1].Lower is "have")
        {
            return null;
        }

        if (OurStanceThat(words, must) is { } said)
        {
            // "Our position has been that the agency must be able to …", "Our message was that Venezuelan vessels must stop
            // …": the speaker's side says what must be, as in "we said that …".
            var acts = mentions.Exists(m => m.Start > said && m.End <= must);
            return new Cue(must, must + 1, PositionKind.Demand, FirstPerson: true, ItemInSubject: !acts);
        }

        var opensWithItsSubject = !mentions.Exists(m => m.Start < must)
            && !words.Take(must).Any(w => w.IsPunctuation || ReportingVerbs.Contains(w.Lower) || w.Lower is "that" or "we" or "i" or "they" or "it" or "he" or "she" or "you");
        if (must <= 8 && opensWithItsSubject && words[must + 1].Lower is not ("not" or "be" or "also"))
        {
            // "The special units must leave Likoni before anything else moves": what a speaker says the thing the sentence
            // opens with must do is the stance of the voice or the source, as "we said that …" (not a report's "that").
            return new Cue(must, must + 1, PositionKind.Demand, FirstPerson: true, ItemInSubject: true);
        }

        if (mentions.Count == 0 || mentions[0].Start > 1)
        {
            return null;
        }

        // Where the reported clause starts: after "that", or right after the reporting verb when "that" is left out.
        var that = words.FindLastIndex(must, w => w.Lower == "that" || ReportingVerbs.Contains(w.Lower));
        var speaker = mentions[0];
        var reported = that >= speaker.End && words.Skip(speaker.End).Take(that + 1 - speaker.End).Any(w => ReportingVerbs.Contains(w.Lower));
        var actor = mentions.FirstOrDefault(m => m.Start > that && m.End <= must);
        if (!reported || that + 8 < must || words.Skip(that + 1).Take(must - that - 1).Any(w => w.IsPunctuation))
        {
            return null;
        }

        // "told the envoy that Israel must withdraw": another party must act. "maintained that any solution must be based
        // on …", "said any joint framework must also cover …": a thing must be so, and it may be what the stance is about.
        return actor is not null && actor.Party != speaker.Party && that + 4 >= must && words[must + 1].Lower is not ("not" or "be")
            ? new Cue(must, must + 1, PositionKind.Demand, OwnerAt: speaker.Start)
            : actor is null ? new Cue(must, must + 1, PositionKind.Demand, OwnerAt: speaker.Start, ItemInSubject: true) : null;
    }

    private static readonly HashSet<string> StanceNouns = new(StringComparer.Ordinal) { "position", "message", "answer", "view", "line", "stance", "point" };

    /// <summary>
    /// Where "that" or a colon ends "Our position is that", "Our answer is the same as before:", when a sentence opens so:
    /// what follows is what the speaker's side holds. Null when it does not open so.
    /// </summary>
    internal static int? OurStanceEnd(List<Word> words)
    {
        var open = words.Count > 0 && words[0].IsPunctuation ? 1 : 0;
        if (words.Count <= open + 2 || words[open].Lower != "our" || !StanceNouns.Contains(words[open + 1].Lower))
        {
            return null;
        }

        var end = Enumerable.Range(open + 2, Math.Min(8, words.Count - open - 2)).Where(i => words[i].Lower is "that" or ":").DefaultIfEmpty(-1).First();
        return end < 0 ? null : end;
    }

    // The reported clause of "Our position is that …" runs to "must" with no other break.
    private static int? OurStanceThat(List<Word> words, int must) =>
        OurStanceEnd(words) is { } said && said < must && said + 12 >= must && !words.Skip(said + 1).Take(must - said - 1).Any(w => w.IsPunctuation) ? said : null;

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal) { "will", "would", "shall", "can" };

    /// <summary>Verbs after "will not" that report speech or a forecast, not a stance on doing something.</summary>
    private static readonly HashSet<string> NotStances = new(StringComparer.Ordinal)
    {
        "be", "have", "say", "comment", "confirm", "deny", "disclose", "elaborate", "speculate", "happen", "last", "work",
        "succeed", "change", "come", "take", "get", "go", "see", "know", "let", "stop", "only", "just", "yet", "necessarily", "pretend",
    };

    /// <summary>
    /// "Islamabad would not halt the deportations", "we won't withdraw", "will open no road": a party saying it will not do
    /// X rejects X. Only for a modal's negation (or its object's) with a verb that is not itself a cue (those are read by
    /// the lexicon).
    /// </summary>
    private static void AddRefusals(List<Word> words, List<Mention> mentions, List<Cue> raw)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            // "will never hand over": a refusal for all time is a red line.
            var never = words[i].Lower == "never" && i > 0 && Modals.Contains(words[i - 1].Lower);
            // "We are not going to open a crossing …": a refusal in the present's future.
            var goingTo = words[i].Lower is "not" or "never" && i > 0 && (BeForms.Contains(words[i - 1].Lower) || words[i - 1].Lower == "am")
                && i + 3 < words.Count && words[i + 1].Lower == "going" && words[i + 2].Lower == "to";
            // "The United States does not intend to reopen the settlement": an intent disowned is a refusal too. ("has no
            // intention of/to" is in the lexicon.)
            var notIntending = i + 3 < words.Count && words[i + 2].Lower == "to" && words[i + 1].Lower is "intend" or "plan"
                && ((words[i].Lower == "not" && i > 0 && words[i - 1].Lower is "do" or "does" or "did")
                    || words[i].Lower is "doesn't" or "don't" or "doesn’t" or "don’t");
            // "the group will open no road while …", "would pay no ransom": the negation on the object refuses the act.
            var noObject = words[i].Lower is "will" or "would" or "shall" && i + 3 < words.Count && words[i + 2].Lower == "no"
                && words[i + 1].Lower is not ("in" or "under" or "at" or "by" or "on") && !NotStances.Contains(words[i + 3].Lower);
            var negatedModal = never || (words[i].Lower == "not" && i > 0 && Modals.Contains(words[i - 1].Lower))
                || words[i].Lower is "won't" or "wouldn't" or "won’t" or "wouldn’t" or "cannot" || goingTo || notIntending || noObject;
            var verb = goingTo || notIntending ? i + 3 : i + 1;
            if (!negatedModal || words[verb].IsPunctuation || NotStances.Contains(words[verb].Lower) || words[verb].Lower.EndsWith("ly", StringComparison.Ordinal)
                || raw.Exists(c => c.Start <= verb + 1 && c.End > i) || Match(words, mentions, verb) is not null)
            {
                continue;
            }

            raw.Add(new Cue(verb, verb + 1, never || (goingTo && words[i].Lower == "never") ? PositionKind.RedLine : PositionKind.Rejection));
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// "No foreign soldier will cross our border", "Let me be clear: no foreign aircraft will operate in our airspace without
    /// …": a clause that opens "no X will (ever) do" rules X out for good, a red line; who holds it is the speaker or the
    /// source. The cue is "no" alone, so what the clause names after it (who, doing what) is read for the item.
    /// </summary>
    private static void AddNoneWill(List<Word> words, List<Cue> raw)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            var opens = i == 0 || words[i - 1].IsPunctuation || words[i - 1].Lower == "that" || ReportingVerbs.Contains(words[i - 1].Lower);
            if (!opens || words[i].Lower != "no")
            {
                continue;
            }

            var modal = Enumerable.Range(i + 1, Math.Min(5, words.Count - i - 2)).TakeWhile(k => !words[k].IsPunctuation)
                .FirstOrDefault(k => words[k].Lower is "will" or "shall" or "can", -1);
            if (modal < 0 || words[modal + 1].IsPunctuation || words[modal + 1].Lower is "be" or "do" || raw.Exists(c => c.Start >= i && c.Start <= modal + 1))
            {
                continue;
            }

            var firstPerson = words.Exists(w => w.Lower is "we" or "our" or "us" or "i" or "me");
            raw.Add(new Cue(i, i + 1, PositionKind.RedLine, IsNoun: true, FirstPerson: firstPerson));
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// "Tegucigalpa says no.", "Kenya has said no, for now": a "no" that closes its clause answers what the sentence
    /// before asked for (the item is found as for "it"). "said no agreement was reached" is no answer: a word follows.
    /// </summary>
    private static void AddSaidNo(List<Word> words, List<Cue> raw)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Lower is "says" or "said" or "say" or "saying" && words[i + 1].Lower == "no"
                && (i + 2 == words.Count || words[i + 2].IsPunctuation) && !raw.Exists(c => c.Start <= i + 1 && c.End > i))
            {
                raw.Add(new Cue(i, i + 2, PositionKind.Rejection));
            }
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// "Damascus had initially insisted that …, but has softened its stance": a stance the sentence says was given up is
    /// the past; the concession is the position.
    /// </summary>
    private static List<Cue> Superseded(List<Word> words, List<Cue> cues)
    {
        return [.. cues.Select((cue, at) => cues.Skip(at + 1).Any(later => later.Kind == PositionKind.Concession)
            && Enumerable.Range(Math.Max(0, cue.Start - 2), Math.Min(2, cue.Start)).Any(k => words[k].Lower is "initially" or "originally" or "previously")
            // "Somalia had objected to X, but signed off on it": the past perfect turned by "but" into a later stance.
            || cue.Start > 0 && words[cue.Start - 1].Lower == "had" && !cue.IsNoun
                && cues.Skip(at + 1).Any(later => words.Skip(cue.End).Take(later.Start - cue.End).Any(w => w.Lower == "but"))
            ? cue with { Past = true } : cue)];
    }

    /// <summary>"would never accept X under any circumstances", "will not accept X under any circumstances": a red line.</summary>
    private static List<Cue> FoldCircumstances(List<Word> words, List<Cue> raw)
    {
        var cues = new List<Cue>();
        foreach (var cue in raw)
        {
            var previous = cues.Count > 0 ? cues[^1] : null;
            if (cue is { Kind: PositionKind.RedLine, IsNoun: false } && !cue.ItemBefore && previous is { IsNoun: false }
                && previous.Kind is PositionKind.Rejection or PositionKind.RedLine or PositionKind.Acceptance or PositionKind.Proposal
                && cue.End - cue.Start == 3)
            {
                cues[^1] = previous with { Kind = previous.Kind == PositionKind.Rejection || previous.Kind == PositionKind.RedLine ? PositionKind.RedLine : previous.Kind };
                continue;
            }

            if (cue.ItemBefore && previous is { Kind: PositionKind.Rejection or PositionKind.RedLine, ConditionAt: null } && cue.Start - previous.End <= 25)
            {
                // "would never accept inspections as long as …": one refusal holding while the condition does; what it
                // refuses ends at the condition, and no second position is read from the condition's words. Said in one
                // breath ("will not reopen the border until Mogadishu guarantees …") the refusal is that condition.
                var oneBreath = !words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.IsPunctuation);
                cues[^1] = previous with { ConditionAt = cue.Start, Kind = oneBreath ? PositionKind.Condition : previous.Kind };
                continue;
            }

            if (cue.ItemBefore && words[cue.Start].Lower == "if" && previous is { Kind: PositionKind.Preference or PositionKind.Acceptance, IsNoun: false, ConditionAt: null }
                && !words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.IsPunctuation))
            {
                // "Romania would support the scheme if escorts were limited …": support held on a condition is the condition.
                cues[^1] = previous with { ConditionAt = cue.Start, Kind = PositionKind.Condition };
                continue;
            }

            cues.Add(cue);
        }

        // "We will not sign anything while the planes are still bombing": a refusal for as long as something lasts, said in
        // one breath, is a condition too ("while" elsewhere contrasts two parties' stances).
        for (var c = 0; c < cues.Count; c++)
        {
            var next = c + 1 < cues.Count ? cues[c + 1].Start : words.Count;
            var cue = cues[c];
            var during = cue is { Kind: PositionKind.Rejection or PositionKind.RedLine, IsNoun: false, ConditionAt: null }
                ? Enumerable.Range(cue.End, Math.Max(0, next - cue.End)).TakeWhile(k => !words[k].IsPunctuation).FirstOrDefault(k => words[k].Lower == "while")
                : 0;
            if (during > 0)
            {
                cues[c] = cue with { Kind = PositionKind.Condition, ConditionAt = during };
            }
        }

        return cues;
    }

    /// <summary>The lexicon by first word, so matching a sentence costs one lookup per word.</summary>
    private static readonly Dictionary<string, Entry[]> ByFirstWord =
        Lexicon.GroupBy(e => e.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The longest entry at word i and where it ends; a word that is verb and noun ("demand", "offer") is a noun after a determiner or its owner ("Iran's demand").</summary>
    private static (Entry Entry, int End)? Match(List<Word> words, List<Mention> mentions, int i)
    {
        if (!ByFirstWord.TryGetValue(words[i].Lower, out var candidates))
        {
            return null;
        }

        // "Our first demand", "its central proposal": a possessive before one qualifying word makes a noun too.
        var asNoun = i > 0 && (Determiners.Contains(words[i - 1].Lower) || mentions.Exists(m => m.End == i) || PossessiveBefore(words, i));
        (Entry Entry, int End)? best = null;
        foreach (var entry in candidates)
        {
            var better = entry.Words.Length > (best?.Entry.Words.Length ?? 0)
                || (asNoun && best is { Entry.Form: Form.Verb } && entry.Form == Form.Noun && entry.Words.Length == best.Value.Entry.Words.Length);
            // "will never hand over", "will never give up": a red line in any verb, unless the verb is a cue of its own
            // that negation reads ("will never accept"), or "never" starts a longer cue ("never be on the table").
            var ownVerbAfter = entry.Words is ["will" or "would", "never"] && i + 2 < words.Count
                && ((ByFirstWord.TryGetValue(words[i + 2].Lower, out var after) && after.Any(e => e.Kind != PositionKind.Concession))
                    || Match(words, mentions, i + 1) is { Entry.Words.Length: > 1 });
            if (better && !ownVerbAfter && EndOf(words, i, entry) is var end && end > i)
            {
                best = (entry, end);
            }
        }

        return best;
    }

    /// <summary>
    /// Where an entry matched at word i ends, or -1. A verb and its particle may hold one adverb ("pushed hard for",
    /// "asked first for"), and "down", "out", "off", "aside" a short object ("turned that offer down", "ruled the idea out"),
    /// which the cue then leaves after it.
    /// </summary>
    private static int EndOf(List<Word> words, int i, Entry entry)
    {
        var length = entry.Words.Length;
        if (i + length <= words.Count && Enumerable.Range(1, length - 1).All(k => words[i + k].Lower == entry.Words[k]))
        {
            return i + length;
        }

        if (entry is not { Form: Form.Verb, Words: [_, var particle] } || i + 2 >= words.Count)
        {
            return -1;
        }

        if (Adverb(words[i + 1].Lower) && words[i + 2].Lower == particle)
        {
            return i + 3;
        }

        if (IsSeparableParticle(particle) && ObjectOpeners.Contains(words[i + 1].Lower))
        {
            for (var k = i + 2; k < Math.Min(words.Count, i + 5) && !words[k].IsPunctuation; k++)
            {
                if (words[k].Lower == particle)
                {
                    // The cue is the verb: what it is about is the object after it, as in "rejected that offer".
                    return i + 1;
                }
            }
        }

        return -1;
    }

    /// <summary>A particle an object may stand before: "turned that offer down", "ruled them out", "brushed it aside".</summary>
    public static bool IsSeparableParticle(string lower) => lower is "down" or "out" or "off" or "aside";

    private static readonly HashSet<string> ObjectOpeners = new(StringComparer.Ordinal)
    {
        "the", "that", "this", "these", "those", "its", "their", "his", "her", "our", "a", "an", "any", "every", "them", "it",
    };

    /// <summary>An adverb that can stand between a verb and its particle: "hard", "first", "again", or one in "-ly" ("strongly").</summary>
    private static bool Adverb(string lower) =>
        lower is "hard" or "first" or "again" or "also" or "still" or "repeatedly"
        || (lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal) && !NounsInLy.Contains(lower));

    private static readonly HashSet<string> NounsInLy = new(StringComparer.Ordinal)
    {
        "only", "supply", "assembly", "family", "rally", "reply", "italy", "july", "anomaly", "monopoly", "early", "daily", "weekly", "monthly",
    };

    /// <summary>"Our first demand", "its central proposal": a possessive before one qualifying word.</summary>
    private static bool PossessiveBefore(List<Word> words, int i) =>
        i > 1 && words[i - 2].Lower is "our" or "its" or "their" && !words[i - 1].IsPunctuation && words[i - 1].Lower.All(char.IsLetter);

    /// <summary>"Both governments support", "the two sides support", "Colombia and Venezuela support": a plural subject right before.</summary>
    private static bool PluralSubject(List<Word> words, List<Mention> mentions, int start) =>
        start >= 2 && ((words[start - 1].Lower is "sides" or "governments" or "countries" or "parties" or "delegations" && words[start - 2].Lower is "both" or "two")
            || (mentions.Exists(m => m.End == start) && mentions.Exists(m => m.End == start - 2 || (m.End < start - 1 && words[m.End].Lower == "and")) && words[start - 2].Lower != "of"));

    private static readonly HashSet<string> Undisclosed = new(StringComparer.Ordinal)
    {
        "comment", "elaborate", "confirm", "say", "specify", "disclose", "give", "identify", "name", "be",
    };

    private static readonly HashSet<string> Indicatives = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "does", "did", "remains", "lies", "belongs",
    };

    /// <summary>Whether the clause after "insist (that)" states a fact: its first verb is indicative, not "to" or a bare or modal verb.</summary>
    private static bool Asserts(List<Word> words, int from)
    {
        var start = from < words.Count && words[from].Lower == "that" ? from + 1 : from;
        for (var k = start; k < Math.Min(words.Count, start + 6); k++)
        {
            if (words[k].IsPunctuation || words[k].Lower is "on" or "upon" or "must" or "should" or "would" or "be")
            {
                return false;
            }

            if (Indicatives.Contains(words[k].Lower))
            {
                return k > start && !(k + 1 < words.Count && words[k + 1].Lower == "to");
            }
        }

        return false;
    }

    /// <summary>Reads one lexicon match in its context; null when the context shows it states no position.</summary>
    private static Cue? Read(List<Word> words, List<Mention> mentions, int start, int end, Entry entry)
    {
        var kind = entry.Kind;
        var isNoun = entry.Form == Form.Noun;
        var owner = isNoun ? OwnerOf(words, mentions, start, end) : null;
        // "The government's proposal is …": an owner the sentence names by a common noun determines the noun too.
        var possessed = start > 0 && (words[start - 1].Lower.EndsWith("'s", StringComparison.Ordinal) || words[start - 1].Lower.EndsWith("’s", StringComparison.Ordinal))
            // "the tacit approval of …" is someone else's.
            || PossessiveBefore(words, start);
        if (isNoun && owner is null && !possessed && !(start > 0 && Determiners.Contains(words[start - 1].Lower)))
        {
            // A bare noun ("proposals were discussed") states nobody's position.
            return entry.Kind == PositionKind.RedLine ? new Cue(start, end, kind, IsNoun: true, OwnerAt: owner)
                // A verdict is its clause's subject's ("its commanders view it as unworkable"), not the nearest name's.
                : Verdicts.Contains(string.Join(' ', entry.Words)) ? new Cue(start, end, kind, IsNoun: true)
                : null;
        }

        if (isNoun && owner is null && Enumerable.Range(Math.Max(0, start - 5), Math.Min(5, start)).Any(k => words[k].Lower is "note" or "noted" or "responded" or "respond" or "replied" or "reply"))
        {
            // "The delegation took note of the request", "has not yet responded to the request": an acknowledgement of
            // someone else's stance, not one of its own ("noted Iran's demand" is still Iran's).
            return null;
        }

        if (entry.Form == Form.Verb && start > 0 && words[start].Lower.EndsWith("ed", StringComparison.Ordinal) && entry.Words.Length == 1
            && words[start - 1].Lower is "the" or "a" or "an" or "no" or "any" or "its" or "their")
        {
            // "no agreed police", "the proposed zone": the participle describes a noun; it states no one's stance.
            return null;
        }

        if (isNoun && entry.Kind == PositionKind.Acceptance
            && Enumerable.Range(Math.Max(0, start - 3), Math.Min(3, start)).Reverse().TakeWhile(k => !words[k].IsPunctuation).Any(k => words[k].Lower == "without"))
        {
            // "will never accept a base without its consent", "no development may take place without the consent of …": a
            // consent withheld is part of a refusal or a condition, not an acceptance.
            return null;
        }

        if (entry is { Kind: PositionKind.Demand, Form: Form.Verb } && words[start].Lower.StartsWith("insist", StringComparison.Ordinal) && Asserts(words, end))
        {
            // "insisting that the conflict is an internal matter", "insists it is not a party": what a party insists is
            // so is a claim; what it insists be done ("that the fighters stay", "that Israel must withdraw") is a demand.
            return null;
        }

        if (entry.Form == Form.Verb && words[start].Lower is "declined" or "declines" && end + 1 < words.Count && words[end].Lower == "to"
            && Undisclosed.Contains(words[end + 1].Lower))
        {
            // "declined to give details", "declined to confirm": a source keeping something back, not a refusal in the talks.
            return null;
        }

        if (entry.Form == Form.Verb && words[start].Lower is "asked" or "asking" && end + 3 < words.Count && words[end].Lower == "not"
            && words[end + 1].Lower == "to" && words[end + 2].Lower == "be")
        {
            // "…, who asked not to be named": how a source is kept anonymous, not a demand in the talks.
            return null;
        }

        if (isNoun && entry.Kind == PositionKind.Acceptance && !(end < words.Count && words[end].Lower is "of" or "for" or "to" or "from" or "by"))
        {
            // "its approval reportedly reflects a pragmatic approach": an approval that names nothing approved refers to one
            // reported before (here, of the talks themselves); what follows says something of it, not what it accepts.
            return null;
        }

        if (isNoun && words[start].Lower == "opposition" && !(end < words.Count && words[end].Lower is "to" or "from" or "against"))
        {
            // "the opposition insisted", "provided the opposition hands over": the opposition as a party, not a stance.
            return null;
        }

        if (isNoun && words[start].Lower == "request"
            && Enumerable.Range(Math.Max(0, start - 4), Math.Min(4, start)).Reverse().TakeWhile(k => !words[k].IsPunctuation).Any(k => words[k].Lower == "at"))
        {
            // "held at Argentina's request", "at the request of Kigali": who asked for what was done, not a stance in the talks.
            return null;
        }

        if (entry.Form == Form.Marker && words[start].Lower == "only" && start > 0
            && words[start - 1].Lower is "identifies" or "identified" or "identify" or "known" or "named" or "described" or "listed" or "referred")
        {
            // "a colonel the cable identifies only as Abenov": how someone is named, not what a stance waits for.
            return null;
        }

        if (isNoun && entry.Kind == PositionKind.Proposal && words[start].Lower is "plan" or "initiative" && owner is null)
        {
            return null;
        }

        if (entry.Words is ["want"] or ["wants"] or ["wanted"] && end + 1 < words.Count && words[end].Lower == "to"
            && (SpeechActAt(words, end + 1)
                || (words[end + 1].Lower == "be" && end + 2 < words.Count && words[end + 2].Lower is "clear" or "frank" or "precise" or "very" or "absolutely" or "honest")))
        {
            // "I want to be clear that …", "we want to thank the Sultanate": what the speaker is about to say, not a demand
            // ("wants to be consulted" is one).
            return null;
        }

        if (entry.Form == Form.Verb && entry.Words is ["asked"] or ["asks"] or ["asking"] or ["pressed"] or ["presses"] or ["pressing"]
            && (start == 0 || !Enumerable.Range(end, Math.Max(0, Math.Min(6, words.Count - end))).Any(k => words[k].Lower == "to")
                || Enumerable.Range(end, Math.Max(0, Math.Min(3, words.Count - end))).Any(k => words[k].IsPunctuation || words[k].Lower is "whether" or "about" or "if" or "why" or "how" or "what")))
        {
            // "Djibouti has asked Qatar to send back the observers", "pressed Mexico to extradite": a demand made of
            // someone. Not "Asked about the talks, …", "asked whether", nor "asked" with no "to" after whom.
            return null;
        }

        if (entry.Words is ["expects"] && end < words.Count && words[end].Lower == "to")
        {
            // "Kenya expects to sign next week": a forecast of its own; "Damascus expects a full timetable": a demand.
            return null;
        }

        if (entry.Form == Form.Verb && entry.Words is ["conditions"] && IndexOf(words, end, "on", "upon") is null)
        {
            // "conditions" is a verb only as "conditions X on Y"; else it is the noun ("humanitarian conditions").
            return null;
        }

        if (entry.Words is ["once"] && end < words.Count && words[end].Lower is "on" or "in" or "at" or "during" or "again" or "more" or "before")
        {
            // "met … in Kuala Lumpur and once on Langkawi", "once again": one time, not a condition.
            return null;
        }

        if (entry.Form == Form.Marker && entry.Words is ["if"] or ["provided"] && OfferBefore(words, start))
        {
            // "ready to discuss the port if Ethiopia pulls back", "ready to grant access provided Ethiopia recognises …":
            // an offer made on a condition is the condition (a bare "if" elsewhere is a question or a forecast).
            return new Cue(start, end, kind, ItemBefore: true);
        }

        if (entry.Form == Form.Marker && entry.Words is ["if"] && HedgedBefore(words, start))
        {
            // "would support the scheme if …": folded into the hedged stance before it (FoldCircumstances).
            return new Cue(start, end, kind, ItemBefore: true);
        }

        if (entry.Form == Form.Marker && entry.Words is ["if"])
        {
            return null;
        }

        if (entry.Form == Form.Marker && entry.Words is ["provided"] && (start == 0 || words[start - 1].Lower is not "," and not "but" and not "and")
            && !ProvidedClause(words, start))
        {
            // ", provided they withdraw": a condition; "has provided aid": not.
            return null;
        }

        if (entry.Form == Form.Marker)
        {
            if (entry.Words[0] == "once" && ((start > 0 && words[start - 1].Lower == "at") || (end < words.Count && words[end].Lower is "again" or "more")))
            {
                return null;
            }

            return new Cue(start, end, kind, ItemBefore: true);
        }

        var before = start > 0 ? words[start - 1].Lower : string.Empty;
        var twoBefore = start > 1 ? words[start - 2].Lower : string.Empty;
        if (twoBefore == "had" && before is "earlier" or "previously" or "already")
        {
            // "Russia had earlier dropped its moratorium": background before the talks, not a stance in them.
            return null;
        }

        if (before is "neither" or "nor" || twoBefore is "neither" or "nor")
        {
            // "an idea Ankara has neither accepted nor rejected": no stance either way.
            return null;
        }

        if (words[start].Lower == "support" && !Negations.Contains(before) && !Modals.Contains(before) && before is not "to" and not "would" and not "not"
            && !PluralSubject(words, mentions, start))
        {
            // "support" is a verb after a modal or "not" ("would not support") or a plural subject ("Both governments
            // support", "Colombia and Venezuela support"); else mostly the noun ("Eritrean support for …").
            return null;
        }

        var noLonger = before == "longer" && twoBefore == "no";
        // "are not going to accept": the negation three words before.
        var goingTo = start >= 3 && before == "to" && twoBefore == "going" && Negations.Contains(words[start - 3].Lower);
        // "did not, however, agree to": an aside between commas after the negation.
        var asideNegation = Aside(words, start) is > 0 and var open && Negations.Contains(words[open - 1].Lower) ? words[open - 1].Lower : null;
        // "is not something we will sign up to", "is not a plan Hanoi could accept": negated through what the cue's clause is about.
        var relativeNegation = NotSomethingBefore(words, mentions, start);
        asideNegation ??= relativeNegation;
        var negated = Negations.Contains(before) || (Negations.Contains(twoBefore) && !words[start - 1].IsPunctuation) || goingTo || asideNegation is not null;
        if (noLonger)
        {
            kind = PositionKind.Concession;
        }
        else if (negated)
        {
            var never = before == "never" || twoBefore == "never" || (goingTo && words[start - 3].Lower == "never") || asideNegation == "never";
            var notYet = before == "yet" || (start + 1 < words.Count && words[start + 1].Lower == "yet")
                || Enumerable.Range(0, words.Count - 1).Any(k => words[k].Lower is "not" or "nor" && words[k + 1].Lower is "rejected" or "ruled" or "refused");
            if (notYet && kind is PositionKind.Acceptance or PositionKind.Proposal)
            {
                // "has not yet accepted the plan", "has not accepted it, but has not rejected it either": no acceptance
                // so far, which is not a rejection.
                return null;
            }

            kind = kind switch
            {
                // "would not support such an expansion": declining to back it.
                PositionKind.Acceptance or PositionKind.Proposal or PositionKind.Preference => never ? PositionKind.RedLine : PositionKind.Rejection,
                PositionKind.RedLine => PositionKind.RedLine,
                _ => (PositionKind)(-1),
            };
            if (!Enum.IsDefined(kind))
            {
                return null;
            }
        }

        var passive = entry.Form == Form.Verb && IsPassive(words, start);
        int? conditionAt = null;
        if (kind == PositionKind.Condition && !isNoun)
        {
            conditionAt = IndexOf(words, end, "on", "upon", "to");
        }

        int? preferredTo = entry.Words[0] == "preferable" && end < words.Count && words[end].Lower is "to" or "over" ? end : null;
        return new Cue(start, end, kind, isNoun, passive, owner, conditionAt, preferredTo);
    }

    /// <summary>
    /// The negation of "is not something we will sign up to", "was not a proposal Hanoi could accept": a negated
    /// "something" or noun, then the relative clause's subject (a pronoun or a name) and at most one modal before the cue.
    /// </summary>
    private static string? NotSomethingBefore(List<Word> words, List<Mention> mentions, int start)
    {
        var k = start - 1;
        if (k >= 0 && (Modals.Contains(words[k].Lower) || words[k].Lower is "could" or "can" or "should" or "might" or "may"))
        {
            k--;
        }

        var subject = k >= 0 && words[k].Lower is "we" or "they" or "i" or "he" or "she" ? k
            : mentions.FirstOrDefault(m => m.End == k + 1) is { } named ? named.Start : -1;
        if (subject < 2)
        {
            return null;
        }

        var thing = words[subject - 1].Lower is "that" ? subject - 2 : subject - 1;
        if (thing < 1)
        {
            return null;
        }

        var negation = words[thing].Lower is "something" or "anything" ? thing - 1
            : thing >= 2 && words[thing - 1].Lower is "a" or "an" && !words[thing].IsPunctuation ? thing - 2
            : -1;
        return negation >= 0 && Negations.Contains(words[negation].Lower) ? words[negation].Lower : null;
    }

    /// <summary>
    /// Where an aside of one to three words between commas ends right before <paramref name="start"/> ("not, however,
    /// agree"), the index of its opening comma; else -1.
    /// </summary>
    private static int Aside(List<Word> words, int start)
    {
        if (start < 3 || words[start - 1].Lower != ",")
        {
            return -1;
        }

        for (var i = start - 2; i >= Math.Max(0, start - 5); i--)
        {
            if (words[i].Lower == ",")
            {
                return i < start - 2 ? i : -1;
            }

            if (words[i].IsPunctuation)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// "would supply the sites provided the opposition hands over a list": "provided" opening a clause with its own subject
    /// after a stance in the modal, not a participle after "has" or "was" ("has provided aid").
    /// </summary>
    private static bool ProvidedClause(List<Word> words, int start) =>
        start > 0 && start + 2 < words.Count && !BeForms.Contains(words[start - 1].Lower) && words[start - 1].Lower is not "has" and not "have" and not "had"
        && words[start + 1].Lower is "the" or "it" or "they" or "its" or "their"
        && Enumerable.Range(Math.Max(0, start - 8), 8).Any(k => k < start && Modals.Contains(words[k].Lower));

    /// <summary>
    /// "would support …", "could accept …", "would agree to …" earlier in the clause, with no punctuation between; or what a party says "they
    /// would", "we could" do ("they would host the exercises if Russia is informed"): a conditional offer.
    /// </summary>
    private static bool HedgedBefore(List<Word> words, int at)
    {
        for (var k = at - 1; k > 0 && !words[k].IsPunctuation; k--)
        {
            if (words[k - 1].Lower is "would" or "could" && (words[k].Lower is "support" or "accept" or "agree" or "consent" or "sign" or "back" or "endorse" or "welcome" or "favour" or "favor"
                || (k >= 2 && words[k - 2].Lower is "they" or "we" or "it" && words[k].Lower is not ("be" or "have" or "not" or "only"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an offer of readiness ("ready to", "willing to", "prepared to", "open to") comes earlier in the sentence.</summary>
    private static bool OfferBefore(List<Word> words, int at) =>
        Enumerable.Range(0, Math.Max(0, at - 1)).Any(k => words[k].Lower is "ready" or "willing" or "prepared" or "open" && words[k + 1].Lower == "to");

    private static readonly HashSet<string> ForecastWords = new(StringComparer.Ordinal)
    {
        "expect", "expects", "expected", "predict", "predicts", "predicted", "likely", "unlikely", "forecast", "anticipate", "anticipates",
    };

    /// <summary>
    /// "Analysts expect the government to turn down …", "is likely to accept": a forecast, not a stance; "have not said
    /// whether they accept the text": an open question.
    /// </summary>
    private static bool IsForecastOrQuestion(List<Word> words, int start)
    {
        for (var k = start - 1; k >= 0 && k >= start - 6; k--)
        {
            if (words[k].IsPunctuation || words[k].Lower is "said" or "says" or "that")
            {
                return false;
            }

            if (ForecastWords.Contains(words[k].Lower) || words[k].Lower == "whether")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPassive(List<Word> words, int start)
    {
        var word = words[start].Lower;
        if (!word.EndsWith("ed", StringComparison.Ordinal) && !ParticipleForms.Contains(word))
        {
            return false;
        }

        for (var k = start - 1; k >= 0 && k >= start - 3; k--)
        {
            if (BeForms.Contains(words[k].Lower))
            {
                return true;
            }

            if (!words[k].Lower.EndsWith("ly", StringComparison.Ordinal) && words[k].Lower is not "also" and not "not" and not "since")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A party owning a noun cue: "Iran's demand", "the Russian proposal", "Israel's long-standing demand", "a red line for Israel".</summary>
    private static int? OwnerOf(List<Word> words, List<Mention> mentions, int start, int end)
    {
        foreach (var m in mentions)
        {
            if (m.End == start || (m.End == start - 1 && !words[start - 1].IsPunctuation && !Determiners.Contains(words[start - 1].Lower)))
            {
                return m.Start;
            }

            if (end + 1 < words.Count && words[end].Lower == "for" && (m.Start == end + 1 || (m.Start == end + 2 && words[end + 1].Lower == "the")))
            {
                return m.Start;
            }
        }

        return null;
    }

    private static int? IndexOf(List<Word> words, int from, params string[] any)
    {
        for (var i = from; i < words.Count && !words[i].IsPunctuation; i++)
        {
            if (any.Contains(words[i].Lower))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The stance of whoever owns a demand or proposal another party's verb answers, when the sentence spells out what is
    /// asked ("that", "to", "for"): "rejected Kiev's demand that the plant be handed over", "rejected a Russian proposal for
    /// a moratorium", "a request by the IAEA for access", "Beijing accepted our proposal for a hotline" (the speaker's
    /// side). Null when no owner is named ("welcomed the Turkish offer" only refers back to one reported before).
    /// </summary>
    private static Cue? AnsweredOwner(List<Word> words, List<Mention> mentions, Cue cue)
    {
        bool SpelledOut(int at) => at < words.Count && words[at].Lower is "that" or "to" or "for";
        var spelled = words[cue.End - 1].Lower is "that" or "to" or "for" || SpelledOut(cue.End);
        if (mentions.Find(m => m.End == cue.Start || (m.End == cue.Start - 1 && words[m.End].Lower is "'s" or "’s")) is { } owner && spelled)
        {
            return cue with { IsNoun = true, OwnerAt = owner.Start, Embedded = true };
        }

        if (words[cue.Start - 1].Lower == "our" && spelled)
        {
            return cue with { IsNoun = true, FirstPerson = true, Embedded = true };
        }

        // The owner named after the noun.
        return cue.End + 1 < words.Count && words[cue.End].Lower is "by" or "from"
            && mentions.Find(m => m.Start == cue.End + 1 || (m.Start == cue.End + 2 && words[cue.End + 1].Lower == "the")) is { } after
            && SpelledOut(after.End)
            ? cue with { IsNoun = true, OwnerAt = after.Start, Embedded = true }
            : null;
    }

    /// <summary>
    /// Folds "refused to accept" (a rejection), "agreed to drop" (a concession), "is ready to accept" (an acceptance) into
    /// one cue, and makes an acceptance, offer or concession followed by "only if"/"in exchange for" a condition.
    /// </summary>
    private static List<Cue> Combine(List<Word> words, List<Mention> mentions, List<Cue> raw)
    {
        var cues = new List<Cue>();
        var contentAt = -1;
        var conditionEnd = -10;
        foreach (var cue in raw)
        {
            if (!cue.IsNoun && !cue.ItemBefore && cue.Start > conditionEnd && cue.Start - conditionEnd <= 4
                && !words.Skip(conditionEnd).Take(cue.Start - conditionEnd).Any(w => w.IsPunctuation || w.Lower is "and" or "but" or "while"))
            {
                // "possible only if both governments can live with …", "would sign only if Kigali agreed to …": what the
                // condition asks of its subject is the condition's content, not that party's own stance.
                continue;
            }

            if (cue.ItemBefore && words[cue.Start].Lower is "if" or "only" or "unless" or "provided" or "providing")
            {
                conditionEnd = cue.End;
            }

            if (cue.Start == contentAt)
            {
                // "rejected Israeli demands to drop its plans": what the demand asks is what the rejection is about,
                // not a stance of its own.
                continue;
            }

            var previous = cues.Count > 0 ? cues[^1] : null;
            // "refused to accept", "no intention of agreeing to", "wary of accepting": one stance, chained.
            var chained = previous is not null && !previous.IsNoun && !cue.IsNoun && cue.Start - previous.End <= 2
                && (words[cue.Start - 1].Lower == "to" || words[previous.End - 1].Lower is "to" or "of") && cue.ConditionAt is null && !cue.ItemBefore;
            // "urged the parties to accept", "wants Syria to drop": what a demand asks of others is the demand.
            var asked = previous is { Kind: PositionKind.Demand, IsNoun: false } && !cue.IsNoun && cue.Start - previous.End <= 6
                && words[cue.Start - 1].Lower == "to" && !words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.IsPunctuation);
            if (asked)
            {
                cues[^1] = previous! with { End = cue.End };
                continue;
            }

            if (chained)
            {
                var kind = previous!.Kind == PositionKind.Rejection || previous.Kind == PositionKind.RedLine ? previous.Kind
                    : cue.Kind is PositionKind.Concession or PositionKind.Rejection or PositionKind.RedLine ? cue.Kind
                    : cue.Kind == PositionKind.Acceptance && previous.Kind is PositionKind.Proposal or PositionKind.Acceptance ? PositionKind.Acceptance
                    : previous.Kind;
                cues[^1] = previous with { End = cue.End, Kind = kind };
                continue;
            }

            if (previous is { Kind: PositionKind.Concession, IsNoun: false } && cue.Start - previous.End <= 3 && cue.IsNoun || previous is { Kind: PositionKind.Concession } && cue.Start - previous.End <= 3
                && words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.Lower is "its" or "their" or "that" or "this"))
            {
                // "dropped its demand", "softened its insistence": the concession is on what was demanded.
                cues[^1] = previous with { End = cue.End };
                continue;
            }

            if (cue is { IsNoun: true, Kind: PositionKind.RedLine or PositionKind.Concession, OwnerAt: null } && previous is { IsNoun: false }
                && (words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.Lower is "calling" or "describing" or "called" or "described")
                    || (cue.Start >= 2 && words[cue.Start - 1].Lower is "a" or "an" && words[cue.Start - 2].Lower == ",")))
            {
                // "would never allow X, calling this a red line", "could live with 60 hours, a concession Belgrade …": the
                // noun names the stance before it.
                cues[^1] = previous with { Kind = cue.Kind };
                continue;
            }

            // "rejected Kiev's demand that …": a verb of the lexicon after a determiner or an owner is the noun.
            var determined = !cue.IsNoun && cue.Start > 0 && (words[cue.Start - 1].Lower is "the" or "a" or "an" or "its" or "their" or "this"
                || words[cue.Start - 1].Lower.EndsWith("'s", StringComparison.Ordinal) || words[cue.Start - 1].Lower.EndsWith("’s", StringComparison.Ordinal));
            if ((cue.IsNoun || determined) && previous is { IsNoun: false } && cue.Start - previous.End <= 3 && cue.Kind != PositionKind.RedLine)
            {
                // "rejected the demand", "welcomed the offer": the noun is what the verb is about, not a second position.
                contentAt = cue.End < words.Count && words[cue.End].Lower == "to" ? cue.End + 1 : -1;
                if (cue.Kind is PositionKind.Demand or PositionKind.Proposal && AnsweredOwner(words, mentions, cue) is { } answered)
                {
                    cues.Add(answered);
                }

                continue;
            }

            // "ready to consider a release once the procedures are completed": readiness held back until then is a condition.
            var readiness = previous is { Kind: PositionKind.Proposal } && OfferBefore(words, cue.Start) && words[cue.Start].Lower == "once";
            var temporal = cue.ItemBefore && words[cue.Start].Lower is "until" or "once" && !readiness;
            if (temporal && previous is not null)
            {
                // "offered to keep troops there until Syrian forces can take over", "accepted the committee and said it
                // would hand over control once its members are named": a time, not a condition of the stance before.
                continue;
            }

            // "Guyana accepted the text, while Venezuela said it would sign it only if …": the condition is the other clause's.
            var otherClause = previous is not null && words.Skip(previous.End).Take(cue.Start - previous.End).Any(w => w.Lower is "while" or "whereas" or ";");
            if (cue.ItemBefore && previous is { Kind: PositionKind.Proposal } && !otherClause
                && cue.Start + 1 < words.Count && words[cue.Start].Lower == "in" && words[cue.Start + 1].Lower is "exchange" or "return")
            {
                // "put forward a freeze in exchange for sanctions exemptions": a trade offered is still a proposal, of
                // what comes before the exchange.
                cues[^1] = previous with { ConditionAt = cue.Start };
                continue;
            }

            var when = words[cue.Start].Lower is "once" or "after" or "when" || (cue.End - cue.Start == 2 && words[cue.Start + 1].Lower is "once" or "after" or "when");
            if (cue.ItemBefore && when && previous is { Kind: PositionKind.Preference, ConditionAt: null } && !otherClause)
            {
                // "prefers a phased approach, opening two crossings first and the rest only once …": the order it prefers,
                // not a condition of its own ("supported renewing the mandate, provided that …" is one).
                cues[^1] = previous with { ConditionAt = cue.Start };
                continue;
            }

            if (cue.ItemBefore && previous is { Kind: PositionKind.Concession } && cue.End - cue.Start == 2 && words[cue.Start].Lower == "only"
                && words[cue.Start + 1].Lower is "as" or "through" or "under" or "via")
            {
                // "softened its insistence that convoys travel only under escort": the manner was what it insisted on.
                continue;
            }

            if (cue.ItemBefore && previous is not null && previous.Kind is PositionKind.Acceptance or PositionKind.Proposal or PositionKind.Concession && !otherClause)
            {
                // "would accept X only if Y": a condition on X.
                cues[^1] = previous with { Kind = PositionKind.Condition, ConditionAt = cue.Start };
                continue;
            }

            cues.Add(cue);
        }

        return cues;
    }

    private static Entry[] Build(params (PositionKind Kind, Form Form, string[] Phrases)[] groups) =>
        [.. groups.SelectMany(g => g.Phrases.Select(p => new Entry(p.Split(' '), g.Kind, g.Form)))];
}
