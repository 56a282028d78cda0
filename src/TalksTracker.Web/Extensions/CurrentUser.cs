using Microsoft.AspNetCore.Components.Authorization;

namespace TalksTracker.Web.Extensions;

/// <summary>Who is working in this circuit, for the audit trail.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<string> NameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.Name ?? "anonymous";
    }

    /// <summary>The account's id (its name where no id claim is present): what per-user browser storage is keyed by.</summary>
    public async Task<string> IdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? state.User.Identity?.Name ?? "anonymous";
    }
}
