using MudBlazor;
using TalksTracker.Domain;

namespace TalksTracker.Web.Components.Pages.Intake.Catalog;

/// <summary>Opens the dialogs that add a record to the catalog; each answers with the record to link, or null when cancelled.</summary>
public static class CatalogDialogs
{
    internal static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseButton = true,
        CloseOnEscapeKey = true,
        // A stray click beside the dialog must not throw away what was typed.
        BackdropClick = false,
    };

    public static Task<CatalogPick?> NewMeetingAsync(IDialogService dialogs, int? trackId, string? quote) =>
        ShowAsync(dialogs, "New meeting", new DialogParameters<NewMeetingDialog>
        {
            { d => d.TrackId, trackId },
            { d => d.Quote, quote },
        });

    public static Task<CatalogPick?> NewVenueAsync(IDialogService dialogs, string? name = null) =>
        ShowAsync(dialogs, "New venue", new DialogParameters<NewVenueDialog> { { d => d.Name, name } });

    public static Task<CatalogPick?> NewActorAsync(IDialogService dialogs, string title = "New actor", ActorKind kind = ActorKind.State) =>
        ShowAsync(dialogs, title, new DialogParameters<NewActorDialog> { { d => d.Kind, kind } });

    public static Task<CatalogPick?> NewAgendaItemAsync(IDialogService dialogs, int? trackId) =>
        ShowAsync(dialogs, "New agenda item", new DialogParameters<NewAgendaItemDialog> { { d => d.TrackId, trackId } });

    private static async Task<CatalogPick?> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: CatalogPick pick } ? pick : null;
    }
}
