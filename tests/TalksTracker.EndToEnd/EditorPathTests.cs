using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Domain;

namespace TalksTracker.EndToEnd;

/// <summary>
/// The editor's path on an ordinary wire item pasted as one paragraph, with its names already in the catalog: every
/// action (a fill, a click, a key) is counted, and the report must be taken in, reviewed and recorded — sources,
/// relays, meeting and agenda items right — in at most 20.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class EditorPathTests(BrowserFixture browser)
{
    private const int MostActions = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string WireItem =
        "BEIRUT, Nov 27 (Reuters) - Syrian and Israeli security officials held a new round of talks in Baku this week, a senior Israeli security source told Reuters. " +
        "The talks focused on mechanisms to prevent escalation near the border, the source said. " +
        "The SDF demanded long-term guarantees for its fighters, according to a Kurdish official. " +
        "The SDF denied that any such demand had been accepted. " +
        "A Turkish official told Reuters that Ankara had not been consulted.";

    [Fact]
    public async Task A_five_sentence_wire_item_is_taken_in_reviewed_and_linked_in_at_most_20_actions()
    {
        await EnsureActorAsync("Syrian Democratic Forces", "SDF");
        var page = await browser.OpenAsync("/reports/new", Roles.Editor);
        var actions = 0;

        async Task Act(Func<Task> action)
        {
            actions++;
            await action();
        }

        await Act(() => page.Locator("textarea").First.FillAsync(WireItem));
        await Act(() => page.Locator("input[data-field=published]").FillAsync("2026-11-27"));
        await Act(() => page.Locator("[data-action=take-in]").ClickAsync());
        await page.WaitForURLAsync(ReviewUrl());
        await BrowserFixture.WaitInteractiveAsync(page);
        var cards = page.Locator(".proposal-card");
        await Assertions.Expect(cards).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(page, "review-proposed.png");

        // Every proposal is right as proposed: the keyboard accepts each and moves on.
        for (var i = 0; i < 5; i++)
        {
            await Assertions.Expect(cards.Nth(i)).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
            await Act(() => page.Keyboard.PressAsync("a"));
            await Assertions.Expect(cards.Nth(i)).ToHaveClassAsync(new Regex("accepted"));
        }

        await Act(() => page.Locator("[data-action=complete-review]").ClickAsync());
        await page.WaitForURLAsync(new Regex(@"/reports/\d+$"));

        Assert.True(actions <= MostActions, $"{actions} actions");
        var claims = await ClaimsAsync(int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]));
        Assert.Equal(5, claims.Count);
        Assert.Equal(("a senior Israeli security source", "Reuters"), (claims[0].Source, claims[0].Via));
        Assert.Equal(["Closed-door security meetings in Baku"], claims[0].Meetings);
        Assert.Equal(["Closed-door security meetings in Baku"], claims[1].Meetings);
        Assert.Contains("Mechanisms to prevent escalation", claims[1].AgendaItems);
        Assert.Equal("a Kurdish official", claims[2].Source, ignoreCase: true);
        Assert.Contains("Long-term guarantees", claims[2].AgendaItems);
        // The denial is the SDF's, of the demand: against the agenda item, not the meeting.
        Assert.Equal((Stance.Denies, "The SDF"), (claims[3].Stance, claims[3].Source));
        Assert.Empty(claims[3].Meetings);
        Assert.Contains("Long-term guarantees", claims[3].AgendaItems);
        Assert.Equal(("A Turkish official", "Reuters"), (claims[4].Source, claims[4].Via));
    }

    [Fact]
    public async Task An_editor_withdraws_a_report_and_an_administrator_restores_it_with_its_claims()
    {
        var services = browser.App.Services;
        var text = "Ceasefire monitors meet in Baku\nTwo Western diplomats said the monitors met in Baku on Monday. A senior Israeli security source said the meeting was short.";
        var reportId = (await services.GetRequiredService<Data.Intake.IntakeService>().TakeInAsync(new Data.Intake.ReportSubmission { Text = text, PublishedOn = new DateOnly(2026, 11, 20) }, Ct)).Value!.ReportId;
        var review = services.GetRequiredService<Data.Intake.ReviewService>();
        foreach (var p in (await review.OpenAsync(reportId, Ct))!.Proposals)
        {
            await review.UpdateAsync(p, Data.Intake.ProposalEdit.From(p) with { Decision = ProposalDecision.Accepted }, Ct);
        }

        Assert.True((await review.CompleteAsync(reportId, Ct)).Succeeded);

        var page = await browser.OpenAsync($"/reports/{reportId}", Roles.Editor);
        await Assertions.Expect(page.Locator("[data-action=restore-report]")).ToHaveCountAsync(0);
        await page.Locator("[data-action=withdraw-report]").ClickAsync();
        var dialog = page.Locator(".mud-dialog", new() { Has = page.Locator("[data-dialog=withdraw-report]") });
        await dialog.Locator("[data-action=confirm-withdraw]").ClickAsync();
        await Assertions.Expect(dialog.Locator(".mud-input-helper-text")).ToContainTextAsync("Say why");
        await dialog.Locator("textarea").FillAsync("Duplicate of an earlier wire story");
        await dialog.Locator("[data-action=confirm-withdraw]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=report-withdrawn]")).ToContainTextAsync("Duplicate of an earlier wire story");
        await Assertions.Expect(page.Locator(".retracted-claim")).ToHaveCountAsync(2);
        // An editor cannot restore a report; an administrator can.
        await Assertions.Expect(page.Locator("[data-action=restore-report]")).ToHaveCountAsync(0);
        var list = await browser.OpenAsync("/reports", Roles.Editor);
        await Assertions.Expect(list.Locator("tr", new() { HasText = "Ceasefire monitors meet in Baku" }).Locator("[data-testid=withdrawn]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "report-withdrawn.png");

        var admin = await browser.OpenAsync($"/reports/{reportId}");
        await admin.Locator("[data-action=restore-report]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=report-withdrawn]")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("mark.claim")).ToHaveCountAsync(2);
    }

    private sealed record Recorded(string? Source, string? Via, Stance Stance, List<string> Meetings, List<string> AgendaItems);

    private async Task<List<Recorded>> ClaimsAsync(int reportId)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        return await db.Claims.AsNoTracking().Where(c => c.ReportId == reportId).OrderBy(c => c.Start)
            .Select(c => new Recorded(c.Source!.Name, c.ViaSource!.Name, c.Stance,
                c.Meetings.Select(m => m.Meeting!.Title).ToList(), c.AgendaItems.Select(a => a.AgendaItem!.Title).ToList()))
            .ToListAsync(Ct);
    }

    private async Task EnsureActorAsync(string name, string alias)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        if (!await db.Actors.AnyAsync(a => a.Name == name, Ct))
        {
            var created = await browser.App.Services.GetRequiredService<CatalogService>().CreateActorAsync(new NewActor(name, ActorKind.NonStateArmedGroup, [alias]), Ct);
            Assert.True(created.Succeeded);
        }
    }

    [GeneratedRegex(@"/reports/\d+/review$")]
    private static partial Regex ReviewUrl();
}
