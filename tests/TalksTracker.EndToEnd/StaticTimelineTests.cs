using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalksTracker.Data.Accounts;

namespace TalksTracker.EndToEnd;

/// <summary>#26: reading the timeline costs no circuit, and its filters still work.</summary>
[Collection(BrowserCollection.Name)]
public class StaticTimelineTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_timeline_opens_no_circuit_yet_shows_its_meetings_and_filters_by_its_form()
    {
        var circuitRequests = new List<string>();
        var page = await browser.OpenAsync("/timeline", prepare: p => WatchCircuitAsync(p, circuitRequests));
        await Assertions.Expect(page.Locator("[data-render=static]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".timeline-entry").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync(new Regex(@"^\d+ meetings?$"));

        // A list applies when chosen; the URL holds only the filters set.
        await page.Locator("select[data-filter=status]").SelectOptionAsync("Reported");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?status=Reported$"));
        await Assertions.Expect(page.Locator("select[data-filter=status]")).ToHaveValueAsync("Reported");
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync(new Regex(@"^\d+ meetings?$"));

        // A name picker: typed, offered by the server, entered, applied; cleared, dropped.
        var venue = page.Locator("input[data-filter='venue']");
        await page.Locator("select[data-filter=status]").SelectOptionAsync("");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline$"));
        var choices = await BrowserFixture.EnterInPickerAsync(page, venue, "bak");
        await Assertions.Expect(choices.And(page.Locator("[value='Baku']"))).ToHaveCountAsync(1);
        await venue.FillAsync("Baku");
        await venue.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?venue=\d+$"));
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 meeting");
        await venue.FillAsync("");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline$"));
        // Enhanced navigation changes the address before the new page arrives: wait for the page, not only its URL.
        await Assertions.Expect(page.Locator("a[data-order=oldest]")).ToHaveAttributeAsync("href", new Regex(@"/timeline\?order=oldest$"));

        // The order is a link.
        await page.Locator("[data-order=oldest]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?order=oldest$"));
        await Assertions.Expect(page.Locator("[data-order=oldest]")).ToHaveAttributeAsync("aria-current", "true");

        Assert.Empty(circuitRequests);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_bad_value_in_the_address_is_ignored_with_a_warning()
    {
        var page = await browser.OpenAsync("/timeline?stance=maybe&from=yesterday");
        await Assertions.Expect(page.Locator(".mud-alert", new() { HasText = "Ignored “stance”" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-alert", new() { HasText = "Ignored “from”" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("select[data-filter=stance]")).ToHaveValueAsync("");
        await page.CloseAsync();
    }

    /// <summary>Following the search a static timeline shows is a form posted back to the page: no circuit either.</summary>
    [Fact]
    public async Task A_search_is_followed_and_unfollowed_from_the_static_timeline()
    {
        var page = await browser.OpenAsync("/timeline?status=Reported", role: "analyst");
        var follow = page.Locator("[data-action=follow]");
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "false");

        await follow.ClickAsync();
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "true");
        await Assertions.Expect(follow).ToHaveTextAsync(new Regex("Following"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/timeline\?status=Reported$"));

        // Still followed on a fresh load; then unfollowed, for the next test.
        await page.ReloadAsync();
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "true");
        await follow.ClickAsync();
        await Assertions.Expect(follow).ToHaveAttributeAsync("data-following", "false");
        await page.CloseAsync();
    }

    /// <summary>A meeting saved elsewhere (the API here) is offered on an open timeline and shown in place, still without a circuit.</summary>
    [Fact]
    public async Task A_meeting_saved_elsewhere_is_offered_and_shown_without_a_circuit()
    {
        var ct = TestContext.Current.CancellationToken;
        var circuitRequests = new List<string>();
        var streamOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await browser.OpenAsync("/timeline", prepare: p =>
        {
            p.Request += (_, request) =>
            {
                if (request.Url.Contains("/api/changes/stream", StringComparison.Ordinal))
                {
                    streamOpened.TrySetResult();
                }
            };
            return WatchCircuitAsync(p, circuitRequests);
        });
        await Assertions.Expect(page.Locator("[data-live]")).ToHaveCountAsync(1);
        await streamOpened.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);

        var title = await SaveAMeetingElsewhereAsync("Live timeline", ct);

        // Nothing jumps: the notice waits, politely announced, until the reader asks.
        var notice = page.Locator("[data-live-notice] [data-action=live-show]");
        await Assertions.Expect(notice).ToHaveTextAsync(new Regex(@"^\d+ new changes? — show$"), new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-live-notice]")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(page.Locator(".meeting-title", new() { HasText = title })).ToHaveCountAsync(0);

        await notice.ClickAsync();
        await Assertions.Expect(page.Locator(".meeting-title", new() { HasText = title })).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);
        Assert.Empty(circuitRequests);
        await page.CloseAsync();
    }

    /// <summary>
    /// A reading tab in the background holds no connection (six open tabs would otherwise take all six a browser keeps to
    /// a server over HTTP/1.1, and the next page would never load), and shown again it offers what was saved meanwhile.
    /// Headless Chromium shows every tab, so the tab's visibility is played by the page's own document properties.
    /// </summary>
    [Fact]
    public async Task A_tab_in_the_background_lets_go_of_its_change_stream_and_catches_up_when_shown()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.OpenAsync("/timeline", prepare: p => p.AddInitScriptAsync("""
            window.streams = [];
            const Native = window.EventSource;
            window.EventSource = class extends Native {
              constructor(...args) { super(...args); window.streams.push(this); }
            };
            let hidden = false;
            Object.defineProperty(Document.prototype, 'hidden', { get: () => hidden, configurable: true });
            Object.defineProperty(Document.prototype, 'visibilityState', { get: () => hidden ? 'hidden' : 'visible', configurable: true });
            window.setHidden = value => { hidden = value; document.dispatchEvent(new Event('visibilitychange')); };
            """));
        await page.WaitForFunctionAsync("() => window.streams.length === 1 && window.streams[0].readyState === EventSource.OPEN");

        await page.EvaluateAsync("() => window.setHidden(true)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.streams[0].readyState === EventSource.CLOSED"), "a hidden tab still holds its stream");

        var title = await SaveAMeetingElsewhereAsync("Background tab", ct);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.streams.length"));

        await page.EvaluateAsync("() => window.setHidden(false)");
        var notice = page.Locator("[data-live-notice] [data-action=live-show]");
        await Assertions.Expect(notice).ToHaveTextAsync(new Regex(@"^\d+ new changes? — show$"), new() { Timeout = 10_000 });
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.streams.length"));
        await notice.ClickAsync();
        await Assertions.Expect(page.Locator(".meeting-title", new() { HasText = title })).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    /// <summary>An editor adds a meeting to the first track through the API; returns its title.</summary>
    private async Task<string> SaveAMeetingElsewhereAsync(string titled, CancellationToken ct)
    {
        using var editor = browser.App.CreateClientFor(Roles.Editor);
        var tracks = await editor.GetFromJsonAsync<JsonElement>("/api/tracks", ct);
        var trackId = tracks.EnumerateArray().First().GetProperty("id").GetInt32();
        var title = $"{titled} {Guid.NewGuid():N}"[..30];
        var created = await editor.PostAsJsonAsync("/api/meetings", new { trackId, title, date = new { precision = "Exact", start = "2029-01-15" } }, ct);
        created.EnsureSuccessStatusCode();
        return title;
    }

    /// <summary>Notes every request or WebSocket to /_blazor: a static page must open none.</summary>
    private static Task WatchCircuitAsync(IPage page, List<string> circuitRequests)
    {
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuitRequests.Add(request.Url);
            }
        };
        page.WebSocket += (_, socket) => circuitRequests.Add(socket.Url);
        return Task.CompletedTask;
    }
}
