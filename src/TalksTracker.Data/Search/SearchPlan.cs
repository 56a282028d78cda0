using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>
/// What both engines search for: the query with actor names expanded (unless the user asked for the exact
/// words), and the actors it names. Actors are few (hundreds, not millions): their names and aliases are
/// read once per search and matched in memory, where case and diacritics fold for every script, not only
/// ASCII. Each engine only renders <see cref="Expanded"/> in its own syntax.
/// </summary>
internal sealed record SearchPlan(ExpandedQuery Expanded, IReadOnlyList<ActorHit> Actors, bool Exact)
{
    public SearchQuery Query => Expanded.Query;

    private sealed record NamedActor(int Id, string Name, ActorKind Kind, List<string> Aliases);

    // Compiled: every search reads them, and EF's translation of a query with a nested list costs more than its read.
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, IAsyncEnumerable<NamedActor>>> ActorNames = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db) => db.Actors.AsNoTracking()
            .Select(a => new NamedActor(a.Id, a.Name, a.Kind, a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList()))));

    public static async Task<SearchPlan> ForAsync(TalksTrackerDbContext db, SearchQuery query, bool exact, CancellationToken ct)
    {
        var actors = await ActorNames.For(db)(db).ToListAsync(ct);
        var hits = actors
            .Where(a => query.MatchesName(a.Name) || a.Aliases.Any(query.MatchesName))
            .OrderBy(a => query.MatchesName(a.Name) ? 0 : 1).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ActorHit(a.Id, a.Name, a.Kind, a.Aliases))
            .ToList();
        var expanded = exact
            ? ExpandedQuery.Exact(query)
            : ExpandedQuery.Expand(query, actors.Select(a => (IReadOnlyList<string>)[a.Name, .. a.Aliases]));
        return new SearchPlan(expanded, hits, exact);
    }
}
