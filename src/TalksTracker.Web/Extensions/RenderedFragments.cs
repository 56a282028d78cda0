using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// The rendered HTML of a reading page's data part, kept in the <see cref="GenerationCache"/> (#26). The page renders
/// the layout, the user's name, follow button and tokens around it per request; nothing of the user may be inside.
/// </summary>
public sealed class RenderedFragments(GenerationCache cache, ILoggerFactory loggers)
{
    /// <summary>
    /// The fragment for <paramref name="key"/> at the current generation: from memory, or read by <paramref name="read"/>
    /// (the component's parameters) and rendered once.
    /// </summary>
    /// <param name="services">The request's services, which the component and its children are rendered with.</param>
    public async Task<MarkupString> GetOrRenderAsync<TComponent>(IServiceProvider services, string key, Func<Task<IDictionary<string, object?>>> read)
        where TComponent : IComponent =>
        new(await cache.GetOrAddAsync(key, async () =>
        {
            var parameters = await read();
            await using var renderer = new HtmlRenderer(services, loggers);
            return await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        }));
}
