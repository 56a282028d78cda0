using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Alerts;

namespace TalksTracker.Data.Alerts;

/// <summary>What a follow is of: a record by kind and id, or a saved search by its query string.</summary>
public sealed record FollowSubject(FollowKind Kind, int? SubjectId, string? Query);

public sealed record FollowView(int Id, FollowKind Kind, int? SubjectId, string Query, string Label, DateTime CreatedAt);

public sealed record NotificationView(long Id, AlertKind Kind, string Subject, string Title, string Summary, int Relays, DateTime At, bool Read)
{
    /// <summary>The page the alert is about, for a link.</summary>
    public string? Href => AlertSubject.Parse(Subject) switch
    {
        (AlertSubject.Meeting, var id) => $"meetings/{id}",
        (AlertSubject.Source, var id) => $"sources/{id}",
        (AlertSubject.Actor, var id) => $"actors/{id}",
        (AlertSubject.Track, var id) => $"tracks/{id}/progress",
        _ => null,
    };
}

/// <summary>
/// A user's watchlist: what they follow, the notifications alerts left them, and how often they want the e-mail digest.
/// Follows and digest settings are the user's own changes, so they are audited; reading a notification is not.
/// </summary>
public sealed class WatchlistService(IDbContextFactory<TalksTrackerDbContext> contexts, TimeProvider clock)
{
    public const int NotificationsListed = 100;

    public async Task<Outcome<FollowView>> FollowAsync(string userId, FollowKind kind, int? subjectId, string? query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        query = kind == FollowKind.SavedSearch ? query?.Trim().TrimStart('?') ?? "" : "";
        if (kind == FollowKind.SavedSearch ? query.Length is 0 or > FieldLimits.FollowQuery : subjectId is null)
        {
            return Outcome<FollowView>.Failure(kind == FollowKind.SavedSearch ? "Query" : "SubjectId",
                kind == FollowKind.SavedSearch ? $"Name the search to follow: a query string of at most {FieldLimits.FollowQuery} characters." : "Name the record to follow.");
        }

        var label = kind switch
        {
            FollowKind.Track => await db.Tracks.Where(x => x.Id == subjectId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            FollowKind.Meeting => await db.Meetings.Where(x => x.Id == subjectId).Select(x => x.Title).FirstOrDefaultAsync(ct),
            FollowKind.AgendaItem => await db.AgendaItems.Where(x => x.Id == subjectId).Select(x => x.Title).FirstOrDefaultAsync(ct),
            FollowKind.Actor => await db.Actors.Where(x => x.Id == subjectId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            FollowKind.Source => await db.Sources.Where(x => x.Id == subjectId).Select(x => x.Name).FirstOrDefaultAsync(ct),
            _ => Uri.UnescapeDataString(query.Replace('+', ' ')),
        };
        if (label is null)
        {
            return Outcome<FollowView>.Failure(Editing.Edits.Missing, $"There is no {kind} {subjectId}.");
        }

        var existing = await db.Follows.FirstOrDefaultAsync(f => f.UserId == userId && f.Kind == kind && f.SubjectId == subjectId && f.Query == query, ct);
        if (existing is null)
        {
            existing = db.Follows.Add(new Follow { UserId = userId, Kind = kind, SubjectId = kind == FollowKind.SavedSearch ? null : subjectId, Query = query, Label = label[..Math.Min(label.Length, FieldLimits.FollowLabel)], CreatedAt = clock.UtcNow() }).Entity;
            await db.SaveChangesAsync(ct);
        }

        return Outcome<FollowView>.Success(View(existing));
    }

    /// <summary>Stops following; only the follower may.</summary>
    public async Task<bool> UnfollowAsync(string userId, int followId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var follow = await db.Follows.FirstOrDefaultAsync(f => f.Id == followId && f.UserId == userId, ct);
        if (follow is null)
        {
            return false;
        }

        db.Follows.Remove(follow);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The user's follow of this record or search, if any (what a Follow button shows).</summary>
    public async Task<FollowView?> FindAsync(string userId, FollowKind kind, int? subjectId, string? query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await FindAsync(db, userId, new FollowSubject(kind, subjectId, query), ct);
    }

    /// <summary>
    /// What a page shows of its reader in one read: their unread count (when asked) and their follow of each subject
    /// (null where they follow none), in order. A kept page writes these per request (#26).
    /// </summary>
    public async Task<(int Unread, FollowView?[] Follows)> ReaderPartsAsync(string userId, bool unread, IReadOnlyList<FollowSubject> subjects, CancellationToken ct = default)
    {
        if (!unread && subjects.Count == 0)
        {
            return (0, []);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var count = unread ? await UnreadCountAsync(db, userId, ct) : 0;
        var follows = new FollowView?[subjects.Count];
        for (var i = 0; i < follows.Length; i++)
        {
            follows[i] = await FindAsync(db, userId, subjects[i], ct);
        }

        return (count, follows);
    }

    private static async Task<FollowView?> FindAsync(TalksTrackerDbContext db, string userId, FollowSubject subject, CancellationToken ct)
    {
        var (kind, subjectId, query) = subject;
        query = kind == FollowKind.SavedSearch ? query?.Trim().TrimStart('?') ?? "" : "";
        var follow = await db.Follows.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId && f.Kind == kind && f.SubjectId == subjectId && f.Query == query, ct);
        return follow is null ? null : View(follow);
    }

    public async Task<IReadOnlyList<FollowView>> FollowsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Kind).ThenBy(f => f.Label).ToListAsync(ct)).Select(View).ToList();
    }

    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(string userId, bool unreadOnly = false, int take = NotificationsListed, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, NotificationsListed))
            .Select(n => new NotificationView(n.Id, n.Alert!.Kind, n.Alert.Subject, n.Alert.Title, n.Alert.Summary, n.Alert.Relays, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await UnreadCountAsync(db, userId, ct);
    }

    private static Task<int> UnreadCountAsync(TalksTrackerDbContext db, string userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks the user's notifications read: the ones named, or all.</summary>
    public async Task<int> MarkReadAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.UtcNow();
        return await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null && (ids == null || EF.Parameter(ids.ToList()).Contains(n.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<DigestFrequency> DigestFrequencyAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DigestSettings.Where(d => d.UserId == userId).Select(d => (DigestFrequency?)d.Frequency).FirstOrDefaultAsync(ct) ?? DigestFrequency.Off;
    }

    /// <summary>Sets how often the digest is mailed (Off is also what the e-mail's unsubscribe link does).</summary>
    public async Task SetDigestFrequencyAsync(string userId, DigestFrequency frequency, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var setting = await db.DigestSettings.FirstOrDefaultAsync(d => d.UserId == userId, ct) ?? db.DigestSettings.Add(new DigestSetting { UserId = userId }).Entity;
        setting.Frequency = frequency;
        await db.SaveChangesAsync(ct);
    }

    private static FollowView View(Follow f) => new(f.Id, f.Kind, f.SubjectId, f.Query, f.Label, f.CreatedAt);
}
