using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The track board as a reading page (#26): a reader gets it static, with what a click does elsewhere as a link or a
/// GET form (an item's claims by <c>?open=</c>, the digest's date), its evidence and live notice streamed into the one
/// response; an editor gets it interactive with the editing controls.
/// </summary>
public abstract class StaticBoardPageTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CircuitMarker = StaticReadingPageTests.CircuitMarker;

    [Fact]
    public async Task A_reader_gets_the_board_static_with_its_data_evidence_charts_and_forms()
    {
        var board = await BoardAsync();

        foreach (var role in new[] { Roles.Analyst, Roles.Manager })
        {
            var response = await app.CreateClientFor(role).GetAsync($"/tracks/{board.TrackId}/progress", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);

            Assert.DoesNotContain(CircuitMarker, html);
            Assert.Contains("data-render=\"static\"", html);
            Assert.Contains(board.TrackName, WebUtility.HtmlDecode(html));
            Assert.Contains(board.First.Title, WebUtility.HtmlDecode(html));
            // Show claims is a link back to the item's row with its claims opened; none is open yet.
            Assert.Contains($"href=\"tracks/{board.TrackId}/progress?open={board.First.Id}#item-{board.First.Id}\"", html);
            Assert.Contains($"id=\"item-{board.First.Id}\"", html);
            Assert.DoesNotContain("data-claims-for=", html);
            // The items' confidence is weighed within the response (streamed, or in the page when the weighing ends before
            // the first render) and the live notice is the static one.
            Assert.Contains("data-testid=\"confidence-label\"", html);
            Assert.Contains("data-live-notice", html);
            // The digest's date is a GET form; the charts are in the HTML with their tables one disclosure away.
            Assert.Contains($"action=\"tracks/{board.TrackId}/progress\"", html);
            Assert.Contains("name=\"since\"", html);
            Assert.Contains("class=\"lanes-grid\"", html);
            Assert.Contains("mud-chart", html);
            Assert.Contains("class=\"no-print chart-table\"", html);
            // No editing control is written for someone who may not edit.
            Assert.DoesNotContain("data-action=\"edit-track\"", html);
            Assert.DoesNotContain("data-action=\"edit\"", html);
            Assert.DoesNotContain("data-action=\"delete\"", html);
        }
    }

    [Fact]
    public async Task A_reader_s_board_is_written_once_when_its_evidence_is_weighed_within_the_wait()
    {
        var board = await BoardAsync();
        var rows = await RowsAsync(board.TrackId);

        // The wait is a minute here: the weighing always ends within it, so the board goes out once, with its evidence.
        var html = await app.CreateClientFor(Roles.Analyst).GetStringAsync($"/tracks/{board.TrackId}/progress?open={board.First.Id}", Ct);

        Assert.Equal(rows, CountOf(html, "class=\"board-row\""));
        Assert.Equal(1, CountOf(html, "data-claims-for="));
        Assert.Contains("data-testid=\"confidence-label\"", html);
    }

    // The other reading pages follow the same rule (StreamingOptions.WriteOnceAsync): their claims go out once.
    [Theory]
    [InlineData("actor")]
    [InlineData("meeting")]
    [InlineData("source")]
    [InlineData("report")]
    public async Task A_reader_s_page_is_written_once_when_its_evidence_is_weighed_within_the_wait(string page)
    {
        var (address, _) = await StaticReadingPageTests.AddressOfAsync(app, page);

        var html = await app.CreateClientFor(Roles.Analyst).GetStringAsync(address, Ct);

        Assert.Equal(1, html.Split("<blazor-ssr>").Count(writing => writing.Contains("data-claim-id=", StringComparison.Ordinal)));
        Assert.Contains("data-testid=\"confidence-label\"", html);
    }

    [Fact]
    public async Task Open_items_show_their_claims_in_the_same_response_and_wrong_ids_are_ignored()
    {
        var board = await BoardAsync();
        var address = $"/tracks/{board.TrackId}/progress?since=2026-01-01&open={board.First.Id}&open={board.Second.Id}&open=abc&open=999999&open=-1";

        var response = await app.CreateClientFor(Roles.Analyst).GetAsync(address, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Final(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"data-claims-for=\"{board.First.Title}\"", WebUtility.HtmlDecode(html));
        Assert.Contains($"data-claims-for=\"{board.Second.Title}\"", WebUtility.HtmlDecode(html));
        Assert.Equal(2, CountOf(html, "data-claims-for="));
        Assert.Contains("data-testid=\"confidence-label\"", html);
        Assert.Contains($"data-claim-id=\"{board.First.ClaimId}\"", html);
        Assert.Contains($"data-claim-id=\"{board.Second.ClaimId}\"", html);
        // Hiding one keeps the other open and the digest's date.
        Assert.Contains($"href=\"tracks/{board.TrackId}/progress?since=2026-01-01&amp;open={board.Second.Id}#item-{board.First.Id}\"", html);
        Assert.Contains("Hide claims", html);
        // Picking another date keeps the open items.
        Assert.Contains($"name=\"open\" value=\"{board.First.Id}\"", html);
        Assert.Contains("value=\"2026-01-01\"", html);
        Assert.DoesNotContain(CircuitMarker, html);
    }

    [Theory]
    [InlineData("since=not-a-date", "“not-a-date” is not a date like 2026-11-20")]
    [InlineData("since=2026-02-30&by=recorded", "“2026-02-30” is not a date like 2026-11-20")]
    public async Task A_wrong_date_is_answered_with_the_message_by_the_field(string query, string message)
    {
        var board = await BoardAsync();

        var response = await app.CreateClientFor(Roles.Analyst).GetAsync($"/tracks/{board.TrackId}/progress?{query}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(message, html);
        Assert.Contains("aria-describedby=\"since-problem\"", html);
        Assert.Contains("id=\"since-problem\"", html);
        Assert.Equal(query.Contains("by=recorded", StringComparison.Ordinal), html.Contains("name=\"by\" value=\"recorded\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_gets_the_board_interactive_with_the_editing_controls()
    {
        var board = await BoardAsync();

        var html = await app.CreateClientFor(Roles.Editor).GetStringAsync($"/tracks/{board.TrackId}/progress?open={board.First.Id}", Ct);

        Assert.Contains(CircuitMarker, html);
        Assert.DoesNotContain("data-render=\"static\"", html);
        Assert.Contains("data-action=\"edit-track\"", html);
        Assert.Contains("data-action=\"edit\"", html);
        Assert.DoesNotContain("name=\"since\"", html);
        // The address's open item is open for an editor too; its claims' confidence is left to the circuit.
        Assert.Contains($"data-claim-id=\"{board.First.ClaimId}\"", html);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    public async Task An_unknown_track_says_so_and_is_no_error(string role)
    {
        var response = await app.CreateClientFor(role).GetAsync("/tracks/999999/progress?open=1&since=nonsense", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No such track (999999).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    // A streamed response writes the page again once its evidence is weighed: the last writing is what the reader sees.
    // The board's rows as last streamed: updates come per component, so the last one may be another component's (the
    // positions panel); the page's own last update is the last that holds its rows.
    private static string Final(string html) =>
        html.Split("<blazor-ssr>").LastOrDefault(part => part.Contains("class=\"board-row\"", StringComparison.Ordinal)) ?? html;

    private static int CountOf(string html, string what)
    {
        var count = 0;
        for (var at = html.IndexOf(what, StringComparison.Ordinal); at >= 0; at = html.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<int> RowsAsync(int trackId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        return await db.AgendaItems.CountAsync(i => i.TrackId == trackId, Ct);
    }

    private sealed record Item(int Id, string Title, int ClaimId);

    private sealed record Board(int TrackId, string TrackName, Item First, Item Second);

    // The first track with two agenda items that have claims, and one claim of each.
    private async Task<Board> BoardAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => db.ClaimAgendaItems.Any(c => c.AgendaItemId == i.Id))
            .OrderBy(i => i.TrackId).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.TrackId, i.Title, Track = i.Track!.Name, ClaimId = db.ClaimAgendaItems.Where(c => c.AgendaItemId == i.Id).Min(c => c.ClaimId) })
            .ToListAsync(Ct);
        var track = items.GroupBy(i => i.TrackId).First(g => g.Count() >= 2).ToList();
        return new Board(track[0].TrackId, track[0].Track, new Item(track[0].Id, track[0].Title, track[0].ClaimId), new Item(track[1].Id, track[1].Title, track[1].ClaimId));
    }
}

/// <summary>The app with a reading page's wait for its evidence long enough that it always ends within it.</summary>
public sealed class WaitingBoardAppFactory : TalksTrackerAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [StreamingOptions.WriteOnceWithinSettingName] = "60000" };
}

/// <summary>As <see cref="WaitingBoardAppFactory"/>, on the tests' PostgreSQL server.</summary>
public sealed class PostgresWaitingBoardAppFactory() : TalksTrackerAppFactory("Development", DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [StreamingOptions.WriteOnceWithinSettingName] = "60000" };
}

public sealed class StaticBoardPageTestsOnSqlite(WaitingBoardAppFactory app) : StaticBoardPageTests(app), IClassFixture<WaitingBoardAppFactory>;

public sealed class StaticBoardPageTestsOnPostgres(PostgresWaitingBoardAppFactory app) : StaticBoardPageTests(app.OrSkip()), IClassFixture<PostgresWaitingBoardAppFactory>;
