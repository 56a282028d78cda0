using TalksTracker.Benchmarks;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The scale benchmark at its smallest: generation through the intake, every measured query with its
/// floor (same answer), extraction and the HTTP load on Kestrel must run without errors. No timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_benchmark_runs_end_to_end_without_errors()
    {
        var report = await BenchmarkRunner.RunAsync(
            new BenchmarkOptions { Scale = Scale.XS, HttpClients = 10, HttpRequestsPerPath = 40, QueryBudget = TimeSpan.FromMilliseconds(100), MaxIterations = 3 },
            _ => { },
            TestContext.Current.CancellationToken);

        Assert.Empty(report.Errors);
        Assert.Equal(Scale.XS.Claims, report.Data.Claims);
        Assert.All(report.Queries, q => Assert.NotEqual(false, q.SameAnswer));
        Assert.Equal(2, report.Http.Count);
        Assert.All(report.Http, h => Assert.True(h.Requests > 0));
    }
}
