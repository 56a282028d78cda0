namespace TalksTracker.Data.Accounts;

/// <summary>A key just created: the only moment its secret is known.</summary>
public sealed record NewApiKey(int Id, string Name, string Key);
