using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;
using TalksTracker.Web.Components.Pages.Corrections;
using TalksTracker.Data.Common;

namespace TalksTracker.Web.Tests.Pages.Corrections;

public class CorrectionDialogTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_another_actor_has_is_refused_beside_the_name_then_the_corrected_actor_is_saved()
    {
        var actor = await NewActorAsync("Mukhabarat");
        var (dialogs, saved) = OpenDialog(d => CorrectionDialogs.EditActorAsync(d, actor));

        dialogs.Find("input[data-field=actor-name]").Change("russia");
        dialogs.Find("[data-action=save-actor]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("There is already an actor “Russia”", ErrorBeside(dialogs, "actor-name")));
        Assert.False(saved.IsCompleted);

        dialogs.Find("input[data-field=actor-name]").Change("General Intelligence Directorate");
        dialogs.Find("textarea[data-field=actor-aliases]").Change("GID\nIdarat al-Mukhabarat");
        dialogs.Find("[data-action=save-actor]").Click();

        var result = await saved.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("General Intelligence Directorate", result!.Name);
        var stored = (await Database.Get<ActorService>().GetAsync(actor.Id, Ct))!;
        Assert.Equal(["GID", "Idarat al-Mukhabarat"], stored.Aliases);
        Assert.Equal(result.Version, stored.Version);
    }

    [Fact]
    public async Task A_venue_changed_by_someone_else_meanwhile_is_not_overwritten_and_the_editor_is_told_what_changed()
    {
        var baku = await Database.Get<VenueService>().GetAsync(await VenueIdAsync("Baku"), Ct);
        var (dialogs, saved) = OpenDialog(d => CorrectionDialogs.EditVenueAsync(d, baku!));
        var theirs = await Database.Get<CatalogCorrections>().EditVenueAsync(baku!.Id,
            new VenueEdit("Baku", baku.Country!.Id, 40.41, 49.87, baku.Version), Ct);
        Assert.True(theirs.Succeeded);

        dialogs.Find("input[data-field=venue-name]").Change("Bakı");
        dialogs.Find("[data-action=save-venue]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Someone else changed this record", dialogs.Find("[data-testid=problem]").TextContent));
        Assert.Contains("Latitude to “40.41”", dialogs.Find("[data-testid=problem]").TextContent);
        Assert.False(saved.IsCompleted);
        Assert.Equal("Baku", (await Database.Get<VenueService>().GetAsync(baku.Id, Ct))!.Name);
    }

    [Fact]
    public async Task Deleting_a_venue_with_meetings_from_its_page_is_refused_with_the_reason()
    {
        var baku = await VenueIdAsync("Baku");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<VenuePage>(p => p.Add(v => v.Id, baku));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-action=delete]").Count > 0, page.Markup[..Math.Min(3000, page.Markup.Length)]));

        page.Find("[data-action=delete]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        dialogs.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("Delete")).Click();

        page.WaitForAssertion(() => Assert.StartsWith("Baku cannot be deleted while it has meetings (", page.Find("[data-testid=delete-refused]").TextContent.Trim()));
        Assert.NotNull(await Database.Get<VenueService>().GetAsync(baku, Ct));
    }

    [Fact]
    public async Task Merging_shows_what_will_move_to_the_actor_picked_then_moves_it_and_the_old_page_leads_to_the_kept_one()
    {
        var duplicate = await NewActorAsync("Republic of Azerbaijan");
        await using (var db = Database.NewContext())
        {
            db.ClaimActors.Add(new ClaimActor { ClaimId = await db.Claims.Select(c => c.Id).FirstAsync(Ct), ActorId = duplicate.Id });
            await db.SaveChangesAsync(Ct);
        }

        var (dialogs, merged) = OpenDialog(d => CorrectionDialogs.MergeAsync(d, Merges.Actor, new NamedRef(duplicate.Id, duplicate.Name)));
        Assert.True(dialogs.Find("[data-action=merge]").HasAttribute("disabled"));

        dialogs.Find("input[data-field=merge-into]").Input("Azerbai");
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == "Azerbaijan"), TimeSpan.FromSeconds(10));
        Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "Azerbaijan").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("claims naming it: 1", dialogs.Find("[data-testid=moves] li").TextContent.Trim()));
        dialogs.Find("[data-action=merge]").Click();

        var plan = await merged.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("Azerbaijan", plan!.Into.Name);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Render<ActorPage>(p => p.Add(a => a.Id, duplicate.Id));
        Assert.EndsWith($"/actors/{plan.Into.Id}", new Uri(navigation.Uri).AbsolutePath);
    }

    private async Task<ActorView> NewActorAsync(string name)
    {
        var created = await Database.Get<CatalogService>().CreateActorAsync(new NewActor(name, ActorKind.Other), Ct);
        return (await Database.Get<ActorService>().GetAsync(created.Created!.Id, Ct))!;
    }

    private async Task<int> VenueIdAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.Venues.Where(v => v.Name == name).Select(v => v.Id).SingleAsync(Ct);
    }
}
