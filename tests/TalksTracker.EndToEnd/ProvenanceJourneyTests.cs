using System.Net.Http.Json;
using Microsoft.Playwright;
using TalksTracker.Data.Accounts;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.EndToEnd;

// Other journeys add claims to the Baku meeting; this one measures confidence on the seed alone.
[Collection(FreshBrowserCollection.Name)]
public class ProvenanceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_second_report_denying_the_Baku_meetings_shows_as_a_contradiction_and_lowers_confidence()
    {
        var page = await browser.OpenAsync("/meetings/1");
        // The meeting's own confidence; each claim card carries its claim's.
        var meeting = page.Locator("td.took-place");
        var label = meeting.GetByTestId("confidence-label");
        await Assertions.Expect(label).ToBeVisibleAsync();
        var before = Enum.Parse<Estimate>((await meeting.Locator(".confidence").GetAttributeAsync("data-estimate"))!);
        Assert.Equal(Estimate.Likely, before);

        const string text = "Damascus denies meeting Israeli officials in Baku\n" +
                            "A Syrian foreign ministry spokesman denied on Thursday that any meeting with Israeli officials had taken place in Baku.";
        var start = text.IndexOf("A Syrian", StringComparison.Ordinal);
        using var editor = browser.App.CreateClientFor(Roles.Editor);
        var imported = await editor.PostAsJsonAsync("/api/reports", new
        {
            text,
            outlet = "SANA",
            claims = new[] { new { start, end = text.Length, sourceName = "Syrian foreign ministry spokesman", stance = "Denies", credibility = 2, meetingIds = new[] { 1 } } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, imported.StatusCode);

        await page.ReloadAsync();
        await BrowserFixture.WaitInteractiveAsync(page);

        var redeployment = page.Locator(".claim-card", new() { HasText = "Russia has proposed the redeployment" });
        var contradiction = redeployment.Locator("xpath=following-sibling::div[contains(@class,'claim-relations')][1]").Locator(".relation.contradicts");
        await Assertions.Expect(contradiction).ToContainTextAsync("Syrian foreign ministry spokesman");
        await Assertions.Expect(contradiction).ToContainTextAsync("contradicted by");
        await Assertions.Expect(meeting.GetByTestId("origins-for-against")).ToContainTextAsync("1 against");
        var after = Enum.Parse<Estimate>((await meeting.Locator(".confidence").GetAttributeAsync("data-estimate"))!);
        Assert.Equal(Estimate.RoughlyEvenChance, after);
        await Assertions.Expect(label).ToHaveTextAsync("roughly even chance");

        // The claim's own label weighs the denial against it; the denial's label is that the denial holds.
        await Assertions.Expect(redeployment.Locator(".claim-confidence")).ToContainTextAsync("1 against");
        var denial = page.Locator(".claim-card", new() { HasText = "denied on Thursday" });
        await Assertions.Expect(denial.Locator(".claim-confidence")).ToContainTextAsync("1 independent origin for");

        await label.ClickAsync();
        await Assertions.Expect(meeting.GetByTestId("confidence-derivation")).ToContainTextAsync("Syrian foreign ministry spokesman");
        await BrowserFixture.ScreenshotAsync(page, "contradiction.png");
    }
}
