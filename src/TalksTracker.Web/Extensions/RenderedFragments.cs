using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using TalksTracker.Data.Changes;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// The rendered HTML of a reading page's data part, kept per key and data generation (#26): fifty readers of one
/// timeline cost one read and one render until the next save, and each of them still gets the layout, name, follow
/// button and tokens of their own, since those are rendered around the fragment per request.
/// </summary>
/// <remarks>
/// A fragment must be the same for everyone whose requests share its key: the caller puts into the key whatever the
/// fragment depends on (the page's address and the reader's roles) and renders nothing of the user inside it. The
/// generation (<see cref="ChangeFeed.Generation"/>) moves at every commit in this process and every batch the feed reads,
/// so a fragment is never older than a save this instance has answered, nor than the feed's last read of the others'.
/// </remarks>
public sealed class RenderedFragments : IDisposable
{
    private readonly ChangeFeed _feed;
    private readonly ILoggerFactory _loggers;
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<(string Key, long Generation), Lazy<Task<string>>> _rendering = new();
    private readonly IDisposable _subscription;

    public RenderedFragments(ChangeFeed feed, ILoggerFactory loggers, IConfiguration? configuration = null)
    {
        _feed = feed;
        _loggers = loggers;
        // Sizes are counted in characters; the default keeps a few hundred timeline pages.
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = (configuration?.GetValue("Rendering:FragmentCacheMegabytes", 64) ?? 64) * 1024L * 1024 / 2 });
        // The feed reads (and bumps the generation) only while someone listens: other instances' saves must reach us.
        _subscription = feed.Subscribe(static _ => { });
    }

    /// <summary>How many fragments were rendered and served from memory since the start (for the benchmark and tests).</summary>
    public (long Rendered, long Served) Counts => (Interlocked.Read(ref _rendered), Interlocked.Read(ref _served));

    private long _rendered;
    private long _served;

    /// <summary>
    /// The fragment for <paramref name="key"/> at the current generation: from memory, or read by <paramref name="read"/>
    /// (the component's parameters) and rendered once however many requests ask for it at the same time.
    /// </summary>
    /// <param name="services">The request's services, which the component and its children are rendered with.</param>
    public async Task<MarkupString> GetOrRenderAsync<TComponent>(IServiceProvider services, string key, Func<Task<IDictionary<string, object?>>> read)
        where TComponent : IComponent
    {
        var generation = _feed.Generation;
        if (_cache.TryGetValue(key, out Entry? kept) && kept!.Generation == generation)
        {
            Interlocked.Increment(ref _served);
            return new MarkupString(kept.Html);
        }

        var rendering = _rendering.GetOrAdd((key, generation), _ => new Lazy<Task<string>>(() => RenderAsync<TComponent>(services, read)));
        try
        {
            var html = await rendering.Value;
            // A render of an older generation finishing late must not replace a newer one.
            if (!_cache.TryGetValue(key, out Entry? newer) || newer!.Generation <= generation)
            {
                _cache.Set(key, new Entry(generation, html), new MemoryCacheEntryOptions { Size = html.Length + key.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
            }

            return new MarkupString(html);
        }
        finally
        {
            _rendering.TryRemove(new KeyValuePair<(string, long), Lazy<Task<string>>>((key, generation), rendering));
        }
    }

    /// <summary>What of the reader a fragment may depend on: their roles (sorted), never who they are.</summary>
    public static string ViewerKey(ClaimsPrincipal? user) =>
        user is null ? string.Empty
            : string.Join(',', user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal));

    private async Task<string> RenderAsync<TComponent>(IServiceProvider services, Func<Task<IDictionary<string, object?>>> read) where TComponent : IComponent
    {
        var parameters = await read();
        await using var renderer = new HtmlRenderer(services, _loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        Interlocked.Increment(ref _rendered);
        return html;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _cache.Dispose();
    }

    private sealed record Entry(long Generation, string Html);
}
