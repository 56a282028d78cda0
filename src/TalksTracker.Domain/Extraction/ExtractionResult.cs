namespace TalksTracker.Domain.Extraction;

/// <summary>
/// What <see cref="ClaimExtractor"/> found in a report text. All spans point into the text that was
/// passed in (for Markdown or HTML input: the normalised text of <see cref="ReportText"/>).
/// </summary>
/// <param name="TitleSpan">The title line in the text; empty when the title was typed or derived from the first sentence.</param>
public sealed record ExtractionResult(string Title, TextSpan TitleSpan, IReadOnlyList<ExtractedClaim> Claims)
{
    /// <summary>
    /// The report's own title (its title line, or the title typed for it), which says whose report it is; null when the
    /// title was derived from the first sentence, which is read as a claim anyway.
    /// </summary>
    public string? Headline { get; init; }

    /// <summary>Why nothing (or nothing attributed) was proposed, for the editor; null when sources were found.</summary>
    public string? Note { get; init; }

    public static ExtractionResult Empty { get; } = new(string.Empty, new TextSpan(0, 0), []);
}

/// <summary>One body sentence proposed as a claim, with its attribution, stance and mentions.</summary>
public sealed record ExtractedClaim
{
    /// <summary>The sentence: [Start, End) slices exactly to <see cref="Text"/>.</summary>
    public required TextSpan Span { get; init; }

    public required string Text { get; init; }

    /// <summary>The source as first fully mentioned ("a senior Israeli security source"), or null for the outlet's own voice.</summary>
    public string? Source { get; init; }

    /// <summary>Where this sentence names the source ("the source"), before resolution; null when unattributed.</summary>
    public TextSpan? SourceMentionSpan { get; init; }

    public SourceKind? SourceKind { get; init; }

    /// <summary>Who relayed the source's words: "SUNA" in "X, quoted by SUNA, said".</summary>
    public string? Via { get; init; }

    /// <summary>The attributing words, lower-cased: "according to", "added", "have revealed".</summary>
    public string? Cue { get; init; }

    public Stance Stance { get; init; }

    /// <summary>Hedge words found, lower-cased: "reportedly", "are said to".</summary>
    public IReadOnlyList<string> Hedges { get; init; } = [];

    public bool Hedged => Hedges.Count > 0;

    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

/// <summary>An actor, venue or agenda topic of the gazetteer found in a sentence.</summary>
public sealed record Mention(TextSpan Span, string Text, string EntryId, GazetteerEntryKind Kind);
