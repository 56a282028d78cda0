using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain;

public enum LinkReview
{
    Confirmed,
    Rejected,
}

/// <summary>
/// An editor's verdict on a proposed link between two claims (lower id first): confirmed links are
/// shown as such; rejected ones are not proposed again.
/// </summary>
public class ClaimLink
{
    public int Id { get; set; }
    public int ClaimId { get; set; }
    public int OtherClaimId { get; set; }
    public ClaimLinkKind Kind { get; set; }
    public LinkReview Review { get; set; }
    public required string ReviewedBy { get; set; }
    public DateTime ReviewedAt { get; set; }
}

/// <summary>A change of a source's reliability grade, with the editor's reason: the grade's history.</summary>
public class SourceGradeChange
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Reliability From { get; set; }
    public Reliability To { get; set; }
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}
