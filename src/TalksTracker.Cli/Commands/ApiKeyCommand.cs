using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Cli.Commands;

/// <summary>Creates an API key for a user, for automation; the key is printed once and stored hashed.</summary>
internal sealed class ApiKeyCommand : ICliCommand
{
    public string Name => "apikey";
    public string Summary => "Create an API key for a user; the key is printed once, alone, on standard output.";

    public CliSyntax Syntax { get; } = new(
        "apikey create --user EMAIL --name NAME [--quiet]",
        "create",
        [
            new("--user", "EMAIL", "The user the key acts as."),
            new("--name", "NAME", "What the key is for, to recognise it in the list of keys."),
            new("--quiet", null, "Print nothing but the key (no note on standard error)."),
        ],
        "there is no user with that email, or the name is refused.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.FirstOrDefault() != "create")
        {
            throw new CliUsageException("apikey needs the action create.");
        }

        var email = CliArguments.Option(args, "--user") ?? throw new CliUsageException("apikey create needs --user EMAIL.");
        var name = CliArguments.Option(args, "--name") ?? throw new CliUsageException("apikey create needs --name NAME.");
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        await using var db = await services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync();
        var normalized = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync()
                     ?? throw new CliRefusalException($"There is no user with the email {email}.");

        var created = await services.GetRequiredService<ApiKeyService>().CreateAsync(userId, name);
        if (!created.Succeeded)
        {
            throw new CliRefusalException(string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        }

        await stdout.WriteLineAsync(created.Value!.Key);
        if (CliArguments.Flag(args, "--quiet"))
        {
            return 0;
        }

        await stderr.WriteLineAsync($"Created API key “{created.Value.Name}” for {email}. It is shown only now; send it in the X-Api-Key header.");
        return 0;
    }
}
