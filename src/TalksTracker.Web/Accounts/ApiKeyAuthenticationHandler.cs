using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>Signs a request in as the user whose API key it carries in the X-Api-Key header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    ApiKeyPrincipals cache,
    IUserClaimsPrincipalFactory<AppUser> principals,
    UserManager<AppUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await keys.HolderForAsync(values.ToString(), Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        // The user's roles and lockout are worked out once per version of the user record, not on every call.
        if (cache.Find(holder) is not { } principal)
        {
            var user = await users.FindByIdAsync(holder.UserId);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return AuthenticateResult.Fail("The API key is not valid.");
            }

            var claims = (await principals.CreateAsync(user)).Claims;
            principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
            // Only when the version read with the key still describes the user read here; else the next call works it out again.
            if ($"{user.ConcurrencyStamp}|{user.SecurityStamp}" == holder.UserVersion)
            {
                cache.Keep(holder, principal);
            }
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
