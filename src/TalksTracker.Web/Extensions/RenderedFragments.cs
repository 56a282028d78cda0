using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// The rendered HTML of a reading page's data part, kept in the <see cref="GenerationCache"/> (#26). The page renders
/// the layout, the user's name, follow button and tokens around it per request; nothing of the user may be inside.
/// </summary>
public sealed class RenderedFragments(GenerationCache cache, ILoggerFactory loggers, IServiceScopeFactory scopes)
{
    /// <summary>
    /// The name of a cascading value that is true inside a kept fragment: it has no request and no circuit, and may be
    /// shown inside an interactive page too, so what needs one renders its static form there (<c>Shared/Hint.razor</c>).
    /// </summary>
    public const string Marker = "KeptFragment";

    /// <summary>
    /// The fragment for <paramref name="key"/> at the current generation: from memory, or read by <paramref name="read"/>
    /// (the component's parameters) and rendered once.
    /// </summary>
    /// <param name="services">The request's services, which the component and its children are rendered with.</param>
    public async Task<MarkupString> GetOrRenderAsync<TComponent>(IServiceProvider services, string key, Func<Task<IDictionary<string, object?>>> read)
        where TComponent : IComponent =>
        new(await cache.GetOrAddAsync(key, async () => await RenderAsync<TComponent>(services, await read())));

    /// <summary>
    /// As <see cref="GetOrRenderAsync{TComponent}"/>, and rendered again after every change while readers ask for it
    /// (<see cref="GenerationCache.GetFreshAsync"/>), in a scope of its own: for a fragment whose reads are kept fresh
    /// too (the overview), so the first reader after a save pays neither.
    /// </summary>
    /// <param name="read">Run with no request behind it: it may use only what lives as long as the app.</param>
    public async Task<MarkupString> GetOrRenderFreshAsync<TComponent>(string key, Func<Task<IDictionary<string, object?>>> read)
        where TComponent : IComponent =>
        new(await cache.GetFreshAsync(key, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var html = await RenderAsync<TComponent>(scope.ServiceProvider, await read());
            return (html, (long)html.Length);
        }));

    private async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        RenderFragment content = builder =>
        {
            builder.OpenComponent<TComponent>(0);
            builder.AddMultipleAttributes(1, parameters!);
            builder.CloseComponent();
        };
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<CascadingValue<bool>>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CascadingValue<bool>.Name)] = Marker,
                [nameof(CascadingValue<bool>.Value)] = true,
                [nameof(CascadingValue<bool>.IsFixed)] = true,
                [nameof(CascadingValue<bool>.ChildContent)] = content,
            }))).ToHtmlString());
    }
}
