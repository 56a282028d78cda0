using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalksTracker.Data.Accounts;

namespace TalksTracker.EndToEnd;

// Adds a venue, a meeting and claims: a fixture of its own keeps them out of the shared seed's journeys.
[Collection(FreshBrowserCollection.Name)]
public class ReviewCatalogJourneyTests(BrowserFixture browser)
{
    private const string Report =
        "Envoys to meet again in Sochi\n" +
        "A senior Russian official said envoys from both sides would meet in Sochi in December. " +
        "According to two Western diplomats, the Sochi round will focus on deployments near the Golan. " +
        "Analysts said the talks remain fragile.";

    [Fact]
    public async Task On_a_review_an_editor_creates_a_venue_and_a_meeting_inline_links_claims_to_it_and_sees_them_in_its_dossier()
    {
        var page = await browser.TakeInForReviewAsync(Report, "Gulf Times");
        var cards = page.Locator(".proposal-card");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        var official = cards.Filter(new() { HasText = "would meet in Sochi" });

        await official.Locator("[data-action=new-meeting]").ClickAsync();
        var meeting = BrowserFixture.Dialog(page, "new-meeting");
        await meeting.Locator("input[data-field=meeting-title]").FillAsync("December round in Sochi");
        await meeting.Locator("[data-action=new-venue]").ClickAsync();
        var venue = BrowserFixture.Dialog(page, "new-venue");
        await venue.Locator("input[data-field=venue-name]").FillAsync("Sochi");
        await BrowserFixture.ChooseAsync(page, venue.Locator("[data-field=venue-country]"), "Russia");
        await venue.Locator("input[data-field=venue-latitude]").FillAsync("43.6028");
        await venue.Locator("input[data-field=venue-longitude]").FillAsync("39.7342");
        // A field's value reaches the circuit when the field is left. Clicked at once, under load the dialog once saved
        // without it ("Give both coordinates, or neither"): leave the field as a person does before reaching the button.
        await venue.Locator("input[data-field=venue-longitude]").BlurAsync();
        await venue.Locator("[data-action=save-venue]").ClickAsync();
        await BrowserFixture.ExpectClosedAsync(venue);
        await Assertions.Expect(meeting.Locator("input[data-field=meeting-venue]")).ToHaveValueAsync("Sochi");
        await BrowserFixture.ChooseAsync(page, meeting.Locator("[data-field=meeting-precision]"), "a month");
        await meeting.Locator("input[data-field=meeting-start]").FillAsync("2026-12");
        await BrowserFixture.ChooseAsync(page, meeting.Locator("[data-field=meeting-format]"), "indirect");
        await BrowserFixture.ScreenshotAsync(page, "review-create-meeting.png", fullPage: false);
        await meeting.Locator("[data-action=save-meeting]").ClickAsync();

        await BrowserFixture.ExpectClosedAsync(meeting);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Created the meeting “December round in Sochi” and linked it to this claim. Also suggested on 1 other undecided claim");
        await Assertions.Expect(official.Locator("input[data-field=meetings]")).ToHaveValueAsync("December round in Sochi");
        var diplomats = cards.Filter(new() { HasText = "the Sochi round will focus" });
        await Assertions.Expect(diplomats.Locator("input[data-field=meetings]")).ToHaveValueAsync("December round in Sochi");

        await official.Locator("[data-action=accept]").ClickAsync();
        await Assertions.Expect(official).ToHaveClassAsync(new Regex("accepted"));
        await diplomats.Locator("[data-action=accept]").ClickAsync();
        await Assertions.Expect(diplomats).ToHaveClassAsync(new Regex("accepted"));
        var analysts = cards.Filter(new() { HasText = "remain fragile" });
        await analysts.Locator("[data-action=reject]").ClickAsync();
        await Assertions.Expect(analysts).ToHaveClassAsync(new Regex("rejected"));
        await page.Locator("[data-action=complete-review]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));

        var dossier = await browser.OpenAsync($"/meetings/{await MeetingAtAsync("Sochi")}", Roles.Editor);
        await Assertions.Expect(dossier.Locator("h1")).ToHaveTextAsync("December round in Sochi");
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "would meet in Sochi in December" })).ToHaveCountAsync(1);
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "the Sochi round will focus on deployments" })).ToHaveCountAsync(1);
        await Assertions.Expect(dossier.Locator(".claim-card", new() { HasText = "remain fragile" })).ToHaveCountAsync(0);
    }


    /// <summary>Opens a select list by its input (MudSelect opens on mouse-down) and picks an item.</summary>

    private async Task<int> MeetingAtAsync(string venueName)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = browser.App.CreateClientFor(Roles.Editor);
        var venues = await client.GetFromJsonAsync<JsonElement>("/api/venues", ct);
        var id = venues.EnumerateArray().Single(v => v.GetProperty("name").GetString() == venueName).GetProperty("id").GetInt32();
        var venue = await client.GetFromJsonAsync<JsonElement>($"/api/venues/{id}", ct);
        return venue.GetProperty("meetings").EnumerateArray().Single().GetProperty("id").GetInt32();
    }
}
