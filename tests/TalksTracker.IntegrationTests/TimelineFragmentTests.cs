using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Reading;
using TalksTracker.Testing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The timeline's list and chart are kept rendered per address, roles and data generation (#26): a second reader is
/// served the kept fragment, yet sees only their own name and follow state, and a save shows on the very next request.
/// The overview's reads and the meetings API's answers are kept the same way.
/// </summary>
public abstract class TimelineFragmentTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GenerationCache Fragments => app.Services.GetRequiredService<GenerationCache>();

    [Fact]
    public async Task One_readers_timeline_never_reaches_another_though_its_data_part_is_served_from_memory()
    {
        var first = app.CreateClientFor(Roles.Analyst);
        var (secondEmail, second) = await SecondAnalystAsync();
        const string search = "order=oldest";
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/follows", new { kind = "SavedSearch", query = search }, Ct)).StatusCode);

        await second.GetStringAsync("/api/tracks", Ct); // a key's first use is recorded (a save): not between the two pages
        var (firstPage, before, secondPage) = await WithoutSavesBetweenAsync(async () =>
        {
            var page = await first.GetStringAsync($"/timeline?{search}", Ct);
            return (page, Fragments.Counts, await second.GetStringAsync($"/timeline?{search}", Ct));
        });
        var after = Fragments.Counts;

        // The second page came from memory, whole but for the reader's own parts: the case this test is about.
        Assert.Equal(before.Produced, after.Produced);
        Assert.True(after.Served > before.Served);
        Assert.Equal(ListOf(firstPage), ListOf(secondPage));
        var firstEmail = TalksTrackerAppFactory.DemoEmail(Roles.Analyst);
        Assert.Contains(firstEmail, firstPage);
        Assert.DoesNotContain(firstEmail, secondPage);
        Assert.Contains(secondEmail, secondPage);
        Assert.Contains("data-following=\"true\"", firstPage);
        Assert.DoesNotContain("data-following=\"true\"", secondPage);
        Assert.Contains("data-following=\"false\"", secondPage);
        Assert.Contains("You follow ", WebUtility.HtmlDecode(firstPage));
        Assert.NotEqual(TokenOf(firstPage), TokenOf(secondPage));
        Assert.All(new[] { firstPage, secondPage }, page => Assert.DoesNotContain("tthole", page));
    }

    /// <summary>Every kept reading page: a second reader of the same roles is served from memory, with none of the first's parts.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=Syria")]
    [InlineData("/sources")]
    [InlineData("/actors")]
    [InlineData("/venues")]
    [InlineData("/reports")]
    [InlineData("/tracks")]
    public async Task A_kept_reading_page_is_served_from_memory_with_only_its_own_readers_parts(string path)
    {
        // Two new analysts: the same unread count (none), so the bell they are shown is the same kept fragment too.
        var (firstEmail, first) = await SecondAnalystAsync();
        var (secondEmail, second) = await SecondAnalystAsync();
        await second.GetStringAsync("/api/tracks", Ct); // a key's first use is recorded (a save): not between the two pages
        var (firstPage, before, secondResponse) = await WithoutSavesBetweenAsync(async () =>
        {
            var page = await first.GetStringAsync(path, Ct);
            return (page, Fragments.Counts, await second.GetAsync(path, Ct));
        });
        var secondPage = await secondResponse.Content.ReadAsStringAsync(Ct);

        Assert.Equal(before.Produced, Fragments.Counts.Produced);
        Assert.True(Fragments.Counts.Served > before.Served, "The second page was not served from memory.");
        // What Blazor says in headers comes with the kept page: without it enhanced navigation reloads the page.
        Assert.Equal(["allow"], secondResponse.Headers.GetValues("blazor-enhanced-nav"));
        Assert.Contains(firstEmail, firstPage);
        Assert.DoesNotContain(firstEmail, secondPage);
        Assert.Contains(secondEmail, secondPage);
        Assert.NotEqual(TokenOf(firstPage), TokenOf(secondPage));
        Assert.All(new[] { firstPage, secondPage }, page => Assert.DoesNotContain("tthole", page));
        // The same page but for the reader's parts.
        Assert.Equal(firstPage.Replace(firstEmail, "", StringComparison.Ordinal).Replace(TokenOf(firstPage), "", StringComparison.Ordinal),
            secondPage.Replace(secondEmail, "", StringComparison.Ordinal).Replace(TokenOf(secondPage), "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_is_on_the_next_timeline_request_and_another_role_gets_a_fragment_of_its_own()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        var editor = app.CreateClientFor(Roles.Editor);
        var title = $"Kept-page check {Guid.NewGuid():N}";
        await analyst.GetStringAsync("/timeline", Ct);
        await analyst.GetStringAsync("/timeline", Ct);

        var trackId = (await analyst.GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();
        // Dated today (the tests' clock), after every seeded meeting, so it heads the first page (newest first).
        var today = TestClock.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await editor.PostAsJsonAsync("/api/meetings", new { trackId, title, date = new { precision = "Exact", start = today } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Contains(title, WebUtility.HtmlDecode(await analyst.GetStringAsync("/timeline", Ct)));
        var rendered = Fragments.Counts.Produced;
        Assert.Contains(title, WebUtility.HtmlDecode(await editor.GetStringAsync("/timeline", Ct)));
        // The editor's roles get a list and a page of their own.
        Assert.Equal(rendered + 2, Fragments.Counts.Produced);
    }

    [Fact]
    public async Task Readers_asking_for_a_page_at_the_same_moment_wait_for_one_render()
    {
        var (_, reader) = await SecondAnalystAsync();
        await reader.GetStringAsync("/api/tracks", Ct); // a key's first use is recorded (a save): not during the requests
        var (pages, before) = await WithoutSavesBetweenAsync(async () =>
        {
            await reader.GetStringAsync("/actors", Ct); // the reader's bell is kept by now: below only the page is made
            // An address no one has asked for, so none of the ten finds it kept: as right after a save.
            var address = $"/actors?asked={Guid.NewGuid():N}";
            var counts = Fragments.Counts;
            return (await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => reader.GetStringAsync(address, Ct))), counts);
        });

        Assert.Equal(before.Produced + 1, Fragments.Counts.Produced);
        // The same page for each, but for its own antiforgery token.
        Assert.All(pages, page => Assert.Equal(pages[0].Replace(TokenOf(pages[0]), "", StringComparison.Ordinal), page.Replace(TokenOf(page), "", StringComparison.Ordinal)));
        Assert.All(pages, page => Assert.DoesNotContain("tthole", page));
    }

    [Fact]
    public async Task The_overview_is_read_once_until_a_save_which_shows_on_the_next_request()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        var editor = app.CreateClientFor(Roles.Editor);
        var (first, before, again) = await WithoutSavesBetweenAsync(async () =>
        {
            var page = await analyst.GetStringAsync("/", Ct);
            return (page, Fragments.Counts, await analyst.GetStringAsync("/", Ct));
        });
        Assert.Equal(before.Produced, Fragments.Counts.Produced);
        Assert.Equal(MeetingsCounted(first), MeetingsCounted(again));
        // Kept content has no circuit to open a tooltip, also when shown in an editor's interactive page: titles.
        Assert.Contains("class=\"hint\"", first);
        Assert.DoesNotContain("mud-tooltip-root", await editor.GetStringAsync("/", Ct));

        var trackId = (await analyst.GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();
        var created = await editor.PostAsJsonAsync("/api/meetings", new { trackId, title = $"Overview check {Guid.NewGuid():N}" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(MeetingsCounted(first) + 1, MeetingsCounted(await analyst.GetStringAsync("/", Ct)));
    }

    [Fact]
    public async Task After_a_save_the_overviews_reads_and_content_are_made_again_before_anyone_asks()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        var before = MeetingsCounted(await analyst.GetStringAsync("/", Ct));
        var trackId = (await analyst.GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();
        var ahead = Fragments.MadeAhead;
        var created = await app.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/meetings", new { trackId, title = $"Fresh overview {Guid.NewGuid():N}" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // No one asks for the overview now: what is kept at the current generation was read by the cache itself.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(Fragments.TryGet<Overview>(TalksTracker.Web.Components.Pages.OverviewPage.DataKey, out var kept, out _) && kept.Counts.Meetings == before + 1))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "The overview's reads were not made again after the save.");
            await Task.Delay(50, Ct);
        }

        // Its content for the reader's roles is rendered again too, from those reads.
        var contentKey = TalksTracker.Web.Components.Pages.OverviewPage.ContentKey(Roles.Analyst);
        while (!(Fragments.TryGet<string>(contentKey, out var content, out _) && MeetingsCounted(content) == before + 1))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "The overview's content was not rendered again after the save.");
            await Task.Delay(50, Ct);
        }

        Assert.True(Fragments.MadeAhead > ahead);
        Assert.Equal(before + 1, MeetingsCounted(await analyst.GetStringAsync("/", Ct)));
    }

    // The overview's first line: "N tracks · N meetings · …".
    private static int MeetingsCounted(string page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(page), @"(\d+) meetings? ·").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_meetings_api_answers_each_filter_apart_from_memory_until_a_save()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        var all = await analyst.GetFromJsonAsync<JsonElement>("/api/meetings?pageSize=200", Ct);
        var held = await analyst.GetFromJsonAsync<JsonElement>("/api/meetings?pageSize=200&status=Confirmed", Ct);
        var before = Fragments.Counts;
        var again = await analyst.GetFromJsonAsync<JsonElement>("/api/meetings?status=Confirmed&pageSize=200", Ct);

        Assert.Equal(before.Produced, Fragments.Counts.Produced);
        Assert.Equal(held.GetRawText(), again.GetRawText());
        Assert.All(held.GetProperty("entries").EnumerateArray(), e => Assert.Equal("Confirmed", e.GetProperty("status").GetString()));
        Assert.True(all.GetProperty("total").GetInt32() > held.GetProperty("total").GetInt32());

        var trackId = (await analyst.GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();
        var title = $"Kept-answer check {Guid.NewGuid():N}";
        var created = await app.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/meetings", new { trackId, title, status = "Confirmed" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var after = await analyst.GetFromJsonAsync<JsonElement>("/api/meetings?pageSize=200&status=Confirmed", Ct);
        Assert.Equal(held.GetProperty("total").GetInt32() + 1, after.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/meetings?status=Rumoured", Ct)).StatusCode);
    }

    /// <summary>
    /// Live pages told of one change (fifty open dossiers of a meeting) read their view once between them, from the same
    /// bounded cache as the reading pages, and once more after the next save.
    /// </summary>
    [Fact]
    public async Task A_live_view_is_read_once_for_every_page_open_on_it_until_the_next_save()
    {
        var key = $"live check {Guid.NewGuid():N}";
        var reads = 0;
        async Task<string?> Read()
        {
            Interlocked.Increment(ref reads);
            await Task.Delay(50, Ct);
            return "view";
        }

        var (answers, readsOnce) = await WithoutSavesBetweenAsync(async () =>
        {
            reads = 0;
            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Fragments.ReadOnceAsync(key, Read)));
            await Fragments.ReadOnceAsync(key, Read);
            return (answers, reads);
        });

        Assert.All(answers, a => Assert.Equal("view", a));
        Assert.Equal(1, readsOnce);

        var trackId = (await app.CreateClientFor(Roles.Analyst).GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();
        var created = await app.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/meetings", new { trackId, title = $"Live read check {Guid.NewGuid():N}" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = reads;
        await Fragments.ReadOnceAsync(key, Read);
        Assert.Equal(before + 1, reads);
    }

    // Alerts from earlier tests' saves are written in the background and move the generation, which rightly makes the
    // next request render afresh: the steps are taken again until no save fell between them.
    // Runs the steps again until no save moved the data generation while they ran: the alerts a test's saves raise are
    // written in the background for a while after it, and each moves the generation.
    private async Task<T> WithoutSavesBetweenAsync<T>(Func<Task<T>> steps)
    {
        var feed = app.Services.GetRequiredService<TalksTracker.Data.Changes.ChangeFeed>();
        for (var attempt = 1; ; attempt++)
        {
            var generation = feed.Generation;
            var result = await steps();
            if (feed.Generation == generation || attempt == 20)
            {
                return result;
            }

            await Task.Delay(250, Ct);
        }
    }

    private async Task<(string Email, HttpClient Client)> SecondAnalystAsync()
    {
        var email = $"second-analyst-{Guid.NewGuid():N}@example.org";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, TalksTrackerAppFactory.DemoPassword + "-2nd")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Analyst)).Succeeded);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user.Id, "second analyst");
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Value!.Key);
        return (email, client);
    }

    // From the list's live wrapper to the end of the layout's main part (what follows it carries per-request state).
    private static string ListOf(string page) =>
        page[page.IndexOf("data-live=", StringComparison.Ordinal)..page.IndexOf("id=\"blazor-error-ui\"", StringComparison.Ordinal)];

    private static string TokenOf(string page)
    {
        var at = page.IndexOf("__RequestVerificationToken", StringComparison.Ordinal);
        Assert.True(at >= 0, "The page has no antiforgery token to compare.");
        var value = page.IndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        return page[value..page.IndexOf('"', value)];
    }
}

public sealed class TimelineFragmentTestsOnSqlite(TalksTrackerAppFactory app) : TimelineFragmentTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class TimelineFragmentTestsOnPostgres(PostgresAppFactory app) : TimelineFragmentTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
