using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TalksTracker.Data.Accounts;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Accounts;

/// <summary>Sign-in and sign-out as form posts (cookies are written by HTTP responses, not by circuits).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string SignInRateLimit = "signin";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, async ([FromForm] SignInForm form, SignInManager<AppUser> signIn, ILogger<SignInForm> logger) =>
            {
                var returnUrl = SafeReturnUrl(form.ReturnUrl);
                if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password) || form.Password.Length > PasswordLengthValidator.MaxLength)
                {
                    return Back("missing", form.Email, returnUrl);
                }

                var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    logger.LogInformation("{Email} signed in", LogText.Escape(form.Email.Trim()));
                    return Results.LocalRedirect(returnUrl);
                }

                logger.LogWarning("Failed sign-in for {Email}{Locked}", LogText.Escape(form.Email.Trim()), result.IsLockedOut ? " (locked out)" : "");
                return Back(result.IsLockedOut ? "locked" : "invalid", form.Email, returnUrl);
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
