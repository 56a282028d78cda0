using Microsoft.AspNetCore.Components.Authorization;

namespace TalksTracker.Web.Extensions;

/// <summary>Who is working in this circuit, for what a page keeps per user (the audit trail takes its name from CurrentActor).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    /// <summary>The account's id (its name where no id claim is present): what per-user browser storage is keyed by.</summary>
    public async Task<string> IdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? state.User.Identity?.Name ?? "anonymous";
    }
}
