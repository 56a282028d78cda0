using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// Refuses passwords everyone tries first (NIST 800-63B 3.1.1.2: check against commonly used passwords), case
/// aside: a small list bundled with the app (common-passwords.txt, embedded), the ones of 12 characters or more
/// since shorter ones are refused anyway. It is hand-made from the usual top of leaked-password lists with the
/// digits and years people add; a full breach corpus is not bundled.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "This password is one of the most common ones: choose a less guessable one, such as a few unrelated words." })
            : IdentityResult.Success);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("TalksTracker.Web.Accounts.common-passwords.txt")
                           ?? throw new InvalidOperationException("The common password list is not embedded in TalksTracker.Web.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        return words;
    }
}
