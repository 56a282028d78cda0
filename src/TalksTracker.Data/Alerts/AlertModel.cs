using TalksTracker.Domain.Alerts;

namespace TalksTracker.Data.Alerts;

/// <summary>What a user can follow.</summary>
public enum FollowKind
{
    Track,
    Meeting,
    AgendaItem,
    Actor,
    Source,
    /// <summary>The timeline's filters or a search query, kept as the query string of the page.</summary>
    SavedSearch,
}

public enum DigestFrequency
{
    Off,
    Daily,
    Weekly,
}

/// <summary>A user following a subject (or a saved search): what they are alerted about.</summary>
public class Follow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public FollowKind Kind { get; set; }
    /// <summary>The followed record's id; none for a saved search.</summary>
    public int? SubjectId { get; set; }
    /// <summary>A saved search's query string ("q=ceasefire&amp;track=2"); empty for the others (unique keys treat nulls as distinct).</summary>
    public string Query { get; set; } = "";
    /// <summary>What the user saw when they followed: the record's name or the search, for lists.</summary>
    public required string Label { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Machine bookkeeping of alerting, written by the alert processor on every pass: not audited (the processor reads the
/// audit trail; recording its own writes there would feed it its own output). What users do — follow, unfollow, add a
/// webhook, unsubscribe — is audited as every other change.
/// </summary>
public interface IAlertBookkeeping;

/// <summary>One piece of news about a subject, shared by all its followers; relays of its origin fold into it.</summary>
public class Alert : IAlertBookkeeping
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    /// <summary><see cref="AlertSubject"/>: "meeting:5".</summary>
    public required string Subject { get; set; }
    /// <summary>The independent origin (<see cref="Domain.Provenance.Origins"/>) of a claim's alert; empty for a change.</summary>
    public string Origin { get; set; } = "";
    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>Later reports carrying the same origin, folded in ("+2 relays").</summary>
    public int Relays { get; set; }
    public int? ClaimId { get; set; }
    /// <summary>The audit entry the alert was made from.</summary>
    public long AuditEntryId { get; set; }
    public DateTime At { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An alert as one follower receives it.</summary>
public class Notification : IAlertBookkeeping
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public long AlertId { get; set; }
    public Alert? Alert { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When it went out in an e-mail digest.</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>
/// How far the alert processor has read the audit trail. Its version changes on every pass, so two instances that read
/// the same entries cannot both commit what they made of them.
/// </summary>
public class AlertCursor : IAlertBookkeeping
{
    public const int TheOne = 1;

    public int Id { get; set; }
    public long Position { get; set; }
    public DateTime? PassedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>How often a user wants the e-mail digest of their notifications.</summary>
public class DigestSetting
{
    public required string UserId { get; set; }
    public DigestFrequency Frequency { get; set; }
}

/// <summary>An address a user's notifications are POSTed to, signed with a secret only the user and the app know.</summary>
public class WebhookEndpoint
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Url { get; set; }
    /// <summary>The signing secret, protected with the app's data-protection keys (it must be read back to sign).</summary>
    public required string Secret { get; set; }
    /// <summary>The first characters of the secret, to tell endpoints apart without revealing it.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}

/// <summary>One notification to one endpoint, and how its attempts went.</summary>
public class WebhookDelivery : IAlertBookkeeping
{
    public long Id { get; set; }
    public int EndpointId { get; set; }
    public WebhookEndpoint? Endpoint { get; set; }
    public long NotificationId { get; set; }
    public Notification? Notification { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>Set when the attempts ran out.</summary>
    public DateTime? FailedAt { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}
