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
        new(await cache.GetOrAddAsync(key, async () =>
        {
            var parameters = await read();
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
        }));
}
