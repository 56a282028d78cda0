using Microsoft.AspNetCore.Components.Routing;

namespace TalksTracker.Web.Extensions;

public static class StaticRendering
{
    /// <summary>
    /// True while rendering a page that answers a plain GET with no circuit to follow ([ExcludeFromInteractiveRouting]):
    /// what needs a circuit elsewhere is a form, a link or a few lines of js/reading.js there. The prerender of an
    /// interactive page is not static (its circuit takes over); in a circuit there is no HttpContext.
    /// </summary>
    public static bool RendersStatically(this HttpContext? context) => context is not null && !context.AcceptsInteractiveRouting();
}
