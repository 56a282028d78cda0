using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data;
using TalksTracker.Data.Alerts;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;

namespace TalksTracker.Web.Alerts;

public sealed record NewWebhook(int Id, string Url, string Secret);

public sealed record WebhookView(int Id, string Url, string Prefix, DateTime CreatedAt, int Delivered, IReadOnlyList<WebhookFailure> Failures);

public sealed record WebhookFailure(long DeliveryId, string Title, int Attempts, int? Status, string? Error, DateTime NextAttemptAt, bool GaveUp);

/// <summary>
/// A user's webhooks: each notification of theirs is POSTed as JSON to each endpoint, signed with the endpoint's secret
/// (HMAC-SHA256, hex, over "{timestamp}.{body}"), retried with exponential backoff; every attempt's outcome is kept on
/// the delivery and the failures are shown to the user. The secret is shown once and kept protected with the app's
/// data-protection keys: it must be read back to sign, so it cannot be hashed like an API key.
/// </summary>
public sealed class Webhooks(IDbContextFactory<TalksTrackerDbContext> contexts, IDataProtectionProvider protection, IHttpClientFactory http, TimeProvider clock, ILogger<Webhooks> log) : IAlertDelivery
{
    public const string SignatureHeader = "X-TalksTracker-Signature";
    public const string TimestampHeader = "X-TalksTracker-Timestamp";
    public const int MaxAttempts = 6;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private const int DeliveriesPerPass = 50;
    private const int FailuresShown = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly IDataProtector _protector = protection.CreateProtector("TalksTracker.Alerts.WebhookSecret");

    /// <summary>Waits 30 s, 1 min, 2 min, 4 min, 8 min between the six attempts.</summary>
    public static TimeSpan Backoff(int attempts) => FirstRetry * Math.Pow(2, attempts - 1);

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task<Outcome<NewWebhook>> AddAsync(string userId, string? url, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.OriginalString.Length > FieldLimits.WebhookEndpointUrl)
        {
            return Outcome<NewWebhook>.Failure("Url", "Give the endpoint's full http:// or https:// address.");
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = db.WebhookEndpoints.Add(new WebhookEndpoint
        {
            UserId = userId, Url = uri.OriginalString, Secret = _protector.Protect(secret), Prefix = secret[..12], CreatedAt = clock.UtcNow(),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<NewWebhook>.Success(new NewWebhook(endpoint.Id, endpoint.Url, secret));
    }

    /// <summary>Removes an endpoint of the user's (kept, marked removed, so its deliveries still explain themselves).</summary>
    public async Task<bool> RemoveAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(w => w.Id == id && w.UserId == userId && w.RemovedAt == null, ct);
        if (endpoint is null)
        {
            return false;
        }

        endpoint.RemovedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => w.UserId == userId && w.RemovedAt == null).OrderBy(w => w.Id)
            .Select(w => new { w.Id, w.Url, w.Prefix, w.CreatedAt, Delivered = db.WebhookDeliveries.Count(d => d.EndpointId == w.Id && d.DeliveredAt != null) })
            .ToListAsync(ct);
        var ids = endpoints.Select(e => e.Id).ToList();
        var failures = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => EF.Parameter(ids).Contains(d.EndpointId) && d.DeliveredAt == null && d.LastError != null)
            .OrderByDescending(d => d.Id)
            .Take(FailuresShown)
            .Select(d => new { d.EndpointId, Failure = new WebhookFailure(d.Id, d.Notification!.Alert!.Title, d.Attempts, d.LastStatus, d.LastError, d.NextAttemptAt, d.FailedAt != null) })
            .ToListAsync(ct);
        return endpoints.Select(e => new WebhookView(e.Id, e.Url, e.Prefix, e.CreatedAt, e.Delivered, failures.Where(f => f.EndpointId == e.Id).Select(f => f.Failure).ToList())).ToList();
    }

    public async Task DeliverAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAt == null && d.FailedAt == null && d.NextAttemptAt <= now && d.Endpoint!.RemovedAt == null)
            .OrderBy(d => d.NextAttemptAt)
            .Take(DeliveriesPerPass)
            .Select(d => new
            {
                d.Id, d.Attempts, d.NextAttemptAt, d.Endpoint!.Url, d.Endpoint.Secret,
                Payload = new WebhookPayload(d.NotificationId, d.Notification!.Alert!.Kind.ToString(), d.Notification.Alert.Subject, d.Notification.Alert.Title,
                    d.Notification.Alert.Summary, d.Notification.Alert.Relays, d.Notification.CreatedAt),
            })
            .ToListAsync(ct);
        foreach (var delivery in due)
        {
            // Take the delivery for a while first: of several instances, only the one whose update matched sends it.
            var taken = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.NextAttemptAt == delivery.NextAttemptAt && d.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now + Lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (taken == 0)
            {
                continue;
            }

            var attempts = delivery.Attempts + 1;
            var (status, error) = await PostAsync(delivery.Url, _protector.Unprotect(delivery.Secret), delivery.Payload, ct);
            var delivered = status is >= 200 and < 300;
            var gaveUp = !delivered && attempts >= MaxAttempts;
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LastStatus, status)
                .SetProperty(d => d.LastError, delivered ? null : error)
                .SetProperty(d => d.DeliveredAt, delivered ? clock.UtcNow() : null)
                .SetProperty(d => d.FailedAt, gaveUp ? clock.UtcNow() : null)
                .SetProperty(d => d.NextAttemptAt, now + Backoff(attempts)), ct);
            if (!delivered)
            {
                log.LogInformation("Webhook delivery {Id} failed (attempt {Attempts} of {Max}): {Error}", delivery.Id, attempts, MaxAttempts, error);
            }
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(string url, string secret, WebhookPayload payload, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(secret, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TalksTracker-Webhooks", "1"));
        try
        {
            using var response = await http.CreateClient(nameof(Webhooks)).SendAsync(request, ct);
            var status = (int)response.StatusCode;
            return (status, response.IsSuccessStatusCode ? null : $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, e.Message.Length > FieldLimits.WebhookDeliveryLastError ? e.Message[..FieldLimits.WebhookDeliveryLastError] : e.Message);
        }
    }

    /// <summary>What a webhook receives: the notification, no more than its follower may read.</summary>
    public sealed record WebhookPayload(long Id, string Kind, string Subject, string Title, string Summary, int Relays, DateTime At);
}
