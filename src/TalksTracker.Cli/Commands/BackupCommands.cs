using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;

namespace TalksTracker.Cli.Commands;

/// <summary>Online backup of the database: a verified single-file copy, written under its name only once complete.</summary>
internal sealed class BackupCommand : ICliCommand
{
    public string Name => "backup";
    public string Summary => "Copy the database while the app runs, verified by an integrity check.";

    public CliSyntax Syntax { get; } = new(
        "backup --to FILE",
        null,
        [new("--to", "FILE", "Where the copy is written (only once it is complete and verified).")],
        "there is no database, or the copy cannot be made or fails its check.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var to = CliArguments.Option(args, "--to") ?? throw new CliUsageException("backup needs --to FILE.");
        // Opening a database that is not there would create it, and the copy of an empty file is no backup.
        if (await services.GetRequiredService<DatabaseInitializer>().SchemaAsync() == DatabaseSchema.Missing)
        {
            throw new CliRefusalException("There is no TalksTracker database to back up (see ConnectionStrings:TalksTracker); nothing was written.");
        }

        var outcome = await services.GetRequiredService<DatabaseBackup>().BackupAsync(ConnectionString(services), to);
        return outcome.Succeeded ? Report(stdout, outcome.Message, 0) : throw new CliRefusalException(outcome.Message);
    }

    internal static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<CliConnection>().Value;

    internal static int Report(TextWriter writer, string message, int code)
    {
        writer.WriteLine(message);
        return code;
    }
}

/// <summary>
/// Puts a backup back in place of the database: the file is verified first, the database must not be
/// in use (stop the web app), and the swap is a rename, so the database is either the old one or the backup.
/// </summary>
internal sealed class RestoreCommand : ICliCommand
{
    public string Name => "restore";
    public string Summary => "Replace the database with a verified backup (stop the web app first).";

    public CliSyntax Syntax { get; } = new(
        "restore --from FILE",
        null,
        [new("--from", "FILE", "The backup to put in place of the database.")],
        "the backup fails its check, or the database is in use; the database is left as it was.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var from = CliArguments.Option(args, "--from") ?? throw new CliUsageException("restore needs --from FILE.");
        var outcome = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(BackupCommand.ConnectionString(services), from);
        return outcome.Succeeded ? BackupCommand.Report(stdout, outcome.Message, 0) : throw new CliRefusalException(outcome.Message);
    }
}

/// <summary>The resolved connection string the Cli's services use.</summary>
internal sealed record CliConnection(string Value);
