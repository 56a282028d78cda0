using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Intake;

namespace TalksTracker.Cli.Commands;

/// <summary>
/// Takes report files in with their extracted claims as proposals for an editor's review. Every
/// file is checked first: if any is refused, none is imported.
/// </summary>
internal sealed class ImportCommand : ICliCommand
{
    public string Name => "import";
    public string Summary => "Take in report files (.txt, .md, .html) with proposed claims for review.";

    public CliSyntax Syntax { get; } = new(
        "import FILE... [--outlet NAME] [--language CODE]",
        "FILE...",
        [
            new("--outlet", "NAME", "The outlet that published the reports."),
            new("--language", "CODE", "Their language (e.g. en)."),
        ],
        "a file is missing, too large or not text (then none is taken in), or the intake refuses one (the others are taken in).");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var outlet = CliArguments.Option(args, "--outlet");
        var language = CliArguments.Option(args, "--language");
        var paths = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        if (paths.Count == 0)
        {
            throw new CliUsageException("import needs at least one FILE.");
        }

        var files = paths.Select(p => (Path: p, File: ReportFiles.Read(p))).ToList();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        var intake = services.GetRequiredService<IntakeService>();
        var failed = false;
        foreach (var (path, file) in files)
        {
            var outcome = await intake.TakeInAsync(new ReportSubmission { Text = file.Text, Format = file.Format, Outlet = outlet, Language = language });
            if (!outcome.Succeeded)
            {
                failed = true;
                await stderr.WriteLineAsync($"{path}: {string.Join(" ", outcome.Errors.SelectMany(e => e.Value))}");
                continue;
            }

            var receipt = outcome.Value!;
            await stdout.WriteLineAsync(receipt.AlreadyPresent
                ? $"{path}: already taken in as report {receipt.ReportId}"
                : $"{path}: report {receipt.ReportId}, {receipt.Proposals} proposed claims to review at /reports/{receipt.ReportId}/review");
        }

        return failed ? 1 : 0;
    }
}
