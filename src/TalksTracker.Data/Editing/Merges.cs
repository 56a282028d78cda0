using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors merge two actors or two sources that are the same ("Damascus" entered as an actor of its own, a source
/// entered twice under two spellings): every record that refers to the merged one moves to the kept one — claims,
/// participations, track roles, venues, affiliations, parts, aliases (its name becomes one), relays, proposals under
/// review, grade history — with duplicate links collapsed; the merged record is deleted and its old address leads to
/// the kept one (<see cref="MergedRecord"/>). One write transaction, through tracked entities: the save audits every
/// moved record and recomputes the derived figures. What moves comes from <see cref="Dependents"/>, checked against
/// the model so a reference added later is not forgotten.
/// </summary>
public sealed class Merges(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock, ICurrentActor actor)
{
    public const string Actor = "actor";
    public const string Source = "source";

    private static readonly MergeKind Actors = new(Actor, typeof(Domain.Actor),
        async (db, id, ct) => await db.Actors.SingleOrDefaultAsync(a => a.Id == id, ct),
        CheckActorMergeAsync, KeepParentsAcyclicAsync);

    private static readonly MergeKind Sources = new(Source, typeof(Domain.Source),
        async (db, id, ct) => await db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct),
        (_, _, _, _, _) => Task.CompletedTask, (_, _, _, _) => Task.CompletedTask);

    /// <summary>What merging actor <paramref name="from"/> into <paramref name="into"/> would move; nothing is written.</summary>
    public Task<Outcome<MergePlan>> PlanActorMergeAsync(int from, int into, CancellationToken ct = default) => RunAsync(Actors, from, into, false, ct);

    /// <summary>Merges actor <paramref name="from"/> into <paramref name="into"/>: the answer says what moved.</summary>
    public Task<Outcome<MergePlan>> MergeActorAsync(int from, int into, CancellationToken ct = default) => RunAsync(Actors, from, into, true, ct);

    /// <summary>What merging source <paramref name="from"/> into <paramref name="into"/> would move; nothing is written.</summary>
    public Task<Outcome<MergePlan>> PlanSourceMergeAsync(int from, int into, CancellationToken ct = default) => RunAsync(Sources, from, into, false, ct);

    /// <summary>Merges source <paramref name="from"/> into <paramref name="into"/>; the kept source keeps its grade.</summary>
    public Task<Outcome<MergePlan>> MergeSourceAsync(int from, int into, CancellationToken ct = default) => RunAsync(Sources, from, into, true, ct);

    /// <summary>Where the old address of a merged <paramref name="kind"/> leads: the record it was merged into, or null.</summary>
    public async Task<NamedRef?> MergedIntoAsync(string kind, int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await MergedIntoAsync(db, kind, id, ct);
    }

    /// <summary>
    /// The refusal for a record that does not exist (404): for a merged actor or source, naming the record it became.
    /// </summary>
    internal static async Task<Outcome<T>> MissingAsync<T>(TalksTrackerDbContext db, string kind, int id, CancellationToken ct) =>
        await MergedIntoAsync(db, kind, id, ct) is { } into
            ? Outcome<T>.Failure(Edits.Missing, $"The {kind} {id} was merged into {into.Name} ({kind} {into.Id}): use that one.")
            : Edits.NotFound<T>(kind, id);

    private static async Task<NamedRef?> MergedIntoAsync(TalksTrackerDbContext db, string kind, int id, CancellationToken ct)
    {
        var into = await db.MergedRecords.AsNoTracking().Where(m => m.Kind == kind && m.FromId == id).Select(m => (int?)m.IntoId).SingleOrDefaultAsync(ct);
        return into is not { } intoId
            ? null
            : kind == Actor
                ? await db.Actors.AsNoTracking().Where(a => a.Id == intoId).Select(a => new NamedRef(a.Id, a.Name)).SingleOrDefaultAsync(ct)
                : await db.Sources.AsNoTracking().Where(s => s.Id == intoId).Select(s => new NamedRef(s.Id, s.Name)).SingleOrDefaultAsync(ct);
    }

    private async Task<Outcome<MergePlan>> RunAsync(MergeKind kind, int fromId, int intoId, bool apply, CancellationToken ct)
    {
        if (fromId == intoId)
        {
            return Outcome<MergePlan>.Failure("IntoId", $"The {kind.Name} cannot be merged into itself: choose the {kind.Name} to keep.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        if (await kind.FindAsync(db, fromId, ct) is not { } from)
        {
            return await MissingAsync<MergePlan>(db, kind.Name, fromId, ct);
        }

        if (await kind.FindAsync(db, intoId, ct) is not { } into)
        {
            var missing = await MissingAsync<MergePlan>(db, kind.Name, intoId, ct);
            return Outcome<MergePlan>.Failure(Edits.Missing, $"Nothing to merge {from.Name} into: {string.Join(" ", missing.Errors[Edits.Missing])}");
        }

        await Dependents.LockAsync(db, kind.Entity, fromId, ct);
        var plan = new MergePlan(new NamedRef(from.Id, from.Name), new NamedRef(into.Id, into.Name),
            await Dependents.CountAsync(db, kind.Entity, fromId, withOwned: true, ct));
        var problems = new ProblemList();
        await kind.CheckAsync(db, from, into, problems, ct);
        if (problems.Any)
        {
            return Outcome<MergePlan>.Failure(problems.ToDictionary());
        }

        if (!apply)
        {
            return Outcome<MergePlan>.Success(plan);
        }

        await kind.BeforeMoveAsync(db, from, into, ct);
        foreach (var dependent in Dependents.Of(kind.Entity).Where(d => d.MoveAsync is not null))
        {
            await dependent.MoveAsync!(db, fromId, intoId, ct);
        }

        // Addresses that already led to the merged record now lead to the kept one.
        (await db.MergedRecords.Where(m => m.Kind == kind.Name && m.IntoId == fromId).ToListAsync(ct)).ForEach(m => m.IntoId = intoId);
        db.MergedRecords.Add(new MergedRecord
        {
            Kind = kind.Name, FromId = fromId, FromName = from.Name, IntoId = intoId, MergedBy = actor.Name, MergedAt = clock.UtcNow(),
        });
        db.Remove(from);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<MergePlan>.Success(plan);
    }

    // A venue's country is a state: the kept actor must be one if the merged one is a venue's country.
    private static async Task CheckActorMergeAsync(TalksTrackerDbContext db, INamed from, INamed into, ProblemList problems, CancellationToken ct)
    {
        var venues = await db.Venues.CountAsync(v => v.CountryActorId == from.Id, ct);
        if (venues > 0 && ((Domain.Actor)into).Kind != ActorKind.State)
        {
            problems.Add("IntoId", $"{from.Name} is the country of {venues} venue{(venues == 1 ? "" : "s")} and {into.Name} is not a state: merge it into a state, or correct the venues first.");
        }
    }

    // When the kept actor is part of the merged one (directly or further down), it takes the merged one's place.
    private static async Task KeepParentsAcyclicAsync(TalksTrackerDbContext db, INamed from, INamed into, CancellationToken ct)
    {
        if (await CatalogCorrections.IsPartOfAsync(db, into.Id, from.Id, ct))
        {
            ((Domain.Actor)into).ParentActorId = ((Domain.Actor)from).ParentActorId;
        }
    }

    private sealed record MergeKind(
        string Name,
        Type Entity,
        Func<TalksTrackerDbContext, int, CancellationToken, Task<INamed?>> FindAsync,
        Func<TalksTrackerDbContext, INamed, INamed, ProblemList, CancellationToken, Task> CheckAsync,
        Func<TalksTrackerDbContext, INamed, INamed, CancellationToken, Task> BeforeMoveAsync);
}
