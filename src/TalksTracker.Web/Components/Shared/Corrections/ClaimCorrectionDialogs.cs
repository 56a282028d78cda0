using MudBlazor;
using TalksTracker.Data.Editing;

namespace TalksTracker.Web.Components.Shared.Corrections;

/// <summary>Opens the dialogs that correct or retract a claim, or withdraw a report; each answers with what was saved, or null when cancelled.</summary>
public static class ClaimCorrectionDialogs
{
    public static Task<EditableClaim?> CorrectAsync(IDialogService dialogs, int claimId) =>
        EditorDialogs.ShowAsync<ClaimCorrectionDialog, EditableClaim>(dialogs, "Correct the claim", new DialogParameters<ClaimCorrectionDialog> { { d => d.ClaimId, claimId } });

    public static Task<RetractedClaimView?> RetractAsync(IDialogService dialogs, int claimId, string? quote, Guid? version = null) =>
        EditorDialogs.ShowAsync<ClaimRetractionDialog, RetractedClaimView>(dialogs, "Retract the claim", new DialogParameters<ClaimRetractionDialog>
        {
            { d => d.ClaimId, claimId },
            { d => d.Quote, quote },
            { d => d.Version, version },
        });

    public static Task<WithdrawnReport?> WithdrawReportAsync(IDialogService dialogs, int reportId, int claimCount, Guid version) =>
        EditorDialogs.ShowAsync<ReportWithdrawalDialog, WithdrawnReport>(dialogs, "Withdraw the report", new DialogParameters<ReportWithdrawalDialog>
        {
            { d => d.ReportId, reportId },
            { d => d.ClaimCount, claimCount },
            { d => d.Version, version },
        });
}
