using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// #27: every handler cancellable. Walks the route table and requires each asynchronous API handler to take the
/// request's <see cref="CancellationToken"/> (bound to <c>RequestAborted</c>), so a client that gives up — or a
/// hostile one that opens many slow requests and hangs up — stops the database work it started.
/// </summary>
public sealed class CancellationTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    [Fact]
    public void Every_asynchronous_api_handler_takes_the_requests_cancellation_token()
    {
        _ = app.Server;
        var handlers = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(e => (Route: e.DisplayName ?? e.RoutePattern.RawText!, Method: e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            .ToList();

        Assert.True(handlers.Count >= 40, $"{handlers.Count} API endpoints found");
        Assert.All(handlers, h => Assert.NotNull(h.Method));
        var uncancellable = handlers
            .Where(h => IsAsynchronous(h.Method!) && h.Method!.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)))
            .Select(h => h.Route)
            .ToList();

        Assert.True(uncancellable.Count == 0, "Without a CancellationToken: " + string.Join("; ", uncancellable));
    }

    private static bool IsAsynchronous(MethodInfo method) =>
        typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal);
}
