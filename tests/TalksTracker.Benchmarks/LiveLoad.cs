using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace TalksTracker.Benchmarks;

/// <summary>What the live part measured: how long after a save each open page's stream told of it.</summary>
public sealed class LiveResult
{
    public required int Streams { get; init; }
    public required int Saves { get; init; }
    /// <summary>From sending the save to a stream's event naming it, over every (save, stream) pair.</summary>
    public required Stats Latency { get; init; }
    /// <summary>Pairs whose event never came within the wait.</summary>
    public int Missed { get; init; }
    public List<string> Errors { get; } = [];
}

/// <summary>
/// Live pages for readers (#25): as many Server-Sent Event streams as clients, opened as statically rendered pages open
/// them (<c>/api/changes/stream</c>), then saves one after another through the API (a meeting added to the busiest
/// track); each save is timed from its sending to the event that names it on every stream. The circuits' side (an
/// interactive dossier updated in place) is measured by the browser test <c>LivePagesTests</c>.
/// </summary>
public sealed class LiveLoad(Uri baseAddress, string? apiKey, int streams, int saves)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public async Task<LiveResult> RunAsync(CancellationToken ct = default)
    {
        using var http = new HttpClient(new ApiKeyHandler(apiKey) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = streams + 4 } })
            { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var seen = Enumerable.Range(0, streams).Select(_ => new Dictionary<int, double>()).ToArray();
        var opened = Enumerable.Range(0, streams).Select(_ => new TaskCompletionSource()).ToArray();
        var readers = Enumerable.Range(0, streams).Select(i => ReadAsync(http, seen[i], opened[i], clock, stop.Token)).ToList();
        await Task.WhenAll(opened.Select(o => o.Task)).WaitAsync(TimeSpan.FromSeconds(30), ct);

        var result = new List<(int Meeting, double SentAt)>();
        var errors = new List<string>();
        var track = (await http.GetFromJsonAsync<JsonElement>("api/tracks", ct))[0].GetProperty("id").GetInt32();
        for (var i = 0; i < saves; i++)
        {
            var sentAt = clock.Elapsed.TotalMilliseconds;
            using var response = await http.PostAsJsonAsync("api/meetings", new { trackId = track, title = $"Benchmark live check {Guid.NewGuid():N}" }, ct);
            if (!response.IsSuccessStatusCode)
            {
                errors.Add($"save {i}: {(int)response.StatusCode}");
                continue;
            }

            result.Add(((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32(), sentAt));
            // One save at a time, as people save: the next when this one reached every stream (or the wait ran out).
            var deadline = clock.Elapsed + Wait;
            while (clock.Elapsed < deadline && !seen.All(s => { lock (s) { return s.ContainsKey(result[^1].Meeting); } }))
            {
                await Task.Delay(5, ct);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        var latencies = new List<double>();
        var missed = 0;
        foreach (var (meeting, sentAt) in result)
        {
            foreach (var stream in seen)
            {
                if (stream.TryGetValue(meeting, out var at))
                {
                    latencies.Add(at - sentAt);
                }
                else
                {
                    missed++;
                }
            }
        }

        var live = new LiveResult { Streams = streams, Saves = result.Count, Latency = Stats.Of(latencies), Missed = missed };
        live.Errors.AddRange(errors);
        return live;
    }

    // Reads one stream as js/reading.js does, noting when each meeting id first arrived.
    private static async Task ReadAsync(HttpClient http, Dictionary<int, double> seen, TaskCompletionSource opened, Stopwatch clock, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("api/changes/stream", HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            opened.TrySetResult();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                var at = clock.Elapsed.TotalMilliseconds;
                using var change = JsonDocument.Parse(line[6..]);
                lock (seen)
                {
                    foreach (var id in change.RootElement.GetProperty("meetings").EnumerateArray())
                    {
                        seen.TryAdd(id.GetInt32(), at);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            opened.TrySetException(e);
        }
    }
}
