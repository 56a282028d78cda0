using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class SourcesPageTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_sources_are_shown_a_page_at_a_time_and_filtered_by_name_on_the_server()
    {
        int total;
        await using (var db = Database.NewContext())
        {
            db.Sources.AddRange(Enumerable.Range(1, 70).Select(i => new Source { Name = $"Wire service {i:00}", Kind = SourceKind.Other, Reliability = Reliability.C }));
            await db.SaveChangesAsync(Ct);
            total = await db.Sources.CountAsync(Ct);
        }

        var cut = Render<SourcesPage>();

        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll(".sources-table tbody tr").Count));
        Assert.Contains($"{total} sources", cut.Markup);
        Assert.NotEmpty(cut.FindAll(".page-links a[rel=next]"));

        // The filter is the address's q (a GET form sends it): the server filters before it pages.
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("sources?q=service%2007");
        cut = Render<SourcesPage>();
        cut.WaitForAssertion(() => Assert.Equal("Wire service 07", Assert.Single(cut.FindAll(".sources-table tbody tr")).QuerySelector("a")!.TextContent));
        Assert.Empty(cut.FindAll(".page-links"));

        navigation.NavigateTo("sources?q=no%20such%20source");
        cut = Render<SourcesPage>();
        cut.WaitForAssertion(() => Assert.Contains("No source matches the filter.", cut.Markup));
    }
}
