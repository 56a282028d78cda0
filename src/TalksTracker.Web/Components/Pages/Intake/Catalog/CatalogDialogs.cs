using MudBlazor;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Components.Pages.Intake.Catalog;

/// <summary>Opens the dialogs that add a record to the catalog; each answers with the record to link, or null when cancelled.</summary>
public static class CatalogDialogs
{
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

    private static Task<CatalogPick?> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent =>
        EditorDialogs.ShowAsync<TDialog, CatalogPick>(dialogs, title, parameters);
}
