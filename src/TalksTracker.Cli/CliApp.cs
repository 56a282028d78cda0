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
/// Standard output carries only a command's result (JSON, an export, a key), so it can be piped into another
/// program; logs, notes and reasons go to standard error.
/// </summary>
public static class CliApp
{
    private const string ExitUsage = "usage: an unknown command, option or argument, or a missing or bad value";

    private static readonly ICliCommand[] Commands = [new SeedCommand(), new MigrateCommand(), new MigrateDataCommand(), new ExtractCommand(), new ImportCommand(), new ExportCommand(), new ApiKeyCommand(), new TrackCommand(), new ReportCommand(), new MergeCommand(Data.Editing.Merges.Actor), new MergeCommand(Data.Editing.Merges.Source), new BackupCommand(), new RestoreCommand()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? settings = null)
    {
        // Who the changes are audited under: --as NAME before the command, else the operating-system user.
        var actingAs = $"cli:{Environment.UserName}";
        if (args.Length > 0 && args[0] == "--as")
        {
            if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].StartsWith('-'))
            {
                stderr.WriteLine("--as needs a name: talkstracker --as NAME <command> [options]");
                return 2;
            }

            (actingAs, args) = (args[1].Trim(), args[2..]);
        }

        if (args.Length == 0)
        {
            WriteUsage(stderr);
            return 2;
        }

        // "help", "--help" or "-h" before a command's name (or after it, below) asks for the command's help.
        var helpWanted = args[0] is "-h" or "--help" or "help";
        if (helpWanted && args.Length == 1)
        {
            WriteUsage(stdout);
            return 0;
        }

        var name = helpWanted ? args[1] : args[0];
        var command = Commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            stderr.WriteLine($"Unknown command '{name}'. Run with --help to see the commands.");
            return 2;
        }

        if (helpWanted || args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            WriteHelp(command, stdout);
            return 0;
        }

        if (command.Syntax.Misuse(command.Name, args[1..]) is { } misuse)
        {
            return Misused(command, misuse, stderr);
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
        // Every log line goes to standard error (the console logger writes them all to standard output unless told).
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddSimpleConsole(o => o.SingleLine = true);
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
            using var acting = CurrentActor.As(actingAs);
            return await command.RunAsync(args[1..], host.Services, stdout, stderr);
        }
        catch (CliUsageException e)
        {
            return Misused(command, e.Message, stderr);
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

    private static int Misused(ICliCommand command, string reason, TextWriter stderr)
    {
        stderr.WriteLine(reason);
        stderr.WriteLine($"Usage: talkstracker {command.Syntax.Usage}");
        stderr.WriteLine($"Run 'talkstracker {command.Name} --help' for its options and exit codes.");
        return 2;
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("talkstracker [--as NAME] <command> [options]");
        writer.WriteLine();
        foreach (var command in Commands)
        {
            writer.WriteLine($"  {command.Name,-13} {command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Run 'talkstracker <command> --help' for a command's options.");
        writer.WriteLine("--as NAME: the name the changes are audited under (default cli:<operating-system user>).");
        writer.WriteLine($"Exit codes: 0 done, 1 refused (a one-line reason on standard error), 2 {ExitUsage}.");
        writer.WriteLine("Standard output carries only a command's result; logs and notes go to standard error.");
    }

    private static void WriteHelp(ICliCommand command, TextWriter writer)
    {
        var syntax = command.Syntax;
        writer.WriteLine($"Usage: talkstracker {syntax.Usage}");
        writer.WriteLine();
        writer.WriteLine(command.Summary);
        writer.WriteLine();
        writer.WriteLine("Options:");
        var options = syntax.Options.Select(o => (Name: o.Value is null ? o.Name : $"{o.Name} {o.Value}", o.Description))
            .Append((Name: "-h, --help", Description: "Show this help."))
            .ToList();
        var width = options.Max(o => o.Name.Length) + 2;
        foreach (var (name, description) in options)
        {
            writer.WriteLine($"  {name.PadRight(width)}{description}");
        }

        writer.WriteLine();
        writer.WriteLine("Exit codes:");
        writer.WriteLine("  0  done");
        writer.WriteLine($"  1  refused, with a one-line reason on standard error: {syntax.Refused}");
        writer.WriteLine($"  2  {ExitUsage}");
        writer.WriteLine();
        writer.WriteLine("Standard output carries only the result; logs and notes go to standard error.");
    }
}
