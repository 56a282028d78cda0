namespace TalksTracker.Data.Accounts;

public sealed record ApiKeyView(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, string UserEmail);
