using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Time;

namespace TalksTracker.Data.Alerts;

/// <summary>A digest due to one user: their address and the notifications not yet mailed, oldest first.</summary>
public sealed record DueDigest(string UserId, string Email, DigestFrequency Frequency, IReadOnlyList<NotificationView> Notifications);

/// <summary>
/// Who is due an e-mail digest and of what. A digest's notifications are claimed (marked mailed) before it is sent, in
/// one conditional update: of several instances only the one whose update took them all sends it; a send that fails
/// gives them back for the next pass.
/// </summary>
public sealed class AlertDigests(IDbContextFactory<TalksTrackerDbContext> contexts, TimeProvider clock)
{
    public const int NotificationsPerDigest = 50;

    public static TimeSpan Period(DigestFrequency frequency) => frequency == DigestFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<DueDigest>> DueAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var wanted = await db.DigestSettings.AsNoTracking().Where(d => d.Frequency != DigestFrequency.Off)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { d.UserId, d.Frequency, u.Email })
            .Where(x => x.Email != null)
            .Select(x => new
            {
                x.UserId, x.Frequency, x.Email,
                LastMailed = db.Notifications.Where(n => n.UserId == x.UserId && n.MailedAt != null).Max(n => n.MailedAt),
                Waiting = db.Notifications.Any(n => n.UserId == x.UserId && n.MailedAt == null),
            })
            .Where(x => x.Waiting)
            .ToListAsync(ct);
        var readers = await AlertReaders.AmongAsync(db, wanted.Select(w => w.UserId).ToList(), now, ct);
        var due = new List<DueDigest>();
        foreach (var user in wanted.Where(w => readers.Contains(w.UserId) && (w.LastMailed is null || w.LastMailed <= now - Period(w.Frequency))))
        {
            var notifications = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == user.UserId && n.MailedAt == null)
                .OrderBy(n => n.Id)
                .Take(NotificationsPerDigest)
                .Select(n => new NotificationView(n.Id, n.Alert!.Kind, n.Alert.Subject, n.Alert.Title, n.Alert.Summary, n.Alert.Relays, n.CreatedAt, n.ReadAt != null))
                .ToListAsync(ct);
            due.Add(new DueDigest(user.UserId, user.Email!, user.Frequency, notifications));
        }

        return due;
    }

    /// <summary>Marks the digest's notifications mailed; false when another instance took any of them first.</summary>
    public async Task<bool> ClaimAsync(DueDigest digest, CancellationToken ct = default)
    {
        var ids = digest.Notifications.Select(n => n.Id).ToList();
        var now = clock.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Notifications.Where(n => n.UserId == digest.UserId && n.MailedAt == null && EF.Parameter(ids).Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
        if (taken != ids.Count)
        {
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Gives a digest's notifications back after its e-mail could not be sent.</summary>
    public async Task ReleaseAsync(DueDigest digest, CancellationToken ct = default)
    {
        var ids = digest.Notifications.Select(n => n.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.UserId == digest.UserId && EF.Parameter(ids).Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, (DateTime?)null), ct);
    }
}
