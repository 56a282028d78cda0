using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Alerts;
using TalksTracker.Domain.Alerts;
using TalksTracker.Testing;
using TalksTracker.Web.Alerts;

namespace TalksTracker.Web.Tests.Alerts;

/// <summary>
/// Notifications leaving the app for real: a digest over SMTP to netDumbster, and a webhook POSTed to a local HTTP
/// listener that checks the signature, refuses once and takes the retry.
/// </summary>
public sealed class AlertDeliveryTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();

    private async Task<(string User, long Notification)> ReaderWithNotificationAsync(string name, DigestFrequency frequency, string? role = Roles.Analyst)
    {
        await using var db = database.NewContext();
        var user = db.Users.Add(new AppUser { UserName = name, Email = $"{name}@example.org" }).Entity;
        if (role is not null)
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role, Ct) ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
            await db.SaveChangesAsync(Ct);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
        }

        db.DigestSettings.Add(new DigestSetting { UserId = user.Id, Frequency = frequency });
        var alert = new Alert { Kind = AlertKind.NewOrigin, Subject = "meeting:7", Origin = $"source:{name}", Title = $"New origin on the {name} meeting", Summary = "Analyst: “they met”", Relays = 2 };
        var notification = db.Notifications.Add(new Notification { UserId = user.Id, Alert = alert, CreatedAt = database.Clock.GetUtcNow().UtcDateTime }).Entity;
        await db.SaveChangesAsync(Ct);
        return (user.Id, notification.Id);
    }

    [Fact]
    public async Task A_due_digest_is_mailed_once_with_a_one_click_unsubscribe_that_turns_it_off()
    {
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        var options = Options.Create(new MailOptions { Host = "127.0.0.1", Port = smtp.Configuration.Port, Tls = MailKit.Security.SecureSocketOptions.None, BaseUrl = "https://talks.example.org/" });
        var links = new UnsubscribeLinks(_protection, options);
        var mailer = new DigestMailer(database.Get<AlertDigests>(), links, options, NullLogger<DigestMailer>.Instance);
        var (reader, _) = await ReaderWithNotificationAsync("mailed", DigestFrequency.Daily);
        await ReaderWithNotificationAsync("roleless", DigestFrequency.Daily, role: null);

        await mailer.DeliverAsync(Ct);
        await mailer.DeliverAsync(Ct);

        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("mailed@example.org", mail.ToAddresses.Single().Address);
        Assert.Contains("daily digest: 1 alert", mail.Subject);
        Assert.Contains("New origin on the mailed meeting", mail.Data);
        Assert.Contains("(+2 relays)", mail.Data);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("https://talks.example.org/account/unsubscribe?token=", link);

        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        Assert.Equal(reader, links.UserOf(token));
        Assert.Null(links.UserOf(token + "x"));
    }

    [Fact]
    public async Task A_webhook_is_signed_retried_with_backoff_and_its_failure_shown_until_it_is_delivered()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var webhooks = new Webhooks(database.Contexts, _protection, services.GetRequiredService<IHttpClientFactory>(), database.Clock, NullLogger<Webhooks>.Instance);
        var (reader, notification) = await ReaderWithNotificationAsync("hooked", DigestFrequency.Off);
        var added = await webhooks.AddAsync(reader, $"http://127.0.0.1:{port}/hook/", Ct);
        Assert.StartsWith("whsec_", added.Value!.Secret);
        await using (var db = database.NewContext())
        {
            Assert.DoesNotContain(added.Value.Secret, await db.WebhookEndpoints.Select(w => w.Secret).SingleAsync(Ct));
            db.WebhookDeliveries.Add(new WebhookDelivery { EndpointId = added.Value.Id, NotificationId = notification, NextAttemptAt = database.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }

        var received = new List<(string Body, bool Signed)>();
        var receiving = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync(Ct);
                var timestamp = context.Request.Headers[Webhooks.TimestampHeader]!;
                received.Add((body, context.Request.Headers[Webhooks.SignatureHeader] == "sha256=" + Webhooks.Sign(added.Value.Secret, timestamp, body)));
                context.Response.StatusCode = i == 0 ? 503 : 204;
                context.Response.Close();
            }
        }, Ct);

        await webhooks.DeliverAsync(Ct);
        var failing = Assert.Single((await webhooks.ListAsync(reader, Ct)).Single().Failures);
        Assert.Equal((1, 503), (failing.Attempts, failing.Status));

        await webhooks.DeliverAsync(Ct); // not yet: the retry waits
        Assert.Single(received);
        database.Clock.Advance(Webhooks.Backoff(1));
        await webhooks.DeliverAsync(Ct);
        await receiving.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.All(received, r => Assert.True(r.Signed));
        Assert.Contains("\"relays\":2", received[0].Body);
        var endpoint = (await webhooks.ListAsync(reader, Ct)).Single();
        Assert.Equal(1, endpoint.Delivered);
        Assert.Empty(endpoint.Failures);
    }

    [Fact]
    public void The_backoff_doubles_from_thirty_seconds() =>
        Assert.Equal([30, 60, 120, 240, 480], Enumerable.Range(1, 5).Select(a => Webhooks.Backoff(a).TotalSeconds));

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
