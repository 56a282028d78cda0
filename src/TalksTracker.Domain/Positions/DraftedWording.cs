using System.Text.RegularExpressions;

namespace TalksTracker.Domain.Positions;

/// <summary>
/// A party's wording in a negotiated draft: "[Government: All firearms … shall be surrendered …]", "… sites designated
/// jointly [DNA: and to keep the hunting rifles …]". Drafts under negotiation bracket each passage the sides have not
/// agreed and label it with the party that wants it, so the bracket is that party's stance on what the passage is about.
/// </summary>
/// <param name="Label">Who the draft says wants the wording ("Government", "DNA"), as written.</param>
/// <param name="Body">The wording itself, without the label.</param>
/// <param name="Span">Where the whole bracket, label included, stands in the sentence.</param>
/// <param name="BodySpan">Where the wording stands in the sentence.</param>
internal sealed partial record DraftedWording(string Label, string Body, TextSpan Span, TextSpan BodySpan)
{
    /// <summary>
    /// Wording that makes the passage wait on something ("[Government: once the security forces certify …]") is a condition on
    /// it; any other is what the party demands the text say.
    /// </summary>
    public PositionKind Kind =>
        Cues.OpensWait(new string([.. Body.TakeWhile(char.IsLetter)]).ToLowerInvariant())
            ? PositionKind.Condition
            : PositionKind.Demand;

    /// <summary>
    /// The labelled brackets of a sentence. A label is one to five words that open with a capital ("Government", "Mali",
    /// "DNA"); "[sic]", "[…]" and a bracket with no colon are not drafts. The closing bracket may be cut off by the sentence's end.
    /// </summary>
    public static List<DraftedWording> In(string sentence)
    {
        var drafts = new List<DraftedWording>();
        foreach (Match match in Bracket().Matches(sentence))
        {
            var body = match.Groups["body"];
            var text = body.Value.TrimEnd();
            if (text.Length == 0)
            {
                continue;
            }

            drafts.Add(new DraftedWording(match.Groups["label"].Value, text, new TextSpan(match.Index, match.Index + match.Length),
                new TextSpan(body.Index, body.Index + text.Length)));
        }

        return drafts;
    }

    /// <summary>
    /// The sentence with its drafts' wordings blanked, so the passage reads as if they were not there, at the same offsets.
    /// The labels stay: a report names its parties there too ("[DNA: …]" after "Dan Na Ambassagou").
    /// </summary>
    public static string Without(string sentence, IReadOnlyList<DraftedWording> drafts)
    {
        if (drafts.Count == 0)
        {
            return sentence;
        }

        var chars = sentence.ToCharArray();
        foreach (var draft in drafts)
        {
            Array.Fill(chars, ' ', draft.BodySpan.Start, draft.Span.End - draft.BodySpan.Start);
        }

        return new string(chars);
    }

    /// <summary>
    /// A stance the passage around the drafts states, its wording cut where the first draft inside it opens: "agrees to place
    /// its heavy weapons in storage at sites designated jointly", not the bracket after it.
    /// </summary>
    public static ProposedPosition Outside(ProposedPosition position, string sentence, IReadOnlyList<DraftedWording> drafts)
    {
        var span = position.WordingSpan;
        if (drafts.FirstOrDefault(d => d.Span.Start > span.Start && d.Span.Start < span.End) is not { } inside)
        {
            return position;
        }

        var cut = new TextSpan(span.Start, span.Start + sentence[span.Start..inside.Span.Start].TrimEnd().Length);
        return position with { WordingSpan = cut, Wording = cut.Slice(sentence).TrimEnd(',', ';', ':') };
    }

    [GeneratedRegex(@"\[(?<label>\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,4}):\s*(?<body>[^\[\]]+)\]?")]
    private static partial Regex Bracket();
}
