using System.Collections.Concurrent;
using System.Diagnostics;

namespace TalksTracker.Benchmarks;

/// <summary>
/// The one place authentication for the load is decided: when an API key is configured
/// (<c>--api-key</c> or the TALKSTRACKER_BENCH_API_KEY environment variable) every request carries it as X-Api-Key.
/// </summary>
public sealed class ApiKeyHandler(string? apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

public sealed class HttpResult
{
    public required string Path { get; init; }
    public required Stats Latency { get; init; }
    public int Requests { get; init; }
    public int Errors { get; init; }
    public List<string> ErrorSamples { get; init; } = [];
    public double RequestsPerSecond { get; init; }
    /// <summary>Processor time the server process used per request during this path's load (user and system), when known.</summary>
    public double? ServerCpuMsPerRequest { get; init; }
    /// <summary>Processor time the load generator itself used per request (it shares the machine's cores with the server).</summary>
    public double ClientCpuMsPerRequest { get; init; }
    /// <summary>The mean size of a response body, in bytes.</summary>
    public double BytesPerResponse { get; init; }
    /// <summary>What this path is the floor of, when it is one of the HTTP floors (no target).</summary>
    public string? Floor { get; set; }
}

/// <param name="serverProcessorSeconds">Reads the server process's processor time so far.</param>
/// <param name="serverCompilerSeconds">Reads the processor time of the server's background compiler so far (null: unknown).</param>
public sealed class HttpLoad(Uri baseAddress, string? apiKey, int clients, int requestsPerPath, TimeSpan budget,
    Func<double>? serverProcessorSeconds = null, Func<double?>? serverCompilerSeconds = null)
{
    /// <summary>What the warm-up of each path took: seconds under load before the measured run.</summary>
    public Dictionary<string, double> WarmUpSeconds { get; } = [];

    /// <summary>Failed requests of each path before its measured run (the first requests and the warm-up), with a few samples.</summary>
    public Dictionary<string, (int Count, List<string> Samples)> WarmUpErrors { get; } = [];

    public async Task<List<HttpResult>> RunAsync(IReadOnlyList<string> paths)
    {
        using var handler = new ApiKeyHandler(apiKey) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) } };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in paths)
        {
            // One client at first: a path that fails while the server is cold shows here, not only under the load.
            var first = await LoadAsync(http, path, 10, budget, clientCount: 1);
            WarmUpErrors[path] = (first.Errors, first.ErrorSamples);
        }

        var results = new List<HttpResult>();
        foreach (var path in paths)
        {
            WarmUpSeconds[path] = await WarmUpAsync(http, path);
            results.Add(await LoadAsync(http, path, requestsPerPath, budget));
        }

        return results;
    }

    /// <summary>
    /// The same load, not recorded, until the server has compiled its hot code at full optimisation (tiered
    /// compilation; under load on two cores that takes tens of seconds, and it would count against p95): at least a
    /// tenth of the time budget, then in rounds of 2 s until the server's compiler thread used under 20 ms in a round,
    /// at most half the budget. Without a reading of the compiler, a quarter of the budget.
    /// </summary>
    private async Task<double> WarmUpAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        if (serverCompilerSeconds?.Invoke() is null)
        {
            Count(await LoadAsync(http, path, int.MaxValue, budget / 4));
            return watch.Elapsed.TotalSeconds;
        }

        Count(await LoadAsync(http, path, int.MaxValue, budget / 10));
        while (watch.Elapsed < budget / 2)
        {
            var before = serverCompilerSeconds()!.Value;
            Count(await LoadAsync(http, path, int.MaxValue, TimeSpan.FromSeconds(2)));
            if (serverCompilerSeconds()!.Value - before < 0.02)
            {
                break;
            }
        }

        return watch.Elapsed.TotalSeconds;

        void Count(HttpResult round)
        {
            var (count, samples) = WarmUpErrors.GetValueOrDefault(path, (0, []));
            WarmUpErrors[path] = (count + round.Errors, samples.Concat(round.ErrorSamples).Distinct().Take(5).ToList());
        }
    }

    private async Task<HttpResult> LoadAsync(HttpClient http, string path, int requests, TimeSpan timeLimit, int? clientCount = null)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var issued = 0;
        long bytes = 0;
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuBefore = serverProcessorSeconds?.Invoke();
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clientCount ?? clients).Select(async _ =>
        {
            var watch = new Stopwatch();
            // Each client drains the body through one buffer of its own, as a browser or wrk reads it: buffering a
            // page of hundreds of kilobytes (twice, as ResponseContentRead then ReadAsByteArrayAsync did) put the
            // load generator's own large-object collections into the latencies it measures, on the server's cores.
            var buffer = new byte[64 * 1024];
            while (Interlocked.Increment(ref issued) <= requests && total.Elapsed < timeLimit)
            {
                watch.Restart();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    long length = 0;
                    for (int read; (read = await body.ReadAsync(buffer)) > 0;)
                    {
                        length += read;
                    }

                    watch.Stop();
                    Interlocked.Add(ref bytes, length);
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Add($"{(int)response.StatusCode} {response.ReasonPhrase}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    watch.Stop();
                    errors.Add(e.GetType().Name + ": " + e.Message);
                }

                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed.TotalSeconds;
        var cpuAfter = serverProcessorSeconds?.Invoke();
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds;
        return new HttpResult
        {
            Path = path,
            Latency = Stats.Of(latencies.ToList()),
            Requests = latencies.Count,
            Errors = errors.Count,
            ErrorSamples = errors.Distinct().Take(5).ToList(),
            RequestsPerSecond = latencies.Count / elapsed,
            ClientCpuMsPerRequest = latencies.Count > 0 ? clientCpu / latencies.Count : 0,
            BytesPerResponse = latencies.Count > 0 ? (double)bytes / latencies.Count : 0,
            ServerCpuMsPerRequest = cpuBefore is { } b && cpuAfter is { } a && latencies.Count > 0 ? (a - b) * 1000 / latencies.Count : null,
        };
    }
}
