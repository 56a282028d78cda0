using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Extensions;
using TalksTracker.Data.Time;
using TalksTracker.Data.Alerts;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// Marks a reading page whose whole static response is the same for every reader with the same roles, address and day,
/// but for the reader's own parts (<see cref="PageHoles"/>): it is kept rendered until the data changes, and a request
/// costs the reader's parts only (#26). Only static visits are kept; an editor's interactive visit renders as always.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class KeptPageAttribute : Attribute;

/// <summary>
/// The reader's own parts of a <see cref="KeptPageAttribute">kept page</see>: while the page is rendered to be kept, the
/// components that show them write a marker instead, and each request fills the markers in for its reader — their
/// name, antiforgery token, unread count and follow state. Nothing else of a reader may be on a kept page.
/// </summary>
/// <remarks>
/// A marker is letters and digits around a secret made at start-up, so it reads the same in text and attributes after
/// HTML encoding, and no text a user wrote can forge one.
/// </remarks>
public static class PageHoles
{
    private static readonly string Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private static readonly string Prefix = "tthole" + Secret;
    private static readonly object TemplateFlag = new();

    public const string UserName = "user";
    public const string FormToken = "token";
    public const string Bell = "bell";
    public const string FollowLabel = "followlabel";
    private const string FollowStart = "follows";
    private const string FollowElse = "followelse";
    private const string FollowEnd = "followend";

    /// <summary>True while the page is rendered to be kept: the reader's parts write <see cref="Marker"/>s.</summary>
    public static bool RendersKeptPage(this HttpContext? context) => context?.Items.ContainsKey(TemplateFlag) == true;

    internal static void MarkKeptRender(HttpContext context) => context.Items[TemplateFlag] = true;

    public static string Marker(string name) => Prefix + name + Secret;

    /// <summary>Opens a follow button's two forms: the one for a reader who does not follow, then (after <see cref="FollowOtherwise"/>) the one for a reader who does.</summary>
    public static string FollowBegins(FollowKind kind, int? subjectId, string? query) =>
        Marker($"{FollowStart}{(int)kind}x{subjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n"}x{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(query ?? ""))}");

    public static string FollowOtherwise => Marker(FollowElse);

    public static string FollowEnds => Marker(FollowEnd);

    private sealed record Follow(FollowKind Kind, int? SubjectId, string Query);

    /// <summary>The kept page with this request's reader's parts written in.</summary>
    public static async Task<string> FillAsync(string template, HttpContext context) => await FillAsync(template, context, followLabel: null);

    private static async Task<string> FillAsync(string template, HttpContext context, string? followLabel)
    {
        var services = context.RequestServices;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? "anonymous";
        var page = new StringBuilder(template.Length + 1024);
        string? token = null;
        var at = 0;
        while (Next(template, at) is { } hole)
        {
            page.Append(template, at, hole.Start - at);
            at = hole.End;
            switch (hole.Name)
            {
                case UserName:
                    page.Append(HtmlEncoder.Default.Encode(context.User.Identity?.Name ?? ""));
                    break;
                case FormToken:
                    token ??= Token(services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context));
                    page.Append(token);
                    break;
                case Bell:
                    var unread = await services.GetRequiredService<WatchlistService>().UnreadCountAsync(userId, context.RequestAborted);
                    page.Append(await services.GetRequiredService<RenderedFragments>().GetOrRenderAsync<BellLink>(services, $"bell|{unread}",
                        () => Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { [nameof(BellLink.Unread)] = unread })));
                    break;
                case FollowLabel when followLabel is not null:
                    page.Append(HtmlEncoder.Default.Encode(followLabel));
                    break;
                case var name when name.StartsWith(FollowStart, StringComparison.Ordinal):
                    var follow = ParseFollow(name[FollowStart.Length..]);
                    var otherwise = template.IndexOf(FollowOtherwise, at, StringComparison.Ordinal);
                    var end = template.IndexOf(FollowEnds, at, StringComparison.Ordinal);
                    if (otherwise < 0 || end < otherwise)
                    {
                        throw new InvalidOperationException("A kept follow button lacks its second form or its end.");
                    }

                    var view = await services.GetRequiredService<WatchlistService>().FindAsync(userId, follow.Kind, follow.SubjectId, follow.Query, context.RequestAborted);
                    // The chosen form may hold holes of its own (the token, the label): filled as the rest of the page.
                    var form = view is null ? template[at..otherwise] : template[(otherwise + FollowOtherwise.Length)..end];
                    page.Append(await FillAsync(form, context, view?.Label ?? ""));
                    at = end + FollowEnds.Length;
                    break;
                default:
                    throw new InvalidOperationException($"A kept page has a hole no request fills: {hole.Name}.");
            }
        }

        page.Append(template, at, template.Length - at);
        return page.ToString();
    }

    private static (int Start, int End, string Name)? Next(string template, int from)
    {
        var start = template.IndexOf(Prefix, from, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var nameStart = start + Prefix.Length;
        var close = template.IndexOf(Secret, nameStart, StringComparison.Ordinal);
        return (start, close + Secret.Length, template[nameStart..close]);
    }

    private static Follow ParseFollow(string data)
    {
        var parts = data.Split('x', 3);
        return new Follow((FollowKind)int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts[1] == "n" ? null : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2])));
    }

    // What Blazor's <AntiforgeryToken /> writes.
    private static string Token(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(tokens.FormFieldName)}\" value=\"{HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")}\" />";
}

/// <summary>
/// Serves <see cref="KeptPageAttribute">kept pages</see>: a static GET is answered from the page kept for its roles,
/// address and day at the current generation, with the reader's parts filled in; a miss renders the page with markers
/// for those parts, keeps it when it is a whole page (200, HTML) and answers it filled in the same way.
/// </summary>
public static class KeptPages
{
    public static IApplicationBuilder UseKeptPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<KeptPageAttribute>() is null
            || !context.RendersStatically() || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        var cache = services.GetRequiredService<GenerationCache>();
        // Enhanced navigation asks with its own Accept header; its answer is kept apart in case it is framed differently.
        var enhanced = context.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal);
        var key = $"page|{services.GetRequiredService<TimeProvider>().Today():yyyy-MM-dd}|{GenerationCache.ViewerKey(context.User)}|{enhanced}|{context.Request.GetEncodedUrl()}";
        if (!cache.TryGet(key, out var template, out var generation))
        {
            var body = context.Response.Body;
            using var rendered = new MemoryStream();
            context.Response.Body = rendered;
            PageHoles.MarkKeptRender(context);
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            template = Encoding.UTF8.GetString(rendered.GetBuffer(), 0, (int)rendered.Length);
            if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
            {
                // Not a page to keep (a redirect, a problem): this reader's answer only, still with their parts in.
                await context.Response.WriteAsync(await PageHoles.FillAsync(template, context), context.RequestAborted);
                return;
            }

            cache.Keep(key, generation, template);
        }

        var page = await PageHoles.FillAsync(template, context);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page, context.RequestAborted);
    });
}
