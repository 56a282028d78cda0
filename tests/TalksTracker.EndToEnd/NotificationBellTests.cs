using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <summary>#25: the bell shows the unread count on every page and reads its list when opened.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationBellTests(BrowserFixture browser)
{
    [Fact]
    public async Task Opening_the_bell_lists_the_notifications_and_the_way_to_all_of_them()
    {
        // An editor's overview is interactive; an analyst's is static (#26), where the bell is a link to the notifications.
        var page = await browser.OpenAsync("/", "editor");
        var bell = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, \\d+ unread$") });

        await bell.ClickAsync();

        await Assertions.Expect(page.Locator("[data-action=all-notifications]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
        // The list was read: notifications, or the line saying there are none (other tests may have made some).
        await Assertions.Expect(page.Locator("[data-notification], :text('Nothing new. Follow a meeting')").First).ToBeVisibleAsync();
        await page.CloseAsync();
    }
}
