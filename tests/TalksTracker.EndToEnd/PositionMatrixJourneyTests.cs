using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <summary>#24: an analyst reads where the parties stand on an item and follows a position to the claims behind it.</summary>
[Collection(BrowserCollection.Name)]
public class PositionMatrixJourneyTests(BrowserFixture browser)
{
    private const string Item = "Continued Russian military presence in southern Syria";

    [Fact]
    public async Task An_analyst_opens_an_items_matrix_from_the_board_and_follows_a_cell_to_its_evidence()
    {
        var page = await browser.OpenAsync("/tracks/1/progress", role: "analyst");

        await page.Locator($"li[data-positions-item='{Item}'] a.item-matrix-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Item);
        await BrowserFixture.WaitInteractiveAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "positions-matrix.png", fullPage: false);

        var cell = page.Locator("tr[data-party=Israel] a.position-cell").First;
        var id = await cell.GetAttributeAsync("data-position-id");
        await cell.ClickAsync();

        await page.WaitForURLAsync(new Regex($"#position-{id}$"));
        var evidence = page.Locator($"#position-{id}");
        await Assertions.Expect(evidence).ToBeInViewportAsync();
        // The preference is stated twice in the seed: by the senior source, then in the outlet's own voice.
        await Assertions.Expect(evidence.Locator(".claim-card")).ToHaveCountAsync(2);
        await Assertions.Expect(evidence.Locator(".claim-card a.source", new() { HasText = "a senior Israeli security source" })).ToBeVisibleAsync();
        await Assertions.Expect(evidence.Locator(".claim-card [data-grade]").First).ToBeVisibleAsync();

        await evidence.Locator(".claim-card a.claim-quote").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_matrix_fits_a_phone()
    {
        var page = await browser.OpenAsync("/agenda-items/6", role: "analyst", prepare: p => p.SetViewportSizeAsync(390, 844));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Item);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the matrix is {overflow} px wider than the screen");
        await Assertions.Expect(page.Locator("tr[data-party=Israel] a.position-cell").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "positions-matrix-phone.png");
        await page.CloseAsync();
    }
}
