using Microsoft.Playwright;
using TalksTracker.Testing;

namespace TalksTracker.EndToEnd;

/// <summary>
/// The app on real Kestrel over a fresh seeded database, and Debian's Chromium driven by Playwright.
/// Pages open signed in (as the demo admin unless a role is named), through the real sign-in form.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly Dictionary<string, IBrowserContext> _signedIn = [];
    private readonly List<IBrowserContext> _unsignedContexts = [];
    private readonly SemaphoreSlim _contextsLock = new(1, 1);
    private string? _currentTest;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new TalksTrackerAppFactory())
    {
    }

    /// <summary>A fixture over another app (PostgreSQL): the app is initialised, and its database made, first.</summary>
    protected BrowserFixture(TalksTrackerAppFactory app) => App = app;

    public TalksTrackerAppFactory App { get; }
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        if (App.SkipReason is not null)
        {
            return; // no PostgreSQL here: the tests that need it skip (PostgresServer.OrSkip)
        }

        BaseAddress = App.StartKestrel();
        // Expectations wait up to 15 s instead of Playwright's 5: with the other test projects building and running
        // alongside on two cores, a dialog once took longer than 5 s to close after its save (and closed in time on a rerun).
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A new page at <paramref name="path"/>, once the interactive circuit is connected (clicks before that are lost).
    /// <paramref name="prepare"/> runs before the first load (a phone's viewport, a dark system), so the page needs no
    /// reload: a reload straight after the circuit connected once timed out in CI.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, string role = "admin", Func<IPage, Task>? prepare = null)
    {
        var page = await (await SignedInContextAsync(role)).NewPageAsync();
        if (prepare is not null)
        {
            await prepare(page);
        }

        WatchCircuitRequests(page);
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Drops the shared context of <paramref name="role"/>, for a test that ended the demo account's sessions everywhere
    /// (a sign-out does): the next test signs in again. Its cookie would otherwise be refused at the first request after
    /// the stamp check's minute, whichever that is; when it was the circuit's first request, the page had loaded and its
    /// circuit never started.
    /// </summary>
    public async Task ForgetSignInAsync(string role)
    {
        await _contextsLock.WaitAsync();
        try
        {
            if (_signedIn.Remove(role, out var stale))
            {
                await IgnoringAHangAsync(stale.CloseAsync());
            }
        }
        finally
        {
            _contextsLock.Release();
        }
    }

    /// <summary>A fresh browser context with no cookies: nobody is signed in.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        await CloseWhatEarlierTestsLeftAsync();
        var context = await CreateContextAsync();
        await _contextsLock.WaitAsync();
        _unsignedContexts.Add(context);
        _contextsLock.Release();

        return context;
    }

    private Task<IBrowserContext> CreateContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

    /// <summary>
    /// Closes the pages and unsigned contexts that earlier tests left open, once per test, before its first page. A test
    /// that fails, or forgets, leaves its pages open in the shared contexts: a full run once had nine, each with its
    /// circuit still re-reading on every save. Pages also hold connections (a static page's change stream keeps one),
    /// and with Chromium's six per host taken, the next page waits for ever.
    /// </summary>
    private async Task CloseWhatEarlierTestsLeftAsync()
    {
        var test = TestContext.Current.Test?.UniqueID;
        IPage[] pages;
        IBrowserContext[] contexts;
        // Under the lock, so that a test opening pages side by side closes only what earlier tests left.
        await _contextsLock.WaitAsync();
        try
        {
            if (test is null || test == _currentTest)
            {
                return;
            }

            _currentTest = test;
            pages = [.. _signedIn.Values.SelectMany(c => c.Pages)];
            contexts = [.. _unsignedContexts];
            _unsignedContexts.Clear();
        }
        finally
        {
            _contextsLock.Release();
        }

        foreach (var close in pages.Select(p => p.CloseAsync()).Concat(contexts.Select(c => c.CloseAsync())))
        {
            await IgnoringAHangAsync(close);
        }
    }

    /// <summary>A close the driver never answers is left behind: waiting on it once stalled a run until the hang timeout.</summary>
    private static async Task IgnoringAHangAsync(Task close)
    {
        try
        {
            await close.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Signs in through the form, as a person does.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(new Uri(BaseAddress, "/account/signin").ToString());
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>The browser context signed in as <paramref name="role"/>, shared by the tests (close its pages, not it).</summary>
    public async Task<IBrowserContext> SignedInContextAsync(string role)
    {
        await CloseWhatEarlierTestsLeftAsync();
        await _contextsLock.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(role, out var context))
            {
                context = await CreateContextAsync();
                var page = await context.NewPageAsync();
                await SignInAsync(page, TalksTrackerAppFactory.DemoEmail(role), TalksTrackerAppFactory.DemoPassword);
                await WaitInteractiveAsync(page);
                await page.CloseAsync();
                _signedIn[role] = context;
            }

            return context;
        }
        finally
        {
            _contextsLock.Release();
        }
    }

    /// <summary>
    /// Waits for the circuit, or for a page rendered statically (data-render="static": it has no circuit to wait for,
    /// and the interactive pages never carry the marker). A timeout says what the page showed instead (the attribute's
    /// value, Blazor's error bar, the reconnect dialog) and what the browser logged, since "waiting for a locator" alone
    /// does not tell a slow circuit from a broken one.
    /// </summary>
    /// <remarks>
    /// A circuit starts in under a second on a quiet machine. One slower than 20 s is reported in the test's diagnostics and
    /// given 25 s more, so that a failure can tell a slow machine from a page that never starts: the editor's board at
    /// phone width once did not start within 45 s under the clock matrix's load, with nothing in the browser's log. The
    /// extra time is for that diagnosis, not a cure.
    /// </remarks>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        var ready = page.Locator("[data-interactive='true'], [data-render='static']").First;
        var console = new List<string>();
        void Note(object? sender, IConsoleMessage message)
        {
            lock (console)
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        }

        void NoteError(object? sender, string error)
        {
            lock (console)
            {
                console.Add($"uncaught: {error}");
            }
        }

        page.Console += Note;
        page.PageError += NoteError;
        try
        {
            await ready.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var slow = await DescribeAsync(page);
            try
            {
                await ready.WaitForAsync(new LocatorWaitForOptions { Timeout = 25_000 });
                TestContext.Current.SendDiagnosticMessage($"A circuit took over 20 s to start at {page.Url} ({slow}).");
            }
            catch (TimeoutException e)
            {
                string logged;
                lock (console)
                {
                    logged = console.Count == 0 ? "nothing" : string.Join(" | ", console.TakeLast(10));
                }

                throw new TimeoutException($"The circuit did not connect within 45 s at {page.Url}: {await DescribeAsync(page)}; the browser logged {logged}", e);
            }
        }
        finally
        {
            page.Console -= Note;
            page.PageError -= NoteError;
        }
    }

    /// <remarks>
    /// Also says how far Blazor got (its script run; each request to /_blazor, sent, finished or failed) and how many pages
    /// the context has open, to tell a circuit Blazor never asked for from a request the server left unanswered.
    /// </remarks>
    private static async Task<string> DescribeAsync(IPage page) => await page.EvaluateAsync<string>("""
        () => {
          const main = document.querySelector('[data-interactive]');
          const error = document.getElementById('blazor-error-ui');
          const reconnect = document.querySelector('#components-reconnect-modal, .components-reconnect-show');
          return `data-interactive=${main ? main.getAttribute('data-interactive') : 'absent'}; `
            + `error bar ${error && getComputedStyle(error).display !== 'none' ? 'shown' : 'hidden'}; `
            + `reconnect dialog ${reconnect ? 'present' : 'absent'}; document ${document.readyState}; url ${location.pathname}; `
            + `Blazor ${window.Blazor ? 'loaded' : 'not loaded'}`;
        }
        """) + $"; {CircuitRequestsOf(page)}; {page.Context.Pages.Count} pages open in its context";

    // What the page asked of /_blazor and how each ended, for a circuit that never starts: Blazor asks for its JS
    // initializers, then negotiates. A request never sent (Blazor stopped before it), sent and unanswered (the server),
    // or failed (the browser says why).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> CircuitRequests = [];

    private static void WatchCircuitRequests(IPage page)
    {
        var seen = CircuitRequests.GetOrCreateValue(page);
        void Note(string what, IRequest request)
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                lock (seen)
                {
                    seen.Add($"{what} {new Uri(request.Url).AbsolutePath}{(request.Failure is { } failure ? $" ({failure})" : "")}");
                }
            }
        }

        page.Request += (_, r) => Note("sent", r);
        page.RequestFinished += (_, r) => Note("finished", r);
        page.RequestFailed += (_, r) => Note("failed", r);
    }

    private static string CircuitRequestsOf(IPage page)
    {
        if (!CircuitRequests.TryGetValue(page, out var seen))
        {
            return "requests to /_blazor not watched";
        }

        lock (seen)
        {
            return seen.Count == 0 ? "no request to /_blazor" : $"requests to /_blazor: {string.Join(", ", seen)}";
        }
    }

    /// <summary>
    /// Types into a name picker of a static page and waits for the names the server offers for the text (the
    /// picker's datalist, filled by js/reading.js from the API), returning them in order.
    /// </summary>
    public static async Task<ILocator> EnterInPickerAsync(IPage page, ILocator input, string text)
    {
        await input.ClickAsync();
        await input.FillAsync(text);
        await Assertions.Expect(input).ToHaveValueAsync(text);
        var choices = page.Locator($"datalist#{await input.GetAttributeAsync("id")}-names option");
        await Assertions.Expect(choices.First).ToBeAttachedAsync();
        return choices;
    }

    /// <summary>A MudBlazor dialog by the name its content carries in data-dialog.</summary>
    public static ILocator Dialog(IPage page, string name) => page.Locator(".mud-dialog", new() { Has = page.Locator($"[data-dialog={name}]") });

    /// <summary>
    /// Picks an item of a MudBlazor select, and returns once the select has taken the focus back. The click on the item
    /// takes the focus off the select, and the circuit gives it back a round trip later. A field filled
    /// in between lost the focus half-way, so its text never reached the circuit: a venue saved without its latitude,
    /// at both clock instants of one CI run.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await select.EvaluateAsync("el => { const root = el.closest('.mud-select') ?? el; window.__selectRefocused = false; " +
                                   "root.addEventListener('focusin', () => window.__selectRefocused = true, { once: true }); }");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(item)}\\s*$") }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__selectRefocused");
    }

    /// <summary>
    /// Waits for a dialog to close once saved. One that stays open is shown whole in the failure (the problem beside a
    /// field, or the values it kept), which a count alone does not say.
    /// </summary>
    public static async Task ExpectClosedAsync(ILocator dialog)
    {
        try
        {
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
        }
        catch (PlaywrightException e)
        {
            var shown = await dialog.CountAsync() > 0 ? await dialog.First.InnerTextAsync(new() { Timeout = 2_000 }) : "(closed by now)";
            throw new InvalidOperationException($"The dialog stayed open, showing: {shown.ReplaceLineEndings(" | ")}", e);
        }
    }

    /// <summary>Pastes a report on /reports/new as an editor, takes it in, and returns its review page once interactive.</summary>
    public async Task<IPage> TakeInForReviewAsync(string text, string outlet)
    {
        var page = await OpenAsync("/reports/new", TalksTracker.Data.Accounts.Roles.Editor);
        await page.Locator("textarea").First.FillAsync(text);
        await page.Locator("input[data-field=outlet]").FillAsync(outlet);
        await TakeInAsync(page);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Clicks "take in" on /reports/new and waits for the review page. When it does not come, the failure says where the
    /// browser is and what it shows (a field's message, "already taken in", an error, the sign-in page), not only that
    /// time ran out.
    /// </summary>
    public static async Task TakeInAsync(IPage page)
    {
        await page.Locator("[data-action=take-in]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/\d+/review$"));
        }
        catch (TimeoutException e)
        {
            // Only what is there now: the page may have gone anywhere (an error page, the sign-in page).
            var shown = await page.Locator("h1, .mud-alert, .mud-input-helper-text, .mud-snackbar, #circuit-notice, #blazor-error-ui").Locator("visible=true").AllInnerTextsAsync();
            var interactive = await page.Locator("[data-interactive]").CountAsync() > 0
                ? await page.Locator("[data-interactive]").First.GetAttributeAsync("data-interactive")
                : "(no marker)";
            throw new InvalidOperationException(
                $"Take-in did not reach the review page; the browser is at {page.Url} (interactive: {interactive}), showing: {string.Join(" | ", shown.Select(t => t.Trim()).Where(t => t.Length > 0))}", e);
        }
    }

    /// <summary>Keeps a screenshot in docs/ when TALKSTRACKER_SCREENSHOTS names that folder; otherwise in the temp folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("TALKSTRACKER_SCREENSHOTS") ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        // Transitions finished first: a picture taken right after a resize caught the drawer sliding over the page.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The app over a database of its own on the tests' PostgreSQL server, and the browser.</summary>
public sealed class PostgresBrowserFixture() : BrowserFixture(new PostgresAppFactory()), INeedPostgres
{
    public string? SkipReason => App.SkipReason;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A browser and an app of their own, for journeys that need the seed exactly as first loaded.</summary>
[CollectionDefinition(Name)]
public sealed class FreshBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "fresh browser";
}

/// <summary>A browser and an app of their own for the manager's journeys, whose figures are the seed's.</summary>
[CollectionDefinition(Name)]
public sealed class ManagerBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "manager browser";
}
