namespace TalksTracker.Domain;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    /// <summary>A sign-in that succeeded (the entry's id is the account's).</summary>
    SignedIn,
    /// <summary>A sign-in that failed, for a known account or an unknown address (the entry's id is then "unknown").</summary>
    SignInFailed,
}

/// <summary>One change to one record: who, when, what, and each changed value before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>{"Property": {"before": ..., "after": ...}} for every changed property.</summary>
    public required string Changes { get; set; }
}

/// <summary>A record that remembers when it was first recorded (for "what changed since").</summary>
public interface IRecorded
{
    DateTime RecordedAt { get; set; }
}
