using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using TalksTracker.Data;
using TalksTracker.Testing;

namespace TalksTracker.Benchmarks;

/// <summary>The real app on Kestrel (loopback) over the generated database: no seeding, Production settings.</summary>
public sealed class BenchmarkAppFactory : TalksTrackerAppFactory
{
    private readonly string _connectionString;
    private readonly DatabaseProvider _provider;

    public BenchmarkAppFactory(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite) : base("Production")
    {
        _connectionString = connectionString;
        _provider = provider;
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the
        // current directory; `dotnet run` starts elsewhere, so name it from the manifest in the output folder.
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_TALKSTRACKER_WEB";
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (System.Environment.GetEnvironmentVariable(variable) is null && File.Exists(manifest))
        {
            var roots = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
            var web = roots.FirstOrDefault(r => r.Key.StartsWith("TalksTracker.Web,", StringComparison.Ordinal)).Value;
            if (web is not null && Directory.Exists(web))
            {
                System.Environment.SetEnvironmentVariable(variable, web);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:TalksTracker", _connectionString);
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("Seed:OnFirstStart", "false");
    }
}

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
}

public sealed class HttpLoad(Uri baseAddress, string? apiKey, int clients, int requestsPerPath, TimeSpan budget)
{
    public async Task<List<HttpResult>> RunAsync(IReadOnlyList<string> paths)
    {
        using var handler = new ApiKeyHandler(apiKey) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) } };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in paths)
        {
            for (var i = 0; i < 10; i++)
            {
                using var warm = await http.GetAsync(path);
                await warm.Content.ReadAsByteArrayAsync();
            }
        }

        var results = new List<HttpResult>();
        foreach (var path in paths)
        {
            results.Add(await LoadAsync(http, path));
        }

        return results;
    }

    private async Task<HttpResult> LoadAsync(HttpClient http, string path)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var issued = 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var watch = new Stopwatch();
            while (Interlocked.Increment(ref issued) <= requestsPerPath && total.Elapsed < budget)
            {
                watch.Restart();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
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
        return new HttpResult
        {
            Path = path,
            Latency = Stats.Of(latencies.ToList()),
            Requests = latencies.Count,
            Errors = errors.Count,
            ErrorSamples = errors.Distinct().Take(5).ToList(),
            RequestsPerSecond = latencies.Count / elapsed,
        };
    }
}
