using System.ComponentModel.DataAnnotations;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

/// <summary>Why an editor withdraws a report; with the version they read, a report changed since is not withdrawn.</summary>
public sealed record ReportWithdrawal([property: MaxLength(FieldLimits.ReportWithdrawalReason)] string? Reason, Guid? Version = null);
