namespace TalksTracker.Data.Intake;

public sealed record ProposedSource(int? Id, string Name);
