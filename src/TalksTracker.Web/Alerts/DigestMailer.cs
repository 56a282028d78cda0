using System.Net;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;
using TalksTracker.Data.Alerts;

namespace TalksTracker.Web.Alerts;

/// <summary>The <c>Mail</c> section: the SMTP server digests go out through. No host, no mail.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string From { get; set; } = "TalksTracker <talkstracker@localhost>";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The app's public address, for links in the e-mail (its pages, the unsubscribe link).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080/";
}

/// <summary>
/// One-click unsubscribe links: the user's id protected with the app's data-protection keys (shared by all instances
/// through the database), so a link unsubscribes its own reader and no one else.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<MailOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("TalksTracker.Alerts.Unsubscribe");

    public string For(string userId) => new Uri(new Uri(options.Value.BaseUrl), $"account/unsubscribe?token={Uri.EscapeDataString(_protector.Protect(userId))}").ToString();

    public string? UserOf(string? token)
    {
        try
        {
            return string.IsNullOrEmpty(token) ? null : _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>Mails each due digest (<see cref="AlertDigests"/>) through the configured SMTP server with MailKit.</summary>
public sealed class DigestMailer(AlertDigests digests, UnsubscribeLinks unsubscribe, IOptions<MailOptions> options, ILogger<DigestMailer> log) : IAlertDelivery
{
    public async Task DeliverAsync(CancellationToken ct)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            return;
        }

        foreach (var digest in await digests.DueAsync(ct))
        {
            if (!await digests.ClaimAsync(digest, ct))
            {
                continue;
            }

            try
            {
                await SendAsync(mail, Compose(mail, digest), ct);
            }
            catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or System.Net.Sockets.SocketException or AuthenticationException)
            {
                await digests.ReleaseAsync(digest, CancellationToken.None);
                log.LogWarning(e, "The {Frequency} digest could not be mailed; it is tried again on the next pass", digest.Frequency);
            }
        }
    }

    private static async Task SendAsync(MailOptions mail, MimeMessage message, CancellationToken ct)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(mail.Host!, mail.Port, mail.Tls, ct);
        if (!string.IsNullOrEmpty(mail.User))
        {
            await smtp.AuthenticateAsync(mail.User, mail.Password ?? "", ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }

    private MimeMessage Compose(MailOptions mail, DueDigest digest)
    {
        var link = unsubscribe.For(digest.UserId);
        var baseUrl = new Uri(mail.BaseUrl);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(digest.Email));
        message.Subject = $"TalksTracker {digest.Frequency.ToString().ToLowerInvariant()} digest: {digest.Notifications.Count} alert{(digest.Notifications.Count == 1 ? "" : "s")}";
        // RFC 8058: mail clients offer their own unsubscribe button, which POSTs to the link.
        message.Headers.Add("List-Unsubscribe", $"<{link}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var text = new StringBuilder();
        var html = new StringBuilder("<h2>Your TalksTracker alerts</h2><ul>");
        foreach (var n in digest.Notifications)
        {
            var relays = n.Relays > 0 ? $" (+{n.Relays} relays)" : "";
            var href = n.Href is { } path ? new Uri(baseUrl, path).ToString() : null;
            text.AppendLine($"- {n.Title}{relays}: {n.Summary}{(href is null ? "" : $" <{href}>")}");
            html.Append("<li><b>").Append(href is null ? WebUtility.HtmlEncode(n.Title) : $"<a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(n.Title)}</a>")
                .Append("</b>").Append(WebUtility.HtmlEncode(relays)).Append("<br>").Append(WebUtility.HtmlEncode(n.Summary)).Append("</li>");
        }

        text.AppendLine().AppendLine($"Stop these e-mails with one click: {link}");
        html.Append("</ul><p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">Unsubscribe</a> from these e-mails with one click.</p>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }
}
