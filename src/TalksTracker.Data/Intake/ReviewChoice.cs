namespace TalksTracker.Data.Intake;

/// <summary>A record a proposal can point to; meetings and agenda items carry their track.</summary>
public sealed record ReviewChoice(int Id, string Name, string? Detail, int? TrackId = null);
