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
    public void The_chosen_order_is_marked_current_the_default_included_and_each_order_is_a_link()
    {
        Navigation.NavigateTo("timeline?venue=3&page=2");
        var byDefault = Render<TimelinePage>();
        byDefault.WaitForAssertion(() => Assert.Equal("true", byDefault.Find("[data-order=newest]").GetAttribute("aria-current")));
        Assert.Equal("false", byDefault.Find("[data-order=oldest]").GetAttribute("aria-current"));
        Assert.Contains("mud-button-filled", byDefault.Find("[data-order=newest]").ClassName);
        // Another order keeps the filters and starts at page 1.
        Assert.Equal("/timeline?venue=3&order=oldest", new Uri(byDefault.Find("a[data-order=oldest]").GetAttribute("href")!).PathAndQuery);

        Navigation.NavigateTo("timeline?order=oldest");
        var oldest = Render<TimelinePage>();
        oldest.WaitForAssertion(() => Assert.Equal("true", oldest.Find("[data-order=oldest]").GetAttribute("aria-current")));
        Assert.Equal("false", oldest.Find("[data-order=newest]").GetAttribute("aria-current"));
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

    /// <summary>
    /// The filters are a GET form (the page is static, #26): each field is sent under the query-string name links use,
    /// showing the current value, and the pickers carry the chosen id in a hidden field beside the name.
    /// </summary>
    [Fact]
    public async Task The_filters_are_a_get_form_showing_the_query_with_the_chosen_ids_in_hidden_fields()
    {
        var (baku, _) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo($"timeline?venue={baku}&stance=Denies&from=2025-01-01&order=oldest&page=1");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal("Baku", cut.Find("input[data-filter='venue']").GetAttribute("value")));

        var form = cut.Find("form[data-filter-form]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("timeline", form.GetAttribute("action"));
        Assert.Equal(baku.ToString(), form.QuerySelector("input[type=hidden][name=venue]")!.GetAttribute("value"));
        Assert.Equal("api/venues/names", cut.Find("input[data-filter='venue']").GetAttribute("data-names"));
        Assert.Null(cut.Find("input[data-filter='venue']").GetAttribute("name"));
        Assert.Equal("Denies", cut.Find("select[data-filter='stance'] option[selected]").GetAttribute("value"));
        Assert.Equal("2025-01-01", cut.Find("input[data-filter='from']").GetAttribute("value"));
        // The order is kept by a new filter, the page number is not.
        Assert.Equal("oldest", form.QuerySelector("input[type=hidden][name=order]")!.GetAttribute("value"));
        Assert.Empty(form.QuerySelectorAll("[name=page]"));
    }

    [Fact]
    public async Task Pages_are_links_that_keep_the_filters()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?order=oldest&pageSize=1");
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Single(Titles(cut)));

        var next = cut.Find("a[data-nav=next-page]");
        Assert.Equal("/timeline?order=oldest&pageSize=1&page=2", new Uri(next.GetAttribute("href")!).PathAndQuery);
        Assert.Equal("page", cut.Find(".page-links a.current").GetAttribute("aria-current"));
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

    private static IReadOnlyList<string> BarTitles(IRenderedComponent<TimelinePage> cut, string lane = ".tl-lane") =>
        cut.FindAll($"{lane} .tl-bar > span:first-child").Select(b => b.TextContent.Trim()).ToList();

    private async Task AddMeetingsAsync(int count, FuzzyDate date, string title)
    {
        await using var db = Database.NewContext();
        var track = await db.Tracks.Select(t => t.Id).SingleAsync(Ct);
        for (var i = 1; i <= count; i++)
        {
            db.Meetings.Add(new Meeting { TrackId = track, Title = $"{title} {i}", Date = date, Status = MeetingStatus.Planned });
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>#23: the chart above the list draws the window's meetings as links named by title, date and status.</summary>
    [Fact]
    public async Task The_chart_draws_the_meetings_of_its_window_as_links_to_their_dossiers()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline");

        // With no day chosen, the year of the latest meeting.
        var cut = Render<TimelinePage>();
        cut.WaitForAssertion(() => Assert.Equal([Baku], BarTitles(cut)));
        Assert.Equal("2026 by track", cut.Find("#tl-chart-title").TextContent.Trim());
        var bar = cut.Find(".tl-bar");
        Assert.Matches(@"^meetings/\d+$", bar.GetAttribute("href"));
        // Named by its text: the title shown, then date and status for a screen reader (and the tooltip, js/reading.js).
        Assert.Equal($"{Baku}, ~ recent weeks before 26 Nov 2026, reported", bar.TextContent);
        Assert.Contains("prec-ApproximateRange", bar.ClassName);
        Assert.Equal([Baku, Geneva], Titles(cut));

        Navigation.NavigateTo("timeline?zoom=decade&at=2025-06-01");
        cut.WaitForAssertion(() => Assert.Equal([Geneva, Baku], BarTitles(cut)));
        Assert.Single(cut.FindAll(".tl-lane"));
        Assert.Contains("Syria–Israel security track", cut.Find(".tl-lane .tl-lane-label").TextContent);

        Navigation.NavigateTo("timeline?zoom=month&at=2025-03-20");
        cut.WaitForAssertion(() => Assert.Equal([Geneva], BarTitles(cut)));
        Assert.Contains("prec-Exact", cut.Find(".tl-bar").ClassName);
        // The list is not the chart's: it still shows both meetings.
        Assert.Equal([Baku, Geneva], Titles(cut));
    }

    [Fact]
    public async Task The_chart_follows_the_filters_and_its_links_keep_them()
    {
        var (_, geneva) = await AddGenevaMeetingAsync();
        Navigation.NavigateTo($"timeline?venue={geneva}&zoom=decade&at=2025-06-01");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal([Geneva], BarTitles(cut)));
        var zoomIn = new Uri(cut.Find("[data-chart-nav=zoom-in]").GetAttribute("href")!).PathAndQuery;
        Assert.Equal($"/timeline?venue={geneva}&at=2025-06-01", zoomIn);
        Assert.Equal($"/timeline?venue={geneva}&zoom=decade&at=2015-06-01", new Uri(cut.Find("[data-chart-nav=earlier]").GetAttribute("href")!).PathAndQuery);
        // A new filter from the form keeps the chart's view.
        var form = cut.Find("form[data-filter-form]");
        Assert.Equal("decade", form.QuerySelector("input[type=hidden][name=zoom]")!.GetAttribute("value"));
        Assert.Equal("2025-06-01", form.QuerySelector("input[type=hidden][name=at]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Actor_lanes_draw_a_meeting_in_the_lane_of_each_participant()
    {
        await AddGenevaMeetingAsync();
        Navigation.NavigateTo("timeline?lanes=actor&zoom=decade&at=2025-06-01");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal("2020s by actor", cut.Find("#tl-chart-title").TextContent.Trim()));
        var lanes = cut.FindAll(".tl-lane").ToDictionary(l => l.QuerySelector(".tl-lane-label a, .tl-lane-label span")!.TextContent.Trim(),
            l => l.QuerySelectorAll(".tl-bar > span:first-child").Select(b => b.TextContent.Trim()).ToList());
        Assert.Equal([Geneva], lanes["Turkey"]);
        Assert.Equal([Baku], lanes["Syria"]);
        Assert.Equal("true", cut.Find("[data-lanes=actor]").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_crowded_lane_draws_what_fits_and_says_how_many_more_and_undated_meetings_are_listed_apart()
    {
        await AddMeetingsAsync(7, FuzzyDate.Exact(new DateOnly(2024, 5, 9)), "Round");
        await AddMeetingsAsync(2, FuzzyDate.Unknown, "Undated");
        Navigation.NavigateTo("timeline?at=2024-05-09");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal(4, BarTitles(cut).Count));
        Assert.Equal("+3 more — zoom in", System.Text.RegularExpressions.Regex.Replace(cut.Find(".tl-more").TextContent.Trim(), @"\s+", " "));
        Assert.All(cut.FindAll(".tl-bar"), b => Assert.Contains("ms-Planned", b.ClassName));
        Assert.Equal("Date unknown (2)", cut.Find("[data-undated] h3").TextContent.Trim());
        Assert.Equal(["Undated 1", "Undated 2"], cut.FindAll("[data-undated] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Bad_chart_values_are_ignored_with_a_warning_and_the_chart_still_drawn()
    {
        Navigation.NavigateTo("timeline?zoom=century&lanes=venue&at=0001-01-01");

        var cut = Render<TimelinePage>();

        cut.WaitForAssertion(() => Assert.Equal([Baku], BarTitles(cut)));
        var warnings = cut.FindAll(".mud-alert").Select(a => a.TextContent).ToList();
        Assert.Contains(warnings, w => w.Contains("Ignored “zoom”") && w.Contains("decade, year, quarter, month, week"));
        Assert.Contains(warnings, w => w.Contains("Ignored “lanes”"));
        Assert.Contains(warnings, w => w.Contains("Ignored “at”") && w.Contains("1900 to 2200"));
    }
}
