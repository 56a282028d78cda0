using System.Net.Http.Json;
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

    [Fact]
    public async Task A_source_page_shows_its_claims_first_then_its_weighed_track_record_and_confidence()
    {
        using var api = browser.App.CreateClient();
        var sources = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sources", TestContext.Current.CancellationToken);
        var id = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "a senior Israeli security source").GetProperty("id").GetInt32();

        var page = await browser.OpenAsync($"/sources/{id}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("a senior Israeli security source");
        // Weighed on the interactive page: the track record and each card's confidence replace the weighing note.
        await Assertions.Expect(page.GetByTestId("track-record")).ToContainTextAsync("Of its last");
        await Assertions.Expect(page.GetByTestId("weighing")).ToHaveCountAsync(0);
        var cards = page.Locator(".claim-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        Assert.Equal(await cards.CountAsync(), await page.Locator(".claim-card .claim-confidence").GetByTestId("confidence-label").CountAsync());

        // The grade form works beside the weighed record: a change without a reason is refused beside the field.
        await page.Locator("[data-action=change-grade]").ClickAsync();
        var reason = page.Locator(".mud-input-control", new() { Has = page.Locator("input[data-field=grade-reason]") });
        await Assertions.Expect(reason).ToContainTextAsync("Say why the grade changes");
        await Assertions.Expect(page.GetByTestId("track-record")).ToContainTextAsync("Of its last");
        await BrowserFixture.ScreenshotAsync(page, "source-page.png");
    }
}
