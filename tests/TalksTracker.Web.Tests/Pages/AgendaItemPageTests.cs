using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class AgendaItemPageTests : MudTestContext
{
    private async Task<int> ItemAsync(string title)
    {
        await using var db = Database.NewContext();
        return await db.AgendaItems.Where(a => a.Title == title).Select(a => a.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Shows_each_partys_position_in_the_matrix_leading_to_the_claim_report_and_graded_source_behind_it()
    {
        var itemId = await ItemAsync("Expanded Turkish military role");
        // A fixed day a month after the seed's positions: as of today the gap depends on the run's date (at the leap-day
        // instant the same positions are over a year old and the item reads "stalled").
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"agenda-items/{itemId}?asOf=2026-12-31");

        var cut = Render<AgendaItemPage>(p => p.Add(c => c.Id, itemId));

        cut.WaitForAssertion(() => Assert.Equal("Expanded Turkish military role", cut.Find("h1").TextContent));
        var israel = cut.Find("tr[data-party=Israel]");
        var cell = israel.QuerySelector("a.position-cell")!;
        Assert.Equal("objection", cell.TextContent.Trim());
        var positionId = cell.GetAttribute("data-position-id");
        Assert.EndsWith($"#position-{positionId}", cell.GetAttribute("href"));
        Assert.Equal("objection", israel.QuerySelector("td.latest")!.TextContent.Trim());

        var evidence = cut.Find($"#position-{positionId}");
        var claim = evidence.QuerySelector(".claim-card")!;
        Assert.Contains("Turkish", claim.QuerySelector("blockquote")!.TextContent);
        Assert.NotNull(claim.QuerySelector("[data-grade]"));
        Assert.StartsWith("/reports/", claim.QuerySelector("a.claim-quote")!.GetAttribute("href"));
        Assert.Equal("open", cut.Find("[data-gap-state]").TextContent.Trim());
        Assert.Contains("Israel's objection", cut.Find("[data-testid=gap-explanation]").TextContent);
    }

    [Fact]
    public async Task Tells_when_no_party_has_a_position_yet()
    {
        var itemId = await ItemAsync("Long-term guarantees");

        var cut = Render<AgendaItemPage>(p => p.Add(c => c.Id, itemId));

        cut.WaitForAssertion(() => Assert.Contains("No party's position on this item is recorded yet.", cut.Find(".no-positions").TextContent));
        Assert.Equal("no positions", cut.Find("[data-gap-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Shows_the_other_names_an_item_is_known_by_under_its_title_and_none_when_it_has_none()
    {
        var itemId = await ItemAsync("Long-term guarantees");
        var bare = await ItemAsync("Expanded Turkish military role");
        await using (var db = Database.NewContext())
        {
            db.AgendaItemAliases.AddRange(new Domain.AgendaItemAlias { AgendaItemId = itemId, Alias = "security guarantees" },
                new Domain.AgendaItemAlias { AgendaItemId = itemId, Alias = "assurances" });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<AgendaItemPage>(p => p.Add(c => c.Id, itemId));
        var other = Render<AgendaItemPage>(p => p.Add(c => c.Id, bare));

        cut.WaitForAssertion(() => Assert.Equal("Also called assurances, security guarantees", cut.Find(".agenda-aliases").TextContent.Trim()));
        other.WaitForAssertion(() => Assert.Equal("Expanded Turkish military role", other.Find("h1").TextContent));
        Assert.Empty(other.FindAll(".agenda-aliases"));
    }

    [Fact]
    public void An_unknown_item_says_so()
    {
        var cut = Render<AgendaItemPage>(p => p.Add(c => c.Id, int.MaxValue));

        cut.WaitForAssertion(() => Assert.Contains("No such agenda item", cut.Find("#not-found").TextContent));
    }

    [Fact]
    public async Task A_date_that_is_no_date_is_named_and_today_is_shown()
    {
        var itemId = await ItemAsync("Expanded Turkish military role");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"agenda-items/{itemId}?asOf=NEAR(");

        var cut = Render<AgendaItemPage>(p => p.Add(c => c.Id, itemId));

        cut.WaitForAssertion(() => Assert.Contains("“NEAR(” is not a date", cut.Find(".as-of-problem").TextContent));
        Assert.NotEmpty(cut.FindAll("a.position-cell"));
    }
}
