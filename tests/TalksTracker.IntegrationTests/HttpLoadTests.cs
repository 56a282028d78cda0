using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TalksTracker.Benchmarks;

namespace TalksTracker.IntegrationTests;

/// <summary>The benchmark's HTTP load against a tiny real Kestrel server whose path fails while "cold".</summary>
public sealed class HttpLoadTests
{
    [Fact]
    public async Task Requests_that_fail_before_the_measured_run_are_counted_apart_from_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var served = 0;
        app.MapGet("/cold", () => Interlocked.Increment(ref served) <= 3 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("warm"));
        await app.StartAsync(ct);

        var load = new HttpLoad(new Uri(app.Urls.Single()), apiKey: null, clients: 4, requestsPerPath: 20, budget: TimeSpan.FromSeconds(2));
        var measured = (await load.RunAsync(["/cold"])).Single();

        // The three cold failures are reported (and so listed as the run's errors), not lost in the warm-up.
        Assert.Equal(3, load.WarmUpErrors["/cold"].Count);
        Assert.Equal(["503 Service Unavailable"], load.WarmUpErrors["/cold"].Samples);
        Assert.Equal(0, measured.Errors);
        Assert.Equal(20, measured.Requests);
    }
}
