using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

[Collection(BrowserCollection.Name)]
public class AnalystJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_the_timeline_filtered_by_venue_to_a_claim_highlighted_in_its_report()
    {
        var page = await browser.OpenAsync("/timeline");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Timeline");

        // The actor, venue and source pickers ask the server for the names containing what is typed (actors
        // also by alias); the matches are offered in the box's list.
        var actor = page.Locator("input[data-filter='actor']");
        var actorChoices = await BrowserFixture.EnterInPickerAsync(page, actor, "syr");
        await Assertions.Expect(actorChoices.First).ToHaveAttributeAsync("value", "Syria");
        await Assertions.Expect(actorChoices.Nth(1)).ToHaveAttributeAsync("value", "Syrian Arab Army");
        await BrowserFixture.ScreenshotAsync(page, "timeline-picker.png", fullPage: false);
        await actor.FillAsync("");
        await actor.PressAsync("Escape");

        // A name offered and entered whole (as picking it from the list does) is applied with Enter.
        var venue = page.Locator("input[data-filter='venue']");
        var venueChoices = await BrowserFixture.EnterInPickerAsync(page, venue, "bak");
        await Assertions.Expect(venueChoices.And(page.Locator("[value='Baku']"))).ToHaveCountAsync(1);
        await venue.FillAsync("Baku");
        await venue.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?venue=\d+$"));
        await Assertions.Expect(venue).ToHaveValueAsync("Baku");
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 meeting");
        await BrowserFixture.ScreenshotAsync(page, "timeline.png");

        // The URL is the view: back drops the filter, forward brings it (and its name in the picker) back.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline$"));
        await Assertions.Expect(venue).ToHaveValueAsync("");
        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?venue=\d+$"));
        await Assertions.Expect(venue).ToHaveValueAsync("Baku");
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 meeting");

        await page.GetByRole(AriaRole.Link, new() { Name = "Closed-door security meetings in Baku", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Closed-door security meetings in Baku");

        var claim = page.Locator(".claim-card", new() { HasText = "Russia has proposed the redeployment" });
        var claimId = await claim.GetAttributeAsync("data-claim-id");
        await claim.Locator("a.claim-quote").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/reports/\d+\?claim={claimId}#claim-{claimId}$"));
        var selected = page.Locator(".report-text mark.selected");
        await Assertions.Expect(selected).ToHaveCountAsync(1);
        await Assertions.Expect(selected).ToHaveIdAsync($"claim-{claimId}");
        await Assertions.Expect(selected).ToContainTextAsync("Russia has proposed the redeployment");
        await Assertions.Expect(selected).ToBeInViewportAsync();
        // The view as the analyst lands on it (a full-page shot would paint the fixed app bar mid-page).
        await BrowserFixture.ScreenshotAsync(page, "report-reader.png", fullPage: false);
    }

    // From an interactive page (the search box answers in the circuit) and a static one (a GET form, #26).
    [Theory]
    [InlineData("/")]
    [InlineData("/timeline")]
    public async Task Searching_Moscow_finds_Russia_and_its_claims_and_the_url_keeps_the_search(string from)
    {
        var page = await browser.OpenAsync(from);

        var appBarSearch = page.GetByPlaceholder("Search…");
        await appBarSearch.FillAsync("Moscow");
        await appBarSearch.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Moscow$"));
        await Assertions.Expect(page.Locator(".actor-hit")).ToContainTextAsync("Russia");
        // Moscow names Russia: its other names are searched too, and the page says so.
        await Assertions.Expect(page.Locator(".also-searching")).ToContainTextAsync("Also searching: Russia");
        var claim = page.Locator(".claim-card", new() { HasText = "Moscow is playing a central role" });
        await Assertions.Expect(claim).ToHaveCountAsync(1);
        await Assertions.Expect(claim.Locator("mark.hit")).ToHaveTextAsync("Moscow");
        await Assertions.Expect(claim.Locator("a.source")).ToHaveTextAsync("a senior Israeli security source");
        await Assertions.Expect(page.Locator(".report-hit").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "search.png");

        // One click searches only the word typed.
        await page.Locator(".exact-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Moscow&exact=1$"));
        await Assertions.Expect(page.Locator(".claim-card")).ToHaveCountAsync(1);
        await page.GoBackAsync();

        // A second search from the page's own box, then back: the URL reproduces the earlier view.
        var box = page.Locator(".search-box input");
        // Words are AND-ed, so a made-up word guarantees no results whatever other journeys stored.
        await box.FillAsync("NEAR( \" xyzzyplugh");
        await box.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".no-results")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Moscow$"));
        await Assertions.Expect(box).ToHaveValueAsync("Moscow");
        await Assertions.Expect(page.Locator(".actor-hit")).ToContainTextAsync("Russia");

        await page.Locator(".actor-hit a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Russia");
    }
}
