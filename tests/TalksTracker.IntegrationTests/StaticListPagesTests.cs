using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// Search, the lists and the overview (#26): someone who may only read gets them as static HTML with their data and no
/// circuit — the search box and the source filter are GET forms, pages are links, the server filters and pages —
/// while an editor keeps the interactive page where they edit.
/// </summary>
public abstract partial class StaticListPagesTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CircuitMarker = StaticReadingPageTests.CircuitMarker;

    public static TheoryData<string> Pages => ["/", "/search?q=Moscow", "/sources", "/actors", "/reports", "/venues", "/tracks"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_reader_gets_the_page_static_with_its_data_and_an_editor_gets_it_interactive(string address)
    {
        await StaticReadingPageTests.AssertStaticForReadersAndInteractiveForEditorsAsync(app, address, await ShownOnAsync(address));
    }

    [Fact]
    public async Task Only_an_editor_gets_the_new_track_button()
    {
        Assert.DoesNotContain("data-action=\"new-track\"", await app.CreateClientFor(Roles.Analyst).GetStringAsync("/tracks", Ct));
        Assert.Contains("data-action=\"new-track\"", await app.CreateClientFor(Roles.Editor).GetStringAsync("/tracks", Ct));
    }

    [Fact]
    public async Task A_readers_search_is_a_get_form_with_page_links_and_keeps_the_exact_flag()
    {
        await using (var db = await NewContextAsync())
        {
            db.Reports.AddRange(Enumerable.Range(1, 25).Select(i => new Report
            {
                Title = $"Quokkaville bulletin {i:00}",
                Text = $"Quokkaville talks, bulletin {i:00}.",
                ContentHash = $"quokkaville-{i:00}",
                TakenInAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync(Ct);
        }

        var client = app.CreateClientFor(Roles.Analyst);

        var first = await client.GetStringAsync("/search?q=quokkaville", Ct);
        Assert.Matches("<form method=\"get\" action=\"search\"[^>]*data-filter-form", first);
        Assert.Matches("<input id=\"search-q\" type=\"search\" name=\"q\" value=\"quokkaville\"", first);
        Assert.Equal(20, ReportHit().Matches(first).Count);
        Assert.Contains("href=\"http://localhost/search?q=quokkaville&amp;page=2\"", first);
        Assert.DoesNotContain(CircuitMarker, first);

        var second = await client.GetStringAsync("/search?q=quokkaville&page=2", Ct);
        Assert.Equal(5, ReportHit().Matches(second).Count);
        Assert.Contains("aria-current=\"page\"", second);

        // A page that is no number is ignored with a message, and page 1 is shown.
        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=quokkaville&page=zz", Ct));
        Assert.Contains("Ignored page “zz”: not a page number from 1 to", bad);
        Assert.Equal(20, ReportHit().Matches(bad).Count);

        // The exact flag goes with the next search (a hidden field) and its link turns it off.
        var exact = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=Russia%20central&exact=1", Ct));
        Assert.Contains("Searching the words as typed", exact);
        Assert.Contains("<input type=\"hidden\" name=\"exact\" value=\"1\"", exact);
        Assert.Matches("class=\"[^\"]*expand-link", exact);
        var expanded = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=Russia%20central", Ct));
        Assert.Contains("Also searching: Moscow", expanded);
        Assert.DoesNotContain("name=\"exact\"", expanded);
    }

    [Fact]
    public async Task A_reader_filters_and_pages_the_sources_on_the_server()
    {
        await using (var db = await NewContextAsync())
        {
            db.Sources.AddRange(Enumerable.Range(1, 60).Select(i => new Source { Name = $"Wombat wire {i:00}", Kind = SourceKind.Other, Reliability = Reliability.F }));
            db.Sources.Add(new Source { Name = "Wombat 100% wire", Kind = SourceKind.Other, Reliability = Reliability.F });
            await db.SaveChangesAsync(Ct);
        }

        var client = app.CreateClientFor(Roles.Analyst);

        var all = await client.GetStringAsync("/sources", Ct);
        Assert.Equal(50, SourceRow().Matches(all).Count);
        Assert.Contains("data-submit-on-input", all);
        // The grade's meaning, a tooltip in a circuit, is the title without one.
        Assert.Contains($"title=\"{Grade.Describe(Reliability.F)}\"", all);

        var filtered = await client.GetStringAsync("/sources?q=WOMBAT%20wire", Ct);
        Assert.Contains("60 sources match", filtered);
        Assert.Equal(50, SourceRow().Matches(filtered).Count);
        Assert.Contains("value=\"WOMBAT wire\"", filtered);
        Assert.Contains("href=\"http://localhost/sources?q=WOMBAT%20wire&amp;page=2\"", filtered);

        var second = await client.GetStringAsync("/sources?q=WOMBAT%20wire&page=2", Ct);
        Assert.Equal(10, SourceRow().Matches(second).Count);
        Assert.Contains(">Wombat wire 60<", second);

        // A page past the last shows the last; a wildcard typed is a character like any other.
        Assert.Contains(">Wombat wire 60<", await client.GetStringAsync("/sources?q=wombat%20wire&page=99", Ct));
        var percent = await client.GetStringAsync("/sources?q=100%25", Ct);
        Assert.Equal(">Wombat 100% wire<", Assert.Single(SourceRow().Matches(percent)).Groups[1].Value);
        Assert.Contains("No source matches the filter.", await client.GetStringAsync("/sources?q=wombat_wire", Ct));

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/sources?page=-3", Ct));
        Assert.Contains("Ignored page “-3”: not a page number.", bad);
        Assert.Equal(50, SourceRow().Matches(bad).Count);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Junk_in_the_query_string_is_no_error(string address)
    {
        var path = address.Split('?')[0];
        foreach (var junk in new[] { "?q=%00%FF%25_%5C&page=99999999999&exact=%3Cb%3E", "?page=1e3&q=" + new string('x', 3000), "?q[]=a&q=b&page=2&page=3" })
        {
            var read = await app.CreateClientFor(Roles.Analyst).GetAsync(path + junk, Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains("data-render=\"static\"", await read.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task A_control_character_typed_into_a_name_picker_is_no_error()
    {
        var names = await app.CreateClientFor(Roles.Analyst).GetAsync("/api/sources/names?q=Israeli%00", Ct);
        Assert.Equal(HttpStatusCode.OK, names.StatusCode);
        Assert.Contains("a senior Israeli security source", await names.Content.ReadAsStringAsync(Ct));
    }

    private async Task<TalksTrackerDbContext> NewContextAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);

    // What the page shows of the data (with the search's highlight).
    private async Task<string> ShownOnAsync(string address)
    {
        await using var db = await NewContextAsync();
        return address == "/search?q=Moscow" ? "<mark class=\"hit\">Moscow</mark> is playing a central role" : address switch
        {
            "/" or "/tracks" => await db.Tracks.Where(t => t.ArchivedAt == null).OrderBy(t => t.Id).Select(t => t.Name).FirstAsync(Ct),
            "/sources" => "a senior Israeli security source",
            "/actors" => await db.Actors.OrderBy(a => a.Id).Select(a => a.Name).FirstAsync(Ct),
            "/reports" => await db.Reports.Where(r => db.Claims.Any(c => c.ReportId == r.Id)).OrderBy(r => r.Id).Select(r => r.Title).FirstAsync(Ct),
            "/venues" => await db.Venues.OrderBy(v => v.Id).Select(v => v.Name).FirstAsync(Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(address), address, null),
        };
    }

    [GeneratedRegex("class=\"[^\"]*report-hit")]
    private static partial Regex ReportHit();

    // A source's link in its row: the name is the group.
    [GeneratedRegex("<a href=\"sources/\\d+\"[^>]*(>[^<]*<)")]
    private static partial Regex SourceRow();
}

public sealed class StaticListPagesTestsOnSqlite(TalksTrackerAppFactory app) : StaticListPagesTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class StaticListPagesTestsOnPostgres(PostgresAppFactory app) : StaticListPagesTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
