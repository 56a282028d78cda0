using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Intake;

/// <summary>What a source named in a report would be created as: its kind and the known actor it speaks for.</summary>
public sealed record SourceSuggestion(string Name, SourceKind Kind, int? AffiliationActorId, string? AffiliationName);

/// <summary>
/// Reads a source's name as a reader would ("a senior Israeli security source": an anonymous official of
/// Israel) and matches what it reads to the catalog's actors, so a source created from a report keeps
/// what the report said about it. A name that is itself an actor ("Hamas", "the Kremlin") speaks for that
/// actor, and the actor's kind decides the source's.
/// </summary>
internal static class SourceSuggestions
{
    private sealed record KnownActor(int Id, string Name, ActorKind Kind, List<string> Names);

    /// <summary>One suggestion per distinct name (case-insensitive); relays are outlets unless their words say otherwise.</summary>
    public static async Task<Dictionary<string, SourceSuggestion>> ForAsync(
        TalksTrackerDbContext db, IEnumerable<string?> sources, IEnumerable<string?> relays, CancellationToken ct)
    {
        var sourceNames = sources.OfType<string>().ToList();
        var relayNames = relays.OfType<string>().ToList();
        var suggestions = new Dictionary<string, SourceSuggestion>(StringComparer.OrdinalIgnoreCase);
        if (sourceNames.Count == 0 && relayNames.Count == 0)
        {
            return suggestions;
        }

        var actors = (await db.Actors.AsNoTracking()
                .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.Select(x => x.Alias).ToList() })
                .ToListAsync(ct))
            .Select(a => new KnownActor(a.Id, a.Name, a.Kind, [a.Name, .. a.Aliases]))
            .ToList();
        foreach (var name in sourceNames)
        {
            suggestions.TryAdd(name, Suggest(name, actors, relay: false));
        }

        foreach (var name in relayNames)
        {
            suggestions.TryAdd(name, Suggest(name, actors, relay: true));
        }

        return suggestions;
    }

    private static SourceSuggestion Suggest(string name, List<KnownActor> actors, bool relay)
    {
        var profile = SourceProfile.Of(name);
        var bare = WithoutArticle(name);
        if (actors.Find(a => a.Names.Exists(n => CatalogName.Same(n, bare))) is { } itself)
        {
            return new SourceSuggestion(name, KindOf(itself.Kind, profile.Kind), itself.Id, itself.Name);
        }

        var kind = relay && profile.Kind is SourceKind.Other or SourceKind.GovernmentStatement or SourceKind.Institution
            ? SourceKind.MediaOutlet
            : profile.Kind;
        var affiliation = profile.AffiliationNames
            .Select(hint => actors.Find(a => a.Names.Exists(n => CatalogName.Same(n, hint))))
            .FirstOrDefault(a => a is not null)
            // Else the longest actor name the source's words contain: "a Hamas official", "the Houthi-run Saba agency".
            ?? actors.Select(a => (Actor: a, Length: a.Names.Where(n => CatalogName.IsMentionedIn(name, n)).Select(n => n.Length).DefaultIfEmpty(0).Max()))
                .Where(x => x.Length > 0)
                .OrderByDescending(x => x.Length)
                .Select(x => x.Actor)
                .FirstOrDefault();
        return new SourceSuggestion(name, kind, affiliation?.Id, affiliation?.Name);
    }

    private static SourceKind KindOf(ActorKind actor, SourceKind read) => actor switch
    {
        ActorKind.State or ActorKind.StateBody => read == SourceKind.Spokesperson ? read : SourceKind.GovernmentStatement,
        ActorKind.NonStateArmedGroup => SourceKind.Party,
        ActorKind.InternationalOrganisation => SourceKind.Institution,
        ActorKind.MediaOutlet => SourceKind.MediaOutlet,
        ActorKind.Person => SourceKind.NamedOfficial,
        _ => read,
    };

    private static string WithoutArticle(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
}
