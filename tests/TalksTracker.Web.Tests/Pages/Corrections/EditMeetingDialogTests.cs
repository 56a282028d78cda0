using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages.Corrections;

public class EditMeetingDialogTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_corrects_a_meeting_from_its_dossier_problems_show_beside_fields_and_the_dossier_shows_the_correction()
    {
        var (page, dialogs) = await OpenAsync();

        dialogs.Find("input[data-field=meeting-title]").Change(" ");
        dialogs.Find("[data-action=save-meeting]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A meeting needs a title", ErrorBeside(dialogs, "meeting-title")));
        dialogs.Find("input[data-field=meeting-title]").Change("Second round, announced for Baghdad");
        await SelectAsync(dialogs.Find("[data-field=meeting-status]"), "planned");
        // Russia was the mediator; at this round it is named a guarantor.
        var russia = dialogs.FindAll(".participant-row").Single(r => r.QuerySelector("[data-field=participant-actor]")!.GetAttribute("value") == "Russia");
        await SelectAsync(russia.QuerySelector("[data-field=participant-role]")!, "guarantor");
        dialogs.Find("[data-action=save-meeting]").Click();

        page.WaitForAssertion(() => Assert.Equal("Second round, announced for Baghdad", page.Find("h1").TextContent));
        Assert.Equal("planned", page.Find("[data-testid=meeting-status]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal("not held: planned", page.Find("td.took-place").TextContent.Trim()));
        Assert.Contains(page.FindAll(".participant"), p => p.TextContent.Contains("Russia", StringComparison.Ordinal) && p.TextContent.Contains("guarantor", StringComparison.Ordinal));
        await using var db = Database.NewContext();
        Assert.Equal(ParticipantRole.Guarantor, await db.MeetingParticipants.Where(p => p.Actor!.Name == "Russia").Select(p => p.Role).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_meeting_someone_else_saved_meanwhile_is_not_overwritten_and_the_editor_is_told_what_they_changed()
    {
        var (page, dialogs) = await OpenAsync();
        var meetings = Database.Get<MeetingService>();
        var stored = (await meetings.DossierAsync(await MeetingIdAsync(), Ct))!;
        var other = await Database.Get<MeetingCorrections>().EditAsync(stored.Id, new MeetingEdit(stored.Version, stored.Track.Id, stored.Title, stored.Venue?.Id,
            Components.Shared.MeetingDateFields.From(stored.Date), stored.Format, MeetingStatus.Confirmed, stored.IsSeries,
            stored.Participants.Select(p => new NewParticipant(p.Actor.Id, p.Level, p.Role)).ToList(), stored.Summary), Ct);
        Assert.True(other.Succeeded);

        dialogs.Find("input[data-field=meeting-title]").Change("My new title");
        dialogs.Find("[data-action=save-meeting]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Status to “Confirmed”", dialogs.Find("[data-testid=edit-conflict]").TextContent));
        Assert.Equal(stored.Title, (await meetings.DossierAsync(stored.Id, Ct))!.Title);

        // Starting again from the current version keeps the other editor's change and saves this one.
        dialogs.Find("[data-action=reload-meeting]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=edit-conflict]")));
        dialogs.Find("input[data-field=meeting-title]").Change("My new title");
        dialogs.Find("[data-action=save-meeting]").Click();
        page.WaitForAssertion(() => Assert.Equal("My new title", page.Find("h1").TextContent));
        Assert.Equal("confirmed", page.Find("[data-testid=meeting-status]").TextContent.Trim());
    }

    private async Task<(IRenderedComponent<MeetingDossierPage> Page, IRenderedComponent<MudDialogProvider> Dialogs)> OpenAsync()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var id = await MeetingIdAsync();
        var page = Render<MeetingDossierPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => page.Find("[data-action=edit-meeting]"));
        page.Find("[data-action=edit-meeting]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-field=meeting-title]"));
        return (page, dialogs);
    }

    private async Task<int> MeetingIdAsync()
    {
        await using var db = Database.NewContext();
        return await db.Meetings.Select(m => m.Id).SingleAsync(Ct);
    }
}
