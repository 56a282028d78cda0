using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <summary>#23: the visual timeline above the list, on a static page: reached by keyboard, zoomed and panned by links.</summary>
[Collection(BrowserCollection.Name)]
public class TimelineChartTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_meeting_in_the_chart_is_reached_with_Tab_and_opened_with_Enter()
    {
        var page = await browser.OpenAsync("/timeline");
        var firstBar = page.Locator(".tl-bar").First;
        await Assertions.Expect(firstBar).ToBeVisibleAsync();
        // Named by its title, date and status (the last two hidden but read), which the pointer shows as its tooltip.
        var name = await firstBar.TextContentAsync();
        var title = await firstBar.Locator("span").First.TextContentAsync();
        // Chromium puts a space between the two spans (flex items): "Baku , 3 Mar 2026, reported" reads the same.
        await Assertions.Expect(firstBar).ToHaveAccessibleNameAsync(new Regex($@"^{Regex.Escape(title!)} ?, .+, (planned|reported|confirmed|denied|postponed|cancelled)$"));
        await firstBar.HoverAsync();
        await Assertions.Expect(firstBar).ToHaveAttributeAsync("title", name!);

        // From the lanes toggle, Tab passes the axis and lands on the first meeting of the first lane.
        await page.Locator("[data-lanes=actor]").FocusAsync();
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>("() => document.activeElement.matches('.tl-bar')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(name, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/meetings/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name!.Split(", ")[0]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Zooming_and_panning_keep_the_filters_and_the_list()
    {
        var page = await browser.OpenAsync("/timeline?status=Reported");
        var count = await page.Locator(".result-count").TextContentAsync();
        var title = page.Locator("#tl-chart-title");
        var year = (await title.TextContentAsync())!.Split(' ')[0];
        Assert.Matches(@"^\d{4}$", year);

        await page.Locator("[data-chart-nav=zoom-in]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?status=Reported&zoom=quarter&at=\d{4}-\d\d-\d\d$"));
        await Assertions.Expect(title).ToHaveTextAsync(new Regex($@"^Q\d {year} by track$"));
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync(count!);

        var quarter = await title.TextContentAsync();
        await page.Locator("[data-chart-nav=earlier]").ClickAsync();
        await Assertions.Expect(title).Not.ToHaveTextAsync(quarter!);
        // The quarter before the first one is in the year before: zooming out shows the year of the quarter shown.
        var earlier = await title.TextContentAsync();
        var earlierYear = Regex.Match(earlier!, @"^Q\d (\d{4}) by track$").Groups[1].Value;
        Assert.Equal(quarter!.StartsWith("Q1 ", StringComparison.Ordinal) ? (int.Parse(year) - 1).ToString() : year, earlierYear);
        // + and - (reading.js) follow the zoom links from anywhere in the chart.
        await page.Locator("[data-chart-nav=earlier]").PressAsync("-");
        await Assertions.Expect(title).ToHaveTextAsync($"{earlierYear} by track");
        await page.Locator("[data-chart-nav=earlier]").PressAsync("-");
        await Assertions.Expect(title).ToHaveTextAsync(new Regex(@"^\d{3}0s by track$"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"status=Reported&at=[\d-]+&zoom=decade$"));
        foreach (var bar in await page.Locator(".tl-bar").AllAsync())
        {
            Assert.EndsWith(", reported", await bar.TextContentAsync());
        }


        // The lanes toggle is a link too; a filter chosen afterwards keeps the chart's view.
        await page.Locator("[data-lanes=actor]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"lanes=actor"));
        await Assertions.Expect(page.Locator("[data-lanes=actor]")).ToHaveAttributeAsync("aria-current", "true");
        await page.Locator("select[data-filter=status]").SelectOptionAsync("");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?lanes=actor&zoom=decade&at=\d{4}-\d\d-\d\d$"));
        await Assertions.Expect(title).ToHaveTextAsync(new Regex(@"^\d{3}0s by actor$"));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(1400, false, "timeline-chart.png")]
    [InlineData(1400, true, "timeline-chart-dark.png")]
    [InlineData(390, false, "timeline-chart-phone.png")]
    [InlineData(390, true, "timeline-chart-phone-dark.png")]
    public async Task The_chart_passes_the_automatic_WCAG_checks_and_fits_the_screen(int width, bool dark, string screenshot)
    {
        var page = await browser.OpenAsync("/timeline", prepare: async p =>
        {
            await p.SetViewportSizeAsync(width, 900);
            await p.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        });
        await Assertions.Expect(page.Locator(".tl-bar").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the timeline is {overflow} px wider than the screen");
        await page.Locator(".tl-chart").ScrollIntoViewIfNeededAsync();
        await page.Locator(".tl-bar").First.FocusAsync();
        await BrowserFixture.ScreenshotAsync(page, screenshot, fullPage: false);
        var results = await page.RunAxe(AccessibilityTests.Wcag21AA);
        await page.CloseAsync();
        Assert.True(results.Violations.Length == 0, AccessibilityTests.Describe(results.Violations));
    }
}
