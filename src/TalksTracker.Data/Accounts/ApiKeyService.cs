using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;

namespace TalksTracker.Data.Accounts;

/// <summary>
/// Per-user API keys for scripts: created by the user or an admin, shown once, stored as a SHA-256
/// hash, revocable. A key carries its user's roles.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    private const string KeyPrefix = "tt_";

    public async Task<Outcome<NewApiKey>> CreateAsync(string userId, string? name, CancellationToken ct = default)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > FieldLimits.ApiKeyName)
        {
            return Outcome<NewApiKey>.Failure("Name", $"Name the key (at most {FieldLimits.ApiKeyName} characters) so you can tell it apart later, e.g. \"nightly import\".");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Outcome<NewApiKey>.Failure("UserId", "There is no such user.");
        }

        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = db.ApiKeys.Add(new ApiKey
        {
            UserId = userId,
            Name = trimmed,
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.UtcNow(),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<NewApiKey>.Success(new NewApiKey(key.Id, key.Name, secret));
    }

    /// <summary>
    /// The holder of a valid, unrevoked key, or null: one read of the key and its user. <see cref="ApiKeyHolder.UserVersion"/>
    /// changes whenever the user record does (roles, lockout, security stamp), so what is worked out from it may be kept until then.
    /// </summary>
    public async Task<ApiKeyHolder?> HolderForAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { k.Id, k.UserId, k.LastUsedAt, u.ConcurrencyStamp, u.SecurityStamp })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        // Remember use at most once a minute, so a busy script does not write on every call.
        var now = clock.UtcNow();
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
        {
            var tracked = await db.ApiKeys.SingleAsync(k => k.Id == found.Id, ct);
            tracked.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return new ApiKeyHolder(found.UserId, hash, $"{found.ConcurrencyStamp}|{found.SecurityStamp}");
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => userId == null || k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt, u.Email ?? u.UserName ?? u.Id))
            .ToListAsync(ct);
    }

    /// <summary>Revokes a key; only its owner or an admin (<paramref name="ownerId"/> null) may.</summary>
    public async Task<bool> RevokeAsync(int keyId, string? ownerId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && (ownerId == null || k.UserId == ownerId), ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
