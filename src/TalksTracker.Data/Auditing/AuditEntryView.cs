using TalksTracker.Domain;

namespace TalksTracker.Data.Auditing;

public sealed record AuditEntryView(long Id, DateTime At, string User, AuditAction Action, string EntityType, string EntityId, string Changes);
