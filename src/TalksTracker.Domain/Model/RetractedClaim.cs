namespace TalksTracker.Domain;

/// <summary>
/// A claim an editor took out of the record, kept whole so it can be restored. Retracting moves the claim here (its
/// row and links leave the claims tables, so no page, figure, search or export can count it); restoring puts it
/// back under its own id with the links whose records still exist.
/// </summary>
public class RetractedClaim
{
    /// <summary>The claim's own id, given back on restore.</summary>
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string Quote { get; set; }
    /// <summary>The claim with its links and what rested on it (JSON, see the service that retracts).</summary>
    public required string Snapshot { get; set; }
    public required string Reason { get; set; }
    public required string RetractedBy { get; set; }
    public DateTime RetractedAt { get; set; }
    /// <summary>Retracted because its report was withdrawn (not on its own): restoring the report restores it.</summary>
    public bool WithReport { get; set; }
}

/// <summary>An actor or source merged into another: its old address leads to the one it became.</summary>
public class MergedRecord
{
    public int Id { get; set; }
    /// <summary>"actor" or "source".</summary>
    public required string Kind { get; set; }
    public int FromId { get; set; }
    public required string FromName { get; set; }
    public int IntoId { get; set; }
    public required string MergedBy { get; set; }
    public DateTime MergedAt { get; set; }
}
