using System.Collections.Concurrent;
using TalksTracker.Domain.Positions;
using TalksTracker.Meaning;

namespace TalksTracker.Domain.Tests.Positions;

/// <summary>
/// The product's embedder, each text embedded once per test run: the evaluation, the training and their theories read
/// the same sentences many times over.
/// </summary>
public sealed class CachedMeaning : ITextEmbedder
{
    public static CachedMeaning Shared { get; } = new();

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    private CachedMeaning()
    {
    }

    public float[] Embed(string text) => _vectors.GetOrAdd(text, MiniLmEmbedder.Shared.Embed);
}
