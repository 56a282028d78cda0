namespace TalksTracker.Domain.Extraction;

internal enum TokenKind
{
    Word,
    Comma,
    OpenQuote,
    CloseQuote,
    Colon,
    Semicolon,
    Dash,
    Bracket,
    Terminal,
    Other,
}

/// <summary>A word or punctuation mark of a sentence; offsets are into the whole report text.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, bool InQuote)
{
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Punctuation that ends a noun phrase: everything but a word.</summary>
    public bool IsBoundary => Kind != TokenKind.Word;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}
