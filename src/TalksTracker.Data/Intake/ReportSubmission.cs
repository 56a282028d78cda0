using TalksTracker.Domain.Intake;
using System.ComponentModel.DataAnnotations;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Data.Intake;

/// <summary>A report as an editor or a script hands it in.</summary>
public sealed record ReportSubmission
{
    [MaxLength(FieldLimits.ReportTitle)]
    public string? Title { get; init; }
    [MaxLength(ReportInput.MaxTextLength)]
    public required string Text { get; init; }
    public ReportFormat? Format { get; init; }
    [MaxLength(FieldLimits.ReportOutlet)]
    public string? Outlet { get; init; }
    [MaxLength(FieldLimits.ReportUrl)]
    public string? Url { get; init; }
    public DateOnly? PublishedOn { get; init; }
    [MaxLength(FieldLimits.ReportLanguage)]
    public string? Language { get; init; }
    /// <summary>Claims given with the report (scripts); when null, extraction proposes them for review.</summary>
    public IReadOnlyList<SubmittedClaim>? Claims { get; init; }
}
