namespace TalksTracker.Domain.Positions;

/// <summary>
/// Places a text as a point in a space where texts that mean alike lie close ("the vessel" near "the grounded warship",
/// "ships bound for Ukrainian ports" near "safe navigation in the Black Sea"): what <see cref="ItemChooser"/> weighs beside
/// shared words, when the words differ. A sentence-embedding model outside the Domain answers it.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The text's vector; vectors of one embedder have one length, and their cosine says how alike two texts mean.</summary>
    float[] Embed(string text);
}
