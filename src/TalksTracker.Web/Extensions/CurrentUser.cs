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
}
