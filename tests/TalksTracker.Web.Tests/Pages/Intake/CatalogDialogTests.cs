using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalksTracker.Web.Components.Pages.Intake.Catalog;

namespace TalksTracker.Web.Tests.Pages.Intake;

public class CatalogDialogTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_a_venue_without_name_or_country_shows_each_problem_beside_its_field_and_stores_nothing()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewVenueAsync(d));
        var before = await CountVenuesAsync();

        dialogs.Find("[data-action=save-venue]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A venue needs a name", ErrorBeside(dialogs, "venue-name")));
        Assert.Contains("Choose the country the venue is in.", ErrorBeside(dialogs, "venue-country"));
        Assert.False(pick.IsCompleted);
        Assert.Equal(before, await CountVenuesAsync());
    }

    [Fact]
    public async Task A_venue_name_already_in_the_catalog_is_flagged_on_leaving_the_field_and_the_existing_venue_can_be_used()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewVenueAsync(d));

        dialogs.Find("input[data-field=venue-name]").Change("  baku ");

        dialogs.WaitForAssertion(() => Assert.Contains("There is already a venue “Baku” in Azerbaijan", ErrorBeside(dialogs, "venue-name")));
        var use = dialogs.Find("[data-action=use-existing]");
        Assert.Contains("Use the existing venue “Baku” (Azerbaijan)", use.TextContent);
        use.Click();
        var chosen = await pick.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(("Baku", false), (chosen!.Record.Name, chosen.Created));
        Assert.Equal(1, await CountVenuesAsync());
    }

    [Fact]
    public async Task A_coordinate_that_is_not_a_number_is_refused_beside_it_then_the_venue_is_created_and_returned()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewVenueAsync(d, "Ganja"));
        await SelectAsync(dialogs, "venue-country", "Azerbaijan");
        dialogs.Find("input[data-field=venue-latitude]").Change("40,68");
        dialogs.Find("input[data-field=venue-longitude]").Change("46.36");

        dialogs.Find("[data-action=save-venue]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("“40,68” is not a decimal number", ErrorBeside(dialogs, "venue-latitude")));
        Assert.Equal(1, await CountVenuesAsync());

        dialogs.Find("input[data-field=venue-latitude]").Change("40.68");
        dialogs.Find("[data-action=save-venue]").Click();

        var created = await pick.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(("Ganja", "Azerbaijan", true), (created!.Record.Name, created.Record.Detail, created.Created));
        await using var db = Database.NewContext();
        var venue = await db.Venues.SingleAsync(v => v.Id == created.Record.Id, Ct);
        Assert.Equal((40.68, 46.36), (venue.Latitude, venue.Longitude));
    }

    [Fact]
    public async Task An_alias_another_actor_has_is_refused_beside_the_aliases_and_that_actor_offered()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewActorAsync(d));
        dialogs.Find("input[data-field=actor-name]").Change("Oman");
        dialogs.Find("textarea[data-field=actor-aliases]").Change("Sultanate of Oman\nmoscow");

        dialogs.Find("[data-action=save-actor]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("“moscow” is already a name of Russia (alias “Moscow”)", ErrorBeside(dialogs, "actor-aliases")));
        Assert.Contains("Use the existing actor “Russia”", dialogs.Find("[data-action=use-existing]").TextContent);
        Assert.Null(ErrorBesideOrNull(dialogs, "actor-name"));
        Assert.False(pick.IsCompleted);
        await using var db = Database.NewContext();
        Assert.False(await db.Actors.AnyAsync(a => a.Name == "Oman", Ct));
    }

    [Fact]
    public async Task An_agenda_item_title_the_track_has_is_offered_instead()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewAgendaItemAsync(d, null));

        dialogs.Find("input[data-field=agenda-title]").Change("long-term  GUARANTEES");

        dialogs.WaitForAssertion(() => Assert.Contains("The track already has the agenda item “Long-term guarantees”", ErrorBeside(dialogs, "agenda-title")));
        dialogs.Find("[data-action=use-existing]").Click();
        var chosen = await pick.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(("Long-term guarantees", false), (chosen!.Record.Name, chosen.Created));
    }

    [Fact]
    public async Task A_new_meeting_starts_on_the_only_track_at_the_venue_the_claim_names_and_a_bad_month_is_refused_beside_it()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewMeetingAsync(d, null, "Envoys met again in Baku on Tuesday."));
        dialogs.WaitForAssertion(() => Assert.Equal("Baku", dialogs.Find("[data-field=meeting-venue]").GetAttribute("value")));
        Assert.Equal("Syria–Israel security track", dialogs.Find("[data-field=track]").GetAttribute("value"));
        dialogs.Find("input[data-field=meeting-title]").Change("A second round in Baku");
        await SelectAsync(dialogs, "meeting-precision", "a month");
        dialogs.Find("input[data-field=meeting-start]").Change("December 2026");

        dialogs.Find("[data-action=save-meeting]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("“December 2026” is not a month written YYYY-MM.", ErrorBeside(dialogs, "meeting-start")));
        dialogs.Find("input[data-field=meeting-start]").Change("2026-12");
        dialogs.Find("[data-action=save-meeting]").Click();
        var created = await pick.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await using var db = Database.NewContext();
        var meeting = await db.Meetings.Include(m => m.Venue).SingleAsync(m => m.Id == created!.Record.Id, Ct);
        Assert.Equal(("A second round in Baku", "Baku", "Dec 2026"), (meeting.Title, meeting.Venue!.Name, meeting.Date.Display));
    }

    [Fact]
    public void A_level_without_participants_is_refused_beside_the_participants()
    {
        var (dialogs, pick) = OpenDialog(d => CatalogDialogs.NewMeetingAsync(d, null, null));
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-field=meeting-title]"));
        dialogs.Find("input[data-field=meeting-title]").Change("Talks at an undisclosed place");
        dialogs.Find("[data-action=add-participant]").Click();
        dialogs.Find("input[data-field=participant-level]").Change("senior officials");

        dialogs.Find("[data-action=save-meeting]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Choose who attended at that level", dialogs.Find("[data-error=Participants]").TextContent));
        Assert.False(pick.IsCompleted);
    }

    private async Task SelectAsync(IRenderedComponent<MudDialogProvider> dialogs, string field, string item)
    {
        await dialogs.Find($"[data-field={field}]").MouseDownAsync(new());
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == item));
        await Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == item).ClickAsync(new());
    }

    private static string? ErrorBesideOrNull(IRenderedComponent<MudDialogProvider> dialogs, string field)
    {
        var control = dialogs.Find($"[data-field={field}]").Closest(".mud-input-control");
        return control is not null && control.ClassList.Contains("mud-input-error")
            ? control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim()
            : null;
    }

    private async Task<int> CountVenuesAsync()
    {
        await using var db = Database.NewContext();
        return await db.Venues.CountAsync(Ct);
    }
}
