using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Seeding;

namespace TalksTracker.Cli.Commands;

/// <summary>Brings the database to the current schema and loads the seeds (each seed at most once).</summary>
internal sealed class SeedCommand : ICliCommand
{
    public string Name => "seed";
    public string Summary => "Migrate the database and load the seeds (again is harmless).";

    public CliSyntax Syntax { get; } = new(
        "seed [--folder DIR]",
        null,
        [new("--folder", "DIR", "The folder of seed files (default: the seeds/ beside the program).")],
        "the folder or a seed file is refused, or the database is busy.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var folder = CliArguments.Option(args, "--folder") ?? Seeder.DefaultFolder;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        try
        {
            foreach (var outcome in await services.GetRequiredService<Seeder>().SeedAsync(folder))
            {
                stdout.WriteLine($"{outcome.File}: {outcome.Message}");
            }
        }
        catch (SeedException e)
        {
            throw new CliRefusalException(e.Message);
        }

        return 0;
    }
}

/// <summary>Brings the database to the current schema without loading anything.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";
    public string Summary => "Apply any pending migrations.";

    public CliSyntax Syntax { get; } = new("migrate", null, [], "the database is busy.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        stdout.WriteLine("The database is up to date.");
        return 0;
    }
}
