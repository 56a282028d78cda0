namespace TalksTracker.Web.Extensions;

/// <summary>
/// Response headers that close the usual browser holes. The content security policy allows only the
/// app's own scripts (no inline script at all); MudBlazor needs inline style attributes. base-uri is
/// 'self', not 'none': Blazor resolves every route against &lt;base href="/"&gt;, which 'none' blocks;
/// 'self' still stops an injected base tag from pointing links and scripts elsewhere.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>HSTS a year long, subdomains included (a month without them let a sibling host be reached over HTTP).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>The API (exports included, under /api/export), its description and the health check.</summary>
    public static bool IsPrivateData(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (IsPrivateData(context.Request.Path))
        {
            // API answers and exports carry the data itself: no browser, proxy or shared cache keeps a copy.
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        return next(context);
    });
}
