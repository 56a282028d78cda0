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

        // A name's acronym after it belongs to the name: "the … Pridnestrovian Moldavian Republic (PMR)".
        var last = tokens[end - 1].End;
        if (char.IsUpper(text[tokens[end - 1].Start]) && last + 1 < text.Length && text[last] == ' ' && Tokenizer.AcronymEnd(text, last + 1, text.Length) is { } after)
        {
            last = after;
        }

        var span = new TextSpan(tokens[first].Start, last);
        return new Phrase(span, span.Slice(text), words);
    }
}
