using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// A password check costs what hashing costs (210,000 iterations); a sign-in that needs no check (no such account)
/// would answer in a few milliseconds and so tell that the address is unknown. It checks the password against a
/// hash made once with the same hasher instead.
/// </summary>
internal static class PasswordTiming
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? _hash;

    public static void Equalise(IPasswordHasher<AppUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
