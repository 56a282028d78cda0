using Microsoft.AspNetCore.Identity;

namespace TalksTracker.Data.Accounts;

/// <summary>A person who signs in to the dashboard.</summary>
public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

/// <summary>
/// The Development demo accounts, one per role, whose password is published in the README: made only in Development,
/// and never to be carried into a database people use.
/// </summary>
public static class DemoAccounts
{
    public const string Domain = "demo.local";

    public static string EmailOf(string role) => $"{role}@{Domain}";

    public static bool IsDemo(string? email) => email is not null && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The four roles, and what each may do.</summary>
public static class Roles
{
    /// <summary>Reads everything.</summary>
    public const string Analyst = "analyst";

    /// <summary>Reads; enters and edits reports, claims, meetings, actors, venues and sources.</summary>
    public const string Editor = "editor";

    /// <summary>Reads; progress and exports.</summary>
    public const string Manager = "manager";

    /// <summary>All of the above, plus users, roles, the audit trail and backups.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Analyst, Editor, Manager, Admin];
}

/// <summary>Named authorization policies: every page, action and endpoint names one.</summary>
public static class Policies
{
    public const string Read = "read";
    public const string Edit = "edit";
    public const string Export = "export";
    public const string Administer = "administer";

    /// <summary>The roles each policy admits: what the authorization setup grants and what a refusal tells the user.</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => policy switch
    {
        Read => Roles.All,
        Edit => [Roles.Editor, Roles.Admin],
        Export => [Roles.Manager, Roles.Admin],
        Administer => [Roles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such policy."),
    };
}

/// <summary>
/// A key a script sends in the X-Api-Key header to act as its user. Only a SHA-256 hash of the key
/// is stored; the key itself is shown once when it is created.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, to tell keys apart in lists without revealing them.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
