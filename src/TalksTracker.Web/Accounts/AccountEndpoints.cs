using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Auditing;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Accounts;

/// <summary>Sign-in and sign-out as form posts (cookies are written by HTTP responses, not by circuits).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string SignInRateLimit = "signin";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, async ([FromForm] SignInForm form, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle,
                AuditTrailService audit, ILogger<SignInForm> logger) =>
            {
                var returnUrl = SafeReturnUrl(form.ReturnUrl);
                if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password) || form.Password.Length > PasswordLengthValidator.MaxLength)
                {
                    return Back("missing", form.Email, returnUrl);
                }

                var email = form.Email.Trim();
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (throttle.IsHeld(address, email))
                {
                    await audit.RecordSignInAsync(email, null, succeeded: false, address, "held: too many failures from this address");
                    logger.LogWarning("Sign-in for {Email} from {Address} held after repeated failures", LogText.Escape(email), address);
                    return Back("held", email, returnUrl);
                }

                var user = await signIn.UserManager.FindByNameAsync(email);
                var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: false);
                if (result.Succeeded)
                {
                    throttle.Succeeded(address, email);
                    await audit.RecordSignInAsync(email, user!.Id, succeeded: true, address, "signed in");
                    logger.LogInformation("{Email} signed in", LogText.Escape(email));
                    return Results.LocalRedirect(returnUrl);
                }

                // Whatever failed — no such account, a wrong password, a disabled account — takes the time a password
                // check takes and gets the same answer, so neither the answer nor its timing says which.
                if (user is null || result.IsLockedOut || result.IsNotAllowed)
                {
                    PasswordTiming.Equalise(signIn.UserManager.PasswordHasher, form.Password);
                }

                throttle.Failed(address, email);
                await audit.RecordSignInAsync(email, user?.Id, succeeded: false, address,
                    user is null ? "no such account" : result.IsLockedOut ? "account disabled or locked" : "wrong password");
                logger.LogWarning("Failed sign-in for {Email} from {Address}", LogText.Escape(email), address);
                return Back("invalid", email, returnUrl);
            })
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit);

        app.MapPost("/account/signout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            // A new security stamp ends every session of the account within a minute (SessionLimits): a cookie copied
            // before signing out is worth nothing afterwards, on this device or any other.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInPath + "?signedout=1");
        });

        return app;
    }

    /// <summary>
    /// Only a local path may be returned to: an absolute URL in the form would be an open redirect. Control
    /// characters are refused too: browsers drop a tab or newline, so <c>/&lt;TAB&gt;/evil.com</c> would become
    /// <c>//evil.com</c> (and LocalRedirect throws on them).
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    private static IResult Back(string error, string? email, string returnUrl) =>
        Results.LocalRedirect($"{SignInPath}?error={error}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
