namespace TalksTracker.Data.Intake;

/// <param name="Note">Why nothing (or nothing attributed) was proposed, so the editor can fix the text and extract again.</param>
public sealed record ExtractionPreview(string Title, string Text, IReadOnlyList<ExtractionProposal> Claims, string? Note = null);
