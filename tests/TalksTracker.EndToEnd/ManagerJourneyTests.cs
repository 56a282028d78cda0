using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <remarks>
/// The manager's figures (counts, months of activity, the digest) are the seed's: an app of its own, so the reports
/// other journeys take in — dated by the clock the test host runs on — never change them.
/// </remarks>
[Collection(ManagerBrowserCollection.Name)]
public class ManagerJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_the_overview_to_the_open_gap_on_guarantees_its_claim_and_its_source()
    {
        var page = await browser.OpenAsync("/");
        var summary = page.Locator(".progress-summary tr[data-track='Syria–Israel security track']");
        await Assertions.Expect(summary.Locator(".open-gaps-count")).ToHaveTextAsync("2");
        await BrowserFixture.ScreenshotAsync(page, "overview-progress.png");

        await summary.GetByRole(AriaRole.Link, new() { Name = "Syria–Israel security track" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Syria–Israel security track");
        await BrowserFixture.WaitInteractiveAsync(page);

        var guarantees = page.Locator("tr.board-row[data-agenda-item='Long-term guarantees']");
        await Assertions.Expect(guarantees.Locator("td.status")).ToContainTextAsync("gap remains");
        await Assertions.Expect(guarantees.Locator("td.status")).ToContainTextAsync("not well sourced");
        await Assertions.Expect(page.Locator(".open-gaps li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".open-gaps")).ToContainTextAsync("Regulating military deployments near the border");
        // Each item's confidence, with its derivation a click away.
        var deployments = page.Locator("tr.board-row[data-agenda-item='Regulating military deployments near the border'] td.confidence-cell");
        await Assertions.Expect(deployments.GetByTestId("origins-for-against")).ToContainTextAsync("independent origin");
        await deployments.GetByTestId("confidence-label").ClickAsync();
        await Assertions.Expect(deployments.GetByTestId("confidence-derivation")).ToContainTextAsync("a senior Israeli security source");
        await BrowserFixture.ScreenshotAsync(page, "progress-board.png");

        await guarantees.GetByRole(AriaRole.Button, new() { Name = "Show claims" }).ClickAsync();
        var claims = page.Locator("tr.claims-row[data-claims-for='Long-term guarantees'] .claim-card", new() { HasText = "significant gaps remain" });
        await Assertions.Expect(claims).ToHaveCountAsync(1);
        // Its confidence follows the card, once weighed.
        await Assertions.Expect(claims.GetByTestId("confidence-label")).ToBeVisibleAsync();
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "progress-claims.png");

        await claims.Locator("a.claim-quote").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/\d+\?claim=\d+"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Under Russian auspices and US approval");
        await Assertions.Expect(page.Locator(".report-text mark.selected")).ToContainTextAsync("significant gaps remain");
    }

    [Fact]
    public async Task The_digest_date_lives_in_the_query_string_and_the_charts_have_a_table_view()
    {
        var page = await browser.OpenAsync("/tracks/1/progress?since=2026-01-01");

        await Assertions.Expect(page.Locator("#digest-title")).ToHaveTextAsync("What changed since 1 Jan 2026");
        await Assertions.Expect(page.Locator(".digest-meetings")).ToContainTextAsync("Closed-door security meetings in Baku");
        await Assertions.Expect(page.Locator(".status-over-time .lane-cell").First).ToBeVisibleAsync();

        await page.Locator(".status-over-time .chart-toggle input").ClickAsync();
        await Assertions.Expect(page.Locator(".over-time-table tr", new() { HasText = "Long-term guarantees" })).ToContainTextAsync("gap remains");
        await page.Locator(".activity .chart-toggle input").ClickAsync();
        // The seed: one meeting and one report, both in November 2026.
        await Assertions.Expect(page.Locator(".activity-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".activity-table tbody tr td")).ToHaveTextAsync(["2026-11", "1", "1"]);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "progress-over-time.png");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".export-links")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "progress-print.png");
    }
}
