using TalksTracker.Data.Common;
namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>
/// A dialog that corrects a record: it saves through the service, closing with the result, or stays open with each
/// problem beside its field and the rest (changed meanwhile, gone, still in use) above them.
/// </summary>
public abstract class CorrectionDialogBase : FieldProblemsDialog
{
    protected async Task SaveAsync<T>(Func<Task<Outcome<T>>> save)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            ClearErrors();
            var outcome = await save();
            if (outcome.Succeeded)
            {
                Dialog.Close(MudBlazor.DialogResult.Ok(outcome.Value));
                return;
            }

            SetErrors(outcome.Errors);
        }
        finally
        {
            Busy = false;
        }
    }
}
