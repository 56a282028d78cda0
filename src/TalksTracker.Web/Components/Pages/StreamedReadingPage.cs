using Microsoft.AspNetCore.Components;

namespace TalksTracker.Web.Components.Pages;

/// <summary>
/// A reading page that reads its records, then weighs their evidence through
/// <see cref="Extensions.StreamingOptions.WriteOnceAsync"/>: it shows "loading" until what it read can be shown.
/// </summary>
public abstract class StreamedReadingPage : ComponentBase
{
    /// <summary>True until the page's records are read (and, within the wait, weighed).</summary>
    protected bool Loading { get; set; } = true;

    /// <summary>Shows what was read while the weighing goes on: the <c>showFirst</c> of <c>WriteOnceAsync</c>.</summary>
    protected void ShowLoaded()
    {
        Loading = false;
        StateHasChanged();
    }
}
