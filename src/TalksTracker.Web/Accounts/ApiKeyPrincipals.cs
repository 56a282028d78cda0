using System.Collections.Concurrent;
using System.Security.Claims;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// The signed-in principal of each API key, kept per version of its user record (<see cref="ApiKeyHolder.UserVersion"/>):
/// Identity changes that version on every change to the user (roles, lockout, security stamp, password), so a changed
/// user is worked out again on the next call, on every instance, while an unchanged one costs a single read per call
/// instead of the half-dozen Identity needs to build a principal. A revoked key is never found, so never served from here.
/// </summary>
public sealed class ApiKeyPrincipals
{
    // Bounded: beyond it, the oldest half is dropped (keys in use are simply worked out again).
    public const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (string UserId, string Version, ClaimsPrincipal Principal, long Stamp)> _byKey = new();
    private long _clock;

    public ClaimsPrincipal? Find(ApiKeyHolder holder) =>
        _byKey.TryGetValue(holder.KeyHash, out var entry) && entry.UserId == holder.UserId && entry.Version == holder.UserVersion
            ? entry.Principal.Clone() // each request gets its own copy to add to
            : null;

    public void Keep(ApiKeyHolder holder, ClaimsPrincipal principal)
    {
        if (_byKey.Count >= Capacity)
        {
            foreach (var old in _byKey.OrderBy(e => e.Value.Stamp).Take(Capacity / 2).Select(e => e.Key).ToList())
            {
                _byKey.TryRemove(old, out _);
            }
        }

        _byKey[holder.KeyHash] = (holder.UserId, holder.UserVersion, principal, Interlocked.Increment(ref _clock));
    }
}
