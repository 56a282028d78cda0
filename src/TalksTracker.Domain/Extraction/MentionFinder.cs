namespace TalksTracker.Domain.Extraction;

/// <summary>Finds gazetteer names in a sentence: whole words, longest match first, no overlaps.</summary>
internal static class MentionFinder
{
    public static IReadOnlyList<Mention> Find(string text, TextSpan sentence, Gazetteer? gazetteer)
    {
        if (gazetteer is null)
        {
            return [];
        }

        List<Mention>? mentions = null;
        var i = sentence.Start;
        while (i < sentence.End)
        {
            if (!Tokenizer.IsWordChar(text, i) || (i > sentence.Start && Tokenizer.IsWordChar(text, i - 1)))
            {
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < sentence.End && Tokenizer.IsWordChar(text, wordEnd))
            {
                wordEnd += char.IsSurrogatePair(text, wordEnd) ? 2 : 1;
            }

            var match = Match(text, i, sentence.End, gazetteer.Candidates(text.AsSpan(i, wordEnd - i)));
            if (match is null)
            {
                i = wordEnd;
                continue;
            }

            var end = i + match.Text.Length;
            (mentions ??= []).Add(new Mention(new TextSpan(i, end), text[i..end], match.Entry.Id, match.Entry.Kind));
            i = end;
        }

        return mentions ?? (IReadOnlyList<Mention>)[];
    }

    private static Gazetteer.Name? Match(string text, int start, int end, IReadOnlyList<Gazetteer.Name>? candidates)
    {
        if (candidates is null)
        {
            return null;
        }

        foreach (var name in candidates)
        {
            var length = name.Text.Length;
            if (start + length > end)
            {
                continue;
            }

            var comparison = name.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (string.Compare(text, start, name.Text, 0, length, comparison) == 0
                && (start + length == end || !Tokenizer.IsWordChar(text, start + length)))
            {
                return name;
            }
        }

        return null;
    }
}
