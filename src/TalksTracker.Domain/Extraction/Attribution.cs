namespace TalksTracker.Domain.Extraction;

/// <summary>Who a sentence attributes its content to, as written in the sentence (before resolving references).</summary>
/// <param name="Role">The head noun of an appositive that describes the source ("official" in "One of the sources,
/// a Yemeni official, told"), so a later "the official" can find it.</param>
/// <param name="Description">The whole appositive or description set off by commas ("Eritrea's information minister"), so a
/// later "his ministry" or "its" can find the body the source speaks for.</param>
internal readonly record struct Attribution(Phrase Source, string Cue, Phrase? Via, bool IsDenial, string? Role = null, string? Description = null);
