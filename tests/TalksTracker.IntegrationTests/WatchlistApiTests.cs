using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// /api/follows, /api/notifications, /api/digest and /api/webhooks: each user acts on their own watchlist, the changes are
/// audited, a webhook secret is answered once and never listed, and a forged unsubscribe link is refused.
/// </summary>
public sealed class WatchlistApiTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_follows_and_unfollows_a_track_and_both_are_audited()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        var track = (await analyst.GetFromJsonAsync<JsonElement>("/api/tracks", Ct))[0].GetProperty("id").GetInt32();

        var followed = await analyst.PostAsJsonAsync("/api/follows", new { kind = "Track", subjectId = track }, Ct);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var follow = (await followed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Contains((await analyst.GetFromJsonAsync<JsonElement>("/api/follows", Ct)).EnumerateArray(), f => f.GetProperty("id").GetInt32() == follow);
        Assert.DoesNotContain((await app.CreateClientFor(Roles.Editor).GetFromJsonAsync<JsonElement>("/api/follows", Ct)).EnumerateArray(),
            f => f.GetProperty("id").GetInt32() == follow);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor(Roles.Editor).DeleteAsync($"/api/follows/{follow}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await analyst.DeleteAsync($"/api/follows/{follow}", Ct)).StatusCode);
        var again = await analyst.DeleteAsync($"/api/follows/{follow}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var audited = await db.AuditEntries.Where(e => e.EntityType == "Follow" && e.EntityId == follow.ToString()).Select(e => e.Action.ToString()).ToListAsync(Ct);
        Assert.Equal(["Created", "Deleted"], audited);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsJsonAsync("/api/follows", new { kind = "Meeting" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_webhook_secret_is_answered_once_never_listed_and_never_audited()
    {
        var manager = app.CreateClientFor(Roles.Manager);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/webhooks", new { url = "ftp://example.org" }, Ct)).StatusCode);

        var added = await manager.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook" }, Ct);
        var secret = (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;

        Assert.StartsWith("whsec_", secret);
        Assert.DoesNotContain(secret, await manager.GetStringAsync("/api/webhooks", Ct));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(e => e.EntityType == "WebhookEndpoint").Select(e => e.Changes).ToListAsync(Ct);
        Assert.NotEmpty(audit);
        Assert.All(audit, changes => Assert.DoesNotContain(secret[6..20], changes));
    }

    [Fact]
    public async Task Notifications_and_digest_answer_for_the_caller_and_a_forged_unsubscribe_is_refused()
    {
        var analyst = app.CreateClientFor(Roles.Analyst);
        Assert.Equal(0, (await analyst.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count", Ct)).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/digest", new { frequency = "Weekly" }, Ct)).StatusCode);

        var forged = await app.CreateAnonymousClient().GetAsync("/account/unsubscribe?token=forged", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
