using System.Buffers;
using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
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

    internal static void UnmarkKeptRender(HttpContext context) => context.Items.Remove(TemplateFlag);

    public static string Marker(string name) => Prefix + name + Secret;

    /// <summary>Opens a follow button's two forms: the one for a reader who does not follow, then (after <see cref="FollowOtherwise"/>) the one for a reader who does.</summary>
    public static string FollowBegins(FollowKind kind, int? subjectId, string? query) =>
        Marker($"{FollowStart}{(int)kind}x{subjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n"}x{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(query ?? ""))}");

    public static string FollowOtherwise => Marker(FollowElse);

    public static string FollowEnds => Marker(FollowEnd);

    // A kept page cut at its holes once: the text between them already in UTF-8, so a request copies bytes to the
    // response and builds no string of the page (a timeline page is hundreds of kilobytes).
    internal abstract record Piece;

    internal sealed record Text(int Start, int Length) : Piece;

    internal sealed record Slot(string Name) : Piece;

    internal sealed record FollowSlot(int Index, Piece[] NotFollowing, Piece[] Following) : Piece;

    /// <summary>A page cut at its markers, with the headers its answer carries (<see cref="Cut"/>).</summary>
    internal sealed record Template(IReadOnlyList<KeyValuePair<string, StringValues>> Headers, byte[] Utf8, Piece[] Pieces, bool HasBell, bool HasToken, IReadOnlyList<FollowSubject> Follows)
    {
        /// <summary>What it holds in memory, for the cache's limit.</summary>
        public long Size => Utf8.Length;
    }

    /// <summary>A rendered page cut at its markers, with the headers its answer is to carry.</summary>
    internal static Template Cut(string rendered, IEnumerable<KeyValuePair<string, StringValues>> headers) => Parse(rendered, [.. headers]);

    /// <summary>Writes the page to the response with this request's reader's parts in.</summary>
    internal static async Task WriteAsync(Template template, HttpContext context, string? contentType)
    {
        var services = context.RequestServices;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? "anonymous";
        var (unread, follows) = await services.GetRequiredService<WatchlistService>().ReaderPartsAsync(userId, template.HasBell, template.Follows, context.RequestAborted);
        var bell = template.HasBell
            ? (await services.GetRequiredService<RenderedFragments>().GetOrRenderAsync<BellLink>(services, $"bell|{unread}",
                () => Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { [nameof(BellLink.Unread)] = unread }))).Value
            : "";

        // Taken before the first byte: it may set the antiforgery cookie and no-cache headers.
        var token = template.HasToken ? Token(services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context)) : "";
        var name = HtmlEncoder.Default.Encode(context.User.Identity?.Name ?? "");
        context.Response.ContentType = contentType;
        // Set, not added: a page just rendered has them already.
        foreach (var (header, values) in template.Headers)
        {
            context.Response.Headers[header] = values;
        }

        var writer = context.Response.BodyWriter;
        Write(template.Pieces, follow: null);
        await writer.FlushAsync(context.RequestAborted);

        // `follow`: the reader's follow of the button being written, whose label its form shows.
        void Write(Piece[] pieces, FollowView? follow)
        {
            foreach (var piece in pieces)
            {
                switch (piece)
                {
                    case Text text:
                        writer.Write(template.Utf8.AsSpan(text.Start, text.Length));
                        break;
                    case Slot slot:
                        Encoding.UTF8.GetBytes(slot.Name switch
                        {
                            UserName => name,
                            FormToken => token,
                            Bell => bell,
                            FollowLabel => HtmlEncoder.Default.Encode(follow?.Label ?? ""),
                            _ => throw new InvalidOperationException($"A kept page has a hole no request fills: {slot.Name}."),
                        }, writer);
                        break;
                    case FollowSlot choice:
                        var mine = follows[choice.Index];
                        Write(mine is null ? choice.NotFollowing : choice.Following, mine);
                        break;
                }
            }
        }
    }

    private static Template Parse(string kept, IReadOnlyList<KeyValuePair<string, StringValues>> headers)
    {
        var utf8 = new ArrayBufferWriter<byte>(kept.Length + 1024);
        var at = 0;
        var hasBell = false;
        var hasToken = false;
        var follows = new List<FollowSubject>();
        var pieces = Pieces(kept.Length, stop: null);
        return new Template(headers, utf8.WrittenSpan.ToArray(), pieces, hasBell, hasToken, follows);

        // The pieces from `at` up to the marker `stop` (or the end), leaving `at` after that marker.
        Piece[] Pieces(int end, string? stop)
        {
            var list = new List<Piece>();
            while (Next(kept, at) is { } hole && hole.Start < end)
            {
                AddText(list, hole.Start);
                at = hole.End;
                if (hole.Name == stop)
                {
                    return [.. list];
                }

                if (hole.Name.StartsWith(FollowStart, StringComparison.Ordinal))
                {
                    follows.Add(ParseFollow(hole.Name[FollowStart.Length..]));
                    list.Add(new FollowSlot(follows.Count - 1, Pieces(end, FollowElse), Pieces(end, FollowEnd)));
                    continue;
                }

                hasBell |= hole.Name == Bell;
                hasToken |= hole.Name == FormToken;
                list.Add(new Slot(hole.Name));
            }

            if (stop is not null)
            {
                throw new InvalidOperationException($"A kept page's follow button lacks its marker {stop}.");
            }

            AddText(list, end);
            return [.. list];
        }

        void AddText(List<Piece> list, int until)
        {
            if (until > at)
            {
                var start = utf8.WrittenCount;
                var length = Encoding.UTF8.GetBytes(kept.AsSpan(at, until - at), utf8);
                list.Add(new Text(start, (int)length));
            }
        }
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

    private static FollowSubject ParseFollow(string data)
    {
        var parts = data.Split('x', 3);
        return new FollowSubject((FollowKind)int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
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
    // Written per request (the reader's token may set a cookie and no-cache) or by the server itself.
    private static readonly HashSet<string> PerRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Set-Cookie", "Cache-Control", "Pragma", "Expires", "Date", "X-Frame-Options",
    };

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
        if (!cache.TryGet(key, out PageHoles.Template? template, out var generation))
        {
            // Readers asking while the page is being rendered (fifty right after a save) wait for that render.
            var made = await cache.MakeOnceAsync(key, generation, async () => await RenderAsync(context, next) is { } page ? (page, page.Size) : default, context.RequestAborted);
            template = made.Answer;
            if (template is null && !made.ByThisCaller)
            {
                // The render waited for was not a page to keep (or failed): this request renders its own.
                template = await RenderAsync(context, next);
            }

            if (template is null)
            {
                return; // answered already: not a page to keep
            }
        }

        await PageHoles.WriteAsync(template, context, "text/html; charset=utf-8");
    });

    /// <summary>
    /// Renders the page with markers for the reader's parts and returns it cut, to be kept and written; or, when it is not
    /// a page to keep (a redirect, a problem), writes this reader's answer and returns null.
    /// </summary>
    private static async Task<PageHoles.Template?> RenderAsync(HttpContext context, RequestDelegate next)
    {
        var body = context.Response.Body;
        var headersBefore = context.Response.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
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
            // An error page re-executed for this request (outside this middleware) renders as usual, with no markers.
            PageHoles.UnmarkKeptRender(context);
        }

        var page = Encoding.UTF8.GetString(rendered.GetBuffer(), 0, (int)rendered.Length);
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
        {
            // This reader's answer only, still with their parts in. An empty one stays unwritten, so the status code
            // page can still answer it (a 404 on a record's page).
            if (page.Length > 0)
            {
                await PageHoles.WriteAsync(PageHoles.Cut(page, []), context, context.Response.ContentType);
            }

            return null;
        }

        // What the endpoint said in headers is part of the page (`blazor-enhanced-nav: allow`, without which enhanced
        // navigation reloads the page): kept with it.
        return PageHoles.Cut(page, context.Response.Headers.Where(h => !headersBefore.Contains(h.Key) && !PerRequestHeaders.Contains(h.Key)));
    }
}
