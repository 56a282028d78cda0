namespace TalksTracker.Domain.Extraction;

/// <summary>
/// The word lists the extraction rules rely on. Lookups take spans so scanning a sentence
/// allocates no strings; all comparisons ignore case.
/// </summary>
internal static class Lexicon
{
    private static readonly string[] RoleWordList =
    [
        "envoy", "spokesman", "spokeswoman", "spokesperson", "minister", "official", "aide", "adviser",
        "advisor", "commander", "general", "president", "secretary", "ambassador", "chief", "deputy",
        "director", "leader", "negotiator", "mediator", "representative", "army", "foreign", "defense",
        "defence", "special", "senior", "former", "top", "security", "national", "prime", "affairs", "lawmaker", "vice",
    ];

    private static readonly string[] NameParticleList =
        ["al", "bin", "ibn", "de", "van", "von", "der", "la", "le", "da", "del", "el", "abu", "dos", "di"];

    /// <summary>Abbreviations whose dot never ends a sentence: titles, months, "No.".</summary>
    private static readonly WordSet Abbreviations = new(
        "mr", "mrs", "ms", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "cpt", "sgt", "adm", "cmdr",
        "gov", "sen", "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "jr", "sr", "fig", "vol", "approx",
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "dept", "univ",
        "amb", "pres", "supt", "cpl", "pvt", "messrs", "mme", "inc", "corp", "ltd", "co");

    /// <summary>
    /// An honorific, or the Gulf and Commonwealth style "His Excellency" written as capitals: "HE Al-Nuaimi", "H.E. Dr. Al-Mansouri"
    /// (upper case only, so the pronoun "he" is not one).
    /// </summary>
    public static bool IsHonorific(string word) => Honorifics.Contains(word) || IsExcellency(word);

    /// <summary>"HE" / "H.E." (His or Her Excellency) and "HH" / "H.H." (His Highness), written in capitals before a name.</summary>
    public static bool IsExcellency(ReadOnlySpan<char> word) => word is "HE" or "H.E." or "HH" or "H.H.";

    /// <summary>Honorifics and ranks dropped when a later mention uses only the surname: "Mr. Mirzoyan".</summary>
    public static readonly WordSet Honorifics = new(
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "brig.", "col.", "lt.", "maj.", "capt.", "sgt.", "adm.",
        "sen.", "rep.", "gov.", "mr", "mrs", "ms", "dr", "sheikh", "general", "president", "minister",
        "ambassador", "envoy", "spokesman", "spokeswoman", "prince", "princess", "king", "emir", "sayyid", "sheikha");

    /// <summary>Reporting verbs that attribute what follows to their subject.</summary>
    public static readonly WordSet SpeechVerbs = new(
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "noted", "notes", "note",
        "indicated", "indicates", "indicate", "confirmed", "confirms", "confirm", "denied", "denies", "deny",
        "warned", "warns", "warn", "believe", "believes", "revealed", "reveals", "reveal", "stated", "states",
        "claimed", "claims", "claim", "reported", "reports", "report", "explained", "explains", "stressed",
        "stresses", "insisted", "insists", "insist", "acknowledged", "acknowledges", "announced", "announces",
        "cautioned", "cautions", "argued", "argues", "argue", "maintained", "maintains", "suggested",
        "suggests", "estimated", "alleged", "alleges", "accused", "accuses", "dismissed", "dismisses",
        "rejected", "rejects", "refuted", "refutes", "disputed", "disputes", "declined", "conceded",
        "concedes", "admitted", "admits", "disclosed", "discloses", "asserted", "asserts", "declared",
        "declares", "emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "pointed",
        "commented", "wrote", "writes", "tweeted", "predicted", "reiterated", "reiterates", "contended",
        "observed", "recalled", "assessed", "revealed", "signalled", "signaled", "hinted", "briefed", "called",
        "calls", "posted", "testified", "expressed", "urged", "urges", "vowed", "vows", "pledged", "pledges",
        "estimates", "estimate", "described", "describes", "responded", "responds", "replied", "replies",
        "welcomed", "welcomes", "thanked", "thanks", "lodged", "lodges", "affirmed", "affirms", "reaffirmed", "reaffirms", "demanded", "underscored",
        "underscores", "ruled", "rules", "continued", "voiced", "voices", "criticized", "criticised", "criticizes",
        "criticises", "denounced", "denounces", "hailed", "hails", "branded", "brands", "issued", "issues", "offered", "offers",
        "complained", "complains");

    /// <summary>Verbs that report speech only with a particle after them: "ruled out", not "ruled the country".</summary>
    public static readonly WordSet ParticleVerbs = new("ruled", "rules");

    /// <summary>Verbs that report speech only before a colon or a quotation: "continued: “…”", not "continued to".</summary>
    public static readonly WordSet ColonOnlyVerbs = new("continued");

    /// <summary>Answering verbs: "responded that …", "responded to remarks by …", not "responded with air strikes".</summary>
    public static readonly WordSet AnswerVerbs = new("responded", "responds", "replied", "replies");

    /// <summary>What one answers in words: "responded to the remarks", "replied to a question".</summary>
    public static readonly WordSet SpeechNouns = new(
        "remarks", "remark", "comments", "comment", "question", "questions", "criticism", "criticisms", "accusation",
        "accusations", "allegation", "allegations", "claim", "claims", "statement", "statements", "report", "reports",
        "letter", "call", "calls", "request", "requests", "proposal", "proposals", "charges", "threats", "warning", "warnings");

    /// <summary>Hosting, not speaking: "welcomed the delegation to Muscat".</summary>
    public static readonly WordSet WelcomingVerbs = new("welcomed", "welcomes");

    /// <summary>Demands, charges and stances that "long" turns into a standing position: "has long accused", "has long maintained".</summary>
    public static readonly WordSet PositionVerbs = new(
        "demanded", "demands", "accused", "accuses", "claimed", "claims", "urged", "urges", "criticized", "criticised",
        "criticizes", "criticises", "denounced", "denounces", "branded", "brands", "maintained", "maintains",
        "complained", "complains");

    /// <summary>
    /// Demands that "repeatedly" also turns into a standing position ("Baku has repeatedly demanded"): what one wants stays
    /// wanted, while a repeated accusation or claim is still a statement made ("Pakistan has repeatedly accused").
    /// </summary>
    public static readonly WordSet DemandVerbs = new("demanded", "demands", "urged", "urges");

    /// <summary>Adverbs that make a reported stance background rather than a statement: "has long demanded".</summary>
    public static readonly WordSet BackgroundAdverbs = new("long", "consistently", "always", "traditionally");

    /// <summary>Verbs that report speech only with "as" after their object: "described the talks as “constructive”".</summary>
    public static readonly WordSet DescribingVerbs = new(
        "described", "describes", "criticized", "criticised", "criticizes", "criticises", "denounced", "denounces", "hailed",
        "hails", "branded", "brands");

    /// <summary>Verbs that report speech only when they issue a statement with its content: "issued a statement urging …".</summary>
    public static readonly WordSet IssuingVerbs = new("issued", "issues");

    /// <summary>Verbs that report speech only before a quotation: "called the process “a trap”", not "called for talks".</summary>
    public static readonly WordSet QuotationOnlyVerbs = new("called", "calls");

    /// <summary>Verbs that report speech only before "that", a quotation, a colon or a comma: not "declared independence".</summary>
    public static readonly WordSet ClauseOnlyVerbs = new("declared", "declares");

    /// <summary>Participles that carry the subject's words after a comma: "…, saying “…”".</summary>
    public static readonly WordSet ParticipleCues = new(
        "saying", "adding", "calling", "insisting", "arguing", "warning", "noting", "stressing", "accusing",
        "describing", "telling", "demanding", "urging");

    /// <summary>Passive reporting verbs whose "by" phrase names the source: "described as “…” by the minister".</summary>
    public static readonly WordSet PassiveReportingVerbs = new(
        "described", "accused", "criticised", "criticized", "condemned", "denounced", "reported", "announced",
        "confirmed", "denied", "disputed", "rejected", "dismissed", "praised", "welcomed", "cited", "characterized",
        "characterised", "blamed");

    /// <summary>Verb forms that are also common nouns ("a note", "reports"): only verbs before "that" or a comma.</summary>
    public static readonly WordSet NounLikeVerbs = new(
        "note", "notes", "report", "reports", "claim", "claims", "states", "observed", "briefed", "estimates", "estimate",
        "issues");

    /// <summary>Verbs that deny or refuse: they make the claim a denial.</summary>
    public static readonly WordSet DenialVerbs = new(
        "denied", "denies", "deny", "dismissed", "dismisses", "rejected", "rejects", "refuted", "refutes",
        "disputed", "disputes", "declined");

    /// <summary>What "declined to …" must be followed by to count as a refusal to comment.</summary>
    public static readonly WordSet DeclinedObjects = new(
        "comment", "say", "confirm", "discuss", "elaborate", "specify", "answer", "respond", "give", "provide",
        "identify", "detail");

    /// <summary>Words between a subject and its verb that do not break the attribution: "have long insisted".</summary>
    public static readonly WordSet PreVerbFillers = new(
        "have", "has", "had", "also", "long", "repeatedly", "previously", "earlier", "later", "again", "further",
        "quietly", "publicly", "privately", "only", "then", "would", "will", "may", "might", "did", "does",
        "do", "reportedly", "separately", "subsequently", "initially", "first", "immediately", "recently",
        "flatly", "firmly", "strongly", "explicitly", "openly", "allegedly", "apparently", "today", "yesterday",
        "consistently", "always", "traditionally", "promptly", "formally", "officially", "himself", "herself", "itself", "themselves",
        "tonight", "however", "too", "since", "already", "swiftly", "quickly", "categorically", "both");

    public static readonly WordSet Auxiliaries = new("have", "has", "had");

    public static readonly WordSet Negations = new("not", "never", "no", "neither", "nor", "cannot");

    public static readonly WordSet BeForms = new("is", "are", "was", "were", "be", "been", "being", "'s");

    public static readonly WordSet TimeWords = new(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "weekend", "morning", "evening", "night", "afternoon");

    /// <summary>Words that start a new clause: a subject is never collected across them.</summary>
    public static readonly WordSet ClauseBoundaries = new(
        "that", "after", "before", "when", "while", "as", "because", "since", "if", "although", "though",
        "whereas", "where", "so", "than", "once", "until", "unless", "whether", "whom", "and", "but", "or",
        "nor", "yet", "meanwhile", "instead", "however");

    /// <summary>Words that make a phrase a clause rather than a noun phrase.</summary>
    public static readonly WordSet ClauseWords = new(
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can",
        "could", "should", "may", "might", "must", "do", "does", "did", "not", "this", "these", "those",
        "there", "it's", "we", "i", "you", "our", "my", "your", "its");

    /// <summary>Words that start a comma-delimited aside which is not the source: "in a statement", "speaking …".</summary>
    public static readonly WordSet AsideStarters = new(
        "in", "on", "at", "during", "after", "before", "from", "with", "without", "for", "under", "amid", "by",
        "to", "who", "which", "whose", "whom", "speaking", "asking", "requesting", "declining", "writing",
        "responding", "referring", "commenting", "addressing", "talking", "answering", "when", "while", "as",
        "however", "though", "also", "according", "earlier", "later", "meanwhile", "separately", "apparently",
        "echoing", "repeating", "like", "unlike", "along", "alongside", "together", "too", "including");

    /// <summary>
    /// Words that open a negated subject: "Neither government said whether …", "None of the parties has confirmed …" report
    /// that nobody spoke, so the sentence is the outlet's voice.
    /// </summary>
    public static readonly WordSet NegatedSubjectStarters = new("neither", "none", "nobody", "nor");

    /// <summary>Nouns of a state between parties, never a speaker: "Relations soured …, accusing …", "Ties frayed …".</summary>
    public static readonly WordSet RelationNouns = new("relations", "ties", "tensions", "rapprochement", "rift");

    /// <summary>Words that open an introductory phrase, never a source: "Speaking at a news conference".</summary>
    public static readonly WordSet NonSubjectStarters = new(
        "in", "on", "at", "during", "after", "before", "from", "with", "without", "for", "under", "amid", "by",
        "to", "speaking", "asked", "writing", "responding", "referring", "commenting", "addressing", "talking",
        "asking", "answering", "echoing", "repeating", "like", "unlike", "nevertheless", "instead", "however",
        "meanwhile", "while", "although", "though", "when", "if", "as", "because", "since", "despite",
        "following", "it", "there", "this", "these", "that", "those", "such", "what", "which", "who");

    /// <summary>Words after which a noun phrase's head has ended: "two officials with knowledge of …".</summary>
    public static readonly WordSet PostModifiers = new(
        "with", "familiar", "briefed", "close", "in", "at", "from", "on", "for", "to", "who", "which",
        "involved", "knowledgeable", "aware", "based", "speaking", "present", "cited", "quoted", "of");

    public static readonly WordSet RelativePronouns = new("who", "which", "whose", "whom");

    public static readonly WordSet Determiners = new(
        "a", "an", "the", "this", "that", "these", "those", "some", "several", "many", "both", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "multiple", "other", "another", "one", "few",
        "various", "numerous", "most", "all", "any", "each");

    public static readonly WordSet PluralDeterminers = new(
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
        "multiple", "both", "various", "numerous", "few", "these", "those", "other", "all");

    /// <summary>Ordinals and "same" that may sit in a back-reference: "the second diplomat".</summary>
    public static readonly WordSet ReferenceModifiers = new(
        "same", "first", "second", "third", "fourth", "other", "latter", "former", "aforementioned", "said");

    /// <summary>Nouns that can head a source: people, bodies, outlets and documents.</summary>
    public static readonly WordSet SourceNouns = new(
        "source", "sources", "official", "officials", "diplomat", "diplomats", "spokesman", "spokeswoman",
        "spokesperson", "spokespeople", "spokesmen", "minister", "ministers", "ministry", "ministries",
        "office", "media", "analyst", "analysts", "expert", "experts", "agency", "government", "governments",
        "president", "adviser", "advisers", "advisor", "advisors", "aide", "aides", "envoy", "envoys",
        "general", "generals", "commander", "commanders", "people", "person", "observer", "observers",
        "figures", "statement", "report", "newspaper", "newspapers", "television", "channel", "news",
        "outlet", "outlets", "radio", "broadcaster", "daily", "embassy", "army", "military", "negotiator",
        "negotiators", "mediator", "mediators", "officer", "officers", "lawmaker", "lawmakers", "delegate",
        "delegates", "ambassador", "ambassadors", "insider", "insiders", "researcher", "researchers",
        "secretary", "chief", "head", "leader", "leaders", "presidency", "department", "administration",
        "cabinet", "kremlin", "pentagon", "house", "council", "committee", "foreign", "spokesperson's",
        "data", "estimates", "document", "documents", "memo", "website", "press", "mission", "delegation",
        "authorities", "authority", "police", "forces", "movement", "group", "party", "scholar", "scholars", "guard", "guards",
        "commentators", "commentator", "correspondent", "reporter", "reporters", "journalist",
        "journalists", "witness", "witnesses", "residents", "resident", "member", "members", "representative",
        "representatives", "staff", "team", "counterpart", "counterparts", "colleague", "colleagues",
        "premier", "chancellor", "king", "emir", "prince", "monarch", "ruler", "deputy", "director", "delegations",
        "groups", "missions", "agencies", "parties", "monitors", "countries", "sides", "nations", "opposition",
        "rebels", "militants", "insurgents", "activists", "protesters", "demonstrators", "campaigners", "organizers",
        "organisers", "lawyers", "lawyer", "prosecutors", "prosecutor", "investigators", "investigator", "inspectors",
        "coalition", "militia", "militias", "faction", "factions", "bloc", "alliance", "watchdog", "regulator",
        "legislators", "legislator", "senators", "senator", "speaker", "mayor", "governor", "villagers", "medics",
        "doctors", "survivors", "relatives", "families", "monitor", "union", "court", "judge", "judges", "company",
        "companies", "firm", "workers", "readout", "communique", "letter", "allies", "partners", "backers", "supporters", "sponsors",
        "neighbors", "neighbours", "insurers", "underwriters", "shipowners", "exporters", "importers", "traders", "investors", "airlines",
        "organization", "organisation", "organizations", "organisations",
        "chair", "chairs", "chairman", "chairwoman", "chairperson", "facilitators", "guarantors", "professor", "professors",
        "academic", "academics");

    /// <summary>Nouns a bare definite back-reference can use: "the source", "the diplomats", "the office".</summary>
    public static readonly WordSet ReferenceNouns = new(
        "source", "sources", "official", "officials", "diplomat", "diplomats", "spokesman", "spokeswoman",
        "spokesperson", "minister", "ministry", "office", "adviser", "advisor", "aide", "envoy", "general",
        "commander", "analyst", "analysts", "expert", "experts", "agency", "newspaper", "outlet", "channel",
        "broadcaster", "daily", "statement", "report", "government", "president", "people", "person",
        "negotiator", "negotiators", "mediator", "mediators", "officer", "officers", "lawmaker", "delegate",
        "ambassador", "embassy", "insider", "researcher", "secretary", "premier", "chancellor", "presidency",
        "professor", "scholar", "academic", "department", "administration", "kremlin", "mission", "delegation",
        "representative", "deputy",
        "director", "observer", "observers", "group", "movement", "paper", "broadcaster", "militia", "organization",
        "organisation", "party", "faction", "alliance", "coalition", "network", "website", "sides", "countries",
        "council", "committee", "commission", "forum", "panel", "court", "union", "bank", "fund", "center", "centre",
        "institute", "foundation", "association", "federation", "observatory", "readout", "communique", "letter");

    /// <summary>Person nouns: "the official" may fall back to a spokesman or a minister.</summary>
    public static readonly WordSet OfficialNouns = new(
        "official", "spokesman", "spokeswoman", "spokesperson", "minister", "adviser", "advisor", "aide",
        "envoy", "ambassador", "secretary", "general", "commander", "deputy", "director", "officer",
        "representative", "negotiator", "diplomat", "premier");

    /// <summary>Nouns by which a report refers back to an organisation it named: "Hamas said …" then "the group said …".</summary>
    public static readonly WordSet OrganisationReferenceNouns = new(
        "group", "movement", "militia", "organization", "organisation", "party", "faction", "alliance", "coalition");

    /// <summary>Nouns by which a report refers back to an outlet it named: "Haaretz reported …" then "the newspaper said …".</summary>
    public static readonly WordSet MediaReferenceNouns = new(
        "newspaper", "paper", "daily", "outlet", "broadcaster", "channel", "network", "website", "agency");

    public static readonly WordSet MediaWords = new(
        "media", "newspaper", "newspapers", "paper", "daily", "television", "tv", "channel", "radio",
        "broadcaster", "outlet", "outlets", "news", "website", "reuters", "afp", "axios", "bloomberg", "bbc",
        "cnn", "haaretz", "tass", "interfax", "irna", "sana", "suna", "ria", "xinhua", "al-monitor", "al-qahera",
        "times", "journal", "gazette", "tribune", "herald", "telegraph", "guardian",
        "magazine", "newswire", "ynet", "al-jazeera", "al-arabiya", "arabiya", "jazeera", "al-mayadeen", "mayadeen",
        "asharq", "al-ahram", "ahram", "an-nahar", "al-akhbar", "tasnim", "fars", "mehr", "isna", "irib", "ilna",
        "presstv", "rt", "sputnik", "novosti", "izvestia", "kommersant", "cgtn", "cctv", "ap", "wam", "spa", "kuna",
        "qna", "mena", "anadolu", "yonhap", "kyodo", "nhk", "dpa", "efe", "ansa", "bernama", "antara", "petra",
        "maariv", "walla", "i24news", "politico", "semafor", "npr", "nbc", "cbs", "abc", "dawn", "ani", "pti");

    /// <summary>Last words that make a capitalised name an outlet: "The Jerusalem Post", "Arab News", "Press TV".</summary>
    public static readonly WordSet OutletHeads = new(
        "post", "times", "news", "agency", "tv", "television", "radio", "channel", "gazette", "journal", "daily",
        "herald", "tribune", "telegraph", "guardian", "newspaper", "broadcaster", "network", "press", "media", "website");

    /// <summary>Words after a relay's name that end it: "told Arab News in an interview that …".</summary>
    public static readonly WordSet RelayEnders = new(
        "that", "in", "on", "about", "during", "after", "before", "when", "as", "at", "last", "this", "earlier", "late",
        "by", "from", "with", "and", "but", "while", "what", "how", "whether", "it", "he", "she", "they", "its");

    public static readonly WordSet DocumentWords = new(
        "figures", "data", "statistics", "estimates", "report", "document", "documents", "memo", "cable",
        "letter", "readout", "communique", "transcript", "study", "survey", "assessment", "reports", "release",
        "statement", "statements");

    public static readonly WordSet AnalystWords = new(
        "analyst", "analysts", "expert", "experts", "observer", "observers", "researcher", "researchers",
        "scholar", "scholars", "commentator", "commentators", "academic", "academics", "professor", "fellow",
        "think-tank", "economist", "economists", "historian", "specialist", "specialists");

    public static readonly WordSet GovernmentWords = new(
        "ministry", "ministries", "office", "government", "governments", "embassy", "house", "kremlin",
        "pentagon", "department", "presidency", "cabinet", "administration", "army", "military", "authorities",
        "police", "foreign", "council", "parliament", "state", "command", "forces", "consulate", "mission",
        "delegation", "secretariat", "palace", "élysée", "elysee", "downing");

    /// <summary>Nouns that name an organisation rather than a person: never "he" or "she".</summary>
    public static readonly WordSet OrganisationWords = new(
        "ministry", "ministries", "office", "government", "embassy", "house", "kremlin", "pentagon",
        "department", "presidency", "cabinet", "administration", "army", "military", "authorities", "police",
        "council", "parliament", "command", "forces", "agency", "media", "newspaper", "channel", "news",
        "television", "radio", "broadcaster", "outlet", "website", "mission", "delegation", "committee",
        "group", "movement", "party", "figures", "data", "report", "statement", "daily", "press");

    /// <summary>Lower-case titles that may stand before or inside a name: "chief negotiator Mohammed Abdulsalam".</summary>
    public static readonly WordSet RoleWords = new(RoleWordList);

    /// <summary>Lower-case words that may sit inside a name run: "U.S. envoy Morgan Ortagus", "Shams al-Din".</summary>
    public static readonly WordSet TitleWords = new([.. RoleWordList, "of", .. NameParticleList]);

    /// <summary>Lower-case particles inside a personal name: "bin", "de", "van".</summary>
    public static readonly WordSet NameParticles = new(NameParticleList);

    /// <summary>Single words and word sequences that hedge a claim without attributing it.</summary>
    public static readonly WordSet HedgeWords = new(
        "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "reputedly", "appears", "appear",
        "appeared", "seems", "seem", "seemed", "ostensibly", "rumoured", "rumored");

    /// <summary>Participles that hedge after a form of "be" and before "to": "are said to", "is believed to".</summary>
    public static readonly WordSet HedgeParticiples = new(
        "said", "believed", "thought", "understood", "reported", "alleged", "rumoured", "rumored");

    public static readonly WordSet Pronouns = new("he", "she", "they", "it");

    /// <summary>
    /// Whether a word's dot marks an abbreviation, given the text after the dot. "No." and "Nos." stand for a number only
    /// before one ("No. 10", "Resolution No. 2231"); elsewhere the dot ends the word "no" ("…, so no. What we did …").
    /// </summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word, ReadOnlySpan<char> afterDot)
    {
        if (!Abbreviations.Contains(word))
        {
            return false;
        }

        if (!word.Equals("no", StringComparison.OrdinalIgnoreCase) && !word.Equals("nos", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var next = afterDot.TrimStart(' ');
        return !next.IsEmpty && char.IsDigit(next[0]);
    }
}
