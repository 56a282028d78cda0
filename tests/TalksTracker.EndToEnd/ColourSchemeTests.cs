using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <summary>#23: dark colours follow the system unless the reader chooses, and the choice is remembered.</summary>
[Collection(BrowserCollection.Name)]
public class ColourSchemeTests(BrowserFixture browser)
{
    private const string Background = "() => getComputedStyle(document.body).backgroundColor";

    [Fact]
    public async Task Colours_follow_the_system_and_a_choice_is_remembered_across_pages()
    {
        var page = await browser.OpenAsync("/timeline", prepare: p => p.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark }));
        var scheme = page.Locator("[data-action=colour-scheme]");
        await Assertions.Expect(scheme).ToHaveAttributeAsync("data-scheme", "system");
        await page.WaitForFunctionAsync($"() => ({Background})() === 'rgb(18, 24, 32)'");
        await BrowserFixture.ScreenshotAsync(page, "timeline-dark.png", fullPage: false);

        // The reader chooses light on a dark system; the choice holds on the next page.
        await scheme.ClickAsync();
        await Assertions.Expect(scheme).ToHaveAttributeAsync("data-scheme", "dark");
        await scheme.ClickAsync();
        await Assertions.Expect(scheme).ToHaveAttributeAsync("data-scheme", "light");
        await page.WaitForFunctionAsync($"() => ({Background})() !== 'rgb(18, 24, 32)'");
        await page.GotoAsync(new Uri(browser.BaseAddress, "/sources").ToString());
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-action=colour-scheme]")).ToHaveAttributeAsync("data-scheme", "light");
        Assert.NotEqual("rgb(18, 24, 32)", await page.EvaluateAsync<string>(Background));

        // Back to following the system, for the next test in this browser.
        await page.Locator("[data-action=colour-scheme]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-action=colour-scheme]")).ToHaveAttributeAsync("data-scheme", "system");
    }
}
