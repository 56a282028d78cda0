using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// How long a signed-in session lives, for the sign-in cookie and for an open circuit alike. A session ends after
/// <see cref="Inactivity"/> without activity and, however active, <see cref="Absolute"/> after its sign-in; the
/// account is checked again (still there, not locked out, same security stamp — changed by a role change, a sign-out
/// or a password change) at least every <see cref="RevalidateEvery"/>.
/// </summary>
/// <remarks>
/// The sign-in instant travels in the cookie's principal as <see cref="SignedInClaim"/> (encrypted with the cookie)
/// and in its properties, so neither sliding renewal (which resets the cookie's issue time) nor a refresh of the
/// principal after a stamp check moves it.
/// </remarks>
public static class SessionLimits
{
    public static readonly TimeSpan Inactivity = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(8);
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long an open circuit stays signed in while its account cannot be checked (the database does not answer).</summary>
    public static readonly TimeSpan AccountUncheckedAtMost = TimeSpan.FromMinutes(5);

    public const string SignedInClaim = "talkstracker:signed_in";
    private const string SignedInItem = ".talkstracker.signed_in";

    /// <summary>When the session of <paramref name="user"/> began, or null for a principal that does not say (refused).</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? user) =>
        user?.FindFirst(SignedInClaim)?.Value is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Whether a session that began at <paramref name="signedIn"/> and was last used at <paramref name="lastActive"/> has ended.</summary>
    public static bool HasEnded(DateTimeOffset? signedIn, DateTimeOffset lastActive, DateTimeOffset now) =>
        signedIn is not { } start || now - start > Absolute || now - lastActive > Inactivity;

    /// <summary>The cookie's events and the stamp check's settings that keep these limits.</summary>
    public static IServiceCollection AddSessionLimits(this IServiceCollection services)
    {
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = RevalidateEvery;
            // The principal is rebuilt from the account after each check: the sign-in instant stays.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignedInClaim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignedInClaim, claim.Value));
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>At sign-in: notes the instant (kept from the earlier properties when Identity re-signs a user in).</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var instant = context.Properties.Items.TryGetValue(SignedInItem, out var kept) && kept is not null ? kept : clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Properties.Items[SignedInItem] = instant;
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInClaim))
        {
            identity.AddClaim(new Claim(SignedInClaim, instant));
        }

        return Task.CompletedTask;
    }

    /// <summary>On each request with the cookie: past the absolute limit (or without a sign-in instant) the session ends; then the stamp check.</summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        // Inactivity is the cookie's own sliding expiry; here only the limit counted from sign-in.
        if (HasEnded(SignedInAt(context.Principal), now, now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
