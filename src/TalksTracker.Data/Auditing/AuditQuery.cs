namespace TalksTracker.Data.Auditing;

public sealed record AuditQuery(string? User = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);
