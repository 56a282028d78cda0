using TalksTracker.Data.Alerts;

namespace TalksTracker.Web.Alerts;

public static class AlertsServiceExtensions
{
    /// <summary>The background alert passes and the ways notifications leave the app (docs/alerts.md).</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton(new AlertSettings(TimeSpan.FromSeconds(configuration.GetValue("Alerts:SettleSeconds", 10))));
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<IAlertDelivery, DigestMailer>();
        services.AddHttpClient(nameof(Webhooks), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Webhooks>();
        services.AddSingleton<IAlertDelivery>(s => s.GetRequiredService<Webhooks>());
        services.AddHostedService<AlertWorker>();
        return services;
    }

    /// <summary>
    /// The e-mail's one-click unsubscribe: a GET from the link, or the POST mail clients send (RFC 8058). No sign-in: the
    /// signed token names the reader; the change is audited like any other.
    /// </summary>
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/account/unsubscribe", [HttpMethods.Get, HttpMethods.Post], async (string? token, UnsubscribeLinks links, WatchlistService watchlist, CancellationToken ct) =>
            {
                if (links.UserOf(token) is not { } userId)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This unsubscribe link is not valid.",
                        detail: "Sign in and choose the digest's frequency on your notifications page instead.");
                }

                await watchlist.SetDigestFrequencyAsync(userId, DigestFrequency.Off, ct);
                return Results.Content(
                    "<!doctype html><title>Unsubscribed</title><p>You will get no more TalksTracker digests. "
                    + "You can turn them on again on <a href=\"/account/notifications\">your notifications page</a>.</p>", "text/html");
            })
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }
}
