using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>Accounts, roles and protection: who may see and change what.</summary>
public static class AccountsServiceExtensions
{
    public const string ApiRateLimit = "api";
    private const string SmartScheme = "CookieOrApiKey";

    public static WebApplicationBuilder AddTalksTrackerAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<AppUser>(o =>
            {
                // NIST 800-63B: length over composition rules.
                o.Password.RequiredLength = PasswordLengthValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // Failed sign-ins never lock an account (SignInThrottle holds the guesser's address instead); lockout is
                // what an admin uses to disable one.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TalksTrackerDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // OWASP (2023) asks for 600,000 PBKDF2-HMAC-SHA256 iterations or 210,000 with SHA-512; Identity v3 hashes use SHA-512.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddSingleton<ApiKeyPrincipals>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountEndpoints.SignInPath;
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = SessionLimits.Inactivity;
            o.SlidingExpiration = true;
            o.Cookie.Name = "TalksTracker.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events = new CookieAuthenticationEvents
            {
                // Scripts get status codes, not sign-in pages.
                OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
                OnSigningIn = SessionLimits.OnSigningIn,
                OnValidatePrincipal = SessionLimits.OnValidatePrincipal,
            };
        });

        // Secure over HTTPS (never sent back over plain HTTP), as the sign-in cookie; plain HTTP in development still works.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Policies.RolesOf(Policies.Read)))
            .AddPolicy(Policies.Edit, p => p.RequireRole(Policies.RolesOf(Policies.Edit)))
            .AddPolicy(Policies.Export, p => p.RequireRole(Policies.RolesOf(Policies.Export)))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Policies.RolesOf(Policies.Administer)))
            // Anything not marked otherwise needs a signed-in user: a new page cannot be added unprotected.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddSessionLimits();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountAdministration>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<AccountBootstrapper>();

        services.AddDataProtection()
            .SetApplicationName("TalksTracker")
            .PersistKeysToDbContext<TalksTrackerDbContext>();
        services.AddKeyEncryption();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountEndpoints.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 10), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = builder.Configuration.GetValue("RateLimits:ApiBurst", 200),
                    TokensPerPeriod = builder.Configuration.GetValue("RateLimits:ApiPerSecond", 50),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    public static async Task BootstrapAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().RunAsync();
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        if (IsApi(context.Request) || status == StatusCodes.Status403Forbidden)
        {
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A script's request (the API, the OpenAPI document, or any request with an API key): answered with status codes, not pages.</summary>
    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);
}
