using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class TimelinePageTests : MudTestContext
{
    private const string Baku = "Closed-door security meetings in Baku";
    private const string Geneva = "Preparatory session in Geneva";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Adds a second meeting of the seeded track, in another venue and month, and returns the venue ids.</summary>
    private async Task<(int Baku, int Geneva)> AddGenevaMeetingAsync()
    {
        await using var db = Database.NewContext();
        var track = await db.Tracks.Select(t => t.Id).SingleAsync(Ct);
        var baku = await db.Venues.Where(v => v.Name == "Baku").Select(v => v.Id).SingleAsync(Ct);
        var geneva = new Venue { Name = "Geneva" };
        db.Meetings.Add(new Meeting
        {
            TrackId = track, Venue = geneva, Title = Geneva, Format = MeetingFormat.Indirect,
            Date = FuzzyDate.Exact(new DateOnly(2025, 3, 10)),
        });
        await db.SaveChangesAsync(Ct);
        return (baku, geneva.Id);
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<TimelinePage> cut) =>
        cut.FindAll(".timeline-entry .meeting-title").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task Filters_in_the_query_string_are_applied_and_shown()
    {
        var (baku, _) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo($"timeline?venue={baku}");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal([Baku], Titles(cut)));
        Assert.Equal("1 meeting", cut.Find(".result-count").TextContent.Trim());
        // A select with a value shows it in a combobox element (the input becomes hidden).
        Assert.Equal("Baku", cut.Find("[role=combobox][data-filter='venue']").TextContent.Trim());
        Assert.Empty(cut.FindAll(".mud-alert-text-warning, .mud-alert-filled-warning"));
        var clear = cut.FindAll("a, button").Single(e => e.TextContent.Trim() == "Clear all filters");
        Assert.False(clear.HasAttribute("disabled") || clear.ClassList.Contains("mud-button-disabled"), clear.OuterHtml);
    }

    [Fact]
    public async Task Choosing_a_filter_puts_it_in_the_url()
    {
        var (baku, _) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?order=oldest&page=1");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));

        // MudSelect opens on mouse-down; its items render in the popover provider.
        cut.Find("input[data-filter='venue']").Closest("div.mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "Geneva"));
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "Baku").Click();

        var uri = new Uri(Navigation.Uri);
        Assert.Equal("/timeline", uri.AbsolutePath);
        Assert.Equal($"?order=oldest&venue={baku}", uri.Query); // the page number is dropped: a new filter starts at page 1
        cut.WaitForAssertion(() => Assert.Equal([Baku], Titles(cut)));
    }

    [Fact]
    public async Task Bad_values_are_ignored_with_a_warning()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?venue=abc&minReliability=Z&from=26/11/2026");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));
        var warnings = cut.FindAll(".mud-alert").Select(a => a.TextContent).ToList();
        Assert.Contains(warnings, w => w.Contains("Ignored “venue”") && w.Contains("'abc' is not an id."));
        Assert.Contains(warnings, w => w.Contains("Ignored “minReliability”"));
        Assert.Contains(warnings, w => w.Contains("Ignored “from”") && w.Contains("YYYY-MM-DD"));
    }

    [Fact]
    public async Task Meetings_are_grouped_by_month_newest_first_or_oldest_first()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline");

        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("h2.month").Count));
        Assert.Equal(["~ November 2026", "March 2025"], cut.FindAll("h2.month").Select(h => h.TextContent.Trim()));
        Assert.Equal([Baku, Geneva], Titles(cut));

        Navigation.NavigateTo("timeline?order=oldest");
        cut.WaitForAssertion(() => Assert.Equal(["March 2025", "~ November 2026"], cut.FindAll("h2.month").Select(h => h.TextContent.Trim())));
        Assert.Equal([Geneva, Baku], Titles(cut));
    }
}
