namespace TalksTracker.Data.Editing;

/// <summary>A report put back, the claims that came back with it, and each link that could not.</summary>
public sealed record RestoredReport(int Id, int ClaimsRestored, IReadOnlyList<string> NotRestored);
