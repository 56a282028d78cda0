using MudBlazor;

namespace TalksTracker.Web.Components.Shared;

/// <summary>How editors' dialogs open: small, closed only on purpose, answering with what was saved or null when cancelled.</summary>
public static class EditorDialogs
{
    private static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseButton = true,
        CloseOnEscapeKey = true,
        // A stray click beside the dialog must not throw away what was typed.
        BackdropClick = false,
    };

    public static async Task<TResult?> ShowAsync<TDialog, TResult>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
        where TResult : class
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: TResult saved } ? saved : null;
    }
}
