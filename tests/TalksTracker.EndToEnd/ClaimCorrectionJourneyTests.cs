using Microsoft.Playwright;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.EndToEnd;

// Corrects, retracts and restores a seeded claim: an app of its own keeps that out of the other journeys' seed.
[Collection(ClaimCorrectionBrowserCollection.Name)]
public class ClaimCorrectionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_the_report_an_editor_corrects_a_claim_retracts_it_with_a_reason_and_restores_it()
    {
        var page = await browser.OpenAsync("/reports/1", Roles.Editor);
        var card = page.Locator(".claim-card", new() { HasText = "Russia has proposed" });
        var id = await card.GetAttributeAsync("data-claim-id");
        var actions = page.Locator($"[data-claim-actions='{id}']");

        await actions.Locator("[data-action=correct-claim]").ClickAsync();
        var correct = BrowserFixture.Dialog(page, "correct-claim");
        await correct.Locator("input[data-field=claim-credibility]").FillAsync("9");
        await correct.Locator("[data-action=save-claim]").ClickAsync();
        await Assertions.Expect(correct).ToContainTextAsync("Credibility is graded from 1 (confirmed) to 6");
        await correct.Locator("input[data-field=claim-credibility]").FillAsync("2");
        await correct.Locator("input[data-field=claim-hedge]").FillAsync("reportedly");
        await correct.Locator("[data-action=save-claim]").ClickAsync();
        await BrowserFixture.ExpectClosedAsync(correct);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The claim was corrected.");

        await actions.Locator("[data-action=retract-claim]").ClickAsync();
        var retract = BrowserFixture.Dialog(page, "retract-claim");
        await retract.Locator("textarea[data-field=retract-reason]").FillAsync("Attributed to the wrong source; to be re-entered.");
        await retract.Locator("[data-action=confirm-retract]").ClickAsync();
        var retracted = page.Locator($"[data-retracted-claim-id='{id}']");
        await Assertions.Expect(retracted).ToContainTextAsync($"Retracted by {TalksTrackerAppFactory.DemoEmail(Roles.Editor)}");
        await Assertions.Expect(retracted).ToContainTextAsync("Attributed to the wrong source; to be re-entered.");
        await Assertions.Expect(page.Locator($".report-text mark[data-claim-id='{id}']")).ToHaveCountAsync(0);

        await retracted.Locator("[data-action=restore-claim]").ClickAsync();
        await Assertions.Expect(retracted).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($".report-text mark[data-claim-id='{id}']").First).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveCountAsync(1);

        var analyst = await browser.OpenAsync("/reports/1", Roles.Analyst);
        await Assertions.Expect(analyst.Locator(".claim-card").First).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator("[data-action=correct-claim]")).ToHaveCountAsync(0);
    }

}

/// <summary>A browser and an app of their own for the journey that changes a seeded claim.</summary>
[CollectionDefinition(Name)]
public sealed class ClaimCorrectionBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "claim correction browser";
}
