using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// First start: the four roles, an admin from configuration (Bootstrap:AdminEmail and
/// Bootstrap:AdminPassword; a random password printed once to the log where none is configured),
/// and, in Development only, one demo account per role.
/// </summary>
public sealed class AccountBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AccountBootstrapper> logger)
{
    public const string DefaultAdminEmail = "admin@localhost";

    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var adminEmail = configuration["Bootstrap:AdminEmail"] ?? DefaultAdminEmail;
        if (await users.FindByEmailAsync(adminEmail) is null)
        {
            var configured = configuration["Bootstrap:AdminPassword"];
            var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
            await CreateAsync(adminEmail, password, Roles.Admin);
            if (string.IsNullOrEmpty(configured))
            {
                // Shown once, on the first start only: there is no other way to learn it.
                logger.LogWarning("Created the admin account {Email} with the generated password {Password} — sign in and change it.", adminEmail, password);
            }
            else
            {
                logger.LogInformation("Created the admin account {Email} from configuration.", adminEmail);
            }
        }

        if (environment.IsDevelopment() && configuration["Demo:Password"] is { Length: > 0 } demoPassword)
        {
            foreach (var role in Roles.All)
            {
                var email = DemoAccounts.EmailOf(role);
                if (await users.FindByEmailAsync(email) is null)
                {
                    await CreateAsync(email, demoPassword, role);
                }
            }
        }
    }

    private async Task CreateAsync(string email, string password, string role)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password), $"account {email}");
        Check(await users.AddToRoleAsync(user, role), $"role of {email}");
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
