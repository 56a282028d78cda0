using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Common;
namespace TalksTracker.Web.Accounts;

/// <summary>An account as the admin's users page lists it.</summary>
public sealed record AccountRow(string Id, string Email, string Role, bool Disabled, int ActiveKeys);

/// <summary>
/// What admins do to accounts: add, change a role, disable and enable, delete, and hand out a one-time link to set a
/// new password. Each operation works in a scope of its own (Identity's stores hold a context; a circuit must not).
/// Every change renews the account's security stamp, so its open sessions end within a minute (<see cref="SessionLimits"/>)
/// and its API keys follow its new state at once; the acting admin is recorded by the audit (<c>ICurrentActor</c>).
/// The last enabled admin can be neither demoted, disabled nor deleted: someone must be able to administer.
/// </summary>
public sealed class AccountAdministration(IServiceScopeFactory scopes, IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    /// <summary>The account field problems are reported under.</summary>
    public const string Field = "Account";

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd }).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).GroupBy(k => k.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync(ct);
        return users.Select(u => new AccountRow(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name).FirstOrDefault() ?? "",
                IsDisabled(u.LockoutEnd),
                keys.Where(k => k.UserId == u.Id).Select(k => k.Count).FirstOrDefault()))
            .ToList();
    }

    public Task<Outcome<string>> CreateAsync(string? email, string? password, string role, CancellationToken ct = default) =>
        InScopeAsync(async users =>
        {
            if (!Roles.All.Contains(role))
            {
                return Outcome<string>.Failure("Role", $"There is no role “{role}”.");
            }

            var user = new AppUser { UserName = email?.Trim(), Email = email?.Trim(), EmailConfirmed = true, LockoutEnabled = true };
            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                return Failure<string>(created);
            }

            var added = await users.AddToRoleAsync(user, role);
            return added.Succeeded ? Outcome<string>.Success(user.Id) : Failure<string>(added);
        });

    public Task<Outcome<bool>> SetRoleAsync(string userId, string role, CancellationToken ct = default) =>
        WithAccountAsync(userId, async (users, user) =>
        {
            if (!Roles.All.Contains(role))
            {
                return Outcome<bool>.Failure("Role", $"There is no role “{role}”.");
            }

            if (role != Roles.Admin && await IsLastAdminAsync(users, user))
            {
                return Outcome<bool>.Failure(Field, $"{user.Email} is the only enabled admin: make another account admin first.");
            }

            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user);
            return Outcome<bool>.Success(true);
        });

    /// <summary>Disables an account (it cannot sign in, its sessions end within a minute, its API keys stop at once) or enables it again.</summary>
    public Task<Outcome<bool>> SetDisabledAsync(string userId, bool disabled, string actingUserId, CancellationToken ct = default) =>
        WithAccountAsync(userId, async (users, user) =>
        {
            if (disabled && user.Id == actingUserId)
            {
                return Outcome<bool>.Failure(Field, "You cannot disable your own account.");
            }

            if (disabled && await IsLastAdminAsync(users, user))
            {
                return Outcome<bool>.Failure(Field, $"{user.Email} is the only enabled admin: make another account admin first.");
            }

            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
            return Outcome<bool>.Success(disabled);
        });

    /// <summary>Deletes an account and its API keys; what it did stays in the audit trail under its e-mail.</summary>
    public Task<Outcome<bool>> DeleteAsync(string userId, string actingUserId, CancellationToken ct = default) =>
        WithAccountAsync(userId, async (users, user) =>
        {
            if (user.Id == actingUserId)
            {
                return Outcome<bool>.Failure(Field, "You cannot delete your own account.");
            }

            if (await IsLastAdminAsync(users, user))
            {
                return Outcome<bool>.Failure(Field, $"{user.Email} is the only enabled admin: make another account admin first.");
            }

            var deleted = await users.DeleteAsync(user);
            return deleted.Succeeded ? Outcome<bool>.Success(true) : Failure<bool>(deleted);
        });

    /// <summary>
    /// A link (path and query) with which the account's owner sets a new password, once, within a day; the admin hands
    /// it over. Nothing is sent by mail: the product has no mail of its own yet.
    /// </summary>
    public Task<Outcome<string>> PasswordResetLinkAsync(string userId, CancellationToken ct = default) =>
        WithAccountAsync(userId, async (users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return Outcome<string>.Success($"{AccountEndpoints.ResetPath}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        });

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= DateTimeOffset.MaxValue.AddYears(-1);

    private async Task<Outcome<T>> WithAccountAsync<T>(string userId, Func<UserManager<AppUser>, AppUser, Task<Outcome<T>>> action) =>
        await InScopeAsync(async users => await users.FindByIdAsync(userId) is { } user
            ? await action(users, user)
            : Outcome<T>.Failure(Field, "This account no longer exists."));

    private async Task<Outcome<T>> InScopeAsync<T>(Func<UserManager<AppUser>, Task<Outcome<T>>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<AppUser> users, AppUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !IsDisabled(a.LockoutEnd)) <= 1;
    }

    private static Outcome<T> Failure<T>(IdentityResult result) =>
        Outcome<T>.Failure(result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
