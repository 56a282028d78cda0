namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Proposes claims from a report text: the first non-blank line is the title, every body sentence
/// is a claim with its exact span, attributed source (resolved to its first full mention), cue,
/// stance, hedges and gazetteer mentions. Pure and allocation-light; never throws on any string.
/// For Markdown or HTML, normalise first with <see cref="ReportText"/> and extract from its text.
/// </summary>
public static class ClaimExtractor
{
    public static ExtractionResult Extract(string? text, Gazetteer? gazetteer = null) => ExtractCancellably(text, gazetteer, CancellationToken.None);

    /// <summary>As <see cref="Extract"/>, under a time limit.</summary>
    /// <param name="cancellationToken">Checked between sentences, so a time limit stops pathological input
    /// (the only exception this method throws is <see cref="OperationCanceledException"/>, and only when cancelled).</param>
    public static ExtractionResult ExtractCancellably(string? text, Gazetteer? gazetteer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ExtractionResult.Empty;
        }

        var (titleSpan, bodyStart) = FindTitle(text);
        var resolver = new ReferenceResolver();

        // One token list serves the title and every sentence: tokens never outlive their sentence.
        var tokens = new List<Token>(64);
        resolver.ObserveNames(text, Tokenizer.Tokenize(text, titleSpan, tokens));

        var sentences = SentenceSplitter.Split(text, bodyStart, text.Length);
        var claims = new List<ExtractedClaim>(sentences.Count);
        ExtractedClaim? previous = null;
        var previousHadQuote = false;
        foreach (var span in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Tokenizer.Tokenize(text, span, tokens);
            var (hedges, isDenial) = StanceDetector.Analyse(text, tokens);
            string? source = null, via = null, cue = null;
            SourceKind? kind = null;
            TextSpan? mention = null;
            if (AttributionFinder.Find(text, tokens) is { } attribution)
            {
                var entry = resolver.Resolve(attribution.Source);
                if (attribution.Role is { } role)
                {
                    ReferenceResolver.NoteRole(entry, role);
                }

                if (AttributionFinder.CitedDocument(text, tokens) is { } document)
                {
                    resolver.NoteDocument(document, entry);
                }

                (source, kind, mention, via, cue) = (entry.Text, entry.Kind, attribution.Source.Span, attribution.Via?.Text, attribution.Cue);
                isDenial |= attribution.IsDenial;
            }
            else if (previous?.Source is not null && previousHadQuote && IsWholeQuotation(tokens))
            {
                // A quotation that continues the previous speaker's quote is theirs.
                (source, kind, via, cue) = (previous.Source, previous.SourceKind, previous.Via, previous.Cue);
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
            claims.Add(claim);
            previous = claim;
            previousHadQuote = tokens.Exists(t => t.Kind == TokenKind.CloseQuote);
        }

        return new ExtractionResult(titleSpan.Slice(text), titleSpan, claims);
    }

    /// <summary>The first non-blank line, trimmed, and where the body starts after it.</summary>
    private static (TextSpan Title, int BodyStart) FindTitle(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var lineEnd = text.IndexOf('\n', start);
        var bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
        var end = lineEnd < 0 ? text.Length : lineEnd;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (new TextSpan(start, end), bodyStart);
    }

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
