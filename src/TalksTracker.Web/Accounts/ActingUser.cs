using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using TalksTracker.Data.Persistence;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// Says who acts (<see cref="CurrentActor"/>) wherever work starts in the web app: each request acts as its signed-in
/// user (a cookie or an API key), and each activity of an interactive circuit — a click, a form post, a render — as
/// the circuit's user. Saves made meanwhile, by the product's services or by Identity, are audited under that name.
/// </summary>
public static class ActingUser
{
    /// <summary>The name a principal acts under: its e-mail (the accounts' user name), or "anonymous".</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    /// <summary>Acts as the request's user for the rest of the pipeline (after authentication).</summary>
    public static IApplicationBuilder UseActingUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using (CurrentActor.As(NameOf(context.User)))
            {
                await next(context);
            }
        });

    public static IServiceCollection AddActingUser(this IServiceCollection services) =>
        services.AddScoped<CircuitActivity>().AddScoped<CircuitHandler, CircuitActingUser>();

    /// <summary>
    /// One per circuit (circuit handlers are made in the circuit's scope): each inbound activity acts as its user and
    /// counts as the user's activity for the circuit's idle limit.
    /// </summary>
    private sealed class CircuitActingUser(AuthenticationStateProvider authentication, CircuitActivity activity) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                activity.Touch();
                var state = await authentication.GetAuthenticationStateAsync();
                using (CurrentActor.As(NameOf(state.User)))
                {
                    await next(context);
                }
            };
    }
}
