namespace TalksTracker.Domain.Extraction;

/// <summary>Who a sentence attributes its content to, as written in the sentence (before resolving references).</summary>
internal readonly record struct Attribution(Phrase Source, string Cue, Phrase? Via, bool IsDenial);
