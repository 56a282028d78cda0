using Bunit;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class SourcesPageTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly TimeSpan FilterWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Many_sources_are_shown_a_page_at_a_time_and_filtered_by_name()
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
        Assert.NotEmpty(cut.FindAll(".mud-table-pagination"));

        // The filter applies 200 ms after the last keystroke (a timer): on a busy machine that timer can fire late, so
        // these waits allow far more than bUnit's default second (a fresh-clone CI run, builds alongside, missed it).
        cut.Find(".source-filter input").Input("service 07");
        cut.WaitForAssertion(() => Assert.Equal("Wire service 07", Assert.Single(cut.FindAll(".sources-table tbody tr")).QuerySelector("a")!.TextContent), FilterWait);

        cut.Find(".source-filter input").Input("no such source");
        cut.WaitForAssertion(() => Assert.Contains("No source matches the filter.", cut.Markup), FilterWait);
    }
}
