using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksTracker.Cli.Commands;
using TalksTracker.Data;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Time;

namespace TalksTracker.Cli;

/// <summary>
/// The command line: the same database, configuration and services as the web app.
/// Exit codes: 0 done, 1 the input or the data was refused (a one-line reason on stderr), 2 usage.
/// </summary>
public static class CliApp
{
    private static readonly ICliCommand[] Commands = [new SeedCommand(), new MigrateCommand(), new MigrateDataCommand(), new ExtractCommand(), new ImportCommand(), new ExportCommand(), new ApiKeyCommand(), new BackupCommand(), new RestoreCommand()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? settings = null)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(stdout);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"Unknown command '{args[0]}'. Run with --help to see the commands.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        var configured = builder.Configuration.GetConnectionString("TalksTracker");
        if (string.IsNullOrWhiteSpace(configured))
        {
            stderr.WriteLine("ConnectionStrings:TalksTracker is not set (appsettings.json or ConnectionStrings__TalksTracker).");
            return 2;
        }

        var provider = DatabaseProviders.FromConfiguration(builder.Configuration);
        var connectionString = provider == DatabaseProvider.Sqlite
            ? DataServiceCollectionExtensions.ResolveSqliteConnectionString(configured, builder.Environment.ContentRootPath)
            : configured;
        builder.Services.AddProductClock(_ => builder.Environment.EnvironmentName);
        builder.Services.AddTalksTrackerData(_ => provider, _ => connectionString);
        builder.Services.AddSingleton(new CliConnection(connectionString));
        using var host = builder.Build();
        if (host.Services.GetRequiredService<ClockChoice>().Note is { } clockNote)
        {
            stderr.WriteLine(clockNote);
        }

        try
        {
            return await command.RunAsync(args[1..], host.Services, stdout, stderr);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }
        catch (CliRefusalException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            stderr.WriteLine(DatabaseBusy.Message);
            return 1;
        }
        catch (Exception e) when (DatabaseConflict.Is(e))
        {
            stderr.WriteLine(DatabaseConflict.Message);
            return 1;
        }
    }

    private static void WriteUsage(TextWriter stdout)
    {
        stdout.WriteLine("talkstracker <command> [options]");
        stdout.WriteLine();
        foreach (var command in Commands)
        {
            stdout.WriteLine($"  {command.Name,-10} {command.Summary}");
        }
    }
}
