using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Intake;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Intake;

namespace TalksTracker.Cli.Commands;

/// <summary>Prints the claims and attributions extraction proposes for a report file; stores nothing.</summary>
internal sealed class ExtractCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "extract";
    public string Summary => "Propose claims and sources for a report file; stores nothing.";

    public CliSyntax Syntax { get; } = new(
        "extract FILE [--json]",
        "FILE",
        [new("--json", null, "Print the proposals as JSON: the title and each claim with its source, stance and mentions.")],
        "the file is missing, too large or not text.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
                   ?? throw new CliUsageException("extract needs a FILE.");
        var file = ReportFiles.Read(path);
        var text = ReportText.Normalise(file.Text, file.Format).Text;
        var result = ClaimExtractor.Extract(text, await GazetteerAsync(services, stderr));

        if (CliArguments.Flag(args, "--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                title = result.Title,
                claims = result.Claims.Select(c => new
                {
                    text = c.Text,
                    start = c.Span.Start,
                    end = c.Span.End,
                    source = c.Source,
                    sourceKind = c.SourceKind,
                    via = c.Via,
                    cue = c.Cue,
                    stance = c.Stance,
                    hedged = c.Hedged,
                    hedges = c.Hedges,
                    mentions = c.Mentions.Select(m => new { text = m.Text, kind = m.Kind, id = m.EntryId, start = m.Span.Start, end = m.Span.End }),
                }),
            }, Json));
            return 0;
        }

        stdout.WriteLine(result.Title);
        foreach (var c in result.Claims)
        {
            stdout.WriteLine($"[{c.Span.Start}-{c.Span.End}] {c.Source ?? "(unattributed)"}{(c.Cue is null ? "" : $" — {c.Cue}")} · {c.Stance.ToString().ToLowerInvariant()}: {c.Text}");
        }

        return 0;
    }

    // The database's names make mentions richer; without a database, or with one behind the schema, extraction still
    // works: extract stores nothing, so it neither creates nor migrates the database, nor queries tables not there yet.
    private static async Task<Gazetteer?> GazetteerAsync(IServiceProvider services, TextWriter stderr)
    {
        const string NotMatched = "actors, venues and agenda topics are not matched";
        try
        {
            switch (await services.GetRequiredService<DatabaseInitializer>().SchemaAsync())
            {
                case DatabaseSchema.Current:
                    return await services.GetRequiredService<GazetteerService>().LoadAsync();
                case DatabaseSchema.Missing:
                    await stderr.WriteLineAsync($"(no database yet: {NotMatched})");
                    return null;
                default:
                    await stderr.WriteLineAsync($"(the database is behind the current schema, run migrate: {NotMatched})");
                    return null;
            }
        }
        catch (DbException e)
        {
            await stderr.WriteLineAsync($"(the database cannot be read, {e.Message.TrimEnd('.')}: {NotMatched})");
            return null;
        }
    }
}

internal static class ReportFiles
{
    /// <summary>Reads a report file or refuses it with a one-line reason.</summary>
    public static ReportFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliRefusalException($"{path}: no such file.");
        }

        if (new FileInfo(path).Length > ReportFile.MaxBytes)
        {
            throw new CliRefusalException($"{path}: the file is larger than {ReportFile.MaxBytes:N0} bytes.");
        }

        var (file, problem) = ReportFile.Read(File.ReadAllBytes(path), path);
        return file ?? throw new CliRefusalException($"{path}: {problem}");
    }
}
