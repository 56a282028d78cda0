using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Catalog;
using TalksTracker.Domain;

namespace TalksTracker.Cli.Commands;

/// <summary>
/// Creates, corrects, archives and restores tracks, through the same checks as the pages and the API. Prints the track
/// as stored (JSON, with the version to send with the next change); a stale --version is refused naming what changed.
/// </summary>
internal sealed class TrackCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "track";
    public string Summary => "Create, edit, archive or restore a track; prints the track with its version (JSON).";

    public CliSyntax Syntax { get; } = new(
        "track create --name NAME [--description TEXT] [--official] [--party ACTOR:ROLE[:ACKNOWLEDGEMENT]]...\n" +
        "       talkstracker track edit ID [--version GUID] [--name NAME] [--description TEXT] [--official|--unofficial] [--party ...]... [--no-parties]\n" +
        "       talkstracker track archive|restore ID [--version GUID]",
        "create | edit ID | archive ID | restore ID",
        [
            new("--name", "NAME", "The track's name; another track's name is refused."),
            new("--description", "TEXT", "What the track is."),
            new("--official", null, "The track is official."),
            new("--unofficial", null, "edit: the track is not official."),
            new("--party", "ACTOR:ROLE[:ACK]", "An actor (name or id) with its role (party, mediator, approver, observer, host) and, optionally, acknowledgement "
                                                + "(unknown, acknowledged, unacknowledged, denied). Repeat for each; on edit the list replaces the stored one."),
            new("--no-parties", null, "edit: remove every party."),
            new("--version", "GUID", "edit, archive, restore: the version you read; refused if the track changed since. Without it, the current version."),
        ],
        "a field is refused (the reasons follow), the name is taken, there is no such track or actor, or the track changed since --version.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var action = args.FirstOrDefault();
        if (action is not ("create" or "edit" or "archive" or "restore"))
        {
            throw new CliUsageException("track needs an action: create, edit, archive or restore.");
        }

        var id = action == "create" ? 0 : TrackId(args);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedFolder: null);
        var parties = await PartiesAsync(services, args);
        var tracks = services.GetRequiredService<TrackService>();
        int trackId;
        if (action == "create")
        {
            var created = await services.GetRequiredService<CatalogService>().CreateTrackAsync(new NewTrack(
                CliArguments.Option(args, "--name") ?? throw new CliUsageException("track create needs --name NAME."),
                CliArguments.Option(args, "--description"), CliArguments.Flag(args, "--official"), parties));
            trackId = created.Created?.Id ?? throw Refused(created.Errors);
        }
        else
        {
            var current = await tracks.GetAsync(id) ?? throw new CliRefusalException($"There is no track {id}.");
            var version = Version(args) ?? current.Version;
            var corrections = services.GetRequiredService<TrackCorrections>();
            var outcome = action switch
            {
                "archive" => await corrections.ArchiveAsync(id, new TrackArchival(version)),
                "restore" => await corrections.RestoreAsync(id, new TrackArchival(version)),
                _ => await corrections.EditAsync(id, new TrackEdit(version,
                    CliArguments.Option(args, "--name") ?? current.Name,
                    CliArguments.Option(args, "--description") ?? current.Description,
                    CliArguments.Flag(args, "--official") || (current.IsOfficial && !CliArguments.Flag(args, "--unofficial")),
                    parties.Count > 0 || CliArguments.Flag(args, "--no-parties")
                        ? parties
                        : current.Roles.Select(r => new TrackPartyInput(r.Actor.Id, r.Role, r.Acknowledgement, r.Note)).ToList())),
            };
            trackId = outcome.Value?.Id ?? throw Refused(outcome.Errors);
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(await tracks.GetAsync(trackId), Output));
        return 0;
    }

    private static CliRefusalException Refused(IReadOnlyDictionary<string, string[]> errors) =>
        new(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static int TrackId(string[] args) =>
        args.Length > 1 && int.TryParse(args[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliUsageException($"track {args[0]} needs the track's id.");

    private static Guid? Version(string[] args) => CliArguments.Option(args, "--version") is not { } text
        ? null
        : Guid.TryParse(text, out var version) ? version : throw new CliUsageException($"--version '{text}' is not a version (a GUID).");

    /// <summary>Each --party ACTOR:ROLE[:ACK], the actor by id or by name (or alias).</summary>
    private static async Task<List<TrackPartyInput>> PartiesAsync(IServiceProvider services, string[] args)
    {
        var given = args.Select((a, i) => (a, i)).Where(x => x.a == "--party").Select(x => x.i + 1 < args.Length ? args[x.i + 1] : null).ToList();
        if (given.Count == 0)
        {
            return [];
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync();
        var actors = await db.Actors.AsNoTracking().Select(a => new { a.Id, a.Name, Aliases = a.Aliases.Select(x => x.Alias).ToList() }).ToListAsync();
        var parties = new List<TrackPartyInput>();
        foreach (var text in given)
        {
            var parts = text?.Split(':') ?? [];
            if (parts.Length is < 2 or > 3 || !Enum.TryParse<TrackRole>(parts[1], ignoreCase: true, out var role) || !Enum.IsDefined(role)
                || !Enum.TryParse<Acknowledgement>(parts.ElementAtOrDefault(2) ?? nameof(Acknowledgement.Unknown), ignoreCase: true, out var acknowledgement)
                || !Enum.IsDefined(acknowledgement))
            {
                throw new CliUsageException($"--party '{text}' is not ACTOR:ROLE[:ACKNOWLEDGEMENT], as in Russia:mediator or Syria:party:unacknowledged.");
            }

            var actor = actors.FirstOrDefault(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == parts[0])
                        ?? actors.FirstOrDefault(a => a.Aliases.Prepend(a.Name).Any(n => Domain.Catalog.CatalogName.Same(n, parts[0])))
                        ?? throw new CliRefusalException($"There is no actor '{parts[0]}'.");
            parties.Add(new TrackPartyInput(actor.Id, role, acknowledgement));
        }

        return parties;
    }
}
