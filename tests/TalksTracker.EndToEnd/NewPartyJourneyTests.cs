using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalksTracker.Data;

namespace TalksTracker.EndToEnd;

/// <summary>
/// #24: a stance of a group the catalog does not hold reaches the review card by the name the report gives it, and
/// completing the review adds the group and records its position, which the item's matrix then shows.
/// </summary>
// Adds an actor and a position: a fixture of its own keeps them out of the shared seed's journeys.
[Collection(FreshBrowserCollection.Name)]
public class NewPartyJourneyTests(BrowserFixture browser)
{
    private const string Group = "Southern Liberation Front";
    private const string Item = "Expanded Turkish military role";

    private const string Report =
        "Turkish role\n" +
        "The Southern Liberation Front objects to an expanded Turkish military role, its spokesman told reporters on Monday. " +
        "The front has fought government forces in the south since 2021.";

    [Fact]
    public async Task An_editor_sees_a_new_group_s_stance_on_the_card_and_completing_puts_the_group_in_the_items_matrix()
    {
        var page = await browser.TakeInForReviewAsync(Report, "Levant Wire");

        var card = page.Locator(".proposal-card", new() { HasText = "objects to an expanded Turkish military role" });
        await Assertions.Expect(card.Locator("[data-position-label]")).ToHaveTextAsync($"{Group} (new) · objection · {Item}");
        await Assertions.Expect(card.Locator("[data-position]")).ToContainTextAsync("Not in the catalog yet: completing the review adds it as non-state armed group");
        await card.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "review-new-party.png", fullPage: false);
        await page.SetViewportSizeAsync(390, 844);
        await card.Locator("[data-position]").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "review-new-party-phone.png", fullPage: false);
        await page.SetViewportSizeAsync(1400, 1000);
        // Back past the drawer's breakpoint the layout renders again; a click before that render reached a stale handler
        // and was dropped once (the card stayed pending). The drawer open again shows the render has happened.
        await Assertions.Expect(page.Locator(".mud-drawer.mud-drawer--open")).ToHaveCountAsync(1);

        foreach (var each in await page.Locator(".proposal-card").AllAsync())
        {
            await each.Locator("[data-action=accept]").ClickAsync();
            await Assertions.Expect(each).ToHaveClassAsync(new Regex("accepted"));
        }

        await page.Locator("[data-action=complete-review]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));

        int itemId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            itemId = await db.AgendaItems.Where(a => a.Title == Item).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var matrix = await browser.OpenAsync($"/agenda-items/{itemId}", role: "analyst");
        await Assertions.Expect(matrix.Locator($"tr[data-party='{Group}']")).ToContainTextAsync("objection");
        await matrix.CloseAsync();
        await page.CloseAsync();
    }
}
