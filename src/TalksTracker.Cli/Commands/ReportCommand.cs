using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Common;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;

namespace TalksTracker.Cli.Commands;

/// <summary>
/// Withdraws a report (its claims leave the record with it), restores a withdrawn one, or proposes its claims again for
/// review, through the same checks as the pages and the API. Prints what was done (JSON).
/// </summary>
internal sealed class ReportCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "report";
    public string Summary => "Withdraw a report, restore a withdrawn one, or propose its claims again; prints what was done (JSON).";

    public CliSyntax Syntax { get; } = new(
        "report withdraw ID --reason TEXT [--version GUID]\n" +
        "       talkstracker report restore ID\n" +
        "       talkstracker report extract-again ID",
        "withdraw ID | restore ID | extract-again ID",
        [
            new("--reason", "TEXT", "withdraw: why the report is withdrawn (kept with it and its claims)."),
            new("--version", "GUID", "withdraw: the report's version you read; refused if it changed since. Without it, the current version."),
        ],
        "there is no such report, no reason was given, the report is (not) withdrawn already, or it changed since --version.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var action = args.FirstOrDefault();
        if (action is not ("withdraw" or "restore" or "extract-again"))
        {
            throw new CliUsageException("report needs an action: withdraw, restore or extract-again.");
        }

        var id = args.Length > 1 && int.TryParse(args[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new CliUsageException($"report {action} needs the report's id.");
        Guid? version = CliArguments.Option(args, "--version") is not { } text
            ? null
            : Guid.TryParse(text, out var v) ? v : throw new CliUsageException($"--version '{text}' is not a version (a GUID).");
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        var result = action switch
        {
            "withdraw" => Printed(await services.GetRequiredService<ReportWithdrawals>().WithdrawAsync(id, new ReportWithdrawal(CliArguments.Option(args, "--reason"), version))),
            "restore" => Printed(await services.GetRequiredService<ReportWithdrawals>().RestoreAsync(id)),
            _ => Printed(await services.GetRequiredService<IntakeService>().ReExtractAsync(id)),
        };
        await stdout.WriteLineAsync(result);
        return 0;
    }

    private static string Printed<T>(Outcome<T> outcome) => outcome.Succeeded
        ? JsonSerializer.Serialize(outcome.Value, Output)
        : throw new CliRefusalException(string.Join(" ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}
