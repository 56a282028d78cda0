using TalksTracker.Data.Alerts;

namespace TalksTracker.Web.Alerts;

/// <summary>
/// Runs the alert processor, the e-mail digest and the webhook deliveries every <c>Alerts:PassSeconds</c> (30 by
/// default; 0 turns alerting off on this instance). Each step is safe to run on several instances at once.
/// </summary>
public sealed class AlertWorker(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<AlertWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Alerts:PassSeconds", 30);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                var pass = await services.GetRequiredService<AlertProcessor>().CatchUpAsync(stoppingToken);
                if (pass.NewAlerts > 0 || pass.RelaysFolded > 0)
                {
                    log.LogInformation("Alerts: {Entries} audit entries read, {Alerts} new alerts, {Relays} relays folded, {Notifications} notifications",
                        pass.Entries, pass.NewAlerts, pass.RelaysFolded, pass.Notifications);
                }

                foreach (var step in services.GetServices<IAlertDelivery>())
                {
                    await step.DeliverAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A pass that failed leaves the cursor where it was: the next one tries the same entries again.
                log.LogWarning(e, "An alert pass failed; it is tried again in {Seconds} s", seconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>A way notifications leave the app after each pass (the e-mail digest, webhooks).</summary>
public interface IAlertDelivery
{
    Task DeliverAsync(CancellationToken ct);
}
