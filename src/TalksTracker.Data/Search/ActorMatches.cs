using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain.Search;

namespace TalksTracker.Data.Search;

/// <summary>
/// Actors found by name or alias, the same on every database engine. Actors are few (hundreds, not
/// millions): their names and aliases are matched in memory, where case and diacritics fold for every
/// script, not only ASCII.
/// </summary>
internal static class ActorMatches
{
    public static async Task<IReadOnlyList<ActorHit>> FindAsync(TalksTrackerDbContext db, SearchQuery query, CancellationToken ct)
    {
        var actors = await db.Actors.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.OrderBy(x => x.Alias).Select(x => x.Alias).ToList() })
            .ToListAsync(ct);
        return actors
            .Where(a => query.MatchesName(a.Name) || a.Aliases.Any(query.MatchesName))
            .OrderBy(a => query.MatchesName(a.Name) ? 0 : 1).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ActorHit(a.Id, a.Name, a.Kind, a.Aliases))
            .ToList();
    }
}
