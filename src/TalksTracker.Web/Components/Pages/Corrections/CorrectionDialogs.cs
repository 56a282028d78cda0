using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
using TalksTracker.Web.Components.Shared;
using TalksTracker.Data.Common;

namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>Opens the dialogs that correct or merge a catalog record; each answers with what was saved, or null when cancelled.</summary>
public static class CorrectionDialogs
{
    public static Task<Corrected?> EditActorAsync(IDialogService dialogs, ActorView actor) =>
        EditorDialogs.ShowAsync<EditActorDialog, Corrected>(dialogs, $"Edit {actor.Name}", new() { { d => d.Actor, actor } });

    public static Task<Corrected?> EditSourceAsync(IDialogService dialogs, SourceView source) =>
        EditorDialogs.ShowAsync<EditSourceDialog, Corrected>(dialogs, $"Edit {source.Name}", new() { { d => d.Source, source } });

    public static Task<Corrected?> EditVenueAsync(IDialogService dialogs, VenueView venue) =>
        EditorDialogs.ShowAsync<EditVenueDialog, Corrected>(dialogs, $"Edit {venue.Name}", new() { { d => d.Venue, venue } });

    public static Task<Corrected?> EditAgendaItemAsync(IDialogService dialogs, AgendaItemView item) =>
        EditorDialogs.ShowAsync<EditAgendaItemDialog, Corrected>(dialogs, $"Edit {item.Title}", new() { { d => d.Item, item } });

    /// <summary>Merges the actor or source (<see cref="Merges.Actor"/>, <see cref="Merges.Source"/>) into one the editor picks; answers with what it moved.</summary>
    public static Task<MergePlan?> MergeAsync(IDialogService dialogs, string kind, NamedRef from) =>
        EditorDialogs.ShowAsync<MergeDialog, MergePlan>(dialogs, $"Merge {from.Name} into…", new() { { d => d.Kind, kind }, { d => d.From, from } });
}
