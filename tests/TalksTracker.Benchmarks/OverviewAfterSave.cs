using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace TalksTracker.Benchmarks;

/// <summary>What the overview measured: one reader's request right after a save, and a second after it.</summary>
public sealed class OverviewAfterSaveResult
{
    public required int Saves { get; init; }
    /// <summary>The request sent as soon as the save was answered: it waits for the reads the save made stale.</summary>
    public required Stats Immediately { get; init; }
    /// <summary>The request sent a second after the save was answered: a reader coming to the page after an editor saved.</summary>
    public required Stats SecondLater { get; init; }
    public List<string> Errors { get; } = [];
}

/// <summary>
/// The overview for one reader after a save (#26: ≤ 50 ms for one user at L). Its reads cost every track's board, so
/// the app keeps them and makes them again after each change; this times what a reader waits for: a meeting is saved
/// through the API, then <c>GET /</c> is sent at once or a second later, one save at a time.
/// </summary>
public sealed class OverviewAfterSave(Uri baseAddress, string? apiKey, int saves)
{
    public async Task<OverviewAfterSaveResult> RunAsync(CancellationToken ct = default)
    {
        using var http = new HttpClient(new ApiKeyHandler(apiKey) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = baseAddress };
        var errors = new List<string>();
        var track = (await http.GetFromJsonAsync<JsonElement>("api/tracks", ct))[0].GetProperty("id").GetInt32();
        await TimeAsync(); // the page's first render, not measured
        var immediately = new List<double>();
        var secondLater = new List<double>();
        for (var i = 0; i < saves; i++)
        {
            using var saved = await http.PostAsJsonAsync("api/meetings", new { trackId = track, title = $"Benchmark overview check {Guid.NewGuid():N}" }, ct);
            if (!saved.IsSuccessStatusCode)
            {
                errors.Add($"save {i}: {(int)saved.StatusCode}");
                continue;
            }

            if (i % 2 == 0)
            {
                immediately.Add(await TimeAsync());
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                secondLater.Add(await TimeAsync());
            }
        }

        var result = new OverviewAfterSaveResult { Saves = saves, Immediately = Stats.Of(immediately), SecondLater = Stats.Of(secondLater) };
        result.Errors.AddRange(errors);
        return result;

        async Task<double> TimeAsync()
        {
            var clock = Stopwatch.StartNew();
            using var page = await http.GetAsync("", ct);
            await page.Content.ReadAsByteArrayAsync(ct);
            var took = clock.Elapsed.TotalMilliseconds;
            if (!page.IsSuccessStatusCode)
            {
                errors.Add($"GET /: {(int)page.StatusCode}");
            }

            return took;
        }
    }
}
