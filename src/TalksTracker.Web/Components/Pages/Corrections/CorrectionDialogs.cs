using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Services;
using TalksTracker.Web.Components.Pages.Intake.Catalog;

namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>Opens the dialogs that correct or merge a catalog record; each answers with what was saved, or null when cancelled.</summary>
public static class CorrectionDialogs
{
    public static Task<Corrected?> EditActorAsync(IDialogService dialogs, ActorView actor) =>
        ShowAsync<EditActorDialog, Corrected>(dialogs, $"Edit {actor.Name}", new() { { d => d.Actor, actor } });

    public static Task<Corrected?> EditSourceAsync(IDialogService dialogs, SourceView source) =>
        ShowAsync<EditSourceDialog, Corrected>(dialogs, $"Edit {source.Name}", new() { { d => d.Source, source } });

    public static Task<Corrected?> EditVenueAsync(IDialogService dialogs, VenueView venue) =>
        ShowAsync<EditVenueDialog, Corrected>(dialogs, $"Edit {venue.Name}", new() { { d => d.Venue, venue } });

    public static Task<Corrected?> EditAgendaItemAsync(IDialogService dialogs, AgendaItemView item) =>
        ShowAsync<EditAgendaItemDialog, Corrected>(dialogs, $"Edit {item.Title}", new() { { d => d.Item, item } });

    /// <summary>Merges the actor or source (<see cref="Merges.Actor"/>, <see cref="Merges.Source"/>) into one the editor picks; answers with what it moved.</summary>
    public static Task<MergePlan?> MergeAsync(IDialogService dialogs, string kind, NamedRef from) =>
        ShowAsync<MergeDialog, MergePlan>(dialogs, $"Merge {from.Name} into…", new() { { d => d.Kind, kind }, { d => d.From, from } });

    private static async Task<TResult?> ShowAsync<TDialog, TResult>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
        where TResult : class
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, CatalogDialogs.Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: TResult value } ? value : null;
    }
}
