using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalksTracker.Reliability.Support;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Reliability;

/// <summary>
/// Bounded load on loopback: N API clients and M interactive Blazor sessions (real SignalR circuits in
/// Debian's Chromium, an editor navigating the reading pages) while a Cli import runs. Errors must be zero and every
/// circuit must close when its page does; throughput, p95 and memory per circuit are recorded, not asserted.
/// CI: 20 clients, 5 circuits, 20 s. TALKSTRACKER_LOAD_CLIENTS / _CIRCUITS / _SECONDS for the bigger run.
/// </summary>
public sealed class LoadTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    // The pages an editor clicks through on one circuit. For analysts these are static, with no circuit (#26), so the
    // sessions are an editor's, who keeps them interactive for the dialogs. The timeline is static for everyone:
    // reaching it is a page load, not a navigation on the circuit, so it is not among them.
    private static readonly string[] CircuitPages = ["/", "/search?q=Baku", "/reports", "/sources", "/actors", "/tracks"];
    private static readonly string[] ApiPaths = ["/api/meetings", "/api/search?q=security", "/api/reports?take=20", "/api/sources", "/api/tracks", "/health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    /// <summary>The one place a browser session is opened: its own context, signed in through the form as the demo editor.</summary>
    private static async Task<IPage> OpenSessionAsync(IBrowser browser, Uri baseAddress, string path)
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/account/signin?ReturnUrl=" + Uri.EscapeDataString(path)).ToString());
        await page.FillAsync("#email", TalksTracker.Testing.TalksTrackerAppFactory.DemoEmail("editor"));
        await page.FillAsync("#password", TalksTracker.Testing.TalksTrackerAppFactory.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Api_clients_and_interactive_sessions_during_an_import_see_no_errors_and_circuits_are_released()
    {
        var (clients, circuits, seconds) = (Setting("TALKSTRACKER_LOAD_CLIENTS", 20), Setting("TALKSTRACKER_LOAD_CIRCUITS", 5), Setting("TALKSTRACKER_LOAD_SECONDS", 20));
        var baseAddress = app.Address;
        var key = app.ApiKeyFor("admin");
        var counter = app.Services.GetRequiredService<CircuitCounter>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });

        // Warm up (first render, JIT), then the baseline with no circuits.
        await (await OpenSessionAsync(browser, baseAddress, "/")).CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await WaitForAsync(() => counter.Open == 0);
        var baseline = Heap();

        var pages = new List<IPage>();
        var pageErrors = new ConcurrentBag<string>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await OpenSessionAsync(browser, baseAddress, CircuitPages[i % CircuitPages.Length]);
            page.PageError += (_, e) => pageErrors.Add(e);
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    pageErrors.Add(m.Text);
                }
            };
            pages.Add(page);
        }

        var withCircuits = Heap();
        var openCircuits = counter.Open;

        // The import: a real Cli process taking in report files while the load runs.
        var folder = Path.Combine(app.Folder, "load-import");
        Directory.CreateDirectory(folder);
        var files = Enumerable.Range(0, 40).Select(i =>
        {
            var path = Path.Combine(folder, $"load-{i}.txt");
            File.WriteAllText(path, ReportTexts.Make(2_000_000 + i));
            return path;
        }).ToList();
        using var import = ChildProcess.Start(Harness.CliDll, ["import", .. files], new Dictionary<string, string>
        {
            ["ConnectionStrings__TalksTracker"] = $"Data Source={app.DatabasePath};Pooling=False",
        });

        var latencies = new ConcurrentBag<double>();
        var navigations = new ConcurrentBag<double>();
        var apiErrors = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var watch = Stopwatch.StartNew();
        var apiLoad = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = ApiKeyHandler.Client(baseAddress, () => key);
            for (var i = c; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(ApiPaths[i % ApiPaths.Length], stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        apiErrors.Add($"{ApiPaths[i % ApiPaths.Length]}: {(int)response.StatusCode}");
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException e)
                {
                    apiErrors.Add(e.Message);
                }
            }
        })).ToList();
        var sessions = pages.Select((page, p) => Task.Run(async () =>
        {
            for (var i = p + 1; !stop.IsCancellationRequested; i++)
            {
                var path = CircuitPages[i % CircuitPages.Length];
                var started = Stopwatch.GetTimestamp();
                // Client-side navigation on the same circuit, as a user clicking through the menu.
                await page.EvaluateAsync("p => Blazor.navigateTo(p)", path);
                await page.WaitForFunctionAsync("p => location.pathname + location.search === p && document.querySelector(\"[data-interactive='true']\")", path,
                    new PageWaitForFunctionOptions { Timeout = 30_000 });
                navigations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(300, CancellationToken.None);
            }
        })).ToList();

        await Task.WhenAll(apiLoad.Concat(sessions));
        var elapsed = watch.Elapsed;
        await import.WaitAsync(TimeSpan.FromMinutes(5), Ct);
        var reconnecting = 0;
        foreach (var page in pages)
        {
            reconnecting += await page.Locator("#components-reconnect-modal.components-reconnect-show, .components-reconnect-show").CountAsync();
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }

        var closed = await WaitForAsync(() => counter.Open == 0);
        var after = Heap();

        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.True(apiErrors.IsEmpty, string.Join("\n", apiErrors.Take(5)));
        Assert.True(pageErrors.IsEmpty, string.Join("\n", pageErrors.Take(5)));
        Assert.Equal(0, reconnecting);
        Assert.Equal(circuits, openCircuits);
        Assert.True(closed, $"{counter.Open} circuit(s) still open 30 s after their pages closed.");
        Harness.Record($"load: {clients} API clients + {circuits} circuits for {elapsed.TotalSeconds:0} s during a 40-file Cli import: "
                       + $"{latencies.Count} API requests ({latencies.Count / elapsed.TotalSeconds:0}/s), p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms; "
                       + $"{navigations.Count} page navigations, p95 {Percentile(navigations, 95):0} ms; errors 0; "
                       + $"heap {baseline / 1e6:0.0} MB → {withCircuits / 1e6:0.0} MB with {circuits} circuits ({(withCircuits - baseline) / 1e3 / circuits:0} KB per circuit) → {after / 1e6:0.0} MB after closing");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100, Ct);
        }

        return true;
    }
}
