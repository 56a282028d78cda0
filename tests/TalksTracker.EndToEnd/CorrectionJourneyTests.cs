using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Claims;
using TalksTracker.Domain;

namespace TalksTracker.EndToEnd;

// Adds a track and moves a meeting: an app of its own keeps them out of the other journeys' seed (sharing the "fresh"
// app, a second track left the review journey's new-meeting dialog without its track when this journey ran first).
[Collection(CorrectionBrowserCollection.Name)]
public partial class CorrectionJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_creates_a_track_corrects_the_wrong_track_of_a_meeting_and_sees_its_agenda_claims_move_to_that_board()
    {
        // A Turkey–SDF meeting entered in review on the only track there was, with an agenda item only it speaks of.
        var (meeting, item, seedTrack) = await MeetingOnTheWrongTrackAsync();

        var page = await browser.OpenAsync("/tracks", Roles.Editor);
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-action=new-track]").ClickAsync();
        var dialog = BrowserFixture.Dialog(page, "track");
        await dialog.Locator("input[data-field=track-name]").FillAsync("Turkey–SDF track");
        await dialog.Locator("[data-action=add-party]").ClickAsync();
        await BrowserFixture.ChooseAsync(page, dialog.Locator("[data-field=party-actor]"), "Turkey");
        await dialog.Locator("[data-action=save-track]").ClickAsync();
        await page.WaitForURLAsync(ProgressUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Turkey–SDF track");
        await Assertions.Expect(page.Locator($"tr[data-agenda-item='{item}']")).ToHaveCountAsync(0);
        var newTrack = int.Parse(ProgressUrl().Match(page.Url).Groups[1].Value);

        var dossier = await browser.OpenAsync($"/meetings/{meeting}", Roles.Editor);
        await BrowserFixture.WaitInteractiveAsync(dossier);
        await dossier.Locator("[data-action=edit-meeting]").ClickAsync();
        var edit = BrowserFixture.Dialog(dossier, "edit-meeting");
        await BrowserFixture.ChooseAsync(dossier, edit.Locator("[data-field=track]"), "Turkey–SDF track");
        await Assertions.Expect(edit.Locator("[data-testid=track-move-note]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(dossier, "correct-meeting-track.png", fullPage: false);
        await edit.Locator("[data-action=save-meeting]").ClickAsync();

        await BrowserFixture.ExpectClosedAsync(edit);
        await Assertions.Expect(dossier.Locator(".mud-snackbar")).ToContainTextAsync($"Moved with it to Turkey–SDF track: {item}");
        await Assertions.Expect(dossier.Locator(".mud-typography-overline a")).ToHaveTextAsync("Turkey–SDF track");

        var board = await browser.OpenAsync($"/tracks/{newTrack}/progress", Roles.Editor);
        var row = board.Locator($"tr[data-agenda-item='{item}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await BrowserFixture.WaitInteractiveAsync(board);
        await row.GetByRole(AriaRole.Button, new() { Name = "Show claims" }).ClickAsync();
        await Assertions.Expect(board.Locator($"tr[data-claims-for='{item}']")).ToContainTextAsync("SDF officials met in Baghdad");
        var before = await browser.OpenAsync($"/tracks/{seedTrack}/progress", Roles.Editor);
        await Assertions.Expect(before.Locator("tr.board-row").First).ToBeVisibleAsync();
        await Assertions.Expect(before.Locator($"tr[data-agenda-item='{item}']")).ToHaveCountAsync(0);
    }

    private async Task<(int Meeting, string Item, int SeedTrack)> MeetingOnTheWrongTrackAsync()
    {
        var services = browser.App.Services;
        int seedTrack, turkey, reportId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            seedTrack = await db.Tracks.Where(t => t.Name == "Syria–Israel security track").Select(t => t.Id).SingleAsync(Ct);
            turkey = await db.Actors.Where(a => a.Name == "Turkey").Select(a => a.Id).SingleAsync(Ct);
            var report = new Report { Title = "Turkey and the SDF meet in Baghdad", Text = "Turkish and SDF officials met in Baghdad to discuss an SDF withdrawal.",
                ContentHash = "correction-journey", Outlet = "Regional Wire" };
            db.Reports.Add(report);
            await db.SaveChangesAsync(Ct);
            reportId = report.Id;
        }

        var catalog = services.GetRequiredService<CatalogService>();
        var meeting = (await catalog.CreateMeetingAsync(new NewMeeting(seedTrack, "Turkey–SDF talks in Baghdad", Participants: [new NewParticipant(turkey)]), Ct)).Created!.Id;
        const string item = "SDF withdrawal east of the Euphrates";
        var itemId = (await catalog.CreateAgendaItemAsync(new NewAgendaItem(seedTrack, item, AgendaCategory.Deployments), Ct)).Created!.Id;
        var claim = await services.GetRequiredService<ClaimService>()
            .RecordClaimAsync(new NewClaim(reportId, 0, 70, null, Stance.Asserts, 3, MeetingIds: [meeting], AgendaItemIds: [itemId]), Ct);
        Assert.True(claim.Succeeded, string.Join(" ", claim.Errors.SelectMany(e => e.Value)));
        return (meeting, item, seedTrack);
    }



    [GeneratedRegex(@"/tracks/(\d+)/progress$")]
    private static partial Regex ProgressUrl();
}

/// <summary>A browser and an app of their own for the journey that adds a track and moves a meeting.</summary>
[CollectionDefinition(Name)]
public sealed class CorrectionBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "correction browser";
}
