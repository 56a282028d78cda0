namespace TalksTracker.Domain.Extraction;

/// <summary>Finds hedges ("reportedly", "are said to", "it is understood") and denials in a sentence.</summary>
internal static class StanceDetector
{
    private static readonly WordSet Negotiate = new("negotiate", "negotiates", "talk", "hold");
    private static readonly WordSet Did = new("does", "do", "did", "will", "would");
    private static readonly WordSet UnderstoodWithoutTo = new("understood", "believed", "thought", "said", "reported");

    public static (IReadOnlyList<string> Hedges, bool IsDenial) Analyse(string text, List<Token> tokens)
    {
        List<string>? hedges = null;
        var denial = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            var word = tokens[i].Of(text);
            if (Lexicon.HedgeWords.Contains(word))
            {
                AddHedge(ref hedges, Lower(text, tokens, i, i));
            }
            else if (Lexicon.BeForms.Contains(word) && IsWord(text, tokens, i + 1, Lexicon.HedgeParticiples)
                && Is(text, tokens, i + 2, "to"))
            {
                AddHedge(ref hedges, Lower(text, tokens, i, i + 2));
            }
            else if (word.Equals("it", StringComparison.OrdinalIgnoreCase) && IsWord(text, tokens, i + 1, Lexicon.BeForms)
                && IsWord(text, tokens, i + 2, UnderstoodWithoutTo) && !Is(text, tokens, i + 3, "to"))
            {
                AddHedge(ref hedges, Lower(text, tokens, i, i + 2));
            }

            denial |= IsDenialAt(text, tokens, i, word);
        }

        return (hedges ?? (IReadOnlyList<string>)[], denial);
    }

    private static bool IsDenialAt(string text, List<Token> tokens, int i, ReadOnlySpan<char> word)
    {
        if (word.Equals("declined", StringComparison.OrdinalIgnoreCase))
        {
            return Is(text, tokens, i + 1, "to") && IsWord(text, tokens, i + 2, Lexicon.DeclinedObjects);
        }

        if (Lexicon.DenialVerbs.Contains(word))
        {
            return i == 0 || !IsWord(text, tokens, i - 1, Lexicon.Negations);
        }

        // "does not negotiate", "do not negotiate", "will not hold talks".
        return Did.Contains(word) && Is(text, tokens, i + 1, "not") && IsWord(text, tokens, i + 2, Negotiate);
    }

    private static void AddHedge(ref List<string>? hedges, string hedge)
    {
        hedges ??= [];
        if (!hedges.Contains(hedge))
        {
            hedges.Add(hedge);
        }
    }

    private static string Lower(string text, List<Token> tokens, int first, int last) =>
        text[tokens[first].Start..tokens[last].End].ToLowerInvariant();

    private static bool Is(string text, List<Token> tokens, int i, string word) =>
        i < tokens.Count && tokens[i].IsWord && tokens[i].Of(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsWord(string text, List<Token> tokens, int i, WordSet set) =>
        i >= 0 && i < tokens.Count && tokens[i].IsWord && set.Contains(tokens[i].Of(text));
}
