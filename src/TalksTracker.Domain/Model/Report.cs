namespace TalksTracker.Domain;

/// <summary>
/// A published document. Its text never changes after intake (claims point into it);
/// only its metadata can be corrected.
/// </summary>
public class Report : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public string? Url { get; set; }
    /// <summary>Publication date; null where the report does not say.</summary>
    public DateOnly? PublishedOn { get; set; }
    public string Language { get; set; } = "en";
    public required string Text { get; set; }
    /// <summary>SHA-256 of the text, to recognise the same report taken in twice.</summary>
    public required string ContentHash { get; set; }
    /// <summary>When the report was taken in (UTC).</summary>
    public DateTime TakenInAt { get; set; }
    public List<Claim> Claims { get; set; } = [];
    /// <summary>When an editor withdrew the report (UTC): its claims are retracted with it and come back when it is restored.</summary>
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawalReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
