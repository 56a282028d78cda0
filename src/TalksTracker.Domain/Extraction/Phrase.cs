namespace TalksTracker.Domain.Extraction;

/// <summary>A run of words of the report text: its span, its text and its words.</summary>
internal readonly record struct Phrase(TextSpan Span, string Text, string[] Words)
{
    /// <summary>The phrase covering word tokens [first, end).</summary>
    public static Phrase FromTokens(string text, List<Token> tokens, int first, int end)
    {
        var words = new string[end - first];
        for (var i = first; i < end; i++)
        {
            words[i - first] = tokens[i].Of(text).ToString();
        }

        var span = new TextSpan(tokens[first].Start, tokens[end - 1].End);
        return new Phrase(span, span.Slice(text), words);
    }
}
