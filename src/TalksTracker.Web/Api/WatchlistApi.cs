using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TalksTracker.Data.Alerts;
using TalksTracker.Web.Alerts;

namespace TalksTracker.Web.Api;

/// <summary>The caller's own watchlist: follows, notifications, digest frequency and webhooks (docs/alerts.md).</summary>
public static class WatchlistApi
{
    public sealed record FollowRequest(FollowKind Kind, int? SubjectId, string? Query);

    public sealed record ReadRequest(IReadOnlyList<long>? Ids);

    public sealed record DigestRequest(DigestFrequency Frequency);

    public sealed record WebhookRequest(string? Url);

    public sealed record UnreadCount(int Unread);

    public sealed record MarkedRead(int Marked);

    public sealed record Removed(int Id);

    public static RouteGroupBuilder MapWatchlistApi(this RouteGroupBuilder api)
    {
        api.MapGet("/follows", async (ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
            TypedResults.Ok(await watchlist.FollowsAsync(UserId(user), ct)));
        api.MapPost("/follows", async Task<Results<Ok<FollowView>, ValidationProblem, ProblemHttpResult>> (FollowRequest? request, ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
                request is null
                    ? ApiEndpoints.Unreadable("follow")
                    : ApiEndpoints.Edited(await watchlist.FollowAsync(UserId(user), request.Kind, request.SubjectId, request.Query, ct), "record to follow"))
            .ProducesValidationProblem()
            .ProducesNotFound();
        api.MapDelete("/follows/{id:int}", async Task<Results<Ok<Removed>, ProblemHttpResult>> (int id, ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
                await watchlist.UnfollowAsync(UserId(user), id, ct) ? TypedResults.Ok(new Removed(id)) : ApiEndpoints.NotFound("follow of yours", id))
            .ProducesNotFound();

        api.MapGet("/notifications", async (bool? unread, int? take, ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
            TypedResults.Ok(await watchlist.NotificationsAsync(UserId(user), unread ?? false, take ?? WatchlistService.NotificationsListed, ct)));
        api.MapGet("/notifications/unread-count", async (ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
            TypedResults.Ok(new UnreadCount(await watchlist.UnreadCountAsync(UserId(user), ct))));
        api.MapPost("/notifications/read", async (ReadRequest? request, ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await watchlist.MarkReadAsync(UserId(user), request?.Ids, ct))))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPut("/digest", async Task<Results<Ok<DigestRequest>, ProblemHttpResult>> (DigestRequest? request, ClaimsPrincipal user, WatchlistService watchlist, CancellationToken ct) =>
        {
            if (request is null)
            {
                return ApiEndpoints.Unreadable("digest frequency");
            }

            await watchlist.SetDigestFrequencyAsync(UserId(user), request.Frequency, ct);
            return TypedResults.Ok(request);
        }).ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/webhooks", async (ClaimsPrincipal user, Webhooks webhooks, CancellationToken ct) => TypedResults.Ok(await webhooks.ListAsync(UserId(user), ct)));
        api.MapPost("/webhooks", async Task<Results<Ok<NewWebhook>, ValidationProblem, ProblemHttpResult>> (WebhookRequest? request, ClaimsPrincipal user, Webhooks webhooks, CancellationToken ct) =>
                request is null ? ApiEndpoints.Unreadable("webhook") : ApiEndpoints.Edited(await webhooks.AddAsync(UserId(user), request.Url, ct), "webhook"))
            .ProducesValidationProblem();
        api.MapDelete("/webhooks/{id:int}", async Task<Results<Ok<Removed>, ProblemHttpResult>> (int id, ClaimsPrincipal user, Webhooks webhooks, CancellationToken ct) =>
                await webhooks.RemoveAsync(UserId(user), id, ct) ? TypedResults.Ok(new Removed(id)) : ApiEndpoints.NotFound("webhook of yours", id))
            .ProducesNotFound();
        return api;
    }

    /// <summary>The caller's account id: a signed-in user's and an API key's principal both carry it.</summary>
    internal static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller has no account id.");
}
