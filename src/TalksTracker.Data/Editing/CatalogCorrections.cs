using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors correct the catalog — actors, sources, venues, agenda items — with the same field checks as creating one
/// (<see cref="CatalogService"/>), a name another record has refused, and the edit refused when the record changed
/// since the editor opened it (<see cref="Edits"/>). Deleting is refused, naming what still refers to the record,
/// until nothing does (<see cref="Dependents"/>); an actor or source can be merged instead (<see cref="Merges"/>).
/// Each change is one write transaction; the save audits it and keeps the derived figures.
/// </summary>
public sealed class CatalogCorrections(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<Outcome<Corrected>> EditActorAsync(int id, ActorEdit edit, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var name = CatalogName.Clean(edit.Name);
        var aliases = CatalogService.CheckActor(problems, edit.Name, edit.Kind, edit.Aliases, edit.Description);
        var description = CatalogName.Clean(edit.Description);
        return await EditAsync(problems, Merges.Actor, id, edit.Version,
            db => db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == id, ct),
            actor => Edits.Stale<Corrected>(actor, edit.Version,
                (nameof(ActorEdit.Name), name, actor.Name),
                (nameof(ActorEdit.Kind), edit.Kind, actor.Kind),
                (nameof(ActorEdit.Aliases), aliases.Order(StringComparer.Ordinal).ToList(), actor.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal).ToList()),
                (nameof(ActorEdit.ParentActorId), edit.ParentActorId, actor.ParentActorId),
                (nameof(ActorEdit.Description), description, actor.Description)),
            async (db, actor) =>
            {
                await CheckParentAsync(db, actor, edit.ParentActorId, problems, ct);
                if (edit.Kind != ActorKind.State && await db.Venues.CountAsync(v => v.CountryActorId == id, ct) is > 0 and var venues)
                {
                    problems.Add(nameof(ActorEdit.Kind), $"{actor.Name} is the country of {venues} venue{(venues == 1 ? "" : "s")}, and a venue's country is a state: correct the venues first.");
                }

                if (await CatalogService.ActorMatchAsync(db, name, aliases, id, ct) is { } duplicate)
                {
                    problems.Add(duplicate.Field, duplicate.Message);
                }
            },
            actor =>
            {
                actor.Name = name!;
                actor.Kind = edit.Kind;
                actor.ParentActorId = edit.ParentActorId;
                actor.Description = description;
                ReplaceAliases(actor.Aliases, aliases, a => a.Alias, (a, value) => a.Alias = value, value => new ActorAlias { Alias = value });
            },
            actor => new Corrected(actor.Id, actor.Name, actor.Version), ct);
    }

    public async Task<Outcome<Corrected>> EditSourceAsync(int id, SourceEdit edit, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var name = edit.Name?.Trim();
        CatalogService.CheckSource(problems, name, edit.Kind, edit.Description);
        var description = CatalogName.Clean(edit.Description);
        return await EditAsync(problems, Merges.Source, id, edit.Version,
            db => db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct),
            source => Edits.Stale<Corrected>(source, edit.Version,
                (nameof(SourceEdit.Name), name, source.Name),
                (nameof(SourceEdit.Kind), edit.Kind, source.Kind),
                (nameof(SourceEdit.AffiliationActorId), edit.AffiliationActorId, source.AffiliationActorId),
                (nameof(SourceEdit.Description), description, source.Description)),
            async (db, _) =>
            {
                await CatalogService.CheckSourceNameFreeAsync(db, name, id, problems, ct);
                await RecordChecks.CheckExistsAsync(db.Actors, edit.AffiliationActorId is { } a ? [a] : Array.Empty<int>(), nameof(SourceEdit.AffiliationActorId), "actor", problems, ct);
            },
            source =>
            {
                source.Name = name!;
                source.Kind = edit.Kind;
                source.AffiliationActorId = edit.AffiliationActorId;
                source.Description = description;
            },
            source => new Corrected(source.Id, source.Name, source.Version), ct);
    }

    public async Task<Outcome<Corrected>> EditVenueAsync(int id, VenueEdit edit, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var name = CatalogName.Clean(edit.Name);
        CatalogService.CheckVenue(problems, edit.Name, edit.Latitude, edit.Longitude);
        return await EditAsync(problems, "venue", id, edit.Version,
            db => db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct),
            venue => Edits.Stale<Corrected>(venue, edit.Version,
                (nameof(VenueEdit.Name), name, venue.Name),
                (nameof(VenueEdit.CountryActorId), edit.CountryActorId, venue.CountryActorId),
                (nameof(VenueEdit.Latitude), edit.Latitude, venue.Latitude),
                (nameof(VenueEdit.Longitude), edit.Longitude, venue.Longitude)),
            async (db, _) =>
            {
                await CatalogService.CountryAsync(db, edit.CountryActorId, problems, ct);
                if (name is not null && await CatalogService.VenueMatchAsync(db, name, id, ct) is { } duplicate)
                {
                    problems.Add(duplicate.Field, duplicate.Message);
                }
            },
            venue =>
            {
                venue.Name = name!;
                venue.CountryActorId = edit.CountryActorId;
                venue.Latitude = edit.Latitude;
                venue.Longitude = edit.Longitude;
            },
            venue => new Corrected(venue.Id, venue.Name, venue.Version), ct);
    }

    public async Task<Outcome<Corrected>> EditAgendaItemAsync(int id, AgendaItemEdit edit, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var title = CatalogName.Clean(edit.Title);
        var aliases = CatalogService.CheckAgendaItem(problems, edit.Title, edit.Category, edit.Aliases, edit.Description);
        var description = CatalogName.Clean(edit.Description);
        return await EditAsync(problems, "agenda item", id, edit.Version,
            db => db.AgendaItems.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == id, ct),
            item => Edits.Stale<Corrected>(item, edit.Version,
                (nameof(AgendaItemEdit.TrackId), edit.TrackId, item.TrackId),
                (nameof(AgendaItemEdit.Title), title, item.Title),
                (nameof(AgendaItemEdit.Category), edit.Category, item.Category),
                (nameof(AgendaItemEdit.Aliases), aliases.Order(StringComparer.Ordinal).ToList(), item.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal).ToList()),
                (nameof(AgendaItemEdit.Description), description, item.Description)),
            async (db, _) =>
            {
                var track = await CatalogService.TrackNameAsync(db, edit.TrackId, nameof(AgendaItemEdit.TrackId), problems, ct);
                if (title is not null && track is not null && await CatalogService.AgendaItemMatchAsync(db, edit.TrackId!.Value, title, id, ct) is { } duplicate)
                {
                    problems.Add(duplicate.Field, duplicate.Message);
                }
            },
            item =>
            {
                item.TrackId = edit.TrackId!.Value;
                item.Title = title!;
                item.Category = edit.Category;
                item.Description = description;
                ReplaceAliases(item.Aliases, aliases, a => a.Alias, (a, value) => a.Alias = value, value => new AgendaItemAlias { Alias = value });
            },
            item => new Corrected(item.Id, item.Title, item.Version), ct);
    }

    /// <summary>Deletes an actor no claim, meeting, track, venue, source or other actor refers to; its aliases go with it.</summary>
    public Task<Outcome<NamedRef>> DeleteActorAsync(int id, Guid? seenVersion = null, CancellationToken ct = default) =>
        DeleteAsync(Merges.Actor, id, seenVersion, db => db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == id, ct), a => a.Name,
            "merge it into the actor it duplicates, or remove them first", ct);

    /// <summary>Deletes a source no claim, proposal or grade change refers to.</summary>
    public Task<Outcome<NamedRef>> DeleteSourceAsync(int id, Guid? seenVersion = null, CancellationToken ct = default) =>
        DeleteAsync(Merges.Source, id, seenVersion, db => db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct), s => s.Name,
            "merge it into the source it duplicates, or move them first", ct);

    /// <summary>Deletes a venue no meeting took place at.</summary>
    public Task<Outcome<NamedRef>> DeleteVenueAsync(int id, Guid? seenVersion = null, CancellationToken ct = default) =>
        DeleteAsync("venue", id, seenVersion, db => db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct), v => v.Name,
            "move them to another venue first", ct);

    /// <summary>Deletes an agenda item no claim is about and no status change was reported for; its aliases go with it.</summary>
    public Task<Outcome<NamedRef>> DeleteAgendaItemAsync(int id, Guid? seenVersion = null, CancellationToken ct = default) =>
        DeleteAsync("agenda item", id, seenVersion, db => db.AgendaItems.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == id, ct), a => a.Title,
            "link the claims to another agenda item first", ct);

    /// <summary>
    /// One correction: the record loaded and checked in one write transaction (so a name cannot be taken meanwhile),
    /// refused when missing, stale, or with any field problem; otherwise changed and saved with the version check.
    /// </summary>
    private async Task<Outcome<Corrected>> EditAsync<TRecord>(ProblemList problems, string what, int id, Guid seen,
        Func<TalksTrackerDbContext, Task<TRecord?>> loadAsync,
        Func<TRecord, Outcome<Corrected>?> stale,
        Func<TalksTrackerDbContext, TRecord, Task> checkAsync,
        Action<TRecord> apply,
        Func<TRecord, Corrected> describe,
        CancellationToken ct)
        where TRecord : class, IVersioned
    {
        if (seen == Guid.Empty)
        {
            return Outcome<Corrected>.Failure(nameof(IVersioned.Version),
                $"Send the version of the {what} you read (its GET gives it), so a change saved meanwhile is not overwritten.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        if (await loadAsync(db) is not { } record)
        {
            return await Merges.MissingAsync<Corrected>(db, what, id, ct);
        }

        // Problems with the fields themselves first: they stand whatever the stored record holds.
        if (problems.Any)
        {
            return Outcome<Corrected>.Failure(problems.ToDictionary());
        }

        if (stale(record) is { } refused)
        {
            return refused;
        }

        await checkAsync(db, record);
        if (problems.Any)
        {
            return Outcome<Corrected>.Failure(problems.ToDictionary());
        }

        apply(record);
        return await Edits.SaveAsync(db, transaction, record, seen, () => describe(record), ct);
    }

    private async Task<Outcome<NamedRef>> DeleteAsync<TRecord>(string what, int id, Guid? seen,
        Func<TalksTrackerDbContext, Task<TRecord?>> loadAsync, Func<TRecord, string> nameOf, string advice, CancellationToken ct)
        where TRecord : class, IVersioned
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        if (await loadAsync(db) is not { } record)
        {
            return await Merges.MissingAsync<NamedRef>(db, what, id, ct);
        }

        if (seen is { } version && Edits.Stale<NamedRef>(record, version) is { } refused)
        {
            return refused;
        }

        var name = nameOf(record);
        await Dependents.LockAsync(db, typeof(TRecord), id, ct);
        var dependents = await Dependents.CountAsync(db, typeof(TRecord), id, withOwned: false, ct);
        if (dependents.Count > 0)
        {
            return Outcome<NamedRef>.Failure(Edits.InUse,
                $"{name} cannot be deleted while it has {string.Join(", ", dependents.Select(d => $"{d.What} ({d.Count})"))}: {advice}.");
        }

        db.Remove(record);
        return await Edits.SaveAsync(db, transaction, record, seen ?? record.Version, () => new NamedRef(id, name), ct);
    }

    /// <summary>
    /// The stored aliases made the wanted ones: an alias kept (whatever its case or spacing) is the same row, rewritten
    /// as now spelled, so the audit trail shows a rename rather than a deletion and a creation.
    /// </summary>
    private static void ReplaceAliases<TAlias>(List<TAlias> stored, IReadOnlyList<string> wantedAliases,
        Func<TAlias, string> read, Action<TAlias, string> write, Func<string, TAlias> create)
    {
        var wanted = wantedAliases.ToDictionary(CatalogName.Key, StringComparer.Ordinal);
        stored.RemoveAll(a => !wanted.ContainsKey(CatalogName.Key(read(a))));
        foreach (var alias in stored)
        {
            write(alias, wanted[CatalogName.Key(read(alias))]);
        }

        var kept = stored.Select(a => CatalogName.Key(read(a))).ToHashSet(StringComparer.Ordinal);
        stored.AddRange(wanted.Where(w => !kept.Contains(w.Key)).Select(w => create(w.Value)));
    }

    // A parent that exists, is not the actor itself and is not one of its parts (that would make a circle).
    private static async Task CheckParentAsync(TalksTrackerDbContext db, Actor actor, int? parentId, ProblemList problems, CancellationToken ct)
    {
        if (parentId is not { } id)
        {
            return;
        }

        if (id == actor.Id)
        {
            problems.Add(nameof(ActorEdit.ParentActorId), "An actor cannot be part of itself.");
        }
        else if (!await db.Actors.AnyAsync(a => a.Id == id, ct))
        {
            problems.Add(nameof(ActorEdit.ParentActorId), $"There is no actor {id}.");
        }
        else if (await IsPartOfAsync(db, id, actor.Id, ct))
        {
            problems.Add(nameof(ActorEdit.ParentActorId), $"That actor is part of {actor.Name}: {actor.Name} cannot also be part of it.");
        }
    }

    /// <summary>Whether actor <paramref name="partId"/> is part of actor <paramref name="wholeId"/>, directly or further down.</summary>
    internal static async Task<bool> IsPartOfAsync(TalksTrackerDbContext db, int partId, int wholeId, CancellationToken ct)
    {
        var parents = await db.Actors.AsNoTracking().Where(a => a.ParentActorId != null).ToDictionaryAsync(a => a.Id, a => a.ParentActorId!.Value, ct);
        var seen = new HashSet<int>();
        for (var at = partId; parents.TryGetValue(at, out var up) && seen.Add(at); at = up)
        {
            if (up == wholeId)
            {
                return true;
            }
        }

        return false;
    }
}
