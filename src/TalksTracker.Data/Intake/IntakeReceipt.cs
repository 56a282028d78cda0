namespace TalksTracker.Data.Intake;

/// <param name="Note">Why no claims were proposed (or none with a source), for the editor; null when sources were found.</param>
public sealed record IntakeReceipt(int ReportId, bool AlreadyPresent, int Claims, int Proposals, string? Note = null);
