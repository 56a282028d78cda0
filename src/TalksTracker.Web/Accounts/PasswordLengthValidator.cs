using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>Passwords of 12 to 128 characters: long passphrases welcome, unbounded input not (NIST 800-63B: length over composition rules).</summary>
public sealed class PasswordLengthValidator : IPasswordValidator<AppUser>
{
    /// <summary>The shortest password Identity accepts (<c>PasswordOptions.RequiredLength</c>); the forms ask for it too.</summary>
    public const int MinLength = 12;

    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
