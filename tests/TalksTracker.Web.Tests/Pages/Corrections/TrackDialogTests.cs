using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages.Corrections;

public class TrackDialogTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_track_refuses_a_name_the_catalog_has_beside_the_field_then_creates_the_track_with_its_parties_and_opens_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TracksPage>();
        page.WaitForAssertion(() => page.Find("[data-action=new-track]"));
        page.Find("[data-action=new-track]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-field=track-name]"));

        dialogs.Find("input[data-field=track-name]").Change(" syria-israel SECURITY track ");
        dialogs.Find("[data-action=save-track]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("There is already a track “Syria–Israel security track”", ErrorBeside(dialogs, "track-name")));
        dialogs.Find("input[data-field=track-name]").Change("Turkey–SDF track");
        dialogs.Find("[data-action=add-party]").Click();
        await SelectAsync(dialogs.Find("[data-field=party-actor]"), "Turkey");
        await SelectAsync(dialogs.Find("[data-field=party-acknowledgement]"), "acknowledged");
        dialogs.Find("[data-action=save-track]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"tracks/\d+/progress$", navigation.Uri));
        await using var db = Database.NewContext();
        var track = await db.Tracks.Include(t => t.Participants).ThenInclude(p => p.Actor).SingleAsync(t => t.Name == "Turkey–SDF track", Ct);
        var party = Assert.Single(track.Participants);
        Assert.Equal(("Turkey", TrackRole.Party, Acknowledgement.Acknowledged), (party.Actor!.Name, party.Role, party.Acknowledgement));
        Assert.EndsWith($"tracks/{track.Id}/progress", navigation.Uri);
    }
}
