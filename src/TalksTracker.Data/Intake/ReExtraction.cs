namespace TalksTracker.Data.Intake;

/// <summary>A stored report proposed anew: the decided proposals kept, the new ones made, and why none were (if so).</summary>
public sealed record ReExtraction(int ReportId, int Kept, int Proposed, string? Note);
