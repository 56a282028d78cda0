using TalksTracker.Data.Changes;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// Starts the change feed with the app (after the database is made), so its version is set before the first page
/// subscribes; it stops when the container disposes it.
/// </summary>
internal sealed class ChangeFeedStarter(ChangeFeed feed) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = feed.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
