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

    // The pickers search 250 ms after the last keystroke (a timer), which a busy machine can fire late: more than
    // bUnit's default second.
    private static readonly TimeSpan PickerWait = TimeSpan.FromSeconds(15);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>
    /// Adds a second meeting of the seeded track, in another venue and month, with Turkey (not in the Baku
    /// meeting) as a participant, and returns the venue ids.
    /// </summary>
    private async Task<(int Baku, int Geneva)> AddGenevaMeetingAsync()
    {
        await using var db = Database.NewContext();
        var track = await db.Tracks.Select(t => t.Id).SingleAsync(Ct);
        var baku = await db.Venues.Where(v => v.Name == "Baku").Select(v => v.Id).SingleAsync(Ct);
        var turkey = await db.Actors.Where(a => a.Name == "Turkey").Select(a => a.Id).SingleAsync(Ct);
        var geneva = new Venue { Name = "Geneva" };
        db.Meetings.Add(new Meeting
        {
            TrackId = track, Venue = geneva, Title = Geneva, Format = MeetingFormat.Indirect,
            Date = FuzzyDate.Exact(new DateOnly(2025, 3, 10)),
            Participants = [new MeetingParticipant { ActorId = turkey, Level = "observer" }],
        });
        await db.SaveChangesAsync(Ct);
        return (baku, geneva.Id);
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<TimelinePage> cut) =>
        cut.FindAll(".timeline-entry .meeting-title").Select(e => e.TextContent.Trim()).ToList();

    /// <summary>#23: the default order was never shown as chosen, and looked like a focused button.</summary>
    [Fact]
    public void The_chosen_order_is_pressed_the_default_included()
    {
        Navigation.NavigateTo("timeline");
        var byDefault = Render<TimelinePage>();
        byDefault.WaitForAssertion(() => Assert.Equal("true", byDefault.Find("[data-order=newest]").GetAttribute("aria-pressed")));
        Assert.Equal("false", byDefault.Find("[data-order=oldest]").GetAttribute("aria-pressed"));
        Assert.Contains("mud-button-filled", byDefault.Find("[data-order=newest]").ClassName);

        Navigation.NavigateTo("timeline?order=oldest");
        var oldest = Render<TimelinePage>();
        oldest.WaitForAssertion(() => Assert.Equal("true", oldest.Find("[data-order=oldest]").GetAttribute("aria-pressed")));
        Assert.Equal("false", oldest.Find("[data-order=newest]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Filters_in_the_query_string_are_applied_and_shown()
    {
        var (baku, _) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo($"timeline?venue={baku}");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal([Baku], Titles(cut)));
        Assert.Equal("1 meeting", cut.Find(".result-count").TextContent.Trim());
        // The picker shows the chosen venue's name, looked up by the id in the URL.
        cut.WaitForAssertion(() => Assert.Equal("Baku", cut.Find("input[data-filter='venue']").GetAttribute("value")));
        Assert.Empty(cut.FindAll(".mud-alert-text-warning, .mud-alert-filled-warning"));
        var clear = cut.FindAll("a, button").Single(e => e.TextContent.Trim() == "Clear all filters");
        Assert.False(clear.HasAttribute("disabled") || clear.ClassList.Contains("mud-button-disabled"), clear.OuterHtml);
    }

    [Fact]
    public async Task Typing_in_a_picker_offers_matching_names_and_choosing_one_puts_it_in_the_url()
    {
        var (_, geneva) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?order=oldest&page=1");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));

        // The picker asks the server for names containing the text; the matches render in the popover provider.
        cut.Find("input[data-filter='venue']").Input("NEV");
        Popovers.WaitForAssertion(() => Assert.Equal(["Geneva"], PickerChoices()), PickerWait);
        Popovers.FindAll(".mud-popover-open .mud-list-item").Single().Click();

        // The page number is dropped: a new filter starts at page 1.
        cut.WaitForAssertion(() => Assert.Equal($"/timeline?order=oldest&venue={geneva}", new Uri(Navigation.Uri).PathAndQuery));
        cut.WaitForAssertion(() => Assert.Equal([Geneva], Titles(cut)));
        cut.WaitForAssertion(() => Assert.Equal("Geneva", cut.Find("input[data-filter='venue']").GetAttribute("value")));
    }

    [Fact]
    public async Task The_actor_picker_finds_an_actor_by_alias()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));

        cut.Find("input[data-filter='actor']").Input("ankara");
        Popovers.WaitForAssertion(() => Assert.Equal(["Turkey"], PickerChoices()), PickerWait);
        Popovers.FindAll(".mud-popover-open .mud-list-item").Single().Click();

        var turkey = await IdOfActorAsync("Turkey");
        cut.WaitForAssertion(() => Assert.Equal($"?actor={turkey}", new Uri(Navigation.Uri).Query));
        cut.WaitForAssertion(() => Assert.Equal([Geneva], Titles(cut)));
        cut.WaitForAssertion(() => Assert.Equal("Turkey", cut.Find("input[data-filter='actor']").GetAttribute("value")));
    }

    [Fact]
    public async Task Clearing_a_picker_removes_its_filter()
    {
        var (baku, _) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo($"timeline?venue={baku}&order=oldest");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal([Baku], Titles(cut)));

        cut.WaitForAssertion(() => Assert.Equal("Baku", cut.Find("input[data-filter='venue']").GetAttribute("value")));
        cut.Find("input[data-filter='venue']").Closest(".mud-autocomplete")!.QuerySelector(".mud-input-clear-button")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("?order=oldest", new Uri(Navigation.Uri).Query));
        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));
    }

    [Fact]
    public async Task An_id_no_record_has_is_ignored_with_a_warning_not_an_empty_list()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?venue=999999&actor=888888&source=777777");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, Titles(cut).Count));
        var warnings = cut.FindAll(".mud-alert").Select(a => a.TextContent).ToList();
        Assert.Contains(warnings, w => w.Contains("Ignored “venue”: no venue has the id 999999."));
        Assert.Contains(warnings, w => w.Contains("Ignored “actor”: no actor has the id 888888."));
        Assert.Contains(warnings, w => w.Contains("Ignored “source”: no source has the id 777777."));
        Assert.Equal("", cut.Find("input[data-filter='venue']").GetAttribute("value") ?? "");
    }

    private IReadOnlyList<string> PickerChoices() =>
        Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();

    private async Task<int> IdOfActorAsync(string name)
    {
        await using var db = Database.NewContext();
        return await db.Actors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(Ct);
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
