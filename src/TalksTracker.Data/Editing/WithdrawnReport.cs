namespace TalksTracker.Data.Editing;

/// <summary>A withdrawn report: who withdrew it, when and why, and how many claims left the record with it.</summary>
public sealed record WithdrawnReport(int Id, DateTime WithdrawnAt, string WithdrawnBy, string Reason, int ClaimsRetracted);
