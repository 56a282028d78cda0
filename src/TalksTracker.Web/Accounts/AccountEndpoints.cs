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
    public const string PasswordPath = "/account/password";
    public const string ResetPath = "/account/reset";

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

        app.MapPost(PasswordPath, async ([FromForm] PasswordForm form, HttpContext http, SignInManager<AppUser> signIn) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is not { } user)
            {
                return Results.LocalRedirect(SignInPath);
            }

            if (form.NewPassword != form.Confirm)
            {
                return Results.LocalRedirect($"{PasswordPath}?error=mismatch");
            }

            var changed = await signIn.UserManager.ChangePasswordAsync(user, form.Current ?? "", form.NewPassword ?? "");
            if (!changed.Succeeded)
            {
                return Results.LocalRedirect($"{PasswordPath}?error={(changed.Errors.Any(e => e.Code == "PasswordMismatch") ? "current" : "rules")}");
            }

            // The new stamp ends the account's other sessions within a minute; this one is issued again with it (and keeps its sign-in instant).
            await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect($"{PasswordPath}?changed=1");
        });

        app.MapPost(ResetPath, async ([FromForm] ResetForm form, UserManager<AppUser> users) =>
        {
            var back = $"{ResetPath}?user={Uri.EscapeDataString(form.User ?? "")}&token={Uri.EscapeDataString(form.Token ?? "")}";
            if (form.NewPassword != form.Confirm)
            {
                return Results.LocalRedirect($"{back}&error=mismatch");
            }

            if (string.IsNullOrEmpty(form.User) || await users.FindByIdAsync(form.User) is not { } user)
            {
                return Results.LocalRedirect($"{ResetPath}?error=link");
            }

            var reset = await users.ResetPasswordAsync(user, form.Token ?? "", form.NewPassword ?? "");
            if (!reset.Succeeded)
            {
                // A used, expired or altered link is refused as a whole; a weak password can be chosen again.
                return Results.LocalRedirect(reset.Errors.Any(e => e.Code == "InvalidToken") ? $"{ResetPath}?error=link" : $"{back}&error=rules");
            }

            return Results.LocalRedirect($"{SignInPath}?reset=1");
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit);

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

    public sealed class PasswordForm
    {
        public string? Current { get; set; }
        public string? NewPassword { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class ResetForm
    {
        public string? User { get; set; }
        public string? Token { get; set; }
        public string? NewPassword { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
