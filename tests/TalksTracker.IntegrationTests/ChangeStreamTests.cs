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

        var editor = app.CreateClientFor(Roles.Editor);
        var tracks = await editor.GetFromJsonAsync<JsonElement>("/api/tracks", Ct);
        var trackId = tracks.EnumerateArray().First().GetProperty("id").GetInt32();
        var created = await editor.PostAsJsonAsync("/api/meetings", new { trackId, title = $"Streamed {Guid.NewGuid():N}"[..30] }, Ct);
        created.EnsureSuccessStatusCode();
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

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

    [Fact]
    public async Task An_anonymous_request_is_refused()
    {
        using var response = await app.CreateAnonymousClient().GetAsync("/api/changes/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
