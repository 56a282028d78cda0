using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// A reader's page does not wait for its evidence past <see cref="StreamingOptions.WriteOnceWithin"/> (#26): when the
/// weighing outlasts it, the page's claims are written first and the weighing streams in after them. Here the wait is
/// nothing, so every weighing outlasts it.
/// </summary>
public abstract class StreamingFirstTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("actor")]
    [InlineData("meeting")]
    [InlineData("source")]
    [InlineData("report")]
    [InlineData("board")]
    public async Task A_reader_s_page_writes_what_it_read_before_a_weighing_that_outlasts_the_wait(string page)
    {
        var address = await AddressOfAsync(page);
        // What the weighing is of: a page's claims, the board's items.
        var weighed = page == "board" ? "class=\"board-row\"" : "data-claim-id=";

        var html = await app.CreateClientFor(Roles.Analyst).GetStringAsync(address, Ct);

        // The page is written again, whole, with each streamed update: the first writing that holds what was read came
        // before the weighing; a later one holds its answer.
        var writings = html.Split("<blazor-ssr>");
        var first = Array.FindIndex(writings, w => w.Contains(weighed, StringComparison.Ordinal));
        Assert.True(first >= 0, $"nothing weighed ({weighed}) is shown");
        Assert.DoesNotContain("data-testid=\"confidence-label\"", writings[first]);
        Assert.Contains("data-testid=\"confidence-label\"", string.Concat(writings[(first + 1)..]));
    }

    // The board's rows are what it weighs; any page with claims is as the reading pages' tests find it.
    private async Task<string> AddressOfAsync(string page)
    {
        if (page != "board")
        {
            return (await StaticReadingPageTests.AddressOfAsync(app, page)).Address;
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        return await db.AgendaItems.Where(i => db.ClaimAgendaItems.Any(c => c.AgendaItemId == i.Id)).OrderBy(i => i.Id)
            .Select(i => $"/tracks/{i.TrackId}/progress").FirstAsync(Ct);
    }
}

/// <summary>The app with no wait for a reading page's evidence: the page always streams first.</summary>
public sealed class StreamingFirstAppFactory : TalksTrackerAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [StreamingOptions.WriteOnceWithinSettingName] = "0" };
}

/// <summary>As <see cref="StreamingFirstAppFactory"/>, on the tests' PostgreSQL server.</summary>
public sealed class PostgresStreamingFirstAppFactory() : TalksTrackerAppFactory("Development", DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [StreamingOptions.WriteOnceWithinSettingName] = "0" };
}

public sealed class StreamingFirstTestsOnSqlite(StreamingFirstAppFactory app) : StreamingFirstTests(app), IClassFixture<StreamingFirstAppFactory>;

public sealed class StreamingFirstTestsOnPostgres(PostgresStreamingFirstAppFactory app) : StreamingFirstTests(app.OrSkip()), IClassFixture<PostgresStreamingFirstAppFactory>;
