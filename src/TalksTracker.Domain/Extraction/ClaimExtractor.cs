namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Proposes claims from a report text laid out by <see cref="ReportLayout"/> (a typed title wins; else a
/// headline-like first line is the title, or one is derived), every body sentence is a claim with its exact span, attributed source (resolved to its first full mention), cue,
/// stance, hedges and gazetteer mentions. Pure and allocation-light; never throws on any string.
/// For Markdown or HTML, normalise first with <see cref="ReportText"/> and extract from its text.
/// </summary>
public static class ClaimExtractor
{
    public static ExtractionResult Extract(string? text, Gazetteer? gazetteer = null, string? givenTitle = null) =>
        ExtractCancellably(text, gazetteer, CancellationToken.None, givenTitle);

    /// <summary>As <see cref="Extract"/>, under a time limit.</summary>
    /// <param name="cancellationToken">Checked between sentences, so a time limit stops pathological input
    /// (the only exception this method throws is <see cref="OperationCanceledException"/>, and only when cancelled).</param>
    /// <param name="givenTitle">The title typed by the editor: when not blank, the whole text is body.</param>
    public static ExtractionResult ExtractCancellably(string? text, Gazetteer? gazetteer, CancellationToken cancellationToken, string? givenTitle = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ExtractionResult.Empty;
        }

        var layout = ReportLayout.Of(text, givenTitle);
        var titleSpan = layout.TitleLine ?? new TextSpan(0, 0);
        var resolver = new ReferenceResolver();

        // One token list serves the title and every sentence: tokens never outlive their sentence.
        var tokens = new List<Token>(64);
        resolver.ObserveNames(text, Tokenizer.Tokenize(text, titleSpan, tokens));

        var sentences = new List<TextSpan>();
        foreach (var run in layout.Body)
        {
            sentences.AddRange(SentenceSplitter.Split(text, run.Start, run.End));
        }

        var claims = new List<ExtractedClaim>(sentences.Count);
        ExtractedClaim? previous = null;
        var previousEndedInQuote = false;

        // Sentences that open a quotation continued by the next sentence, which may name the speaker: “A. B,” he said.
        List<int>? openers = null;
        foreach (var span in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var continuesQuote = previousEndedInQuote && previous is not null && OnSameLine(text, previous.Span.End, span.Start);
            Tokenizer.Tokenize(text, span, tokens, continuesQuote);
            var (hedges, isDenial) = StanceDetector.Analyse(text, tokens);
            var subject = AttributionFinder.Subject(text, tokens);
            resolver.BeginSentence(subject);
            string? source = null, via = null, cue = null;
            SourceKind? kind = null;
            TextSpan? mention = null;
            if (AttributionFinder.Find(text, tokens) is { } attribution)
            {
                var entry = resolver.Resolve(attribution.Source);
                resolver.NoteSubjectSource(attribution.Source.Span.Start, entry);
                if (attribution.Role is { } role)
                {
                    ReferenceResolver.NoteRole(entry, role);
                }

                if (attribution.Description is { } description && entry.IsPerson)
                {
                    entry.Description ??= description;
                }

                if (AttributionFinder.CitedDocument(text, tokens) is { } document)
                {
                    resolver.NoteDocument(document, entry);
                }

                (source, kind, mention, via, cue) = (entry.Text, entry.Kind, attribution.Source.Span, attribution.Via?.Text, attribution.Cue);
                isDenial |= attribution.IsDenial;
            }
            else if (previous?.Source is not null && (continuesQuote || IsWholeQuotation(tokens)))
            {
                // A quotation that continues the previous speaker's quote, or stands alone after an attributed
                // sentence (news style reopens the quote in the next paragraph), is theirs.
                (source, kind, cue) = (previous.Source, previous.SourceKind, previous.Cue);
            }

            var claim = new ExtractedClaim
            {
                Span = span,
                Text = span.Slice(text),
                Hedges = hedges,
                Mentions = MentionFinder.Find(text, span, gazetteer),
                Source = source,
                SourceMentionSpan = mention,
                SourceKind = kind,
                Via = via,
                Cue = cue,
                Stance = isDenial ? Stance.Denies : hedges.Count > 0 ? Stance.Hedged : Stance.Asserts,
            };
            resolver.ObserveNames(text, tokens);
            var endsInQuote = EndsInQuote(tokens);
            if (source is null && endsInQuote && (continuesQuote || OpensQuote(tokens)))
            {
                (openers ??= []).Add(claims.Count);
            }
            else if (source is not null && continuesQuote && openers is not null)
            {
                // The speaker named at the end of a quotation speaks its opening sentences too.
                for (var k = openers.Count - 1; k >= 0 && openers[k] >= claims.Count - openers.Count; k--)
                {
                    var at = openers[k];
                    claims[at] = claims[at] with { Source = source, SourceKind = kind, Via = via, Cue = cue };
                }

                openers.Clear();
            }

            if (!endsInQuote || source is not null)
            {
                openers?.Clear();
            }

            claims.Add(claim);
            previous = claim;
            previousEndedInQuote = endsInQuote;
        }

        return new ExtractionResult(layout.Title, titleSpan, claims)
        {
            Headline = layout.TitleLine is not null || !string.IsNullOrWhiteSpace(givenTitle) ? layout.Title : null,
            Note = NoteOn(claims, layout),
        };
    }

    /// <summary>Why extraction proposes nothing, or nothing attributed, in words an editor can act on; null when all is well.</summary>
    private static string? NoteOn(List<ExtractedClaim> claims, ReportLayout layout)
    {
        if (claims.Count == 0)
        {
            return layout.SkippedLines > 0
                ? $"No sentence was left to propose: {layout.SkippedLines} line{(layout.SkippedLines == 1 ? " looks" : "s look")} like a byline, photo caption or link (“Read more”), and nothing else follows the title. Paste the report's body and extract again."
                : "No sentence was found after the title line. Paste the report's body (or type the title in the Title field so the whole text is body) and extract again.";
        }

        return claims.TrueForAll(c => c.Source is null)
            ? "No sentence names a source or a reporting verb (“said”, “told”, “according to”), so every proposal is the outlet's own voice. Check that the whole report was pasted."
            : null;
    }

    private static bool OnSameLine(string text, int from, int to) => text.AsSpan(from, to - from).IndexOf('\n') < 0;

    /// <summary>Whether a quotation is still open at the end of the sentence.</summary>
    private static bool EndsInQuote(List<Token> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Kind == TokenKind.CloseQuote)
            {
                return false;
            }

            if (tokens[i].Kind == TokenKind.OpenQuote || tokens[i].InQuote)
            {
                return true;
            }
        }

        return false;
    }

    private static bool OpensQuote(List<Token> tokens) => tokens.Count > 0 && tokens[0].Kind == TokenKind.OpenQuote;

    private static bool IsWholeQuotation(List<Token> tokens)
    {
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.OpenQuote)
        {
            return false;
        }

        var last = tokens.Count - 1;
        while (last > 0 && tokens[last].Kind == TokenKind.Terminal)
        {
            last--;
        }

        return tokens[last].Kind == TokenKind.CloseQuote || tokens.TrueForAll(t => t.InQuote || t.Kind == TokenKind.OpenQuote);
    }
}
