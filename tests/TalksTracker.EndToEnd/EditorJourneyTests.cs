using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

[Collection(BrowserCollection.Name)]
public partial class EditorJourneyTests(BrowserFixture browser)
{
    private const string Report =
        "Envoys resume contacts on southern Syria\n" +
        "A senior Russian diplomat said envoys met again in Baku to discuss deployments near the Golan. " +
        "According to two Western diplomats, the sides exchanged written proposals on long-term guarantees. " +
        "The atmosphere was reportedly tense.";

    [Fact]
    public async Task Paste_a_report_accept_two_claims_link_them_to_Baku_and_see_them_in_the_dossier()
    {
        var page = await browser.OpenAsync("/reports/new");
        await page.Locator("textarea").First.FillAsync(Report);
        await page.Locator("[data-field=outlet] input, input[data-field=outlet]").First.FillAsync("Test Agency");
        // The meeting at Baku is proposed by venue and date: the report's date, not the day the test runs.
        await page.Locator("input[data-field=published]").FillAsync("2026-11-25");
        await BrowserFixture.TakeInAsync(page);
        await BrowserFixture.WaitInteractiveAsync(page);
        var cards = page.Locator(".proposal-card");
        await Assertions.Expect(cards).ToHaveCountAsync(3);

        // The first sentence names Baku: the meeting there is proposed. The second does not: the editor links it.
        await Assertions.Expect(cards.Nth(0).Locator("input[data-field=meetings]")).ToHaveValueAsync("Closed-door security meetings in Baku");
        await Assertions.Expect(cards.Nth(1).Locator("input[data-field=meetings]")).ToHaveValueAsync("");
        for (var i = 0; i < 2; i++)
        {
            var card = cards.Nth(i);
            await card.Locator("[data-action=accept]").ClickAsync();
            await Assertions.Expect(card).ToHaveClassAsync(new Regex("accepted"));
        }

        await cards.Nth(1).Locator("input[data-field=meetings]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Closed-door security meetings in Baku" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(cards.Nth(1).Locator("input[data-field=meetings]")).ToHaveValueAsync("Closed-door security meetings in Baku");

        await cards.Nth(2).Locator("[data-action=reject]").ClickAsync();
        await Assertions.Expect(cards.Nth(2)).ToHaveClassAsync(new Regex("rejected"));
        await BrowserFixture.ScreenshotAsync(page, "review.png");
        await page.Locator("[data-action=complete-review]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));

        var dossier = await browser.OpenAsync("/meetings/1");
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "envoys met again in Baku" })).ToHaveCountAsync(1);
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "exchanged written proposals on long-term guarantees" })).ToHaveCountAsync(1);
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "reportedly tense" })).ToHaveCountAsync(0);
    }
}
