using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TalksTracker.Web.Components.Layout;

namespace TalksTracker.Web.Tests.Layout;

/// <summary>
/// The menu button on a phone. The drawer is written open; MudBlazor closes it when it first hears the screen's width,
/// which comes over the circuit some time after the page starts. The phone's first tap must open the drawer whether it
/// comes before or after that report.
/// </summary>
public class MainLayoutTests : MudTestContext
{
    private readonly PhoneViewport _viewport = new();

    protected override void Replace(IServiceCollection services) => services.AddSingleton<IBrowserViewportService>(_viewport);

    [Fact]
    public async Task A_tap_before_the_drawer_hears_the_width_opens_it()
    {
        var layout = await RenderLayoutAsync();

        var tap = layout.Find("[data-action=toggle-drawer]").ClickAsync(new());
        await layout.InvokeAsync(_viewport.ReportAsync);
        await tap;

        layout.WaitForAssertion(() => Assert.Contains("mud-drawer--open", Drawer(layout)));
    }

    [Fact]
    public async Task A_tap_after_the_drawer_closed_itself_opens_it_and_a_second_closes_it()
    {
        var layout = await RenderLayoutAsync();
        await layout.InvokeAsync(_viewport.ReportAsync);
        layout.WaitForAssertion(() => Assert.Contains("mud-drawer--closed", Drawer(layout)));

        await layout.Find("[data-action=toggle-drawer]").ClickAsync(new());
        layout.WaitForAssertion(() => Assert.Contains("mud-drawer--open", Drawer(layout)));

        await layout.Find("[data-action=toggle-drawer]").ClickAsync(new());
        layout.WaitForAssertion(() => Assert.Contains("mud-drawer--closed", Drawer(layout)));
    }

    private async Task<IRenderedComponent<MainLayout>> RenderLayoutAsync()
    {
        // The layout holds its own popover provider: the context's would be a second one.
        await DisposeComponentsAsync();
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "the page"))));
    }

    private static string Drawer(IRenderedComponent<MainLayout> layout) => layout.Find(".mud-drawer").ClassName ?? "";

    /// <summary>A phone's width, told to the drawer only when the test says so, as the circuit may tell it late.</summary>
    private sealed class PhoneViewport : IBrowserViewportService
    {
        private readonly List<IBrowserViewportObserver> _observers = [];

        public ResizeOptions ResizeOptions { get; } = new();

        public Task SubscribeAsync(IBrowserViewportObserver observer, bool fireImmediately = true)
        {
            _observers.Add(observer);
            return Task.CompletedTask;
        }

        /// <summary>The first report each observer gets of the width, as MudBlazor sends it after subscribing.</summary>
        public async Task ReportAsync()
        {
            foreach (var observer in _observers.ToList())
            {
                await observer.NotifyBrowserViewportChangeAsync(
                    new BrowserViewportEventArgs(observer.Id, new BrowserWindowSize { Width = 390, Height = 844 }, Breakpoint.Xs, isImmediate: true));
            }
        }

        public Task SubscribeAsync(Guid observerId, Action<BrowserViewportEventArgs> lambda, ResizeOptions? options = null, bool fireImmediately = true) => Task.CompletedTask;

        public Task SubscribeAsync(Guid observerId, Func<BrowserViewportEventArgs, Task> lambda, ResizeOptions? options = null, bool fireImmediately = true) => Task.CompletedTask;

        public Task UnsubscribeAsync(IBrowserViewportObserver observer)
        {
            _observers.Remove(observer);
            return Task.CompletedTask;
        }

        public Task UnsubscribeAsync(Guid observerId) => Task.CompletedTask;

        public Task<bool> IsMediaQueryMatchAsync(string mediaQuery) => Task.FromResult(false);

        public Task<bool> IsBreakpointWithinWindowSizeAsync(Breakpoint breakpoint) => Task.FromResult(breakpoint is Breakpoint.Xs or Breakpoint.SmAndDown or Breakpoint.MdAndDown);

        public Task<bool> IsBreakpointWithinReferenceSizeAsync(Breakpoint breakpoint, Breakpoint reference) => Task.FromResult(false);

        public Task<Breakpoint> GetCurrentBreakpointAsync() => Task.FromResult(Breakpoint.Xs);

        public Task<BrowserWindowSize> GetCurrentBrowserWindowSizeAsync() => Task.FromResult(new BrowserWindowSize { Width = 390, Height = 844 });

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
