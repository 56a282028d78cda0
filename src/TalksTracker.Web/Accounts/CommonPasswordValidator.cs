using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// Refuses passwords everyone tries first (NIST 800-63B 3.1.1.2: check against commonly used passwords), case
/// aside. Two embedded lists: the 100,000 most common passwords of the OWASP SecLists 10-million list
/// (common-passwords-100k.txt.gz, in frequency order; provenance and licence in common-passwords.NOTICE.md) and a
/// hand-made one of the digits and years people add to the usual words (common-passwords.txt). Only entries as
/// long as <see cref="PasswordLengthValidator.MinLength"/> are kept in memory: a shorter one is refused by length
/// before it could match, so holding it would only cost memory.
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
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var breached = Resource("common-passwords-100k.txt.gz"))
        using (var unzipped = new GZipStream(breached, CompressionMode.Decompress))
        {
            Add(words, unzipped);
        }

        using (var handMade = Resource("common-passwords.txt"))
        {
            Add(words, handMade);
        }

        return words;
    }

    private static Stream Resource(string name) =>
        typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream($"TalksTracker.Web.Accounts.{name}")
        ?? throw new InvalidOperationException($"The password list {name} is not embedded in TalksTracker.Web.");

    private static void Add(HashSet<string> words, Stream list)
    {
        using var reader = new StreamReader(list);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: >= PasswordLengthValidator.MinLength } word)
            {
                words.Add(word);
            }
        }
    }
}
