using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Data.Intake;

/// <summary>
/// The names extraction looks for, from the database: actors with their aliases, venues and agenda
/// items. Entry ids are "actor:ID", "venue:ID" and "agenda:ID".
/// </summary>
public sealed class GazetteerService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<Gazetteer> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var actors = await db.Actors.AsNoTracking()
            .Select(a => new { a.Id, a.Name, Aliases = a.Aliases.Select(x => x.Alias).ToList() })
            .ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var agenda = await db.AgendaItems.AsNoTracking().Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        return new Gazetteer(
            actors.Select(a => new GazetteerEntry($"actor:{a.Id}", GazetteerEntryKind.Actor, a.Name, a.Aliases))
                .Concat(venues.Select(v => new GazetteerEntry($"venue:{v.Id}", GazetteerEntryKind.Venue, v.Name, [])))
                .Concat(agenda.Select(a => new GazetteerEntry($"agenda:{a.Id}", GazetteerEntryKind.AgendaTopic, a.Title, []))));
    }

    /// <summary>The database id behind a gazetteer entry id of the given kind, or null.</summary>
    public static int? IdOf(string entryId, GazetteerEntryKind kind)
    {
        var prefix = kind switch
        {
            GazetteerEntryKind.Actor => "actor:",
            GazetteerEntryKind.Venue => "venue:",
            _ => "agenda:",
        };
        return entryId.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(entryId.AsSpan(prefix.Length), out var id) ? id : null;
    }
}
