using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using TalksTracker.Data.Changes;
using TalksTracker.Domain;

namespace TalksTracker.Web.Api;

/// <summary>
/// GET /api/changes/stream: the change feed as Server-Sent Events, for statically rendered pages that follow saves
/// without a circuit (docs/persistence.md, "Live changes"). One small event per batch: the data version, the kinds of
/// records it touched and the meetings and tracks among them — ids only, never who saved or what was written.
/// </summary>
public static class ChangesApi
{
    /// <summary>Sent while nothing changes, so proxies and load balancers keep the stream open.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    // Records any reader may know were touched; the audit trail also holds accounts, follows, webhooks …, never sent.
    private static readonly HashSet<string> PublicKinds = new(StringComparer.Ordinal)
    {
        nameof(Meeting), nameof(Claim), nameof(Track), nameof(AgendaItem), nameof(Source), nameof(Actor), nameof(Venue),
        nameof(Position), nameof(Report),
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/changes/stream", StreamAsync)
            .Produces<ChangeEvent>(StatusCodes.Status200OK, "text/event-stream") // each event's data
            .WithSummary("Server-Sent Events: one event per saved batch of changes (data version, kinds, meeting and track ids); a comment every 15 s. ?since=VERSION (or Last-Event-ID) first sends what was saved after that version.");
        return api;
    }

    /// <summary>What one batch tells a reader; null when it touched nothing a reader sees.</summary>
    public sealed record ChangeEvent(long Version, int Count, IReadOnlyList<string> Kinds, IReadOnlyList<int> Meetings, IReadOnlyList<int> Tracks)
    {
        public static ChangeEvent? Of(ChangeBatch batch)
        {
            var records = batch.Records
                .Select(r => r.Touches.Where(t => PublicKinds.Contains(t.Kind)).ToList())
                .Where(t => t.Count > 0)
                .ToList();
            if (records.Count == 0)
            {
                return null;
            }

            var touched = records.SelectMany(t => t).Distinct().ToList();
            return new ChangeEvent(batch.Version, records.Count,
                [.. touched.Select(t => t.Kind).Distinct().Order(StringComparer.Ordinal)],
                [.. touched.Where(t => t.Kind == nameof(Meeting)).Select(t => t.Id).Order()],
                [.. touched.Where(t => t.Kind == nameof(Track)).Select(t => t.Id).Order()]);
        }
    }

    private static string EventText(ChangeEvent change) =>
        $"id: {change.Version}\nevent: change\ndata: {JsonSerializer.Serialize(change, Json)}\n\n";

    /// <summary>
    /// The version the client has seen: the browser's <c>Last-Event-ID</c> when it reconnects, else <c>?since=</c>
    /// (the version the page was read at). Anything else is no version: the stream starts from now.
    /// </summary>
    private static long? SinceOf(HttpRequest request)
    {
        var value = request.Headers["Last-Event-ID"].FirstOrDefault() ?? request.Query["since"].FirstOrDefault();
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }

    private static async Task StreamAsync(HttpContext context, ChangeFeed feed, CancellationToken ct)
    {
        // The feed calls on its own thread and must not wait: batches queue here, the oldest dropped if a client stalls.
        var queue = Channel.CreateBounded<ChangeEvent>(new BoundedChannelOptions(64)
            { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });
        using var subscription = feed.Subscribe(batch =>
        {
            if (ChangeEvent.Of(batch) is { } change)
            {
                queue.Writer.TryWrite(change);
            }
        });

        var response = context.Response;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        var writer = new StreamWriter(response.Body) { AutoFlush = false, NewLine = "\n" };
        try
        {
            await writer.WriteAsync($"retry: 3000\n: version {feed.CurrentVersion}\n\n");
            // Subscribed first, then caught up: a save made after the page was read (or while the browser
            // reconnected) but before this request is sent too, perhaps twice; the page ignores what it has.
            if (SinceOf(context.Request) is { } since && await feed.SinceAsync(since, ct) is { } missed && ChangeEvent.Of(missed) is { } caughtUp)
            {
                await writer.WriteAsync(EventText(caughtUp));
            }

            await writer.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                bool ready;
                try
                {
                    ready = await queue.Reader.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await writer.WriteAsync(": heartbeat\n\n");
                    await writer.FlushAsync(ct);
                    continue;
                }

                if (!ready)
                {
                    return;
                }

                while (queue.Reader.TryRead(out var change))
                {
                    await writer.WriteAsync(EventText(change));
                }

                await writer.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went: the subscription ends with this request.
        }
        catch (IOException) when (ct.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        {
            // Written to a connection already closed.
        }
    }
}
