using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>Passwords of 12 to 128 characters: long passphrases welcome, unbounded input not.</summary>
public sealed class PasswordLengthValidator : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
