using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TalksTracker.Data.Accounts;

namespace TalksTracker.EndToEnd;

/// <summary>
/// Reading pages for someone who only reads (#26): a dossier, then the report and source its links lead to, search and
/// the source list, all without a circuit — weighed evidence streamed in, a save elsewhere offered by the static live
/// notice, GET forms and enhanced navigation, no serious accessibility finding at desktop or phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaticReadingPagesTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_reads_a_dossier_its_report_and_source_without_a_circuit()
    {
        using var editor = browser.App.CreateClientFor(Roles.Editor);
        var meeting = await LivePagesTests.NewMeetingAsync(editor, "Static dossier round");
        await LivePagesTests.AddClaimAsync(editor, meeting.Id, "Delegations met in Doha for a first static round.");

        var circuit = new List<string>();
        var streamOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await browser.OpenAsync($"/meetings/{meeting.Id}", "analyst", p =>
        {
            p.Request += (_, request) =>
            {
                if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    circuit.Add(request.Url);
                }
                else if (request.Url.Contains("/api/changes/stream", StringComparison.Ordinal))
                {
                    streamOpened.TrySetResult();
                }
            };
            p.WebSocket += (_, socket) => circuit.Add(socket.Url);
            return Task.CompletedTask;
        });
        await Assertions.Expect(page.Locator("[data-render=static]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(meeting.Title);
        // The evidence was weighed within the response: its label is there, and opens its derivation with the keyboard.
        var label = page.GetByTestId("confidence-label").First;
        await Assertions.Expect(label).ToBeVisibleAsync();
        await page.Locator("details.confidence > summary").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("confidence-derivation").First).ToBeVisibleAsync();
        await AssertNoSeriousFindingsAsync(page, "dossier");
        await BrowserFixture.ScreenshotAsync(page, "static-dossier.png");

        // A claim saved elsewhere: offered politely, brought by "show" in place (no reload).
        await streamOpened.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await page.EvaluateAsync("() => window.notReloaded = true");
        await LivePagesTests.AddClaimAsync(editor, meeting.Id, "A second static round is planned in Muscat.");
        var notice = page.Locator("[data-live-notice] [data-action=live-show]");
        await Assertions.Expect(notice).ToHaveTextAsync(new Regex(@"^\d+ new changes? — show$"), new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".claim-card", new() { HasText = "planned in Muscat" })).ToHaveCountAsync(0);
        await notice.ClickAsync();
        await Assertions.Expect(page.Locator(".claim-card", new() { HasText = "planned in Muscat" })).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);

        // Links navigate by enhanced navigation: the report, then the claim's source, each static with its evidence.
        await page.Locator(".claim-card", new() { HasText = "first static round" }).Locator("a[href*='/reports/']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/reports/\d+"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Report");
        await Assertions.Expect(page.GetByTestId("confidence-label").First).ToBeVisibleAsync();
        await AssertNoSeriousFindingsAsync(page, "report");
        await page.Locator("a[href*='sources/']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sources/\d+"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("a regional official");
        await Assertions.Expect(page.GetByTestId("confidence-label").First).ToBeVisibleAsync();
        await AssertNoSeriousFindingsAsync(page, "source");
        await ScreenshotsAsync(page, "static-source");
        await AssertNoReloadNorCircuitAsync(page, circuit);
    }

    [Fact]
    public async Task An_analyst_searches_and_filters_the_sources_without_a_circuit()
    {
        var circuit = new List<string>();
        var page = await browser.OpenAsync("/search", "analyst", p =>
        {
            p.Request += (_, request) =>
            {
                if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    circuit.Add(request.Url);
                }
            };
            p.WebSocket += (_, socket) => circuit.Add(socket.Url);
            return Task.CompletedTask;
        });
        await Assertions.Expect(page.Locator("[data-render=static]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => window.notReloaded = true");

        // The box is a GET form: Enter navigates to the search's address, enhanced (no reload).
        var box = page.Locator("#search-q");
        await box.FillAsync("Moscow");
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Moscow$"));
        await Assertions.Expect(page.Locator(".actor-hit")).ToContainTextAsync("Russia");
        await Assertions.Expect(page.Locator(".claim-card", new() { HasText = "Moscow is playing a central role" }).Locator("mark.hit")).ToHaveTextAsync("Moscow");
        await AssertNoSeriousFindingsAsync(page, "search");
        await ScreenshotsAsync(page, "static-search");

        await page.Locator(".exact-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Moscow&exact=1$"));
        await Assertions.Expect(page.Locator(".expand-link")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".exact-link")).ToBeVisibleAsync();

        // The source list filters as the reader types (applied after a pause), on the server, and keeps the field's focus.
        await page.Locator("a[href='sources']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sources");
        var filter = page.Locator("#source-filter");
        await filter.PressSequentiallyAsync("israeli");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sources\?q=israeli$"));
        await Assertions.Expect(page.Locator(".source-count")).ToContainTextAsync("match");
        await Assertions.Expect(page.Locator(".sources-table tbody tr", new() { HasText = "a senior Israeli security source" })).ToHaveCountAsync(1);
        await Assertions.Expect(filter).ToBeFocusedAsync();
        await Assertions.Expect(filter).ToHaveValueAsync("israeli");
        await AssertNoSeriousFindingsAsync(page, "sources");
        await ScreenshotsAsync(page, "static-sources");
        await AssertNoReloadNorCircuitAsync(page, circuit);
    }

    // At desktop and phone width, as name.png and name-phone.png; the page is left at desktop width.
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, $"{name}.png");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, $"{name}-phone.png");
        await page.SetViewportSizeAsync(1400, 900);
    }

    // Every step was enhanced navigation (the mark set at the start survived) and no circuit was asked for.
    private static async Task AssertNoReloadNorCircuitAsync(IPage page, List<string> circuit)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Empty(circuit);
        await page.CloseAsync();
    }

    // At desktop and phone width: no serious or critical WCAG 2.1 AA finding.
    private static async Task AssertNoSeriousFindingsAsync(IPage page, string what)
    {
        foreach (var (width, height) in new[] { (1400, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var results = await page.RunAxe(AccessibilityTests.Wcag21AA);
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, $"{what} at {width} px:\n{string.Join("\n", serious)}");
        }

        await page.SetViewportSizeAsync(1400, 900);
    }
}
