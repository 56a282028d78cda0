using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

[Collection(BrowserCollection.Name)]
public class FoundationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_the_overview_to_the_Baku_meeting_and_its_sourced_claim()
    {
        var page = await browser.OpenAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Closed-door security meetings in Baku" }).First.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Closed-door security meetings in Baku");
        var claim = page.Locator(".claim-card", new() { HasText = "Russia has proposed the redeployment of Syrian Arab Army units" });
        await Assertions.Expect(claim).ToHaveCountAsync(1);
        await Assertions.Expect(claim.Locator("a.source")).ToHaveTextAsync("a senior Israeli security source");
        await Assertions.Expect(claim.Locator(".grade")).ToHaveTextAsync("C3");
        await Assertions.Expect(claim.Locator(".claim-confidence").GetByTestId("confidence-label")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "meeting-dossier.png");
    }
}
