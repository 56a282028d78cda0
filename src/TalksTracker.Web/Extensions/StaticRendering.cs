using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// Marks a page that someone who may not change what it shows only reads: for them it answers a plain GET with static
/// server rendering and no circuit (#26); for an editor the same page is interactive, since its dialogs need one.
/// </summary>
/// <remarks>
/// Not <see cref="ExcludeFromInteractiveRoutingAttribute"/>: an editor's circuit keeps routing to the page without a
/// reload. A reader's only circuits are their own account pages (notifications, API keys); a link followed from there
/// opens the reading page inside that circuit, interactive and complete, until the next full load.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ReadingPageAttribute : Attribute;

public static class StaticRendering
{
    /// <summary>
    /// True while rendering a page that answers a plain GET with no circuit to follow: a page excluded from interactive
    /// routing, or a <see cref="ReadingPageAttribute">reading page</see> for a user who may not edit. What needs a
    /// circuit elsewhere is a form, a link or a few lines of js/reading.js there. The prerender of an interactive page
    /// is not static (its circuit takes over); in a circuit there is no HttpContext.
    /// </summary>
    public static bool RendersStatically(this HttpContext? context) =>
        context is not null && (!context.AcceptsInteractiveRouting() || IsReadOnlyVisit(context));

    /// <summary>
    /// True while prerendering an interactive page: its circuit takes over and does the work deferred to it (weighing
    /// evidence, <see cref="InteractiveLoad{T}"/>) once. A static render has no circuit to defer to, so it does that work itself.
    /// </summary>
    public static bool IsPrerender(this HttpContext? context, RendererInfo renderer) =>
        !renderer.IsInteractive && !context.RendersStatically();

    // The roles are on the principal the request was signed in with (cookie or API key): no lookup per request.
    private static bool IsReadOnlyVisit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ReadingPageAttribute>() is not null
        && !Policies.RolesOf(Policies.Edit).Any(context.User.IsInRole);
}

/// <summary>How a reading page streams its static response.</summary>
public sealed class StreamingOptions
{
    /// <summary>
    /// How long a streamed page waits for its slower part (evidence weighed) before writing what it has: a page streams by
    /// writing its markup again, whole, so a part that ends sooner goes out with the page, written once.
    /// </summary>
    public TimeSpan WriteOnceWithin { get; init; } = TimeSpan.FromMilliseconds(250);

    public const string WriteOnceWithinSettingName = "Streaming:WriteOnceWithinMilliseconds";

    /// <summary>
    /// Awaits a static page's slower part (<paramref name="loads"/>, started by <see cref="InteractiveLoad{T}.Start"/>).
    /// When it ends within <see cref="WriteOnceWithin"/>, the page goes out once, with it. When it takes longer,
    /// <paramref name="showFirst"/> lets the page render what it has (its lifecycle then streams that out), and the part
    /// streams in when it ends.
    /// </summary>
    public async Task WriteOnceAsync(Task loads, Action showFirst)
    {
        if (!loads.IsCompleted && await Task.WhenAny(loads, Task.Delay(WriteOnceWithin)) != loads)
        {
            showFirst();
        }

        await loads;
    }

    /// <summary>The options, with <see cref="WriteOnceWithin"/> from <see cref="WriteOnceWithinSettingName"/> when it is a whole number.</summary>
    public static StreamingOptions From(IConfiguration configuration) =>
        int.TryParse(configuration[WriteOnceWithinSettingName], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            ? new StreamingOptions { WriteOnceWithin = TimeSpan.FromMilliseconds(milliseconds) }
            : new StreamingOptions();
}
