using System.Collections.Concurrent;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// Slows a password guesser without handing anyone a way to lock an account. Failed sign-ins are counted per client
/// address and e-mail: after <see cref="MaxFailures"/> within <see cref="Window"/>, that address may not try that
/// e-mail again until the window has passed since its last failure. The account itself is never locked by failures
/// (an attacker elsewhere cannot lock its owner out, and its API keys go on working), and unknown e-mails are held
/// exactly like real ones, so the answer tells nothing about which exist. Each address is also limited to
/// 10 attempts a minute across all e-mails (the sign-in rate limit).
/// </summary>
/// <remarks>Kept in the instance's memory: behind a load balancer that pins a client to an instance (deploy.md), a
/// client meets the same counts each time; a restart forgets them.</remarks>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounded: past this many pairs the expired ones are dropped first, then the oldest.
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<(string Address, string Email), Failures> _failures = new();

    /// <summary>Whether <paramref name="address"/> must wait before trying <paramref name="email"/> again.</summary>
    public bool IsHeld(string address, string email) =>
        _failures.TryGetValue(Key(address, email), out var failures) && failures.IsHeld(clock.GetUtcNow());

    public void Failed(string address, string email)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTracked)
        {
            Prune(now);
        }

        _failures.AddOrUpdate(Key(address, email), _ => new Failures(1, now), (_, f) => f.Add(now));
    }

    public void Succeeded(string address, string email) => _failures.TryRemove(Key(address, email), out _);

    private static (string, string) Key(string address, string email) => (address, email.Trim().ToUpperInvariant());

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > Window)
            {
                _failures.TryRemove(key, out _);
            }
        }

        foreach (var (key, _) in _failures.OrderBy(f => f.Value.Last).Take(Math.Max(0, _failures.Count - MaxTracked / 2)))
        {
            _failures.TryRemove(key, out _);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last)
    {
        // A failure after a quiet window starts the count again.
        public Failures Add(DateTimeOffset now) => now - Last > Window ? new Failures(1, now) : new Failures(Count + 1, now);

        public bool IsHeld(DateTimeOffset now) => Count >= MaxFailures && now - Last <= Window;
    }
}
