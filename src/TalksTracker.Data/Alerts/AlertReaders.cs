using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Data.Alerts;

internal static class AlertReaders
{
    /// <summary>
    /// The users who may read what alerts carry: every role reads the published records alerts are made of (never the
    /// proposals awaiting review, nor who made a change), so a user with a role that the Read policy admits and no lockout.
    /// </summary>
    public static async Task<HashSet<string>> AmongAsync(TalksTrackerDbContext db, List<string> userIds, DateTime now, CancellationToken ct)
    {
        var readRoles = Policies.RolesOf(Policies.Read).ToList();
        var locked = new DateTimeOffset(now, TimeSpan.Zero);
        var ids = await db.UserRoles.AsNoTracking()
            .Where(ur => EF.Parameter(userIds).Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => EF.Parameter(readRoles).Contains(x.Name!))
            .Select(x => x.UserId)
            .Distinct()
            .ToListAsync(ct);
        var lockedOut = await db.Users.AsNoTracking().Where(u => EF.Parameter(ids).Contains(u.Id) && u.LockoutEnd != null)
            .Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return ids.Except(lockedOut.Where(u => u.LockoutEnd > locked).Select(u => u.Id)).ToHashSet();
    }
}
