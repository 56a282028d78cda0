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

internal sealed record ExpectedSentence(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("cue")] string? Cue,
    [property: JsonPropertyName("hedge")] string? Hedge);
