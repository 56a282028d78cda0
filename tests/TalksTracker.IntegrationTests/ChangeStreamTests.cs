using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// GET /api/changes/stream: a signed-in reader hears of a meeting saved through the API within seconds, as a small event
/// with the version, the kinds and the ids only; an anonymous request is refused.
/// </summary>
public sealed class ChangeStreamTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_hears_of_a_meeting_saved_through_the_api()
    {
        var reader = app.CreateClientFor(Roles.Analyst);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream");
        using var response = await reader.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // The opening comment arrives before any change: the stream is flushed, not buffered.
        Assert.Equal("retry: 3000", await stream.ReadLineAsync(timeout.Token));

        var (meetingId, trackId) = await CreateMeetingAsync("Streamed");

        JsonElement? seen = null;
        while (seen is null && await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var change = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                if (change.GetProperty("meetings").EnumerateArray().Any(m => m.GetInt32() == meetingId))
                {
                    seen = change;
                }
            }
        }

        var found = Assert.NotNull(seen);
        Assert.True(found.GetProperty("version").GetInt64() > 0);
        Assert.Contains("Meeting", found.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(trackId, found.GetProperty("tracks").EnumerateArray().Select(t => t.GetInt32()));
        // Ids and kinds only: no title, no user.
        Assert.Equal(["version", "count", "kinds", "meetings", "tracks"], found.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("Last-Event-ID")]
    public async Task A_save_made_before_the_stream_opened_is_sent_first_to_a_page_read_before_it(string how)
    {
        var reader = app.CreateClientFor(Roles.Analyst);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        long pageVersion;
        using (var opening = await OpenAsync(reader, null, timeout.Token))
        {
            Assert.Equal("retry: 3000", await opening.ReadLineAsync(timeout.Token));
            var comment = await opening.ReadLineAsync(timeout.Token);
            pageVersion = long.Parse(comment!.Replace(": version ", ""), System.Globalization.CultureInfo.InvariantCulture);
        }

        // Saved while no stream was open: the window between a page's read and its script connecting.
        var (meetingId, _) = await CreateMeetingAsync("Missed");

        using var stream = await OpenAsync(reader, how == "query" ? $"?since={pageVersion}" : null, timeout.Token,
            how == "query" ? null : pageVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? line;
        JsonElement? first = null;
        while (first is null && (line = await stream.ReadLineAsync(timeout.Token)) is not null)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                first = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        var change = Assert.NotNull(first);
        Assert.Contains(meetingId, change.GetProperty("meetings").EnumerateArray().Select(m => m.GetInt32()));
        Assert.True(change.GetProperty("version").GetInt64() > pageVersion);
    }

    /// <summary>An editor saves a meeting through the API, on the first track.</summary>
    private async Task<(int MeetingId, int TrackId)> CreateMeetingAsync(string title)
    {
        var editor = app.CreateClientFor(Roles.Editor);
        var tracks = await editor.GetFromJsonAsync<JsonElement>("/api/tracks", Ct);
        var trackId = tracks.EnumerateArray().First().GetProperty("id").GetInt32();
        var created = await editor.PostAsJsonAsync("/api/meetings", new { trackId, title = $"{title} {Guid.NewGuid():N}"[..30] }, Ct);
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32(), trackId);
    }

    private static async Task<StreamReader> OpenAsync(HttpClient client, string? query, CancellationToken ct, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream" + query);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new StreamReader(await response.Content.ReadAsStreamAsync(ct));
    }

    [Fact]
    public async Task An_anonymous_request_is_refused()
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/api/changes/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
