namespace TalksTracker.Data.Common;

public sealed record NamedRef(int Id, string Name);
