namespace TalksTracker.Data.Accounts;

/// <summary>Who a valid key signs in: the user, the key's hash, and a version that changes with every change to the user record.</summary>
public sealed record ApiKeyHolder(string UserId, string KeyHash, string UserVersion);
