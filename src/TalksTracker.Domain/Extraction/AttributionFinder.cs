namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Finds the attribution of one sentence: "according to X", "X said / told / added …",
/// "…, X said." and "…, said X.", with asides ("who asked not to be named", "speaking on condition
/// of anonymity", "in a statement"), appositives ("X, an expert at Y, said") and relays
/// ("X, quoted by Y, said"; "Y, citing X, reported"). Works on tokens, never on regular expressions,
/// so its cost is linear in the sentence length.
/// </summary>
internal static class AttributionFinder
{
    private static readonly WordSet DocumentLeads = new("statement", "report", "readout", "communique", "post", "letter");
    private static readonly WordSet RelayVerbs = new("citing", "quoting");
    private static readonly WordSet RelayPastVerbs = new("cited", "quoted");
    private static readonly WordSet Months = new(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");
    private static readonly WordSet IssuedVerbs = new("issued", "released", "published", "signed", "sent", "posted");

    /// <summary>How far after a passive reporting verb its "by" phrase may stand: past a short quotation.</summary>
    private const int MaxAgentDistance = 30;

    public static Attribution? Find(string text, List<Token> tokens)
    {
        var s = new Sentence(text, tokens);
        var accordingTo = FindAccordingTo(s);
        if (accordingTo is { Via: null } outlet && NounPhrase.GuessKind(outlet.Source.Words) == SourceKind.MediaOutlet
            && (FindSpeechVerb(s) ?? FindParticiple(s)) is { Via: null } own && NounPhrase.GuessKind(own.Source.Words) != SourceKind.MediaOutlet)
        {
            // "The DPRK rejected the proposal, saying …, according to the official news agency KCNA": the outlet relays
            // the statement of the clause's own speaker.
            return own with { Via = outlet.Source };
        }

        var found = accordingTo ?? FindQuotedAsSaying(s) ?? FindActiveQuotedAsSaying(s) ?? FindTrailing(s) ?? FindSpeechVerb(s) ?? FindPassiveAgent(s) ?? FindParticiple(s);
        if (found is { Via: null } attribution && Relay(s, attribution.Source) is { } relay)
        {
            return attribution with { Via = relay };
        }

        return found;
    }

    /// <summary>
    /// "China has called on both sides to …, Chinese Foreign Ministry spokesperson Guo Jiakun said on Monday.": an
    /// attribution that closes the sentence after a comma speaks the whole of it, whatever verbs the content holds.
    /// </summary>
    private static Attribution? FindTrailing(Sentence s)
    {
        var last = s.Count - 1;
        while (last >= 0 && s.Kind(last) is TokenKind.Terminal or TokenKind.CloseQuote)
        {
            last--;
        }

        // The verb is among the last few words: "…, X said on Monday." / "…, X said in a statement posted on its website."
        for (var v = last; v >= 0 && last - v < 10 && s.IsWord(v); v--)
        {
            if (!IsSpeechVerb(s, v, out var cueEnd) || s.Is(v, "declined"))
            {
                continue;
            }

            var (start, _) = s.SegmentEndingAt(SkipFillers(s, v - 1, out _));
            // The comma may close a quotation first: "He stressed the need … “without delay,” the ministry said."
            var boundary = start - 1;
            var afterQuote = start >= 3 && s.Kind(boundary) == TokenKind.CloseQuote && s.Kind(boundary - 1) == TokenKind.Comma;
            if (start < 2 || start >= v || !(afterQuote || (s.Kind(boundary) == TokenKind.Comma && !s.InQuote(boundary))))
            {
                // "…, the ministry said in a statement posted on its website.": "posted" is not the attribution; look further back.
                continue;
            }

            // Content verbs before the comma make this a trailing attribution, not "X, Y and Z said"; an outlet
            // that "reported" what someone else said is a relay ("…, the Saudi Press Agency reported.").
            if (!HasSpeechVerbBefore(s, afterQuote ? boundary - 1 : boundary) || IsOutlet(s.Phrase(start, v).Words))
            {
                return null;
            }

            if (Preceding(s, v, cueEnd) is { } trailing)
            {
                return trailing;
            }
        }

        return null;
    }

    private static bool HasSpeechVerbBefore(Sentence s, int end)
    {
        for (var i = 1; i < end; i++)
        {
            if (s.IsWord(i) && !s.InQuote(i) && char.IsLower(s.Word(i)[0]) && Lexicon.SpeechVerbs.Contains(s.Word(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Who relayed the source's words, when an outlet is named as the one spoken to or through: "told Reuters",
    /// ", telling Al Arabiya", "in an interview with RT", "carried by IRNA", "…, the Saudi Press Agency reported."
    /// </summary>
    private static Phrase? Relay(Sentence s, Phrase source)
    {
        for (var i = 0; i + 1 < s.Count; i++)
        {
            if (s.InQuote(i) || !s.IsWord(i))
            {
                continue;
            }

            int from;
            if (s.Is(i, "told") || s.Is(i, "telling") || s.Is(i, "tells"))
            {
                from = i + 1;
            }
            else if ((s.Is(i, "carried") || s.Is(i, "published") || s.Is(i, "aired") || s.Is(i, "broadcast") || s.Is(i, "quoted") || s.Is(i, "cited"))
                && s.Is(i + 1, "by"))
            {
                from = i + 2;
            }
            else if ((s.Is(i, "interview") && s.Is(i + 1, "with")) || ((s.Is(i, "speaking") || s.Is(i, "talking")) && s.Is(i + 1, "to"))
                || ((s.Is(i, "statement") || s.Is(i, "remarks") || s.Is(i, "comments")) && s.Is(i + 1, "to")))
            {
                from = i + 2;
            }
            else if (s.Kind(i - 1 < 0 ? 0 : i - 1) == TokenKind.Comma && i > 0 && !s.Is(i, "according") && TrailingReport(s, i) is { } end)
            {
                var outlet = s.Phrase(i, end);
                return IsOutlet(outlet.Words) && outlet.Span.Start != source.Span.Start ? outlet : null;
            }
            else
            {
                continue;
            }

            // The relay ends where the reported clause begins: "told Reuters the Iranian side had …" (no "that").
            var stop = from;
            while (s.IsWord(stop) && !s.InQuote(stop) && stop - from < 8 && !(stop > from && Lexicon.RelayEnders.Contains(s.Word(stop)))
                && !(stop > from && IsArticle(s, stop) && NounPhrase.IsCapitalised(s.Word(stop - 1))))
            {
                stop++;
            }

            if (stop > from)
            {
                var outlet = s.Phrase(from, stop);

                // "told The National", "speaking to The Times of Israel": a capitalised "The" names a publication, not a person.
                var titled = outlet.Words.Length >= 2 && outlet.Words[0] == "The" && Array.TrueForAll(outlet.Words, w => NounPhrase.IsCapitalised(w) || w == "of");
                if ((IsOutlet(outlet.Words) || titled) && !Array.Exists(outlet.Words, w => NotOutlets.Contains(w)) && outlet.Span.Start != source.Span.Start)
                {
                    return outlet;
                }
            }
        }

        return null;
    }

    private static readonly WordSet Subordinators = new("since", "until", "because", "although", "though", "unless", "once", "whereas");

    private static readonly WordSet NotOutlets = new("conference", "conferences", "briefing", "briefings", "meeting", "session", "gathering", "forum");

    /// <summary>For "…, the Saudi Press Agency reported." at <paramref name="start"/>: the end of the outlet's name, or null.</summary>
    private static int? TrailingReport(Sentence s, int start)
    {
        var verb = start + 1;
        while (s.IsWord(verb) && !s.InQuote(verb) && verb - start < 8 && !(s.Is(verb, "reported") || s.Is(verb, "said") || s.Is(verb, "says") || s.Is(verb, "reports")))
        {
            verb++;
        }

        if (!s.IsWord(verb) || verb - start >= 8 || !(s.Is(verb, "reported") || s.Is(verb, "said") || s.Is(verb, "says") || s.Is(verb, "reports")))
        {
            return null;
        }

        var after = verb + 1;
        while (s.IsWord(after) && after - verb < 4)
        {
            after++;
        }

        return after >= s.Count || s.Kind(after) == TokenKind.Terminal ? verb : null;
    }

    /// <summary>A news outlet: a media word ("state television", "Xinhua") or a capitalised name with an outlet's head ("The Jerusalem Post").</summary>
    private static bool IsOutlet(string[] words)
    {
        if (words.Length == 0 || Lexicon.Determiners.Contains(words[^1]))
        {
            return false;
        }

        foreach (var word in words)
        {
            // Short names count only as written by outlets, in capitals: "RT", "AP", not "spa".
            if (Lexicon.MediaWords.Contains(NounPhrase.WithoutPossessive(word)) && (word.Length > 3 || char.IsUpper(word[^1])))
            {
                return !Array.Exists(words, w => w.Equals("reporters", StringComparison.OrdinalIgnoreCase) || w.Equals("journalists", StringComparison.OrdinalIgnoreCase));
            }
        }

        return NounPhrase.IsCapitalised(words[^1]) && Lexicon.OutletHeads.Contains(words[^1]);
    }

    /// <summary>
    /// The document noun when the sentence cites one: "said in a statement", "in a joint statement",
    /// "according to a readout from …"; a later "the statement said" then points to the same source.
    /// </summary>
    public static string? CitedDocument(string text, List<Token> tokens)
    {
        var s = new Sentence(text, tokens);
        for (var i = 2; i < s.Count; i++)
        {
            if (s.InQuote(i) || !s.IsWord(i) || !DocumentLeads.Contains(s.Word(i)))
            {
                continue;
            }

            var article = IsArticle(s, i - 1) ? i - 1 : IsArticle(s, i - 2) && char.IsLower(s.Word(i - 1)[0]) ? i - 2 : -1;
            if (article > 0 && (s.Is(article - 1, "in") || s.Is(article - 1, "to")))
            {
                return s.Word(i).ToString().ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>
    /// The name that opens the sentence as its subject ("Saudi Arabia" in "Saudi Arabia hosted …", "Thailand's army" in
    /// "Thailand's army said …"), after a dateline or an opening quote mark; null when the sentence opens otherwise.
    /// </summary>
    public static Phrase? Subject(string text, List<Token> tokens)
    {
        var s = new Sentence(text, tokens);
        var start = Math.Max(AfterDateline(s), AfterColonDateline(s));
        if (start < s.Count && s.Kind(start) == TokenKind.OpenQuote)
        {
            start++;
        }

        // "Earlier, Japanese Foreign Minister …": an opening adverb set off by a comma is not the subject.
        if (s.IsWord(start) && start + 1 < s.Count && s.Kind(start + 1) == TokenKind.Comma && Lexicon.AsideStarters.Contains(s.Word(start)))
        {
            start += 2;
        }

        if (!s.IsWord(start) || !NounPhrase.IsCapitalised(s.Word(start)) || Lexicon.NonSubjectStarters.Contains(s.Word(start)) && !s.Is(start, "it"))
        {
            return null;
        }

        var end = start + 1;
        while (s.IsWord(end) && end - start < 14
            && (NounPhrase.IsCapitalised(s.Word(end)) || Lexicon.TitleWords.Contains(s.Word(end)) || s.Is(end, "and")
                || (s.Is(end, "in") && s.IsWord(end + 1) && NounPhrase.IsCapitalised(s.Word(end + 1)) && !Lexicon.TimeWords.Contains(s.Word(end + 1))
                    && !Months.Contains(s.Word(end + 1)))))
        {
            end++;
        }

        if (s.Is(end - 1, "and") || s.Is(end - 1, "of"))
        {
            end--;
        }

        // A verb or an aside must follow: "Syria has …", "Lukashenko, …"; not "Saudi Arabia" inside a longer clause.
        if (end >= s.Count || !(s.Kind(end) == TokenKind.Comma || (s.IsWord(end) && char.IsLower(s.Word(end)[0]))))
        {
            return null;
        }

        var phrase = s.Phrase(start, end);
        return NounPhrase.IsPlausibleSource(phrase.Words) ? phrase : null;
    }

    /// <summary>"Gharibabadi was quoted by Tasnim as saying …": the subject is the source, the "by" phrase the relay.</summary>
    private static Attribution? FindQuotedAsSaying(Sentence s)
    {
        for (var q = 1; q + 2 < s.Count; q++)
        {
            if (s.InQuote(q) || !(s.Is(q, "quoted") || s.Is(q, "cited")) || !s.IsWord(q - 1) || !Lexicon.BeForms.Contains(s.Word(q - 1)))
            {
                continue;
            }

            var next = q + 1;
            Phrase? via = null;
            if (s.Is(next, "by"))
            {
                var viaEnd = next + 1;
                while (s.IsWord(viaEnd) && !s.Is(viaEnd, "as") && viaEnd - next < 12)
                {
                    viaEnd++;
                }

                via = viaEnd > next + 1 ? s.Phrase(next + 1, viaEnd) : null;
                next = viaEnd;
            }

            if (!s.Is(next, "as") || !(s.Is(next + 1, "saying") || s.Is(next + 1, "telling")))
            {
                continue;
            }

            var last = SkipFillers(s, q - 2, out _);
            string? role = null, described = null;
            if (last > 0 && s.Kind(last) == TokenKind.Comma && s.SegmentEndingAt(last - 1) is var (nameStart, nameEnd) && nameStart < nameEnd
                && DescribedName(s, nameStart, nameEnd) is { } description)
            {
                // "Its commander, Brigadier General X, was quoted by Tasnim as saying": the name, with its description.
                role = description.Head;
                var (descriptionStart, descriptionEnd) = s.SegmentEndingAt(nameStart - 2);
                described = s.Phrase(descriptionStart, descriptionEnd).Text;
                var named = s.Phrase(description.NameStart, nameEnd);
                return new Attribution(named, "quoted as saying", via, IsDenial: false, role, described);
            }

            var (start, end) = s.SegmentEndingAt(last);
            if (start == end)
            {
                continue;
            }

            var source = s.Phrase(start, TrimNounPhrase(s, start, end));
            if (NounPhrase.IsPlausibleSource(source.Words))
            {
                return new Attribution(source, "quoted as saying", via, IsDenial: false);
            }
        }

        return null;
    }

    /// <summary>"Tasnim quoted Gharibabadi as saying …": the quoted person is the source, the subject the relay.</summary>
    private static Attribution? FindActiveQuotedAsSaying(Sentence s)
    {
        for (var q = 1; q + 3 < s.Count; q++)
        {
            if (s.InQuote(q) || !(s.Is(q, "quoted") || s.Is(q, "cited") || s.Is(q, "quotes") || s.Is(q, "cites"))
                || (s.IsWord(q - 1) && Lexicon.BeForms.Contains(s.Word(q - 1))))
            {
                continue;
            }

            var asIndex = q + 1;
            while (s.IsWord(asIndex) && !s.Is(asIndex, "as") && asIndex - q < 14)
            {
                asIndex++;
            }

            // "quoted Mohammed Abdulsalam, the group's chief negotiator, as saying": the name ends at the appositive.
            var nameEnd = asIndex;
            if (asIndex > q + 1 && asIndex < s.Count && s.Kind(asIndex) == TokenKind.Comma)
            {
                var close = asIndex + 1;
                while (close < s.Count && s.IsWord(close) && !s.InQuote(close) && close - asIndex < 12)
                {
                    close++;
                }

                asIndex = close < s.Count && s.Kind(close) == TokenKind.Comma ? close + 1 : asIndex;
            }

            if (nameEnd == q + 1 || !s.Is(asIndex, "as") || !(s.Is(asIndex + 1, "saying") || s.Is(asIndex + 1, "telling")))
            {
                continue;
            }

            var source = s.Phrase(q + 1, TrimNounPhrase(s, q + 1, nameEnd));
            var (start, end) = s.SegmentEndingAt(SkipFillers(s, q - 1, out _));
            if (!NounPhrase.IsPlausibleSource(source.Words) || start == end)
            {
                continue;
            }

            var via = s.Phrase(start, TrimNounPhrase(s, start, end));
            return new Attribution(source, "quoted as saying", NounPhrase.IsPlausibleSource(via.Words) ? via : null, IsDenial: false);
        }

        return null;
    }

    /// <summary>"… were described as “serious” by Iran's deputy foreign minister", "have been accused by rights groups of …".</summary>
    private static Attribution? FindPassiveAgent(Sentence s)
    {
        for (var p = 1; p + 2 < s.Count; p++)
        {
            if (s.InQuote(p) || !s.IsWord(p) || !Lexicon.PassiveReportingVerbs.Contains(s.Word(p))
                || !s.IsWord(p - 1) || !(Lexicon.BeForms.Contains(s.Word(p - 1)) || IsAdverbAfterBe(s, p - 1)))
            {
                continue;
            }

            for (var b = p + 1; b < s.Count && b - p < MaxAgentDistance; b++)
            {
                if (s.Kind(b) is TokenKind.Terminal or TokenKind.Semicolon)
                {
                    break;
                }

                if (s.InQuote(b) || !s.Is(b, "by"))
                {
                    continue;
                }

                var start = b + 1;
                var end = AgentEnd(s, start);
                if (end > start)
                {
                    var source = s.Phrase(start, TrimNounPhrase(s, start, end));
                    if (NounPhrase.IsPlausibleSource(source.Words) && !Lexicon.Pronouns.Contains(source.Words[0]))
                    {
                        return new Attribution(source, $"{s.Word(p).ToString().ToLowerInvariant()} by", null, IsDenial(s, p));
                    }
                }

                break;
            }
        }

        return null;
    }

    /// <summary>"… welcomed the talks in a statement, saying “…”": the subject of the sentence is the source.</summary>
    private static Attribution? FindParticiple(Sentence s)
    {
        for (var i = 2; i < s.Count; i++)
        {
            if (s.InQuote(i) || s.Kind(i - 1) != TokenKind.Comma || !s.IsWord(i) || !Lexicon.ParticipleCues.Contains(s.Word(i)))
            {
                continue;
            }

            if (SentenceSubject(s, i - 1) is { } subject)
            {
                return new Attribution(subject, s.Word(i).ToString().ToLowerInvariant(), null, IsDenial: false);
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// The noun phrase that opens the main clause ("U.N. special envoy Hans Grundberg" in "U.N. special envoy Hans
    /// Grundberg welcomed …"), after a dateline ("CAIRO (AP) —"); null unless a verb follows it before <paramref name="limit"/>.
    /// </summary>
    private static Phrase? SentenceSubject(Sentence s, int limit)
    {
        var start = AfterDateline(s);
        var end = start;
        while (end < limit && s.IsWord(end) && !s.InQuote(end) && !LooksLikeFiniteVerb(s, end) && end - start < 14)
        {
            end++;
        }

        if (end == start || end >= limit || !s.IsWord(end) || !LooksLikeFiniteVerb(s, end))
        {
            return null;
        }

        var source = s.Phrase(start, TrimNounPhrase(s, start, end));
        return NounPhrase.IsPlausibleSource(source.Words) && !Lexicon.Determiners.Contains(source.Words[^1]) ? source : null;
    }

    /// <summary>A lower-case past-tense or auxiliary verb: "welcomed", "has", "was".</summary>
    private static bool LooksLikeFiniteVerb(Sentence s, int i)
    {
        var word = s.Word(i);
        if (word.Length < 2 || !char.IsLower(word[0]))
        {
            return false;
        }

        return Lexicon.Auxiliaries.Contains(word) || Lexicon.BeForms.Contains(word)
            || (word.EndsWith("ed", StringComparison.Ordinal) && !word.Contains('-'));
    }

    /// <summary>The index after a dateline such as "CAIRO (AP) —" or "BRUSSELS, Oct 2 (Reuters) -", or 0.</summary>
    private static int AfterDateline(Sentence s)
    {
        for (var i = 1; i < Math.Min(s.Count, 12); i++)
        {
            if (s.Kind(i) == TokenKind.Dash)
            {
                return i + 1 < s.Count && s.IsWord(i + 1) && IsDatelineBefore(s, i) ? i + 1 : 0;
            }
        }

        return 0;
    }

    private static bool IsDatelineBefore(Sentence s, int dash)
    {
        for (var i = 0; i < dash; i++)
        {
            if (s.IsWord(i) && s.Word(i).Length > 1 && char.IsLower(s.Word(i)[0]))
            {
                return false;
            }
        }

        return s.IsWord(0) && IsAllCaps(s.Word(0));
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>End of the noun phrase after "by": before "of" + gerund ("of recruiting"), "as", "that", "for" or a clause word.</summary>
    private static int AgentEnd(Sentence s, int start)
    {
        var end = s.WordRunEnd(start);
        for (var i = start + 1; i < end; i++)
        {
            var word = s.Word(i);
            if (s.Is(i, "as") || s.Is(i, "that") || s.Is(i, "for") || s.Is(i, "over") || Lexicon.ClauseBoundaries.Contains(word)
                || (s.Is(i, "of") && s.IsWord(i + 1) && s.Word(i + 1).EndsWith("ing", StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return end;
    }

    private static bool IsAdverbAfterBe(Sentence s, int i) =>
        s.Word(i).EndsWith("ly", StringComparison.Ordinal) && s.IsWord(i - 1) && Lexicon.BeForms.Contains(s.Word(i - 1));

    private static bool IsArticle(Sentence s, int i) => s.Is(i, "a") || s.Is(i, "an") || s.Is(i, "the");

    private static Attribution? FindAccordingTo(Sentence s)
    {
        for (var i = 0; i + 2 < s.Count; i++)
        {
            if (s.InQuote(i) || !s.Is(i, "according") || !s.Is(i + 1, "to"))
            {
                continue;
            }

            var start = SkipDocumentLead(s, i + 2);
            var end = s.WordRunEnd(start);
            if (end == start)
            {
                continue;
            }

            end = TrimNounPhrase(s, start, end);

            // "according to a joint press release issued after the talks": the document, not how it came out.
            for (var k = start + 1; k < end; k++)
            {
                if (IssuedVerbs.Contains(s.Word(k)) && Lexicon.DocumentWords.Contains(s.Word(k - 1)))
                {
                    end = k;
                    break;
                }
            }

            var source = s.Phrase(start, end);
            Phrase? via = null;
            if (end == start + 1 && ObjectPronoun(source.Words[0]) is { } subjectForm)
            {
                // "According to him, …" reads as "he said": the pronoun resolves to the nearest speaker it fits.
                return new Attribution(source with { Words = [subjectForm] }, "according to", null, IsDenial: false);
            }

            // "according to Axios, which cited two U.S. officials": the officials are the source, Axios the relay.
            var relayStart = RelayAfter(s, s.WordRunEnd(start));
            if (relayStart is { } r && s.WordRunEnd(r) > r)
            {
                via = source;
                source = s.Phrase(r, TrimNounPhrase(s, r, s.WordRunEnd(r)));
            }

            // "according to Hebrew media reports": a document as well as a speaker can be what a sentence rests on.
            var head = NounPhrase.WithoutPossessive(source.Words[NounPhrase.HeadIndex(source.Words)]);
            if (NounPhrase.IsPlausibleSource(source.Words) || (source.Words.Length <= 5 && Lexicon.DocumentWords.Contains(head)
                && !Lexicon.Pronouns.Contains(source.Words[0]) && !Lexicon.Determiners.Contains(source.Words[^1])))
            {
                // "according to Lin Hao, a researcher at …,": the description after the name says who the person is.
                string? described = null;
                if (via is null && s.Kind(Math.Min(end, s.Count - 1)) == TokenKind.Comma && end < s.Count - 1 && (s.Is(end + 1, "a") || s.Is(end + 1, "an"))
                    && NounPhrase.IsPersonName(source.Words))
                {
                    described = s.Phrase(end + 1, s.WordRunEnd(end + 1)).Text;
                }

                return new Attribution(source, "according to", via, IsDenial: false, Description: described);
            }
        }

        return null;
    }

    private static string? ObjectPronoun(string word) => word.ToLowerInvariant() switch
    {
        "him" => "he",
        "her" => "she",
        "them" => "they",
        _ => null,
    };

    private static Attribution? FindSpeechVerb(Sentence s)
    {
        for (var v = 0; v < s.Count; v++)
        {
            if (!IsSpeechVerb(s, v, out var cueEnd))
            {
                continue;
            }

            var attribution = Inverted(s, v, cueEnd) ?? RelativeSpeaker(s, v, cueEnd) ?? CoordinatedSpeaker(s, v, cueEnd) ?? Preceding(s, v, cueEnd);
            if (attribution is not null)
            {
                return attribution;
            }
        }

        return null;
    }

    private static bool IsSpeechVerb(Sentence s, int v, out int cueEnd)
    {
        cueEnd = v + 1;
        if (!s.IsWord(v) || s.InQuote(v) || !Lexicon.SpeechVerbs.Contains(s.Word(v)))
        {
            return false;
        }

        // A capital mid-sentence makes it part of a name: "the United States", "Reports Without Borders".
        if (v > 0 && char.IsUpper(s.Word(v)[0]))
        {
            return false;
        }

        if (Lexicon.NounLikeVerbs.Contains(s.Word(v))
            && !(v + 1 >= s.Count || s.Is(v + 1, "that") || s.Kind(v + 1) is TokenKind.Comma or TokenKind.Terminal))
        {
            return false;
        }

        if (Lexicon.QuotationOnlyVerbs.Contains(s.Word(v)) && !QuotationFollows(s, v + 1))
        {
            return false;
        }

        if (Lexicon.DescribingVerbs.Contains(s.Word(v)) && !AsFollows(s, v + 1))
        {
            return false;
        }

        if (Lexicon.ClauseOnlyVerbs.Contains(s.Word(v))
            && !(v + 1 >= s.Count || s.Is(v + 1, "that") || s.Kind(v + 1) is TokenKind.Comma or TokenKind.Colon or TokenKind.OpenQuote))
        {
            return false;
        }

        if (Lexicon.ParticleVerbs.Contains(s.Word(v)))
        {
            // "ruled out a meeting": the particle belongs to the cue.
            if (!s.Is(v + 1, "out"))
            {
                return false;
            }

            cueEnd = v + 2;
        }

        if (Lexicon.ColonOnlyVerbs.Contains(s.Word(v))
            && !(v + 1 < s.Count && (s.Kind(v + 1) is TokenKind.Colon or TokenKind.OpenQuote
                || (s.Kind(v + 1) == TokenKind.Comma && v + 2 < s.Count && s.Kind(v + 2) == TokenKind.OpenQuote))))
        {
            return false;
        }

        if (Lexicon.AnswerVerbs.Contains(s.Word(v)) && !AnswersInWords(s, v + 1))
        {
            return false;
        }

        if (Lexicon.WelcomingVerbs.Contains(s.Word(v)) && HostsSomeone(s, v + 1))
        {
            return false;
        }

        if (Lexicon.IssuingVerbs.Contains(s.Word(v)) && !IssuesStatement(s, v + 1))
        {
            // "issued a joint statement thanking …", not "issued visas" nor a bare "issued a statement.".
            return false;
        }

        if ((s.Is(v, "lodged") || s.Is(v, "lodges")) && !LodgesProtest(s, v + 1))
        {
            // "lodged stern representations", "lodged a protest"; not "lodged in the wall".
            return false;
        }

        if ((s.Is(v, "offered") || s.Is(v, "offers")) && !(s.Is(v + 1, "to") && s.IsWord(v + 2) && char.IsLower(s.Word(v + 2)[0])
            && !Lexicon.Determiners.Contains(s.Word(v + 2))))
        {
            // "has offered to mediate" proposes in words; "offered aid" or "offered to the delegates" is an act.
            return false;
        }

        if (s.Is(v, "thanks") && !(v > 0 && s.IsWord(v - 1) && char.IsUpper(s.Word(v - 1)[0])))
        {
            // "Rubio thanks Qatar", not "thanks to Qatar's mediation".
            return false;
        }

        if (s.Is(v, "declined"))
        {
            // Only a refusal to comment attributes anything: "declined to comment", "declined to say".
            if (!s.Is(v + 1, "to") || !s.IsWord(v + 2) || !Lexicon.DeclinedObjects.Contains(s.Word(v + 2)))
            {
                return false;
            }

            cueEnd = v + 3;
        }

        if (ClaimsTerritory(s, v))
        {
            return false;
        }

        var before = SkipFillers(s, v - 1, out _);
        if (Lexicon.PositionVerbs.Contains(s.Word(v)) && s.Is(v + 1, "for") && Durations.Contains(s.Word(s.IsWord(v + 3) && Durations.Contains(s.Word(v + 3)) ? v + 3 : v + 2))
            && Lexicon.Auxiliaries.Contains(s.Word(v - 1)))
        {
            // "has complained for months that …", "have demanded for years": a standing position, like "has long complained".
            return false;
        }

        for (var f = before + 1; f < v; f++)
        {
            if (Lexicon.PositionVerbs.Contains(s.Word(v))
                && (Lexicon.BackgroundAdverbs.Contains(s.Word(f)) || (s.Is(f, "repeatedly") && Lexicon.DemandVerbs.Contains(s.Word(v)))))
            {
                // "has long accused", "has repeatedly demanded": a standing position, the outlet's background ("has long insisted"
                // and "has repeatedly accused" are still statements).
                return false;
            }

            if (Lexicon.BackgroundAdverbs.Contains(s.Word(f)) && s.IsWord(v + 1) && !s.InQuote(v + 1) && char.IsLower(s.Word(v + 1)[0])
                && !s.Is(v + 1, "that") && !s.Is(v + 1, "to") && !s.Is(v + 1, "out"))
            {
                // "have long disputed airspace", "has long maintained bases": a standing act or stance on a thing, not words
                // reported now ("has long insisted that …" still reports).
                return false;
            }
        }

        if (before >= 0 && s.IsWord(before))
        {
            var word = s.Word(before);
            if (Lexicon.BeForms.Contains(word) || Lexicon.Negations.Contains(word)
                || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
            {
                // "are said to" is a hedge, "has not commented" says nothing.
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "Venezuela has claimed the Essequibo since …": a claim to a named place is a standing territorial claim, the outlet's
    /// background, not words reported now ("claimed that …" is).
    /// </summary>
    private static bool ClaimsTerritory(Sentence s, int v)
    {
        if (!(s.Is(v, "claimed") || s.Is(v, "claims") || s.Is(v, "claim")))
        {
            return false;
        }

        // "claimed the Essequibo was …" or "claimed the Falklands talks had …" would report words: the named place must end
        // the clause or be followed by what a standing claim takes ("since the 19th century", "and rejects …").
        var name = v + 2;
        while (s.IsWord(name) && !s.InQuote(name) && NounPhrase.IsCapitalised(s.Word(name)))
        {
            name++;
        }

        return s.Is(v + 1, "the") && name > v + 2 && (!s.IsWord(name) || ClaimFollowers.Contains(s.Word(name)));
    }

    private static readonly WordSet Durations = new("months", "years", "weeks", "decades");

    private static readonly WordSet ClaimFollowers = new("since", "for", "and", "as", "which", "despite", "over", "but", "in");

    /// <summary>
    /// "called it “a free gift”", "has called the process “a trap”", "called on Netanyahu to “bring everyone home”":
    /// a quotation within a few words; "called for a ceasefire" and "called off" report no words.
    /// </summary>
    private static bool QuotationFollows(Sentence s, int i)
    {
        if (s.Is(i, "off") || s.Is(i, "in"))
        {
            return false;
        }

        var reach = s.Is(i, "for") || s.Is(i, "on") || s.Is(i, "upon") ? 10 : 6;
        if (s.Is(i, "on") || s.Is(i, "upon"))
        {
            // "called on Moscow to agree …": an appeal in the actor's words.
            for (var j = i + 1; j < s.Count && j - i <= 12 && s.IsWord(j) && !s.InQuote(j); j++)
            {
                if (s.Is(j, "to") && j > i + 1 && s.IsWord(j + 1))
                {
                    return true;
                }
            }
        }

        for (var j = i; j < s.Count && j - i < reach; j++)
        {
            if (s.Kind(j) == TokenKind.OpenQuote)
            {
                return true;
            }

            if (s.Kind(j) is TokenKind.Terminal or TokenKind.Comma or TokenKind.Semicolon)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"responded that", "responded on X:", "responded to remarks by …"; not "responded with strikes" or "responded to the attack".</summary>
    private static bool AnswersInWords(Sentence s, int i)
    {
        if (i >= s.Count || !s.IsWord(i))
        {
            return true;
        }

        if (s.Is(i, "with") || s.Is(i, "by"))
        {
            return false;
        }

        if (!s.Is(i, "to"))
        {
            return true;
        }

        for (var j = i + 1; j < s.Count && j - i <= 4 && s.IsWord(j); j++)
        {
            if (Lexicon.SpeechNouns.Contains(s.Word(j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"a (joint) statement" within a few words, then soon its content: a participle ("saying", "urging"), "that", a colon or a quotation.</summary>
    private static bool IssuesStatement(Sentence s, int i)
    {
        for (var j = i; j < s.Count && j - i < 4 && s.IsWord(j); j++)
        {
            if (!DocumentLeads.Contains(s.Word(j)))
            {
                continue;
            }

            // "… statement on Monday saying …": a short time or topic phrase may come first.
            for (var next = j + 1; next < s.Count && next - j <= 4 && s.Kind(next) is not (TokenKind.Terminal or TokenKind.Semicolon); next++)
            {
                if (s.Kind(next) is TokenKind.Colon or TokenKind.OpenQuote || s.Is(next, "that")
                    || (s.IsWord(next) && char.IsLower(s.Word(next)[0]) && s.Word(next).EndsWith("ing", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private static readonly WordSet ProtestNouns = new("protest", "protests", "representations", "complaint", "complaints", "objection", "objections", "demarche");

    private static bool LodgesProtest(Sentence s, int i)
    {
        for (var j = i; j < s.Count && j - i < 4 && s.IsWord(j); j++)
        {
            if (ProtestNouns.Contains(s.Word(j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Iran's top diplomat later met Albusaidi alone and said …", "Liu Jinsong, director-general of …, led the delegation
    /// and lodged …": a speech verb after "and" shares the subject that opens the sentence, before its first verb.
    /// </summary>
    private static Attribution? CoordinatedSpeaker(Sentence s, int v, int cueEnd)
    {
        var and = SkipFillers(s, v - 1, out var auxiliary);
        if (and < 2 || !s.Is(and, "and") || s.InQuote(and))
        {
            return null;
        }

        var opening = Math.Max(AfterDateline(s), AfterColonDateline(s));
        var end = opening;
        var hasAside = false;
        while (end < and && s.IsWord(end) && !s.InQuote(end) && !IsPastVerb(s, end))
        {
            end++;
        }

        if (end < and && s.Kind(end) == TokenKind.Comma)
        {
            // "Liu Jinsong, director-general of …, led": skip one appositive to the verb after it.
            var verb = end + 1;
            while (verb < and && s.Kind(verb) != TokenKind.Comma)
            {
                verb++;
            }

            hasAside = verb + 1 < and && IsPastVerb(s, verb + 1);
            if (!hasAside)
            {
                return null;
            }
        }
        else if (end >= and || !IsPastVerb(s, end))
        {
            return null;
        }

        // "Venezuela has claimed the Essequibo since … and rejects the court's jurisdiction": a verb joined to a standing
        // claim shares its background.
        var first = end;
        while (first < and && (Lexicon.Auxiliaries.Contains(s.Word(first)) || Lexicon.BackgroundAdverbs.Contains(s.Word(first))))
        {
            first++;
        }

        if (ClaimsTerritory(s, first))
        {
            return null;
        }

        // Adverbs between the subject and its verb: "later", "also", "on Thursday".
        var subjectEnd = end;
        while (subjectEnd > opening && s.IsWord(subjectEnd - 1) && (s.Word(subjectEnd - 1).EndsWith("ly", StringComparison.Ordinal)
            || Lexicon.PreVerbFillers.Contains(s.Word(subjectEnd - 1)) || s.Is(subjectEnd - 1, "later") || s.Is(subjectEnd - 1, "earlier")))
        {
            subjectEnd--;
        }

        if (subjectEnd == opening)
        {
            return null;
        }

        var source = s.Phrase(opening, TrimNounPhrase(s, opening, subjectEnd));
        return NounPhrase.IsPlausibleSource(source.Words) && (hasAside || NounPhrase.IsCapitalised(source.Words[0]))
            ? new Attribution(source, Cue(s, auxiliary, v, cueEnd), null, IsDenial(s, v))
            : null;
    }

    private static readonly WordSet IrregularPasts = new(
        "met", "led", "held", "made", "took", "gave", "sent", "spoke", "went", "came", "saw", "began", "left", "found",
        "kept", "brought", "paid", "struck", "won", "lost", "flew", "hosted", "chaired", "headed");

    /// <summary>A lower-case past-tense verb: "met", "led", "hosted".</summary>
    private static bool IsPastVerb(Sentence s, int i) =>
        s.IsWord(i) && !s.InQuote(i) && char.IsLower(s.Word(i)[0])
        && (IrregularPasts.Contains(s.Word(i)) || (s.Word(i).EndsWith("ed", StringComparison.Ordinal) && s.Word(i).Length > 4 && !s.Word(i).Contains('-')));

    /// <summary>"welcomed the delegations to Muscat": a "to" and a place name before the clause ends.</summary>
    private static bool HostsSomeone(Sentence s, int i)
    {
        for (var j = i; j + 1 < s.Count && j - i < 8; j++)
        {
            if (s.Kind(j) is TokenKind.Comma or TokenKind.Terminal or TokenKind.OpenQuote)
            {
                return false;
            }

            if (s.Is(j, "to") && s.IsWord(j + 1) && char.IsUpper(s.Word(j + 1)[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"described the call between Putin and Trump as …": "as" within a few words, outside quotes.</summary>
    private static bool AsFollows(Sentence s, int i)
    {
        for (var j = i; j < s.Count && j - i < 10; j++)
        {
            if (s.Is(j, "as") && !s.InQuote(j))
            {
                return true;
            }

            if (s.Kind(j) is TokenKind.Terminal or TokenKind.Semicolon)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Ethiopia's delegation was led by national security adviser Redwan Hussien, who told AFP that …": a non-restrictive
    /// "who" clause that reports speech is its antecedent's, the name (with its lower-case titles) before the comma.
    /// </summary>
    private static Attribution? RelativeSpeaker(Sentence s, int v, int cueEnd)
    {
        var who = SkipFillers(s, v - 1, out var auxiliary);
        if (who < 2 || !s.Is(who, "who") || s.Kind(who - 1) != TokenKind.Comma)
        {
            return null;
        }

        var end = who - 1;
        var start = end;
        while (start > 0 && s.IsWord(start - 1) && !s.InQuote(start - 1) && end - start < 10
            && (NounPhrase.IsCapitalised(s.Word(start - 1)) || (char.IsLower(s.Word(start - 1)[0]) && Lexicon.RoleWords.Contains(s.Word(start - 1)))
                || Lexicon.NameParticles.Contains(s.Word(start - 1))))
        {
            start--;
        }

        // The sentence's own subject is left to the other rules ("Larijani, who led …, described …").
        if (start == end || start <= Math.Max(AfterDateline(s), AfterColonDateline(s)))
        {
            return null;
        }

        var source = s.Phrase(start, end);
        var nameStart = Array.FindIndex(source.Words, w => NounPhrase.IsCapitalised(w));
        return nameStart >= 0 && (NounPhrase.IsPersonName(source.Words[nameStart..]) || IsTitledPersonName(source.Words[nameStart..]))
            ? new Attribution(source, Cue(s, auxiliary, v, cueEnd), null, IsDenial(s, v))
            : null;
    }

    /// <summary>
    /// A person's name after a title: "First Deputy Foreign Minister Jamal Harb", "Interior Secretary Omar Latif". "The delegation was
    /// headed by Deputy Minister X, who called for …" is then X's statement, as "…, met X, who said …" is for a bare name.
    /// </summary>
    private static bool IsTitledPersonName(string[] words)
    {
        var name = words.Length;
        while (name > 0 && !Lexicon.RoleWords.Contains(words[name - 1]) && !Lexicon.SourceNouns.Contains(words[name - 1]))
        {
            name--;
        }

        return name > 0 && name < words.Length && Lexicon.RoleWords.Contains(words[name - 1]) && NounPhrase.IsPersonName(words[name..]);
    }

    /// <summary>Reporting verbs followed by their object, never by an inverted speaker: denials, demands, accusations, appeals, praise.</summary>
    private static bool TakesObject(ReadOnlySpan<char> verb) =>
        Lexicon.DenialVerbs.Contains(verb) || Lexicon.PositionVerbs.Contains(verb) || Lexicon.DescribingVerbs.Contains(verb)
        || Lexicon.QuotationOnlyVerbs.Contains(verb) || Lexicon.WelcomingVerbs.Contains(verb) || Lexicon.IssuingVerbs.Contains(verb)
        || ThankingVerbs.Contains(verb);

    /// <summary>"…, thanked Egypt for hosting the talks": the one thanked follows the verb; it is never an inverted speaker.</summary>
    private static readonly WordSet ThankingVerbs = new("thanked", "thanks", "thank");

    /// <summary>"…, said the official." and "“…,” said Ali Vaez, an analyst at …".</summary>
    private static Attribution? Inverted(Sentence s, int v, int cueEnd)
    {
        // "…, told Arab News that …" names the one spoken to, not the speaker: "told" is never inverted, nor a verb whose
        // object follows it ("…, in a statement, denied the report", "…, urged the government to accept").
        if (v == 0 || s.Kind(v - 1) is not (TokenKind.Comma or TokenKind.CloseQuote) || cueEnd != v + 1
            || s.Is(v, "told") || s.Is(v, "tells") || s.Is(v, "tell") || TakesObject(s.Word(v)))
        {
            return null;
        }

        var start = v + 1;
        var end = s.WordRunEnd(start);
        if (end == start || (end < s.Count && s.Kind(end) is not (TokenKind.Comma or TokenKind.Terminal)))
        {
            return null;
        }

        // "…, said EU envoy X after a day of talks.": what follows the name is when or where, not part of it.
        var nameEnd = end;
        for (var i = start + 1; i < end; i++)
        {
            if (InvertedTrailers.Contains(s.Word(i)) && NounPhrase.IsCapitalised(s.Word(i - 1)))
            {
                nameEnd = i;
                break;
            }
        }

        var source = s.Phrase(start, TrimNounPhrase(s, start, nameEnd));
        if (!NounPhrase.IsPlausibleSource(source.Words) || Lexicon.Pronouns.Contains(source.Words[0]) && source.Words.Length == 1)
        {
            return null;
        }

        Phrase? via = null;
        if (end + 2 < s.Count && s.Kind(end) == TokenKind.Comma && s.Is(end + 1, "quoted") && s.Is(end + 2, "by"))
        {
            var viaEnd = s.WordRunEnd(end + 3);
            via = viaEnd > end + 3 ? s.Phrase(end + 3, viaEnd) : null;
        }

        return new Attribution(source, Cue(s, v, v, cueEnd), via, IsDenial(s, v));
    }

    private static readonly WordSet InvertedTrailers = new("after", "before", "during", "following", "when", "while", "ahead", "as");

    /// <summary>"X said", "X, who asked not to be named, said", "X, an expert, told", "Y, citing X, reported".</summary>
    private static Attribution? Preceding(Sentence s, int v, int cueEnd)
    {
        var last = SkipFillers(s, v - 1, out var auxiliary);

        // "X, who asked not to be named, said": the comma before the verb closes an aside or an appositive,
        // which may itself hold clause words ("speaking … because he was not authorised …").
        var commaBeforeVerb = last > 0 && s.Kind(last) == TokenKind.Comma;
        var (start, end) = commaBeforeVerb ? s.SegmentBackToComma(last - 1) : s.SegmentEndingAt(last);
        if (start == end || (commaBeforeVerb && (start == 0 || s.Kind(start - 1) != TokenKind.Comma)))
        {
            return null;
        }

        // "…, in which it rejected …": the subject of the relative clause speaks.
        for (var k = end - 2; k > start && !commaBeforeVerb; k--)
        {
            if ((s.Is(k, "which") || s.Is(k, "whom")) && Lexicon.AsideStarters.Contains(s.Word(k - 1)) && Lexicon.Pronouns.Contains(s.Word(k + 1)))
            {
                start = k + 1;
                break;
            }
        }

        Phrase? via = null;
        Phrase? relayed = null;
        var skippedAside = false;

        // "Oleksandr, 34, a soldier …, said" and "Oleksandr, 34, said": an age is an aside.
        if (IsAge(s, start, end) && start >= 2 && s.Kind(start - 1) == TokenKind.Comma)
        {
            skippedAside = true;
            (start, end) = s.SegmentEndingAt(start - 2);
            if (start == end)
            {
                return null;
            }
        }

        // Walk back over comma-delimited asides to the phrase that names the speaker.
        while (start > 0 && s.Kind(start - 1) == TokenKind.Comma && IsAside(s, start))
        {
            if (s.Is(start, "quoted") && s.Is(start + 1, "by") && end > start + 2)
            {
                via = s.Phrase(start + 2, s.WordRunEnd(start + 2));
            }
            else if (RelayVerbs.Contains(s.Word(start)) && end > start + 1)
            {
                relayed = s.Phrase(start + 1, TrimNounPhrase(s, start + 1, s.WordRunEnd(start + 1)));
            }

            skippedAside = true;
            (start, end) = s.SegmentEndingAt(start - 2);
            if (start == end)
            {
                return null;
            }
        }

        string? role = null;
        string? described = null;
        if (commaBeforeVerb && !skippedAside && DescribedName(s, start, end) is { } description)
        {
            // "A Congolese government spokesman, Patrick Muyaya, declined": the name is the source, the description its role.
            // A title before the name belongs to the description: "…, deputy prime minister Arben Krasniqi, told".
            role = description.Head;
            var (descriptionStart, descriptionEnd) = s.SegmentEndingAt(start - 2);
            described = s.Phrase(descriptionStart, descriptionEnd).Text;
            start = description.NameStart;
        }
        else if (!ContinuesNameList(s, start, end) && IsAppositive(s, start, cueEnd, commaBeforeVerb) is { } outer)
        {
            role = RoleNoun(s, start, end);
            described = s.Phrase(start, end).Text;
            (start, end) = outer;
        }
        else if (commaBeforeVerb && !skippedAside)
        {
            // "The Quad, which comprises the UAE, Saudi Arabia and Egypt, said": an aside holding commas of its own.
            if (SubjectBeforeLongAside(s, last) is not { } subject)
            {
                return null;
            }

            (start, end) = subject;
        }

        // A joint subject may stand before an aside too: "Britain, France and Germany, which triggered …, said".
        if (DocumentIssuedBy(s, end) is { } document)
        {
            // "A joint statement issued by Saudi Arabia and the United States said": the document is what speaks, as in
            // "the statement said"; its issuers are not the subject of the verb.
            return new Attribution(s.Phrase(document.Start, document.End), Cue(s, auxiliary, v, cueEnd), null, IsDenial(s, v));
        }

        start = CollectiveStart(s, start, end);

        // "Tensions have risen since Japanese Prime Minister Sanae Takaichi suggested …": a speech verb in a subordinate
        // clause inside the sentence is background to the main clause, not the outlet's report of a statement.
        if (!skippedAside && !commaBeforeVerb && start > Math.Max(AfterDateline(s), AfterColonDateline(s)) + 1 && s.IsWord(start - 1)
            && Subordinators.Contains(s.Word(start - 1)) && s.Kind(start - 2) != TokenKind.Comma)
        {
            return null;
        }

        if (IsReducedRelative(s, start, end))
        {
            // "…, a condition Tehran has rejected." and "a charge Abu Dhabi denies": the name is inside a description.
            return null;
        }

        for (var h = end - 2; h > start; h--)
        {
            // "Minister of State at the Ministry of Foreign Affairs HE Dr. Khalid Al-Attiyah affirmed": the post before the
            // honorific "HE" (His Excellency) describes the person, whose name starts at the honorific.
            if (Lexicon.IsExcellency(s.Word(h)) && NounPhrase.IsCapitalised(s.Word(h + 1)))
            {
                described ??= s.Phrase(start, h).Text;
                start = h;
                break;
            }
        }

        var source = s.Phrase(start, TrimNounPhrase(s, start, end));
        if (!NounPhrase.IsPlausibleSource(source.Words))
        {
            return null;
        }

        if (relayed is { } r && NounPhrase.IsPlausibleSource(r.Words))
        {
            (source, via) = (r, source);
        }
        else if (RelayAfterCue(s, cueEnd) is { } cited)
        {
            // "a South Korean lawmaker said Tuesday, citing the country's spy agency".
            (source, via) = (cited, source);
        }

        return new Attribution(source, Cue(s, auxiliary, v, cueEnd), via, IsDenial(s, v), role, described);
    }

    /// <summary>
    /// A joint subject that opens the sentence: "Egypt, Qatar and the United States said", "Iran, Russia and China have
    /// rejected", "Ukraine and its European allies have called on": the start of the first item, or <paramref name="start"/>.
    /// Every item must be a plausible source; the list must reach the start of the sentence (after a dateline) and hold an "and".
    /// </summary>
    private static int CollectiveStart(Sentence s, int start, int end)
    {
        var opening = Math.Max(AfterDateline(s), AfterColonDateline(s));
        if (s.IsWord(opening) && opening + 1 < s.Count && s.Kind(opening + 1) == TokenKind.Comma && Lexicon.AsideStarters.Contains(s.Word(opening)))
        {
            // "Separately, Egypt, Qatar and the United States said": an opening adverb is not the first item.
            opening += 2;
        }

        if (start <= opening)
        {
            return start;
        }

        var hasAnd = false;
        for (var i = start; i < end; i++)
        {
            hasAnd |= s.Is(i, "and");
        }

        var first = start;
        var items = 0;
        while (first > opening && items < 6)
        {
            int itemEnd;
            if (s.Is(first - 1, "and") && !hasAnd)
            {
                hasAnd = true;
                itemEnd = first - 2;
            }
            else if (s.Kind(first - 1) == TokenKind.Comma && hasAnd)
            {
                itemEnd = first - 2;
            }
            else
            {
                return start;
            }

            var (itemStart, _) = s.SegmentEndingAt(itemEnd);
            if (itemStart > itemEnd || itemEnd - itemStart >= 8 || !IsListItem(s, itemStart, itemEnd + 1))
            {
                return start;
            }

            first = itemStart;
            items++;
        }

        return first == opening ? first : start;
    }

    /// <summary>
    /// "Congo, the United States and UN experts say": the words after the comma are a name ("the United States") and
    /// "and" another item of a list that opens the sentence, not an appositive of "Congo".
    /// </summary>
    private static bool ContinuesNameList(Sentence s, int start, int end)
    {
        var i = s.Is(start, "the") ? start + 1 : start;
        var first = i;
        while (i < end && s.IsWord(i) && NounPhrase.IsCapitalised(s.Word(i)) && !s.Is(i, "and"))
        {
            i++;
        }

        return i > first && i < end && s.Is(i, "and") && CollectiveStart(s, start, end) < start;
    }

    private static bool IsListItem(Sentence s, int start, int end)
    {
        var word = s.Word(start);
        if (end == start + 1 && word.EndsWith("ly", StringComparison.Ordinal) || Lexicon.AsideStarters.Contains(word))
        {
            return false;
        }

        var words = s.Phrase(start, end).Words;
        return NounPhrase.IsPlausibleSource(words) && char.IsUpper(words[^1][0]) || (NounPhrase.IsPlausibleSource(words) && Lexicon.SourceNouns.Contains(words[^1]));
    }

    /// <summary>
    /// The subject that opens the sentence before an aside starting with a relative or participle ("which comprises …",
    /// "of which …", "led by …") and running, commas and all, to the comma before the verb at <paramref name="last"/>.
    /// </summary>
    private static (int Start, int End)? SubjectBeforeLongAside(Sentence s, int last)
    {
        var opening = Math.Max(AfterDateline(s), AfterColonDateline(s));
        for (var i = last - 1; i > opening && last - i < 40; i--)
        {
            if (s.Kind(i) is TokenKind.Terminal or TokenKind.Semicolon || s.InQuote(i))
            {
                return null;
            }

            if (s.Kind(i) != TokenKind.Comma || !s.IsWord(i + 1)
                || !(Lexicon.RelativePronouns.Contains(s.Word(i + 1)) || (s.Is(i + 1, "of") && s.Is(i + 2, "which")) || IsAside(s, i + 1) && char.IsLower(s.Word(i + 1)[0])))
            {
                continue;
            }

            var (start, end) = s.SegmentEndingAt(i - 1);
            start = CollectiveStart(s, start, end);
            if (start == opening && end > start && NounPhrase.IsPlausibleSource(s.Phrase(start, end).Words))
            {
                return (start, end);
            }
        }

        return null;
    }

    /// <summary>"a condition Tehran", "a move Beijing": an indefinite common noun, not a source noun, before a name.</summary>
    private static bool IsReducedRelative(Sentence s, int start, int end)
    {
        if (end - start < 3 || !(s.Is(start, "a") || s.Is(start, "an")) || !NounPhrase.IsCapitalised(s.Word(end - 1)))
        {
            return false;
        }

        var i = start + 1;
        while (i < end && s.IsWord(i) && char.IsLower(s.Word(i)[0]))
        {
            if (Lexicon.SourceNouns.Contains(s.Word(i)) || Lexicon.RoleWords.Contains(s.Word(i)) || Lexicon.MediaWords.Contains(s.Word(i)))
            {
                return false;
            }

            i++;
        }

        return i > start + 1 && i < end;
    }

    /// <summary>The index after an Arab News style dateline, "RIYADH:", or 0.</summary>
    private static int AfterColonDateline(Sentence s)
    {
        for (var i = 1; i < Math.Min(s.Count, 5); i++)
        {
            if (s.Kind(i) == TokenKind.Colon)
            {
                for (var j = 0; j < i; j++)
                {
                    if (!s.IsWord(j) || !IsAllCaps(s.Word(j)))
                    {
                        return 0;
                    }
                }

                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// "Hikmet Hajiyev, a foreign policy adviser to …, told reporters": the speaker is the phrase before
    /// the comma. Not when the attribution is itself parenthetical ("Israeli officials, the source added, prefer").
    /// </summary>
    private static (int Start, int End)? IsAppositive(Sentence s, int start, int cueEnd, bool commaBeforeVerb)
    {
        var verbTakesObject = cueEnd < s.Count && s.IsWord(cueEnd);
        if (start < 2 || s.Kind(start - 1) != TokenKind.Comma || !(verbTakesObject || commaBeforeVerb))
        {
            return null;
        }

        // "Lebanon named Simon Karam, a presidential source told Haaretz.": what was said came before, so the
        // phrase after the comma is the speaker, not an appositive of the clause before it.
        if (!commaBeforeVerb && !ContentFollows(s, cueEnd))
        {
            return null;
        }

        var (outerStart, outerEnd) = s.SegmentEndingAt(start - 2);
        if (IsAge(s, outerStart, outerEnd) && outerStart >= 2 && s.Kind(outerStart - 1) == TokenKind.Comma)
        {
            (outerStart, outerEnd) = s.SegmentEndingAt(outerStart - 2);
        }

        if (outerStart == outerEnd || (outerStart > 0 && s.Kind(outerStart - 1) == TokenKind.Comma
            && !(NounPhrase.IsPersonName(s.Phrase(outerStart, outerEnd).Words) && OpeningDescription(s, outerStart - 1))))
        {
            return null;
        }

        var outer = s.Phrase(outerStart, outerEnd).Words;
        if (!NounPhrase.IsPlausibleSource(outer))
        {
            return null;
        }

        // "The KDPI, one of the groups, denied": "one of" describes like an article.
        var innerStartsWithArticle = s.Is(start, "a") || s.Is(start, "an") || s.Is(start, "the") || (s.Is(start, "one") && s.Is(start + 1, "of"));
        return innerStartsWithArticle || NounPhrase.IsPersonName(outer) ? (outerStart, outerEnd) : null;
    }

    /// <summary>
    /// For "Egypt's Foreign Ministry spokesman, Tamim Khallaf, declined": the words [start, end) are a personal name set off
    /// after a description that opens the clause, perhaps after a title ("deputy prime minister Arben Krasniqi", "Minister
    /// of State Khalid Al-Mansouri"); returns the description's head noun ("spokesman") and where the name starts, else null.
    /// </summary>
    private static (string Head, int NameStart)? DescribedName(Sentence s, int start, int end)
    {
        if (start < 2 || TitledNameStart(s, start, end) is not { } nameStart)
        {
            return null;
        }

        var (outerStart, outerEnd) = s.SegmentEndingAt(start - 2);
        if (outerStart == outerEnd || outerEnd != start - 1
            || (outerStart > 0 && s.Kind(outerStart - 1) == TokenKind.Comma && !IsIntroductoryBefore(s, outerStart - 1) && !ClauseBefore(s, outerStart - 1)))
        {
            return null;
        }

        // "Iran's ambassador to the UN in Vienna, Reza Najafi, told": the head stands before its post-modifier.
        var description = s.Phrase(outerStart, outerEnd).Words;
        var head = description[NounPhrase.HeadIndex(description)];

        // "Somalia's State Minister for Foreign Affairs, Abdirahman Warsame, told": a post written with capitals is still a
        // description when a state's possessive opens it, since a possessive cannot open a personal name.
        var capitalisedPost = description.Length > 1 && (description[0].EndsWith("'s", StringComparison.Ordinal) || description[0].EndsWith("’s", StringComparison.Ordinal))
            && NounPhrase.IsCapitalised(description[0]) && Lexicon.RoleWords.Contains(head);
        if (!(char.IsLower(head[0]) || capitalisedPost) || Lexicon.ClauseWords.Contains(head))
        {
            return null;
        }

        for (var i = outerStart; i < outerEnd; i++)
        {
            var possessive = i == outerStart && NounPhrase.PossessiveDeterminers.Contains(s.Word(i));
            if ((Lexicon.ClauseWords.Contains(s.Word(i)) && !possessive) || (char.IsLower(s.Word(i)[0]) && Lexicon.SpeechVerbs.Contains(s.Word(i))))
            {
                return null;
            }
        }

        return (head.ToLowerInvariant(), nameStart);
    }

    /// <summary>
    /// Where the personal name in [start, end) starts: at <paramref name="start"/> for "Arben Krasniqi", after the title in
    /// "deputy prime minister Arben Krasniqi" or "Minister of State Khalid Al-Mansouri" (a title holds a role word and only
    /// title words, "of"/"for" and capitalised words); null when the words are no name.
    /// </summary>
    private static int? TitledNameStart(Sentence s, int start, int end)
    {
        var hasRole = false;
        for (var k = start; k < end - 1; k++)
        {
            // The object of "of" and the role words belong to the title: "Minister of State", "Minister for Foreign Affairs".
            var titleGoesOn = k > start && (s.Is(k - 1, "of") || s.Is(k - 1, "for") || Lexicon.TitleWords.Contains(s.Word(k)));
            if ((k == start || (hasRole && !titleGoesOn)) && NounPhrase.IsPersonName(s.Phrase(k, end).Words))
            {
                return k;
            }

            if (!s.IsWord(k) || s.InQuote(k) || !(Lexicon.TitleWords.Contains(s.Word(k)) || s.Is(k, "for") || NounPhrase.IsCapitalised(s.Word(k))))
            {
                return null;
            }

            hasRole |= Lexicon.RoleWords.Contains(s.Word(k));
        }

        return null;
    }

    /// <summary>"In an interview with Al Arabiya," before <paramref name="comma"/>: a phrase opening the sentence with a preposition or participle, holding no other comma.</summary>
    /// <summary>
    /// "Talks resumed on Monday, Qatar's chief mediator, X, told …": before <paramref name="comma"/> stands a clause (a
    /// lower-case word other than "and"/"or" in the segment back to the previous comma), not an item of a name list.
    /// </summary>
    private static bool ClauseBefore(Sentence s, int comma)
    {
        var (start, end) = s.SegmentBackToComma(comma - 1);
        if (start == end || start > 0)
        {
            return false;
        }

        var lower = 0;
        for (var i = start; i < end; i++)
        {
            if (s.IsWord(i) && char.IsLower(s.Word(i)[0]) && !s.Is(i, "and") && !s.Is(i, "or"))
            {
                lower++;
            }
        }

        return lower >= 2;
    }

    private static bool IsIntroductoryBefore(Sentence s, int comma)
    {
        var opening = Math.Max(AfterDateline(s), AfterColonDateline(s));
        if (!s.IsWord(opening) || !Lexicon.NonSubjectStarters.Contains(s.Word(opening)) || Lexicon.Pronouns.Contains(s.Word(opening)))
        {
            return false;
        }

        for (var i = opening; i < comma; i++)
        {
            if (!s.IsWord(i) || s.InQuote(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "Another Chinese expert, Lü Chao, a research fellow at …, told": a description with a lower-case head opens the
    /// sentence before <paramref name="comma"/>, so the name after it is still the subject.
    /// </summary>
    private static bool OpeningDescription(Sentence s, int comma)
    {
        var (start, end) = s.SegmentEndingAt(comma - 1);
        if (start == end || start != Math.Max(AfterDateline(s), AfterColonDateline(s)))
        {
            return false;
        }

        var words = s.Phrase(start, end).Words;
        var head = words[NounPhrase.HeadIndex(words)];
        return words.Length >= 2 && char.IsLower(head[0]) && (Lexicon.ReferenceNouns.Contains(head) || Lexicon.AnalystWords.Contains(head));
    }

    /// <summary>A lone number set off by commas after a name: an age.</summary>
    private static bool IsAge(Sentence s, int start, int end)
    {
        if (end != start + 1 || !s.IsWord(start) || s.Word(start).Length > 3)
        {
            return false;
        }

        foreach (var c in s.Word(start))
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The head noun of an appositive ("official" in "a Yemeni official close to the Houthi movement"), if it is a lower-case noun.</summary>
    private static string? RoleNoun(Sentence s, int start, int end)
    {
        var words = s.Phrase(start, end).Words;
        if (NounPhrase.OneOfIndex(words) is not null && words[^1].Length > 3 && words[^1].EndsWith('s')
            && Lexicon.ReferenceNouns.Contains(words[^1].AsSpan(0, words[^1].Length - 1)))
        {
            // "The KDPI, one of the groups, denied": the body is a group, for a later "the group".
            var singular = words[^1][..^1].ToLowerInvariant();
            return NounPhrase.PluralOf(singular).Equals(words[^1], StringComparison.OrdinalIgnoreCase) ? singular : null;
        }

        var head = NounPhrase.WithoutPossessive(words[NounPhrase.HeadIndex(words)]);
        return char.IsLower(head[0]) && Lexicon.ReferenceNouns.Contains(head) ? head.ToLowerInvariant() : null;
    }

    /// <summary>Whether reported words follow the verb, rather than the sentence ending after its object: "told Haaretz.".</summary>
    private static bool ContentFollows(Sentence s, int cueEnd)
    {
        var i = cueEnd;
        while (i < s.Count && s.IsWord(i) && !s.InQuote(i) && i - cueEnd < 4 && !s.Is(i, "that"))
        {
            i++;
        }

        return i < s.Count && s.Kind(i) != TokenKind.Terminal && !(s.Kind(i) == TokenKind.CloseQuote && i + 1 >= s.Count);
    }

    /// <summary>"…, citing Y" a few words after the verb: the phrase after "citing".</summary>
    private static Phrase? RelayAfterCue(Sentence s, int cueEnd)
    {
        var i = cueEnd;
        while (s.IsWord(i) && !s.InQuote(i) && i - cueEnd < 4)
        {
            i++;
        }

        if (i + 2 >= s.Count || s.Kind(i) != TokenKind.Comma || s.InQuote(i) || !RelayVerbs.Contains(s.Word(i + 1)))
        {
            return null;
        }

        var end = s.WordRunEnd(i + 2);
        if (end == i + 2)
        {
            return null;
        }

        var cited = s.Phrase(i + 2, TrimNounPhrase(s, i + 2, end));
        return NounPhrase.IsPlausibleSource(cited.Words) ? cited : null;
    }

    /// <summary>A comma-delimited aside that does not name the speaker: "who asked not to be named", "in a statement".</summary>
    private static bool IsAside(Sentence s, int start)
    {
        var word = s.Word(start);
        if (Lexicon.AsideStarters.Contains(word) || RelayVerbs.Contains(word) || RelayPastVerbs.Contains(word))
        {
            return true;
        }

        // Lower-case participles: "mediated by …", "speaking …".
        return char.IsLower(word[0])
            && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal));
    }

    /// <summary>Index of the source after ", which cited" / ", citing" following a phrase ending at <paramref name="end"/>.</summary>
    private static int? RelayAfter(Sentence s, int end)
    {
        if (end + 1 >= s.Count || s.Kind(end) != TokenKind.Comma)
        {
            return null;
        }

        if (RelayVerbs.Contains(s.Word(end + 1)))
        {
            return end + 2;
        }

        return (s.Is(end + 1, "which") || s.Is(end + 1, "who")) && end + 2 < s.Count && RelayPastVerbs.Contains(s.Word(end + 2))
            ? end + 3
            : null;
    }

    /// <summary>"a statement from the U.S. Embassy" names the embassy as the source.</summary>
    private static int SkipDocumentLead(Sentence s, int i)
    {
        if (!IsArticle(s, i))
        {
            return i;
        }

        // Up to two adjectives: "a joint statement", "a brief written statement".
        var noun = i + 1;
        while (noun < i + 3 && s.IsWord(noun) && char.IsLower(s.Word(noun)[0]) && !DocumentLeads.Contains(s.Word(noun)))
        {
            noun++;
        }

        if (!s.IsWord(noun) || !DocumentLeads.Contains(s.Word(noun)))
        {
            return i;
        }

        var next = noun + 1;
        if (s.IsWord(next) && IssuedVerbs.Contains(s.Word(next)) && s.Is(next + 1, "by"))
        {
            return next + 2;
        }

        return s.Is(next, "from") || s.Is(next, "by") || s.Is(next, "of") ? next + 1 : i;
    }

    /// <summary>
    /// For a subject ending before <paramref name="end"/> that follows "A joint statement issued by" at the opening of the
    /// sentence: the document's words ("A joint statement"); else null.
    /// </summary>
    private static (int Start, int End)? DocumentIssuedBy(Sentence s, int end)
    {
        var opening = Math.Max(AfterDateline(s), AfterColonDateline(s));
        for (var by = end - 1; by > opening + 1 && end - by < 16 && (s.IsWord(by) || s.Kind(by) == TokenKind.Comma); by--)
        {
            if (s.Is(by, "by"))
            {
                return IssuedVerbs.Contains(s.Word(by - 1)) && SkipDocumentLead(s, opening) == by + 1 ? (opening, by - 1) : null;
            }
        }

        return null;
    }

    /// <summary>Skips words between subject and verb ("have long", "on Tuesday", "went on to"); reports the auxiliary for the cue.</summary>
    private static int SkipFillers(Sentence s, int i, out int auxiliary)
    {
        auxiliary = -1;
        while (i >= 0 && s.IsWord(i))
        {
            var word = s.Word(i);
            if (Lexicon.PreVerbFillers.Contains(word)
                && !(word.Equals("both", StringComparison.OrdinalIgnoreCase) && (i == 0 || s.Is(i - 1, "and"))))
            {
                // "X and Y both said"; not "Both said" nor "… and both said", where "both" is the subject.
                if (Lexicon.Auxiliaries.Contains(word) && auxiliary < 0)
                {
                    auxiliary = i;
                }

                i--;
            }
            else if (Lexicon.TimeWords.Contains(word) && i > 0 && s.IsWord(i - 1) && IsTimePreposition(s.Word(i - 1)))
            {
                i -= 2;
            }
            else if (s.Is(i, "to") && s.Is(i - 1, "on") && (s.Is(i - 2, "went") || s.Is(i - 2, "goes")))
            {
                // "The top Iranian diplomat went on to say that …".
                i -= 3;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsTimePreposition(ReadOnlySpan<char> word) =>
        word.Equals("on", StringComparison.OrdinalIgnoreCase) || word.Equals("late", StringComparison.OrdinalIgnoreCase)
        || word.Equals("early", StringComparison.OrdinalIgnoreCase) || word.Equals("last", StringComparison.OrdinalIgnoreCase)
        || word.Equals("this", StringComparison.OrdinalIgnoreCase);

    /// <summary>Cuts a relative clause ("a general who has taken part …") and a trailing time ("on Friday").</summary>
    private static int TrimNounPhrase(Sentence s, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (Lexicon.RelativePronouns.Contains(s.Word(i)))
            {
                end = i;
                break;
            }
        }

        while (end - start >= 2 && Lexicon.TimeWords.Contains(s.Word(end - 1)) && IsTimePreposition(s.Word(end - 2)))
        {
            end -= 2;
        }

        return end;
    }

    private static string Cue(Sentence s, int auxiliary, int v, int cueEnd)
    {
        var verb = s.Text.AsSpan(s.Start(v), s.End(cueEnd - 1) - s.Start(v)).ToString().ToLowerInvariant();
        if (s.Is(v, "pointed") && s.Is(v + 1, "out"))
        {
            verb = "pointed out";
        }

        return auxiliary >= 0 && auxiliary < v ? $"{s.Word(auxiliary).ToString().ToLowerInvariant()} {verb}" : verb;
    }

    private static bool IsDenial(Sentence s, int v) => Lexicon.DenialVerbs.Contains(s.Word(v));

    /// <summary>Token access for one sentence.</summary>
    private readonly struct Sentence(string text, List<Token> tokens)
    {
        /// <summary>
        /// No phrase scan goes further than this: a source is at most a dozen words, and the bound
        /// keeps a sentence of thousands of unpunctuated words linear rather than quadratic.
        /// </summary>
        private const int MaxScan = 40;

        public string Text => text;

        public int Count => tokens.Count;

        public bool IsWord(int i) => i >= 0 && i < tokens.Count && tokens[i].IsWord;

        public bool InQuote(int i) => tokens[i].InQuote;

        public TokenKind Kind(int i) => tokens[i].Kind;

        public int Start(int i) => tokens[i].Start;

        public int End(int i) => tokens[i].End;

        public ReadOnlySpan<char> Word(int i) => IsWord(i) ? tokens[i].Of(text) : [];

        public bool Is(int i, string word) => IsWord(i) && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        /// <summary>End (exclusive) of the run of words starting at <paramref name="start"/>, outside quotes.</summary>
        public int WordRunEnd(int start)
        {
            var i = start;
            while (IsWord(i) && !tokens[i].InQuote && i - start < MaxScan)
            {
                i++;
            }

            return i;
        }

        /// <summary>The words [start, last + 1) back to the nearest punctuation or clause word.</summary>
        public (int Start, int End) SegmentEndingAt(int last)
        {
            var i = last;
            while (IsWord(i) && !tokens[i].InQuote && !IsClauseBoundary(i) && last - i < MaxScan)
            {
                i--;
            }

            return (i + 1, last + 1);
        }

        /// <summary>The tokens [start, last + 1) back to the nearest comma, whatever they are; empty unless it starts with a word.</summary>
        public (int Start, int End) SegmentBackToComma(int last)
        {
            var i = last;
            while (i >= 0 && tokens[i].Kind != TokenKind.Comma && last - i < MaxScan * 2)
            {
                i--;
            }

            return IsWord(i + 1) && (i < 0 || tokens[i].Kind == TokenKind.Comma) ? (i + 1, last + 1) : (last + 1, last + 1);
        }

        public Phrase Phrase(int start, int end) => Extraction.Phrase.FromTokens(text, tokens, start, end);

        /// <summary>"and" between two capitalised words joins names ("U.S. and Saudi observers"), elsewhere it starts a clause.</summary>
        private bool IsClauseBoundary(int i)
        {
            var word = Word(i);
            if (!Lexicon.ClauseBoundaries.Contains(word))
            {
                return false;
            }

            var isConjunction = word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);
            return !(isConjunction && IsWord(i - 1) && IsWord(i + 1)
                && char.IsUpper(Word(i - 1)[0]) && char.IsUpper(Word(i + 1)[0]));
        }
    }
}
