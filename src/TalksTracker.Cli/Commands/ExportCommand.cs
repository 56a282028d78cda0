using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Export;

namespace TalksTracker.Cli.Commands;

/// <summary>Writes the progress board and claims with provenance as CSV, JSON or a STIX 2.1 bundle, to a file or stdout.</summary>
internal sealed class ExportCommand : ICliCommand
{
    public string Name => "export";
    public string Summary => "Export the progress board or the claims with their provenance, to a file or standard output.";

    public CliSyntax Syntax { get; } = new(
        "export --format csv|json|stix [--track ID] [--what claims|board] [--out FILE|-]",
        null,
        [
            new("--format", "csv|json|stix", "CSV, JSON, or a STIX 2.1 bundle."),
            new("--track", "ID", "Only this track (default: all)."),
            new("--what", "claims|board", "The claims with their provenance (default) or the progress board."),
            new("--out", "FILE|-", "Write the file there (its name on standard output), or - for its bytes on standard output (the default)."),
        ],
        "there is no such track, or the export is larger than the configured limit.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var formatText = CliArguments.Option(args, "--format") ?? throw new CliUsageException("export needs --format csv|json|stix.");
        if (!ExportService.TryParseFormat(formatText, out var format))
        {
            throw new CliUsageException($"Unknown format '{formatText}': use csv, json or stix.");
        }

        int? track = null;
        if (CliArguments.Option(args, "--track") is { } trackText)
        {
            track = int.TryParse(trackText, out var id) && id > 0 ? id : throw new CliUsageException($"--track needs a track id; '{trackText}' is not one.");
        }

        var content = ExportContent.Claims;
        if (CliArguments.Option(args, "--what") is { } whatText
            && (!Enum.TryParse(whatText, ignoreCase: true, out content) || !Enum.IsDefined(content) || int.TryParse(whatText, out _)))
        {
            throw new CliUsageException($"--what must be claims or board, not '{whatText}'.");
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        ExportFile file;
        try
        {
            file = await services.GetRequiredService<ExportService>().ExportAsync(format, track, content)
                   ?? throw new CliRefusalException($"There is no track {track}.");
        }
        catch (ExportTooLargeException e)
        {
            throw new CliRefusalException(e.Message);
        }

        // "-" is standard output, as without --out: a script can say so explicitly.
        if (CliArguments.Option(args, "--out") is { } path and not "-")
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            // Written beside the file and moved over it once complete: a failed export never leaves half a file.
            var partial = full + ".partial";
            try
            {
                await using (var output = File.Create(partial))
                {
                    await file.WriteToAsync(output);
                }

                File.Move(partial, full, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            stdout.WriteLine($"Wrote {file.FileName} to {full}.");
        }
        else
        {
            using var written = new MemoryStream();
            await file.WriteToAsync(written);
            await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(written.GetBuffer(), 0, (int)written.Length));
        }

        return 0;
    }
}
