using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
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
        var (page, circuit) = await OpenAsAnalystWatchingForACircuitAsync("/search");
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
    /// <summary>Opens <paramref name="path"/> as the analyst, noting every request and socket to a Blazor circuit.</summary>
    private async Task<(IPage Page, List<string> Circuit)> OpenAsAnalystWatchingForACircuitAsync(string path)
    {
        var circuit = new List<string>();
        var page = await browser.OpenAsync(path, "analyst", p =>
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
        return (page, circuit);
    }

    private static async Task AssertNoReloadNorCircuitAsync(IPage page, List<string> circuit)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Empty(circuit);
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_reads_the_track_board_opens_claims_and_picks_the_digest_date_without_a_circuit()
    {
        var (page, circuit) = await OpenAsAnalystWatchingForACircuitAsync("/tracks/1/progress");
        await Assertions.Expect(page.Locator("[data-render=static]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Syria–Israel security track");
        await Assertions.Expect(page.Locator("[data-action=edit-track], .correction-actions")).ToHaveCountAsync(0);
        // Each item's confidence was weighed within the response, its derivation a disclosure.
        var deployments = page.Locator("tr.board-row[data-agenda-item='Regulating military deployments near the border'] td.confidence-cell");
        await deployments.Locator("details.confidence > summary").ClickAsync();
        await Assertions.Expect(deployments.GetByTestId("confidence-derivation")).ToContainTextAsync("a senior Israeli security source");
        // The charts are drawn without a circuit; their tables open below them.
        await Assertions.Expect(page.Locator(".status-over-time .lane-cell").First).ToBeVisibleAsync();
        // A bar is a stroked line, which has no area for Playwright's visibility: the drawing is visible, its bars written.
        await Assertions.Expect(page.Locator(".activity svg.mud-chart-bar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".activity svg.mud-chart-bar path.mud-chart-bar").First).ToBeAttachedAsync();
        await page.Locator(".activity details.chart-table > summary").ClickAsync();
        // The table holds what the chart draws: the track's activity by month as the service counts it (other tests of
        // this app add meetings and reports, so the figures are read, not the seed's).
        var activity = (await browser.App.Services.GetRequiredService<TalksTracker.Data.Progress.ProgressService>().ActivityAsync(1, TestContext.Current.CancellationToken)).Months;
        await Assertions.Expect(page.Locator(".activity-table tbody tr").First.Locator("td"))
            .ToHaveTextAsync([activity[0].Month, activity[0].Meetings.ToString(System.Globalization.CultureInfo.InvariantCulture), activity[0].Reports.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await page.EvaluateAsync("() => window.notReloaded = true");

        // Show claims: a link that brings the item's claims and their confidence, back at its row.
        var guarantees = page.Locator("tr.board-row[data-agenda-item='Long-term guarantees']");
        await guarantees.GetByRole(AriaRole.Link, new() { Name = "Show claims" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/tracks/1/progress\?open=\d+#item-\d+$"));
        var claims = page.Locator("tr.claims-row[data-claims-for='Long-term guarantees'] .claim-card", new() { HasText = "significant gaps remain" });
        await Assertions.Expect(claims).ToHaveCountAsync(1);
        await Assertions.Expect(claims.GetByTestId("confidence-label")).ToBeVisibleAsync();
        await Assertions.Expect(guarantees.GetByRole(AriaRole.Link, new() { Name = "Hide claims" })).ToBeVisibleAsync();

        // The digest's date: typed and Enter, the open item stays open; a wrong date in the address is answered by the field.
        await page.Locator("#digest-since").FillAsync("2026-01-01");
        await page.Locator("#digest-since").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#digest-title")).ToHaveTextAsync("What changed since 1 Jan 2026");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?since=2026-01-01&open=\d+$"));
        await Assertions.Expect(page.Locator(".digest-meetings")).ToContainTextAsync("Closed-door security meetings in Baku");
        await Assertions.Expect(claims).ToHaveCountAsync(1);
        await AssertNoSeriousFindingsAsync(page, "board");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "static-board.png");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "static-board-phone.png");
        await page.SetViewportSizeAsync(1400, 900);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "a link or the form reloaded the page");

        await page.GotoAsync(new Uri(browser.BaseAddress, "/tracks/1/progress?since=yesterday").ToString());
        await Assertions.Expect(page.Locator("#since-problem")).ToContainTextAsync("“yesterday” is not a date like 2026-11-20");
        await Assertions.Expect(page.Locator("#digest-since")).ToHaveAttributeAsync("aria-describedby", "since-problem");

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
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{what} at {width} px:\n{AccessibilityTests.Describe(serious)}");
        }

        await page.SetViewportSizeAsync(1400, 900);
    }
}
