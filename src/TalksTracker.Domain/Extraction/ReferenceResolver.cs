namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Resolves a source phrase to the first full mention of the same source earlier in the report:
/// "the source", "the same source", "the diplomats", "the two U.S. officials", "one of the diplomats",
/// "one official" / "another official" / "a second official" / "one of them" (members of an earlier
/// group), "the spokesman", "the statement" (whoever issued it), "he", "she", "they", "Mr. Mirzoyan",
/// "Baghaei". A reference takes the most recently used compatible source (same noun, same number,
/// modifiers it repeats; a person for "he"/"she"). Anything else is a new full mention. One instance per report.
/// </summary>
internal sealed class ReferenceResolver
{
    /// <summary>How many earlier sources a reference may reach back over; keeps huge inputs linear.</summary>
    private const int MaxCandidates = 64;

    private static readonly WordSet DefiniteArticles = new("the", "this", "that", "these", "those");
    private static readonly WordSet Numbers = new("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both");
    private static readonly WordSet MemberOrdinals = new("second", "third", "fourth", "other", "first");

    /// <summary>Who issued the last document of each kind ("statement" → the ministry that said it "in a statement").</summary>
    private readonly Dictionary<string, SourceEntry> _documentIssuers = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<SourceEntry> _recent = [];
    private readonly Dictionary<string, string> _nameByLastWord = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Given names (or family names written first) of full names: "Abiy" → "Prime Minister Abiy Ahmed", "Lee" → "Lawmaker Lee Seong-kweun".</summary>
    private readonly Dictionary<string, string> _nameByFirstWord = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words seen on their own ("Israel"): such a word does not stand for a later full name ("Israel Katz").</summary>
    private readonly HashSet<string> _standalone = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _standaloneLookup;

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameByLastWordLookup;

    public ReferenceResolver()
    {
        _standaloneLookup = _standalone.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameByLastWordLookup = _nameByLastWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SourceEntry Resolve(Phrase phrase)
    {
        var words = phrase.Words;
        if (NameAfterPossessiveRole(words) is > 0 and var nameAt)
        {
            // "its spokesman Kerem Sezgin said": the person named, who holds the role, not the owner's spokesman.
            var nameText = phrase.Text[phrase.Text.LastIndexOf(words[nameAt], StringComparison.Ordinal)..];
            var named = Resolve(new Phrase(phrase.Span, nameText, words[nameAt..]));
            NoteRole(named, words[nameAt - 1].ToLowerInvariant());
            return named;
        }

        if (PossessiveOwnerLength(words) is > 0 and var ownerLength && ResolvePossessive(phrase, ownerLength) is { } owned)
        {
            Touch(owned);
            return owned;
        }

        if (words.Length >= 2 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) && State.Descriptor(words[1..]) is { } describes
            && _stateMentions.FindLast(st => describes(st)) is { } state)
        {
            // "The Kingdom said", "the sultanate welcomed": the state mentioned last that the descriptor fits.
            var named = FindSame(state.Name) ?? SourceEntry.From(state.Name, state.Name.Split(' '));
            Touch(named);
            return named;
        }

        var resolved = words.Length == 1 && Lexicon.Pronouns.Contains(words[0])
            ? ResolvePronoun(words[0], phrase.Span.Start)
            : ResolveBodyPossessive(words) ?? ResolveGroupMember(words) ?? ResolveOneOf(words) ?? ResolveDefinite(words) ?? ResolveSurname(words) ?? FindSame(phrase.Text)
                ?? ResolvePartialName(words) ?? ResolveRole(words);
        if (resolved is not null)
        {
            Touch(resolved);
            return resolved;
        }

        var entry = SourceEntry.From(phrase.Text, words);
        if (!(words.Length == 1 && Lexicon.Pronouns.Contains(words[0])))
        {
            TouchMembers(phrase.Text);
            Touch(entry);
        }

        return entry;
    }

    /// <summary>
    /// Where the name starts in "its spokesman Kerem Sezgin" (a possessive, a lower-case role, two or more capitalised
    /// words), or 0.
    /// </summary>
    private static int NameAfterPossessiveRole(string[] words)
    {
        if (words.Length < 4 || !NounPhrase.PossessiveDeterminers.Contains(words[0]))
        {
            return 0;
        }

        var nameAt = words.Length;
        while (nameAt > 1 && NounPhrase.IsCapitalised(words[nameAt - 1]) && !Lexicon.RoleWords.Contains(words[nameAt - 1]))
        {
            nameAt--;
        }

        var role = words[nameAt - 1];
        return words.Length - nameAt >= 2 && nameAt >= 2 && char.IsLower(role[0]) && Lexicon.OfficialNouns.Contains(role) && !NounPhrase.IsPlural([role])
            ? nameAt
            : 0;
    }

    /// <summary>
    /// Starts a sentence whose grammatical subject is <paramref name="subject"/> (null when it opens otherwise): an owner
    /// for "its"/"his" and an antecedent for a later "it"/"he" in the same sentence or the next.
    /// </summary>
    public void BeginSentence(Phrase? subject)
    {
        _previousSubject = _currentSubject ?? _previousSubject;
        _lastSentenceSubject = _currentSubject;
        _currentSubject = subject is { } p ? (p.Span.Start, Quiet(p)) : null;
    }

    /// <summary>The sentence's source was its subject ("He denied …"): the subject is that source.</summary>
    public void NoteSubjectSource(int subjectStart, SourceEntry source)
    {
        if (_currentSubject is { } current && current.Start == subjectStart)
        {
            _currentSubject = (subjectStart, source);
        }
    }

    private (int Start, SourceEntry Entry)? _currentSubject;
    private (int Start, SourceEntry Entry)? _previousSubject;

    /// <summary>The subject of the sentence just before, or null when it opened otherwise.</summary>
    private (int Start, SourceEntry Entry)? _lastSentenceSubject;

    /// <summary>The subject as a known source when it names one ("Lukashenko" → his first full mention), else as written.</summary>
    private SourceEntry Quiet(Phrase phrase)
    {
        var words = phrase.Words;
        if (words.Length == 1 && Lexicon.Pronouns.Contains(words[0]))
        {
            return ResolvePronoun(words[0], int.MaxValue) ?? SourceEntry.From(phrase.Text, words);
        }

        return ResolveSurname(words) ?? FindSame(phrase.Text) ?? ResolvePartialName(words) ?? SourceEntry.From(phrase.Text, words);
    }

    /// <summary>
    /// How many words name the owner in "its foreign ministry" (1), "the country's army" (2) or "the Central Asian
    /// country's foreign ministry" (4): a possessive determiner, or "the" and a descriptor of a state; 0 otherwise.
    /// </summary>
    private static int PossessiveOwnerLength(string[] words)
    {
        if (words.Length >= 2 && NounPhrase.PossessiveDeterminers.Contains(words[0]))
        {
            return 1;
        }

        if (words.Length < 3 || !words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        for (var k = 1; k < Math.Min(words.Length - 1, 5); k++)
        {
            if (IsPossessiveWord(words[k]))
            {
                return State.Descriptor(words[1..(k + 1)]) is not null ? k + 1 : 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// "Iran" → "Iran's"; a subject that ends in a possessive ("Burkina Faso's" of "Burkina Faso's military government made
    /// no comment") already names the owner, so "Its prime minister" is "Burkina Faso's prime minister".
    /// </summary>
    private static string PossessiveOf(string owner) => IsPossessiveWord(owner) ? owner : owner + "'s";

    private static bool IsPossessiveWord(string word) =>
        word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "its foreign ministry" → "Iran's foreign ministry": the owner is the subject of this sentence (when the possessive
    /// comes after it) or of the one before, if it fits ("its" a body or country, "his"/"her" a person, "their" a group),
    /// else the most recent source that fits. "his ministry" is the ministry a minister heads ("Iraqi Foreign Minister
    /// Fuad Hussein" → "the Iraqi foreign ministry"), else the ministry named last; "its" after a person is the body
    /// the person speaks for ("The Taliban's chief spokesman"); "the Kingdom's", "the Gulf state's", "the country's" are
    /// the state the subject names, else the state mentioned last that the descriptor fits.
    /// </summary>
    private SourceEntry? ResolvePossessive(Phrase phrase, int ownerLength)
    {
        var words = phrase.Words;
        var rest = string.Join(' ', words[ownerLength..]);
        string? ownerText;
        if (ownerLength > 1)
        {
            ownerText = StateOwner(phrase, State.Descriptor(words[1..ownerLength])!, words[ownerLength - 1]);
        }
        else
        {
            ownerText = DeterminerOwner(phrase, words[0].ToLowerInvariant(), ref rest);
        }

        if (ownerText is null)
        {
            return null;
        }

        // "The Islamic Republic's top diplomat" → "Iran's top diplomat", which may name a person already met.
        var text = ownerText.Length == 0 ? rest : ownerText + " " + rest;
        var textWords = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return FindSame(text) ?? (ownerLength > 1 ? ResolveRole(textWords) : null) ?? SourceEntry.From(text, textWords);
    }

    /// <summary>
    /// "The ministry's spokesperson" after "India's Ministry of External Affairs issued a readout": a body named by its
    /// head noun in the possessive is the nearest source with that head ("India's Ministry of External Affairs'
    /// spokesperson"); not a person's role ("the minister's aide").
    /// </summary>
    private SourceEntry? ResolveBodyPossessive(string[] words)
    {
        if (words.Length < 3 || !words[0].Equals("the", StringComparison.OrdinalIgnoreCase) || !IsPossessiveWord(words[1]))
        {
            return null;
        }

        var noun = NounPhrase.WithoutPossessive(words[1]);
        if (!char.IsLower(noun[0]) || !Lexicon.ReferenceNouns.Contains(noun) || Lexicon.OfficialNouns.Contains(noun)
            || FindRecent(e => !e.IsPerson && !e.IsPlural && e.HasWord(noun) && e.Words.Length > 1) is not { } owner)
        {
            return null;
        }

        // A plural-looking name takes the apostrophe alone: "Ministry of External Affairs'".
        var possessive = IsPossessiveWord(owner.Text) ? owner.Text
            : owner.Text.EndsWith('s') && !owner.Text.EndsWith("ss", StringComparison.Ordinal) && !owner.Text.EndsWith("us", StringComparison.Ordinal)
                ? owner.Text + "'" : owner.Text + "'s";
        var text = possessive + " " + string.Join(' ', words[2..]);
        return FindSame(text) ?? SourceEntry.From(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The owner of "its"/"his"/"her"/"their" as a possessive ("Iran's"), or "" when <paramref name="rest"/> became the whole name.</summary>
    private string? DeterminerOwner(Phrase phrase, string determiner, ref string rest)
    {
        var isIts = determiner is not ("his" or "her" or "their");
        var ministry = !isIts && determiner != "their" && rest.StartsWith("ministry", StringComparison.OrdinalIgnoreCase);
        Func<SourceEntry, bool> fits = determiner switch
        {
            "his" => e => e.IsPerson && !e.IsPlural && e.Gender != 'f',
            "her" => e => e.IsPerson && !e.IsPlural && e.Gender != 'm',
            "their" => e => e.IsPlural,
            _ => e => !e.IsPlural && !(e.IsPerson && (e.HasAnyWord(Lexicon.RoleWords) || e.HasAnyWord(Lexicon.Honorifics))) && !Lexicon.Pronouns.Contains(e.Words[0])
                && !e.HasWord("and"),
        };

        var subjects = new List<SourceEntry>(2);
        if (_currentSubject is { } current && current.Start < phrase.Span.Start)
        {
            subjects.Add(current.Entry);
        }

        if (_previousSubject is { } previous)
        {
            subjects.Add(previous.Entry);
        }

        if (ministry)
        {
            // "his ministry": the ministry the nearest minister heads, else the ministry named last.
            var minister = subjects.Find(e => fits(e) && e.MinistryText() is not null) ?? FindRecent(e => fits(e) && e.MinistryText() is not null);
            var suffix = rest["ministry".Length..];
            if (minister?.MinistryText() is { } headed)
            {
                rest = headed + suffix;
                return "";
            }

            if (_lastMinistry is { } named)
            {
                rest = named + suffix;
                return "";
            }
        }

        if (isIts)
        {
            // A person's "its" is the body the person speaks for: "The Taliban's chief spokesman, Zabihullah Mujahid".
            foreach (var subject in subjects)
            {
                if (subject.IsPerson && subject.AffiliationOwner() is { } affiliation)
                {
                    return affiliation;
                }

                if (fits(subject) && !(subject.IsPerson && subject.Description is not null))
                {
                    return PossessiveOf(subject.Text);
                }
            }
        }
        else if (subjects.Find(e => fits(e)) is { } subjectOwner)
        {
            return PossessiveOf(subjectOwner.Text);
        }

        return FindRecent(e => fits(e) && !(isIts && e.IsPerson) && !e.Text.Contains('\'') && !e.Text.Contains('’')) is { } recent
            ? recent.Text + "'s"
            : null;
    }

    /// <summary>"the Kingdom's", "the country's": the state the subject names, else the last state mentioned that fits.</summary>
    private string? StateOwner(Phrase phrase, Func<State, bool> fits, string descriptorWord)
    {
        foreach (var subject in new[] { _currentSubject is { } c && c.Start < phrase.Span.Start ? c.Entry : null, _previousSubject?.Entry })
        {
            if (subject is null)
            {
                continue;
            }

            if (State.Named(subject.Words) is { } named)
            {
                if (fits(named))
                {
                    return named.Possessive;
                }

                continue;
            }

            // A name the state list does not know: "the country's" after "Mali said …".
            var generic = NounPhrase.WithoutPossessive(descriptorWord).ToLowerInvariant() is "country" or "nation";
            if (generic && !subject.IsPlural && !subject.IsPerson && subject.Words.Length <= 2 && Array.TrueForAll(subject.Words, w => NounPhrase.IsCapitalised(w))
                && !subject.Text.Contains('\'') && !subject.Text.Contains('’'))
            {
                return subject.Text + "'s";
            }
        }

        for (var i = _stateMentions.Count - 1; i >= 0; i--)
        {
            if (fits(_stateMentions[i]))
            {
                return _stateMentions[i].Possessive;
            }
        }

        return null;
    }

    /// <summary>States in the order last mentioned (by name or demonym).</summary>
    private readonly List<State> _stateMentions = [];

    /// <summary>Roles set off before a name in any sentence ("its foreign minister, Hodan Ismail" → "minister"), by full name.</summary>
    private readonly Dictionary<string, string> _appositiveRoles = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ministry named last: "Japan's Ministry of Foreign Affairs".</summary>
    private string? _lastMinistry;

    /// <summary>The members of a joint source ("Tusk and Rutte said"), so a later "Rutte" finds his first full mention.</summary>
    private void TouchMembers(string text)
    {
        if (!text.Contains(" and ", StringComparison.Ordinal))
        {
            return;
        }

        // Only people are remembered as members: "The leaders of Venezuela and Guyana" has none.
        var members = new List<SourceEntry>();
        foreach (var part in text.Split([", ", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !NounPhrase.IsPlausibleSource(words))
            {
                return;
            }

            var member = FindSame(part) ?? SourceEntry.From(part, words);
            if (!member.IsPerson || member.IsPlural || member.Kind != SourceKind.NamedOfficial)
            {
                return;
            }

            members.Add(member);
        }

        members.ForEach(Touch);
    }

    /// <summary>"Hun Manet", "Guo", "Chen" for "Cambodian Prime Minister Hun Manet", "… spokesperson Guo Jiakun": a name inside an earlier person's mention.</summary>
    private SourceEntry? ResolvePartialName(string[] words)
    {
        var i = 0;
        while (i < words.Length - 1 && Lexicon.IsHonorific(words[i]))
        {
            i++;
        }

        var name = words[i..];
        if (name.Length == 0 || name.Length > 3 || !Array.TrueForAll(name, w => NounPhrase.IsCapitalised(w) && !Lexicon.SourceNouns.Contains(w))
            || (name.Length == 1 && _standaloneLookup.Contains(NounPhrase.WithoutPossessive(name[0]))))
        {
            return null;
        }

        var last = NounPhrase.WithoutPossessive(name[^1]);
        return FindRecent(e => e.IsPerson && !e.IsPlural && e.Words.Length > name.Length && ContainsRun(e.Words, name[..^1], last));
    }

    private static bool ContainsRun(string[] words, string[] prefix, string last)
    {
        for (var start = 0; start + prefix.Length < words.Length; start++)
        {
            var matches = true;
            for (var k = 0; k < prefix.Length && matches; k++)
            {
                matches = words[start + k].Equals(prefix[k], StringComparison.OrdinalIgnoreCase);
            }

            if (matches && NounPhrase.WithoutPossessive(words[start + prefix.Length]).Equals(last, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the top diplomat", "the Chinese diplomat", "the minister": the nearest earlier person whose mention fits the role
    /// (a diplomat is a foreign minister, ambassador or envoy), whatever modifiers the reference adds.
    /// </summary>
    private SourceEntry? ResolveRole(string[] words)
    {
        // "Iran's top diplomat" is "the Iranian top diplomat": a state's possessive stands for its nationality.
        var owner = words.Length >= 2 && State.At(words, 0) is { } found && found.Length < words.Length && IsPossessiveWord(words[found.Length - 1])
            && State.Named(words[..found.Length]) is not null ? found : default((State State, int Length)?);
        if (owner is { } o)
        {
            // Read "Saudi Arabia's top diplomat" as "the Saudi top diplomat".
            words = ["the", o.State.Demonyms[0], .. words[o.Length..]];
        }

        if (words.Length < 2 || words.Length > 4 || !DefiniteArticles.Contains(words[0]))
        {
            return null;
        }

        var noun = words[^1];
        if (!char.IsLower(noun[0]) || !Lexicon.OfficialNouns.Contains(noun) || NounPhrase.IsPlural([noun]))
        {
            return null;
        }

        for (var k = 1; k < words.Length - 1; k++)
        {
            // Modifiers may only be rank or nationality: "top", "senior", "Chinese"; not "U.S." against an Iranian.
            if (!RankModifiers.Contains(words[k]) && !NounPhrase.IsCapitalised(words[k]))
            {
                return null;
            }
        }

        var lower = noun.ToLowerInvariant();
        var modifiers = words[1..^1];
        return FindRecent(e => e.IsPerson && !e.IsPlural && FitsRole(e, lower) && NationalityFits(e, modifiers)) ?? ResolvePost(lower, modifiers);
    }

    private static readonly WordSet RankModifiers = new("top", "senior", "chief", "veteran", "former", "deputy", "foreign", "same");
    private static readonly WordSet DiplomatRoles = new("diplomat", "ambassador", "envoy", "foreign", "minister", "secretary", "representative", "counterpart");

    private static bool FitsRole(SourceEntry entry, string noun)
    {
        if (entry.HasWord(noun) || entry.HasRole(noun))
        {
            return true;
        }

        return noun switch
        {
            "diplomat" => entry.HasWord("ambassador") || entry.HasWord("envoy") || entry.HasRole("ambassador") || entry.HasRole("envoy")
                || (entry.HasWord("foreign") && (entry.HasWord("minister") || entry.HasWord("secretary"))) || entry.HasWord("diplomat")
                || entry.HasRole("counterpart"),
            "official" => entry.HasAnyWord(Lexicon.OfficialNouns) || entry.HasRole("official"),

            // An ambassador is his state's envoy: "Iran's ambassador to Yerevan, Reza Ahmadian, …. The envoy noted".
            "envoy" => entry.HasWord("ambassador") || entry.HasRole("ambassador"),

            // "The premier urged restraint" after "Iraqi Prime Minister Mohammed Shia al-Sudani".
            "premier" => entry.HasWord("prime") && entry.HasWord("minister"),

            // A minister meets his counterpart: "… and his Azerbaijani counterpart Jeyhun Bayramov …. The Azerbaijani minister".
            "minister" => entry.HasRole("counterpart"),
            _ => false,
        };
    }

    /// <summary>"the Chinese diplomat" fits "China's Vice Foreign Minister …" or a bare name; not "Polish Foreign Minister …".</summary>
    private static bool NationalityFits(SourceEntry entry, string[] modifiers)
    {
        var first = entry.Words[0];
        if (entry.Words.Length < 3 || !NounPhrase.IsCapitalised(first) || Lexicon.RoleWords.Contains(first) || Lexicon.Honorifics.Contains(first))
        {
            return true;
        }

        foreach (var modifier in modifiers)
        {
            if (NounPhrase.IsCapitalised(modifier) && !first.StartsWith(modifier[..Math.Min(4, modifier.Length)], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Remembers that <paramref name="entry"/> issued a document ("statement"), so "the statement said" is theirs.</summary>
    public void NoteDocument(string noun, SourceEntry entry) => _documentIssuers[noun] = entry;

    /// <summary>Remembers a role given in an appositive ("a Yemeni official" for "one of the sources"), so "the official" finds it.</summary>
    public static void NoteRole(SourceEntry entry, string role) => entry.AddRole(role);

    /// <summary>Remembers the names in a sentence ("U.S. envoy Morgan Ortagus") so a later bare surname resolves to them.</summary>
    public void ObserveNames(string text, List<Token> tokens)
    {
        ObserveStatesAndMinistries(text, tokens);
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsWord || !NounPhrase.IsCapitalised(tokens[i].Of(text)))
            {
                i++;
                continue;
            }

            var start = i;
            var lastCapital = i;
            while (i + 1 < tokens.Count && tokens[i + 1].IsWord
                && (NounPhrase.IsCapitalised(tokens[i + 1].Of(text)) || Lexicon.TitleWords.Contains(tokens[i + 1].Of(text))
                    || IsTitleFor(text, tokens, i + 1)))
            {
                i++;
                if (NounPhrase.IsCapitalised(tokens[i].Of(text)))
                {
                    lastCapital = i;
                }
            }

            while (start < lastCapital && (Lexicon.Determiners.Contains(tokens[start].Of(text))
                || Lexicon.NonSubjectStarters.Contains(tokens[start].Of(text))))
            {
                start++;
            }

            // "Minister of State at the Ministry of Foreign Affairs HE Dr. Khalid Al-Attiyah": the post named before the honorific
            // "HE" (His Excellency) is a description; the person's name starts at the honorific.
            for (var h = lastCapital - 1; h > start; h--)
            {
                if (Lexicon.IsExcellency(tokens[h].Of(text)))
                {
                    start = h;
                    break;
                }
            }

            // Lower-case titles before the name belong to it: "led by chief negotiator Mohammed Abdulsalam".
            while (start > 0 && tokens[start - 1].IsWord && !tokens[start - 1].InQuote
                && char.IsLower(tokens[start - 1].Of(text)[0]) && Lexicon.RoleWords.Contains(tokens[start - 1].Of(text)))
            {
                start--;
            }

            if (lastCapital > start && !_nameByLastWordLookup.ContainsKey(WithoutPossessive(tokens[lastCapital].Of(text))))
            {
                var last = NounPhrase.WithoutPossessive(tokens[lastCapital].Of(text).ToString());
                var fullText = text[tokens[start].Start..(tokens[lastCapital].Start + last.Length)];
                _nameByLastWord.Add(last, fullText);
                ObserveFirstName(text, tokens, start, lastCapital, fullText);

                ObservePost(text, tokens, start, fullText);

                // "Somaliland sent its foreign minister, Hodan Ismail." and "his Azerbaijani counterpart Jeyhun Bayramov": the
                // role set before the name, for "the minister".
                var roleAt = start >= 2 && tokens[start - 1].Kind == TokenKind.Comma ? start - 2 : start - 1;
                if (roleAt >= 0 && tokens[roleAt].IsWord && char.IsLower(tokens[roleAt].Of(text)[0])
                    && (Lexicon.OfficialNouns.Contains(tokens[roleAt].Of(text)) || tokens[roleAt].Of(text).Equals("counterpart", StringComparison.Ordinal)))
                {
                    _appositiveRoles[fullText] = tokens[roleAt].Of(text).ToString();
                }
            }
            else if (lastCapital == start && !_standaloneLookup.Contains(tokens[start].Of(text)))
            {
                _standalone.Add(tokens[start].Of(text).ToString());
            }

            i++;
        }
    }

    /// <summary>
    /// "the Lebanese Minister of National Defense, Michel Haddad,": a capitalised post set off before a name, kept so that "the
    /// Lebanese minister" can find the person even when he was only mentioned, never a source.
    /// </summary>
    private void ObservePost(string text, List<Token> tokens, int start, string fullText)
    {
        if (start < 3 || tokens[start - 1].Kind != TokenKind.Comma)
        {
            return;
        }

        var postStart = start - 1;
        while (postStart > 0 && tokens[postStart - 1].IsWord && !tokens[postStart - 1].InQuote && start - postStart < 10
            && (NounPhrase.IsCapitalised(tokens[postStart - 1].Of(text)) || Lexicon.TitleWords.Contains(tokens[postStart - 1].Of(text))
                || (tokens[postStart - 1].Of(text) is "the" && postStart >= 2 && tokens[postStart - 2].Of(text) is "of")))
        {
            postStart--;
        }

        if (postStart == start - 1)
        {
            return;
        }

        var post = new string[start - 1 - postStart];
        for (var k = postStart; k < start - 1; k++)
        {
            post[k - postStart] = tokens[k].Of(text).ToString();
        }

        _posts.Add((post, fullText));
    }

    /// <summary>
    /// "the Syrian minister" when no earlier source fits: the person last set off after a post that holds the role noun and a word
    /// of the same nationality ("the Syrian Minister of Defense, Major General X,").
    /// </summary>
    private SourceEntry? ResolvePost(string noun, string[] modifiers)
    {
        if (!Array.Exists(modifiers, NounPhrase.IsCapitalised))
        {
            return null;
        }

        for (var p = _posts.Count - 1; p >= 0; p--)
        {
            var (post, fullText) = _posts[p];
            if (!Array.Exists(post, w => w.Equals(noun, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fits = true;
            foreach (var modifier in modifiers)
            {
                if (NounPhrase.IsCapitalised(modifier)
                    && !Array.Exists(post, w => w.StartsWith(modifier[..Math.Min(4, modifier.Length)], StringComparison.OrdinalIgnoreCase)))
                {
                    fits = false;
                    break;
                }
            }

            if (fits)
            {
                return FindSame(fullText) ?? SourceEntry.From(fullText, fullText.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return null;
    }

    private readonly List<(string[] Post, string FullText)> _posts = [];

    /// <summary>"for" inside a title, between a role and a capitalised word: "State Minister for Foreign Affairs Abdikarim Warsame".</summary>
    private static bool IsTitleFor(string text, List<Token> tokens, int i) =>
        tokens[i].Of(text).Equals("for", StringComparison.Ordinal) && Lexicon.RoleWords.Contains(tokens[i - 1].Of(text))
        && NounPhrase.IsCapitalised(tokens[i - 1].Of(text)) && i + 1 < tokens.Count && tokens[i + 1].IsWord && NounPhrase.IsCapitalised(tokens[i + 1].Of(text));

    /// <summary>Remembers the states a sentence mentions ("Omani", "Saudi Arabia") and the ministry it names last ("Japan's Ministry of Foreign Affairs").</summary>
    private void ObserveStatesAndMinistries(string text, List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !NounPhrase.IsCapitalised(tokens[i].Of(text)))
            {
                continue;
            }

            if (State.MayStart(tokens[i].Of(text)))
            {
                var words = new List<string>(3);
                for (var k = i; k < tokens.Count && k < i + 3 && tokens[k].IsWord; k++)
                {
                    words.Add(tokens[k].Of(text).ToString());
                }

                if (State.At(words, 0) is { } found)
                {
                    _stateMentions.Remove(found.State);
                    _stateMentions.Add(found.State);
                    i += found.Length - 1;
                    continue;
                }
            }

            if (tokens[i].Of(text).Equals("Ministry", StringComparison.Ordinal) && i > 0 && tokens[i - 1].IsWord)
            {
                var owner = tokens[i - 1].Of(text);
                var start = i - 1;
                if (!(owner.EndsWith("'s", StringComparison.Ordinal) || owner.EndsWith("’s", StringComparison.Ordinal)))
                {
                    continue;
                }

                var end = i;
                while (end + 2 < tokens.Count && tokens[end + 1].IsWord && tokens[end + 1].Of(text).Equals("of", StringComparison.Ordinal)
                    && tokens[end + 2].IsWord && NounPhrase.IsCapitalised(tokens[end + 2].Of(text)))
                {
                    end += 2;
                    while (end + 1 < tokens.Count && tokens[end + 1].IsWord && NounPhrase.IsCapitalised(tokens[end + 1].Of(text)))
                    {
                        end++;
                    }
                }

                _lastMinistry = text[tokens[start].Start..tokens[end].End];
            }
        }
    }

    /// <summary>The first word of the name proper, after titles and possessives ("Prime Minister Abiy Ahmed" → "Abiy").</summary>
    private void ObserveFirstName(string text, List<Token> tokens, int start, int lastCapital, string fullText)
    {
        var first = start;
        // Demonyms and bodies are titles too: "Chinese Foreign Ministry spokesperson Mao Ning" → "Mao".
        while (first < lastCapital && (IsTitleOrPossessive(tokens[first].Of(text)) || State.MayStart(tokens[first].Of(text))
            || Lexicon.SourceNouns.Contains(tokens[first].Of(text))))
        {
            first++;
        }

        if (first < lastCapital && NounPhrase.IsCapitalised(tokens[first].Of(text)) && !_standaloneLookup.Contains(tokens[first].Of(text))
            && !_nameByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(tokens[first].Of(text)))
        {
            _nameByFirstWord.Add(tokens[first].Of(text).ToString(), fullText);
        }
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’')
        {
            return word[..^2];
        }

        return word.Length > 1 && word[^1] is '\'' or '’' ? word[..^1] : word;
    }

    private static bool IsTitleOrPossessive(ReadOnlySpan<char> word) =>
        char.IsLower(word[0]) || Lexicon.RoleWords.Contains(word) || Lexicon.Honorifics.Contains(word) || Lexicon.IsExcellency(word)
        || word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase);

    private SourceEntry? ResolvePronoun(string pronoun, int at)
    {
        var lower = pronoun.ToLowerInvariant();
        Func<SourceEntry, bool> fits = lower switch
        {
            "he" => e => e.IsPerson && !e.IsPlural && e.Gender != 'f',
            "she" => e => e.IsPerson && !e.IsPlural && e.Gender != 'm',
            "they" => e => e.IsPlural,
            _ => e => !e.IsPerson && !e.IsPlural,
        };

        // "The embassy issued a statement, in which it rejected …": the subject of the same sentence comes first.
        if (_currentSubject is { } current && current.Start < at && fits(current.Entry) && !Lexicon.Pronouns.Contains(current.Entry.Words[0]))
        {
            return FindSame(current.Entry.Text) ?? current.Entry;
        }

        // "Finance Minister X has called for …. He said on Sunday …": a subject pronoun continues the previous sentence's
        // subject when that was a person named in full, whether or not that sentence was attributed.
        if (lower is "he" or "she" && _currentSubject is { } opening && opening.Start == at && _lastSentenceSubject is { } last
            && last.Entry.IsPerson && !last.Entry.IsPlural && last.Entry.Words.Length >= 2 && NounPhrase.IsCapitalised(last.Entry.Words[^1])
            && fits(last.Entry))
        {
            return FindSame(last.Entry.Text) ?? last.Entry;
        }

        return FindRecent(fits);
    }

    /// <summary>
    /// "one official", "another official", "a second official", "the other person", and bare "another", "the other",
    /// "one of them": a member of the most recent group of that noun (or of people, when bare).
    /// </summary>
    private SourceEntry? ResolveGroupMember(string[] words)
    {
        if (NounPhrase.IsGroupReference(words))
        {
            return FindRecent(e => e.IsPlural && e.IsPerson);
        }

        int first;
        if (words.Length >= 2 && (words[0].Equals("one", StringComparison.OrdinalIgnoreCase) || words[0].Equals("another", StringComparison.OrdinalIgnoreCase)))
        {
            first = 1;
        }
        else if (words.Length >= 3 && (words[0].Equals("a", StringComparison.OrdinalIgnoreCase) || words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            && MemberOrdinals.Contains(words[1]))
        {
            first = 2;
        }
        else
        {
            return null;
        }

        var noun = NounPhrase.WithoutPossessive(words[^1]);
        if (!char.IsLower(noun[0]) || NounPhrase.IsPlural([noun]))
        {
            return null;
        }

        var plural = NounPhrase.PluralOf(noun);
        var modifiers = words[first..^1];
        var group = FindRecent(e => e.IsPlural && e.HasWord(plural) && HasAll(e, modifiers));

        // "One official said …" then "the official said …": the member stays with the group.
        group?.AddRole(noun.ToLowerInvariant());
        return group;
    }

    /// <summary>"one of the diplomats" points back to a plural mention of diplomats.</summary>
    private SourceEntry? ResolveOneOf(string[] words)
    {
        if (NounPhrase.OneOfIndex(words) is not { } index || words.Length - index > 3)
        {
            return null;
        }

        // "one of the Israeli officials": modifiers the reference repeats must be in the group's mention.
        var noun = words[^1];
        var modifiers = words[index..^1];
        return FindRecent(e => e.IsPlural && e.HasWord(noun) && HasAll(e, modifiers));
    }

    /// <summary>"the source", "the same source", "the second diplomat", "the officials".</summary>
    private SourceEntry? ResolveDefinite(string[] words)
    {
        if (words.Length < 2 || !DefiniteArticles.Contains(words[0]))
        {
            return null;
        }

        // Modifiers a reference repeats must be in the mention it points to: "the two U.S. officials".
        List<string>? repeated = null;
        for (var i = 1; i < words.Length - 1; i++)
        {
            if (!Lexicon.ReferenceModifiers.Contains(words[i]) && !Numbers.Contains(words[i]))
            {
                (repeated ??= []).Add(words[i]);
            }
        }

        // A capital makes it a name, not a back-reference: "the Kremlin".
        var noun = words[^1];
        if (!Lexicon.ReferenceNouns.Contains(noun) || !char.IsLower(noun[0]))
        {
            return null;
        }

        if (repeated is null && _documentIssuers.TryGetValue(noun, out var issuer))
        {
            return issuer;
        }

        var plural = NounPhrase.IsPlural([noun]);
        if (repeated is not null)
        {
            // "the Japanese ministry" after "the Foreign Ministry said" in a Japanese report and a later "Chinese Foreign
            // Ministry": a government body that no mention names with the demonym is the one named without any state.
            return FindRecent(e => e.IsPlural == plural && e.HasWord(noun) && HasAll(e, repeated))
                ?? (repeated.Count == 1 && Lexicon.GovernmentWords.Contains(noun) && State.At(repeated, 0) is { Length: 1 }
                    ? FindRecent(e => e.IsPlural == plural && e.HasWord(noun) && !NamesAnyState(e))
                    : null);
        }

        // "the diplomat" after "two diplomats said …" is one of them, unless a single diplomat was named more recently.
        var groupNoun = plural ? null : NounPhrase.PluralOf(noun);

        // "the coalition" is the body, not "coalition spokesman X": a body noun modifying a person's role is not the person.
        var bodyNoun = Lexicon.OrganisationReferenceNouns.Contains(noun);
        return FindRecent(e => (e.IsPlural == plural && e.HasWord(noun) && !(bodyNoun && e.IsPerson && !e.LastName.Equals(noun, StringComparison.OrdinalIgnoreCase))) || (!plural && e.HasRole(noun)) || (groupNoun is not null && e.IsPlural && e.HasWord(groupNoun)))
            ?? (plural ? null : ResolveByKind(noun));
    }

    /// <summary>"the official" → the last official named; "the group" → the last organisation; "the newspaper" → the last outlet.</summary>
    private SourceEntry? ResolveByKind(string noun)
    {
        if (Lexicon.AnalystWords.Contains(noun))
        {
            // "the expert", "the analyst": the nearest person described as one, or by a research post ("director of the Institute …").
            return FindRecent(e => e.IsPerson && !e.IsPlural && (e.Kind == SourceKind.Analyst || e.HasRole(noun) || IsResearchPost(e.Description)));
        }

        if (Lexicon.OfficialNouns.Contains(noun))
        {
            return FindRecent(e => e.IsPerson && !e.IsPlural && e.Kind != SourceKind.Analyst && e.HasAnyWord(Lexicon.OfficialNouns));
        }

        if (noun.Equals("source", StringComparison.OrdinalIgnoreCase))
        {
            // "A member of the delegation told …" then "the source said": news calls an unnamed informant "the source"
            // whatever noun first described them.
            return FindRecent(e => !e.IsPlural && e.Kind == SourceKind.AnonymousOfficial);
        }

        if (Lexicon.MediaReferenceNouns.Contains(noun))
        {
            return FindRecent(e => e.Kind == SourceKind.MediaOutlet && !e.IsPlural);
        }

        return Lexicon.OrganisationReferenceNouns.Contains(noun)
            ? FindRecent(e => !e.IsPerson && !e.IsPlural && e.Words.Length <= 2 && NounPhrase.IsCapitalised(e.Words[^1])
                && e.Kind is SourceKind.GovernmentStatement or SourceKind.Other)
            : null;
    }

    private static readonly WordSet ResearchWords = new(
        "institute", "academy", "university", "college", "center", "centre", "think-tank", "tank", "professor", "fellow",
        "analyst", "researcher", "scholar", "expert", "lecturer");

    private static bool IsResearchPost(string? description) =>
        description is not null && Array.Exists(description.Split(' '), w => ResearchWords.Contains(w) || Lexicon.AnalystWords.Contains(w));

    /// <summary>"Baghaei", "Mr. Mirzoyan": the earlier mention whose name ends with that surname.</summary>
    private SourceEntry? ResolveSurname(string[] words)
    {
        var i = 0;
        while (i < words.Length - 1 && Lexicon.IsHonorific(words[i]))
        {
            i++;
        }

        if (i != words.Length - 1 || !NounPhrase.IsCapitalised(words[i]))
        {
            return null;
        }

        var surname = NounPhrase.WithoutPossessive(words[i]);
        if (i == 0 && State.Named([surname]) is not null)
        {
            // "Pakistan" after "Tehreek-e-Taliban Pakistan": a state's name is no one's surname.
            return null;
        }

        var known = FindRecent(e => e.Words.Length > 1 && e.LastName.Equals(surname, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        if (ResolvePartialName(words) is { } partial)
        {
            return partial;
        }

        if ((_nameByLastWord.TryGetValue(surname, out var fullName) && fullName.Contains(' ', StringComparison.Ordinal))
            || _nameByFirstWord.TryGetValue(surname, out fullName))
        {
            var entry = FindSame(fullName) ?? SourceEntry.From(fullName, fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (_appositiveRoles.TryGetValue(fullName, out var role))
            {
                entry.AddRole(role);
            }

            return entry;
        }

        return null;
    }

    private static bool NamesAnyState(SourceEntry entry)
    {
        for (var i = 0; i < entry.Words.Length; i++)
        {
            if (State.At(entry.Words, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAll(SourceEntry entry, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (!entry.HasWord(word))
            {
                return false;
            }
        }

        return true;
    }

    private SourceEntry? FindSame(string text) =>
        FindRecent(e => e.Text.Equals(text, StringComparison.OrdinalIgnoreCase));

    private SourceEntry? FindRecent(Func<SourceEntry, bool> match)
    {
        for (var i = _recent.Count - 1; i >= 0 && i >= _recent.Count - MaxCandidates; i--)
        {
            if (match(_recent[i]))
            {
                return _recent[i];
            }
        }

        return null;
    }

    private void Touch(SourceEntry entry)
    {
        _recent.Remove(entry);
        _recent.Add(entry);
        if (_recent.Count > MaxCandidates * 2)
        {
            _recent.RemoveRange(0, _recent.Count - MaxCandidates);
        }
    }
}

/// <summary>A source as first fully mentioned in a report.</summary>
internal sealed class SourceEntry(string text, string[] words, SourceKind kind, bool isPlural, bool isPerson)
{
    private List<string>? _roles;

    public string Text { get; } = text;

    public string[] Words { get; } = words;

    public SourceKind Kind { get; } = kind;

    public bool IsPlural { get; } = isPlural;

    public bool IsPerson { get; } = isPerson;

    public string LastName => NounPhrase.WithoutPossessive(Words[^1]);

    /// <summary>How an appositive described the source: "Eritrea's information minister", "The Taliban's chief spokesman".</summary>
    public string? Description { get; set; }

    /// <summary>'m', 'f', or '?' when neither the title nor the given name tells.</summary>
    public char Gender => _gender ??= Genders.Of(Words, Description);

    private char? _gender;

    /// <summary>The title before the name, or the description: "Iraqi Foreign Minister" in "Iraqi Foreign Minister Fuad Hussein".</summary>
    public string[] Title()
    {
        if (Description is { } description)
        {
            return description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var end = Words.Length;
        while (end > 0 && NounPhrase.IsCapitalised(Words[end - 1]) && !Lexicon.RoleWords.Contains(Words[end - 1]) && !Lexicon.IsHonorific(Words[end - 1]))
        {
            end--;
        }

        return Words[..end];
    }

    private static readonly WordSet Ranks = new("deputy", "vice", "first", "acting", "former", "state", "junior", "assistant");

    /// <summary>"the Iraqi foreign ministry" for "Iraqi Foreign Minister Fuad Hussein", "Eritrea's information ministry"; null unless a minister.</summary>
    public string? MinistryText()
    {
        if (!IsPerson || IsPlural)
        {
            return null;
        }

        var title = Title();
        var minister = Array.FindLastIndex(title, w => w.Equals("minister", StringComparison.OrdinalIgnoreCase));
        if (minister < 1 || Array.Exists(title, w => w.Equals("prime", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var parts = new List<string>();
        var ownerIsPossessive = title[0].EndsWith("'s", StringComparison.OrdinalIgnoreCase) || title[0].EndsWith("’s", StringComparison.OrdinalIgnoreCase);
        if (!ownerIsPossessive)
        {
            parts.Add("the");
        }

        parts.Add(title[0]);
        for (var k = 1; k < minister; k++)
        {
            if (!Ranks.Contains(title[k]))
            {
                parts.Add(title[k].ToLowerInvariant());
            }
        }

        parts.Add("ministry");
        return parts.Count > (ownerIsPossessive ? 2 : 3) || ownerIsPossessive ? string.Join(' ', parts) : null;
    }

    /// <summary>The body a person speaks for, as a possessive: "The Taliban's" for "The Taliban's chief spokesman", "Iraq's" for "Iraqi Foreign Minister …".</summary>
    public string? AffiliationOwner()
    {
        var title = Title();
        for (var k = 0; k < title.Length - 1; k++)
        {
            if (title[k].EndsWith("'s", StringComparison.OrdinalIgnoreCase) || title[k].EndsWith("’s", StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(' ', title[..(k + 1)]);
            }
        }

        return title.Length > 1 && State.At(title, 0) is { } state ? state.State.Possessive : null;
    }

    public void AddRole(string role)
    {
        _roles ??= [];
        if (!_roles.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            _roles.Add(role);
        }
    }

    public bool HasRole(string noun) => _roles is not null && _roles.Contains(noun, StringComparer.OrdinalIgnoreCase);

    public static SourceEntry From(string text, string[] words)
    {
        var kind = NounPhrase.GuessKind(words);

        // "Saudi Arabia", "South Korea" look like personal names but are states.
        var isState = State.Named(words) is not null;
        return new SourceEntry(text, words, kind, NounPhrase.IsPlural(words) && !isState,
            !isState && NounPhrase.IsPerson(words, kind) && !EndsInAcronym(text));
    }

    /// <summary>"Pakistan's Inter-Services Public Relations (ISPR)": a bracketed acronym names a body, never a person.</summary>
    private static bool EndsInAcronym(string text)
    {
        if (text.Length < 4 || text[^1] != ')')
        {
            return false;
        }

        var open = text.LastIndexOf('(');
        if (open < 0 || text.Length - open - 2 < 2)
        {
            return false;
        }

        foreach (var c in text.AsSpan(open + 1, text.Length - open - 2))
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    public bool HasWord(string word)
    {
        foreach (var w in Words)
        {
            if (NounPhrase.WithoutPossessive(w).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasAnyWord(WordSet set)
    {
        foreach (var w in Words)
        {
            if (set.Contains(w))
            {
                return true;
            }
        }

        return false;
    }
}
