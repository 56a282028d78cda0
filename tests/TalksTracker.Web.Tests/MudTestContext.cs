using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TalksTracker.Testing;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Tests;

/// <summary>A bUnit context with MudBlazor and the app's real services over a seeded SQLite file.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected SeededDatabase Database { get; } = new();

    /// <summary>
    /// The pages' clock: the product's own, started at the test instant for each test and running at the real pace —
    /// MudBlazor's debounced inputs wait on this clock's timers, which a fake clock would never fire.
    /// </summary>
    protected TimeProvider Clock { get; } = new TalksTracker.Data.Time.StartedClock(TestClock.Start, TimeProvider.System);

    /// <summary>The signed-in user pages see; a test of editor-only actions grants the edit policy with it.</summary>
    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; private set; } = default!;

    /// <summary>Where open select lists and menus render their items.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        foreach (var service in new[]
                 {
                     typeof(TalksTracker.Data.Meetings.MeetingService), typeof(TalksTracker.Data.Reading.ReportService),
                     typeof(TalksTracker.Data.Catalog.SourceService), typeof(TalksTracker.Data.Catalog.ActorService),
                     typeof(TalksTracker.Data.Catalog.VenueService), typeof(TalksTracker.Data.Catalog.TrackService),
                     typeof(TalksTracker.Data.Reading.OverviewService), typeof(TalksTracker.Data.Claims.ClaimService),
                     typeof(TalksTracker.Data.Progress.ProgressService), typeof(TalksTracker.Data.Progress.DigestService),
                     typeof(TalksTracker.Data.Search.ISearchService), typeof(TalksTracker.Data.Analysis.AssessmentService),
                     typeof(TalksTracker.Data.Editing.CatalogService), typeof(TalksTracker.Data.Intake.ReviewService),
                     typeof(TalksTracker.Data.Editing.TrackCorrections), typeof(TalksTracker.Data.Editing.MeetingCorrections),
                     typeof(TalksTracker.Data.Editing.ClaimCorrections), typeof(TalksTracker.Data.Editing.ReportWithdrawals),
                     typeof(TalksTracker.Data.Intake.IntakeService),
                     typeof(TalksTracker.Data.Export.ExportService), typeof(TalksTracker.Data.Export.ExportOptions),
                     typeof(TalksTracker.Data.Editing.CatalogCorrections), typeof(TalksTracker.Data.Editing.Merges),
                     typeof(TalksTracker.Data.Catalog.AgendaItemService), typeof(TalksTracker.Data.Positions.PositionService), typeof(TalksTracker.Data.Changes.ChangeFeed), typeof(TalksTracker.Data.Alerts.WatchlistService),
                 })
        {
            Services.AddSingleton(service, Database.Services.GetRequiredService(service));
        }

        Services.AddSingleton(Clock);
        Services.AddSingleton<TimelineFilterOptions>();
        Services.AddSingleton<TalksTracker.Web.Extensions.GenerationCache>();
        Services.AddSingleton<TalksTracker.Web.Extensions.RenderedFragments>();
        Services.AddSingleton<TalksTracker.Web.Extensions.StreamingOptions>();
        Services.AddScoped<TalksTracker.Web.Extensions.CurrentUser>();
        Replace(Services);
        // Components that show or hide actions by role need a signed-in user: an editor here.
        Authorization = this.AddAuthorization();
        Authorization.SetAuthorized("editor@demo.local").SetRoles(TalksTracker.Data.Accounts.Roles.Editor)
            .SetPolicies(TalksTracker.Data.Accounts.Policies.Read, TalksTracker.Data.Accounts.Policies.Edit);
        // Pages render as on the interactive circuit; a test of the first (prerendered) response sets this again.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        // Select lists render their items into the popover provider.
        Popovers = Render<MudPopoverProvider>();
    }

    /// <summary>Where a test's class puts its own doubles in place of the services above, before anything renders.</summary>
    protected virtual void Replace(IServiceCollection services)
    {
    }

    /// <summary>Opens a select list (MudSelect opens on mouse-down) and picks the item with this text.</summary>
    protected async Task SelectAsync(AngleSharp.Dom.IElement select, string item)
    {
        await select.MouseDownAsync(new());
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == item));
        await Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == item).ClickAsync(new());
    }

    /// <summary>The problem shown beside the field marked <c>data-field</c>; fails when the field shows none.</summary>
    /// <summary>Opens a dialog as a page does; the task ends with what the dialog answers (null when cancelled).</summary>
    protected (IRenderedComponent<MudDialogProvider> Dialogs, Task<T?> Result) OpenDialog<T>(Func<IDialogService, Task<T?>> open)
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        var result = provider.InvokeAsync(() => open(service));
        provider.WaitForAssertion(() => provider.Find(".mud-dialog"));
        return (provider, result);
    }

    protected static string ErrorBeside(IRenderedComponent<MudDialogProvider> dialogs, string field)
    {
        var control = dialogs.Find($"[data-field={field}]").Closest(".mud-input-control");
        return control is not null && control.ClassList.Contains("mud-input-error")
            ? control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? ""
            : throw new Xunit.Sdk.XunitException($"No error beside {field}.");
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
