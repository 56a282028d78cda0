using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksTracker.Domain.Tests.Extraction;

/// <summary>A hand-labelled attribution file: one entry per body sentence, in order.</summary>
internal sealed record ExpectedAttribution(IReadOnlyList<ExpectedSentence> Sentences)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Extraction", "TestData", relative);

    public static ExpectedAttribution Load(string relative) =>
        JsonSerializer.Deserialize<ExpectedAttribution>(File.ReadAllText(PathOf(relative)), Options)
        ?? throw new InvalidOperationException($"{relative} is empty.");
}

/// <param name="Via">The relay ("Reuters" in "told Reuters"); only the news set labels it.</param>
/// <param name="Alternatives">Other names a careful reader accepts for the same source.</param>
/// <param name="Phenomena">What makes the sentence hard (news set tags); none means "plain".</param>
internal sealed record ExpectedSentence(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("cue")] string? Cue,
    [property: JsonPropertyName("hedge")] string? Hedge,
    [property: JsonPropertyName("via")] string? Via = null,
    [property: JsonPropertyName("alternatives")] IReadOnlyList<string>? Alternatives = null,
    [property: JsonPropertyName("phenomena")] IReadOnlyList<string>? Phenomena = null)
{
    /// <summary>
    /// Whether a predicted source names this sentence's source: the label or an alternative, ignoring case; or, when the
    /// label is a person's bare name of two or more words, the same name with its title in front ("Rami Haddad" accepts
    /// "Deputy Foreign Minister Rami Haddad"), and the other way round. The earlier sets label the full mention with its title and the fourth
    /// test half labels the bare name; both identify the same person, so the scorer accepts either, as it does for relays.
    /// </summary>
    public bool Accepts(string? predicted) =>
        Source is not null && predicted is not null
        && (string.Equals(Source, predicted, StringComparison.OrdinalIgnoreCase)
            || (Alternatives ?? []).Any(a => string.Equals(a, predicted, StringComparison.OrdinalIgnoreCase))
            || IsTitledFormOf(Source, predicted) || IsTitledFormOf(predicted, Source));

    private static bool IsTitledFormOf(string name, string predicted)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The first word is capitalised; the last may not be ("Haidar al-Lami").
        return words.Length >= 2 && char.IsUpper(words[0][0])
            && predicted.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase);
    }
}
