using MudBlazor;
using TalksTracker.Data.Catalog;
namespace TalksTracker.Web.Components.Pages.Corrections;

/// <summary>Opens the track dialog; answers the id of the track created or corrected, or null when cancelled.</summary>
public static class TrackDialogs
{
    public static async Task<int?> ShowAsync(IDialogService dialogs, TrackSummary? track)
    {
        var reference = await dialogs.ShowAsync<TrackDialog>(track is null ? "New track" : "Edit track",
            new DialogParameters<TrackDialog> { { d => d.Track, track } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, BackdropClick = false });
        return await reference.Result is { Canceled: false, Data: int id } ? id : null;
    }
}
