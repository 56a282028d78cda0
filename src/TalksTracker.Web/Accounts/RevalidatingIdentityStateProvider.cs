using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// An open circuit outlives the cookie that started it: every <see cref="SessionLimits.RevalidateEvery"/> it checks the
/// session's limits (idle since the user's last click or key, the absolute limit from sign-in) and that the user still
/// exists, is not locked out and has the same security stamp (a role change, a sign-out, a password change renew it) —
/// otherwise the circuit signs out and its pages show the sign-in link instead of the data.
/// </summary>
/// <remarks>
/// The base class signs a circuit out when the check throws. A database that does not answer for a moment (a failover,
/// a lock held by a long write) would then end every open session mid-edit, so a failed account check keeps the session
/// until the account has gone unchecked for <see cref="SessionLimits.AccountUncheckedAtMost"/>; the time limits, which
/// need no database, still apply on every check.
/// </remarks>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options, TimeProvider clock, CircuitActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _log = loggerFactory.CreateLogger<RevalidatingIdentityStateProvider>();
    private DateTimeOffset _accountCheckedAt = clock.GetUtcNow();

    protected override TimeSpan RevalidationInterval => SessionLimits.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        StillValidAsync(state.User, cancellationToken);

    /// <summary>Whether the circuit's user may go on; what the periodic check asks.</summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionLimits.HasEnded(SessionLimits.SignedInAt(principal), activity.LastActive, clock.GetUtcNow()))
        {
            return false;
        }

        try
        {
            var valid = await AccountStillValidAsync(principal);
            _accountCheckedAt = clock.GetUtcNow();
            return valid;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var uncheckedFor = clock.GetUtcNow() - _accountCheckedAt;
            var keep = uncheckedFor < SessionLimits.AccountUncheckedAtMost;
            _log.LogWarning(e, "The account of an open session could not be checked (unchecked for {Unchecked}); the session {Outcome}", uncheckedFor, keep ? "stays" : "ends");
            return keep;
        }
    }

    private async Task<bool> AccountStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>When the circuit's user last did something (a click, a key, a navigation): the circuit's idle limit counts from it.</summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    private long _lastActive = clock.GetUtcNow().ToUnixTimeMilliseconds();

    public DateTimeOffset LastActive => DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Read(ref _lastActive));

    public void Touch() => Interlocked.Exchange(ref _lastActive, clock.GetUtcNow().ToUnixTimeMilliseconds());
}
