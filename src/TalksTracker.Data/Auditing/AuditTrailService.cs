using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Time;
using TalksTracker.Domain;

namespace TalksTracker.Data.Auditing;

/// <summary>Reads the audit trail for admins: who changed what, when, before → after.</summary>
public sealed class AuditTrailService(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    public async Task<AuditResults> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            entries = entries.Where(a => a.User == query.User.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(a => a.EntityId == query.EntityId.Trim());
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At < end);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(a => a.Id)
            .Skip((Math.Max(1, query.Page) - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryView(a.Id, a.At, a.User, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync(ct);
        return new AuditResults(page, total);
    }

    /// <summary>Records a sign-in attempt: who it was for (the e-mail typed, cut to fit), the account if it exists, the client's address and the outcome.</summary>
    public async Task RecordSignInAsync(string email, string? userId, bool succeeded, string? address, string outcome, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow(),
            User = email.Length > FieldLimits.AuditEntryUser ? email[..FieldLimits.AuditEntryUser] : email,
            Action = succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed,
            EntityType = "SignIn",
            EntityId = userId ?? "unknown",
            Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["address"] = new { after = address },
                ["outcome"] = new { after = outcome },
            }),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
