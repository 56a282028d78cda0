using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Common;
namespace TalksTracker.Cli.Commands;

/// <summary>
/// Merges an actor or a source into the one it duplicates, as the page's "Merge into…" does: every reference moves,
/// the merged record is deleted and its address leads to the kept one. Prints what moved as JSON.
/// </summary>
internal sealed class MergeCommand(string kind) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public string Name => kind;
    public string Summary => $"Merge a {kind} into the {kind} it duplicates; prints what moved as JSON.";

    public CliSyntax Syntax => new(
        $"{kind} merge FROM INTO [--dry-run]",
        "merge FROM INTO (ids)",
        [new("--dry-run", null, "Print what would move and change nothing.")],
        $"a {kind} does not exist, FROM and INTO are the same, or the merge is refused (the reason says why).");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words is not ["merge", var fromText, var intoText])
        {
            throw new CliUsageException($"{kind} needs: merge FROM INTO, two {kind} ids.");
        }

        if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(intoText, NumberStyles.None, CultureInfo.InvariantCulture, out var into))
        {
            throw new CliUsageException($"FROM and INTO are {kind} ids (whole numbers): '{fromText}', '{intoText}'.");
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        var merges = services.GetRequiredService<Merges>();
        var dryRun = CliArguments.Flag(args, "--dry-run");
        Outcome<MergePlan> outcome = (kind, dryRun) switch
        {
            (Merges.Actor, true) => await merges.PlanActorMergeAsync(from, into),
            (Merges.Actor, false) => await merges.MergeActorAsync(from, into),
            (_, true) => await merges.PlanSourceMergeAsync(from, into),
            _ => await merges.MergeSourceAsync(from, into),
        };
        if (!outcome.Succeeded)
        {
            throw new CliRefusalException(string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        }

        var plan = outcome.Value!;
        await stdout.WriteLineAsync(JsonSerializer.Serialize(plan, Json));
        await stderr.WriteLineAsync(dryRun
            ? $"Nothing changed: merging {plan.From.Name} into {plan.Into.Name} would move what is listed."
            : $"Merged {plan.From.Name} ({kind} {plan.From.Id}) into {plan.Into.Name} ({kind} {plan.Into.Id}).");
        return 0;
    }
}
