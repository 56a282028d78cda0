using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Derived;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>
/// One kind of record that refers to an actor, source, venue or agenda item by a foreign key: what to call it when
/// telling an editor why a record cannot be deleted, how many there are, and how a merge moves them to the kept
/// record (through tracked entities, so the save audits them and keeps the derived figures). Derived records (a
/// meeting's mentions) are neither counted nor moved: the save recomputes them from what moved.
/// </summary>
internal sealed record Dependent(
    Type Entity,
    string ForeignKey,
    string What,
    Func<TalksTrackerDbContext, int, CancellationToken, Task<int>>? CountAsync,
    Func<TalksTrackerDbContext, int, int, CancellationToken, Task>? MoveAsync = null,
    bool Owned = false)
{
    public string Key => $"{Entity.Name}.{ForeignKey}";

    public static Dependent Derived<T>(string foreignKey) => new(typeof(T), foreignKey, "", null);
}

/// <summary>
/// Every foreign key to the records editors correct, and what deleting or merging does with it. The lists are
/// checked against the EF model (<see cref="Unhandled"/>): a reference added later and not listed here stops a merge
/// or deletion of that kind before anything is written, and fails the tests, rather than being lost by a cascade.
/// </summary>
public static class Dependents
{
    internal static readonly IReadOnlyList<Dependent> OfActor =
    [
        new(typeof(ClaimActor), nameof(ClaimActor.ActorId), "claims naming it",
            (db, id, ct) => db.ClaimActors.CountAsync(x => x.ActorId == id, ct), MoveClaimActorsAsync),
        new(typeof(MeetingParticipant), nameof(MeetingParticipant.ActorId), "meeting participations",
            (db, id, ct) => db.MeetingParticipants.CountAsync(x => x.ActorId == id, ct), MoveMeetingParticipantsAsync),
        new(typeof(TrackParticipant), nameof(TrackParticipant.ActorId), "track roles",
            (db, id, ct) => db.TrackParticipants.CountAsync(x => x.ActorId == id, ct), MoveTrackParticipantsAsync),
        new(typeof(Venue), nameof(Venue.CountryActorId), "venues in it",
            (db, id, ct) => db.Venues.CountAsync(x => x.CountryActorId == id, ct),
            async (db, from, into, ct) => (await db.Venues.Where(x => x.CountryActorId == from).ToListAsync(ct)).ForEach(x => x.CountryActorId = into)),
        new(typeof(Source), nameof(Source.AffiliationActorId), "sources affiliated with it",
            (db, id, ct) => db.Sources.CountAsync(x => x.AffiliationActorId == id, ct),
            async (db, from, into, ct) => (await db.Sources.Where(x => x.AffiliationActorId == from).ToListAsync(ct)).ForEach(x => x.AffiliationActorId = into)),
        new(typeof(Actor), nameof(Actor.ParentActorId), "actors that are part of it",
            (db, id, ct) => db.Actors.CountAsync(x => x.ParentActorId == id, ct),
            async (db, from, into, ct) => (await db.Actors.Where(x => x.ParentActorId == from && x.Id != into).ToListAsync(ct)).ForEach(x => x.ParentActorId = into)),
        new(typeof(Position), nameof(Position.PartyActorId), "positions it holds",
            (db, id, ct) => db.Positions.CountAsync(x => x.PartyActorId == id, ct),
            async (db, from, into, ct) => (await db.Positions.Where(x => x.PartyActorId == from).ToListAsync(ct)).ForEach(x => x.PartyActorId = into)),
        // An actor's own other names: deleted with it, moved by a merge (Merges adds its name too).
        new(typeof(ActorAlias), nameof(ActorAlias.ActorId), "aliases",
            (db, id, ct) => db.ActorAliases.CountAsync(x => x.ActorId == id, ct), MoveAliasesAsync, Owned: true),
        Dependent.Derived<MeetingMention>(nameof(MeetingMention.ActorId)),
    ];

    internal static readonly IReadOnlyList<Dependent> OfSource =
    [
        new(typeof(Claim), nameof(Claim.SourceId), "claims attributed to it",
            (db, id, ct) => db.Claims.CountAsync(x => x.SourceId == id, ct),
            // A claim the kept source relayed from the merged one was the source relaying itself: no relay.
            async (db, from, into, ct) => (await db.Claims.Where(x => x.SourceId == from).ToListAsync(ct))
                .ForEach(x => (x.SourceId, x.ViaSourceId) = (into, x.ViaSourceId == into ? null : x.ViaSourceId))),
        new(typeof(Claim), nameof(Claim.ViaSourceId), "claims it relayed",
            (db, id, ct) => db.Claims.CountAsync(x => x.ViaSourceId == id, ct),
            async (db, from, into, ct) => (await db.Claims.Where(x => x.ViaSourceId == from).ToListAsync(ct))
                .ForEach(x => x.ViaSourceId = x.SourceId == into ? null : into)),
        new(typeof(ClaimProposal), nameof(ClaimProposal.SourceId), "proposed claims under review",
            (db, id, ct) => db.ClaimProposals.CountAsync(x => x.SourceId == id, ct),
            async (db, from, into, ct) => (await db.ClaimProposals.Where(x => x.SourceId == from).ToListAsync(ct)).ForEach(x => x.SourceId = into)),
        new(typeof(ClaimProposal), nameof(ClaimProposal.ViaSourceId), "proposed claims it relays, under review",
            (db, id, ct) => db.ClaimProposals.CountAsync(x => x.ViaSourceId == id, ct),
            async (db, from, into, ct) => (await db.ClaimProposals.Where(x => x.ViaSourceId == from).ToListAsync(ct)).ForEach(x => x.ViaSourceId = into)),
        new(typeof(SourceGradeChange), nameof(SourceGradeChange.SourceId), "grade changes",
            (db, id, ct) => db.SourceGradeChanges.CountAsync(x => x.SourceId == id, ct),
            async (db, from, into, ct) => (await db.SourceGradeChanges.Where(x => x.SourceId == from).ToListAsync(ct)).ForEach(x => x.SourceId = into)),
    ];

    internal static readonly IReadOnlyList<Dependent> OfVenue =
    [
        new(typeof(Meeting), nameof(Meeting.VenueId), "meetings", (db, id, ct) => db.Meetings.CountAsync(x => x.VenueId == id, ct)),
    ];

    internal static readonly IReadOnlyList<Dependent> OfAgendaItem =
    [
        new(typeof(ClaimAgendaItem), nameof(ClaimAgendaItem.AgendaItemId), "claims about it",
            (db, id, ct) => db.ClaimAgendaItems.CountAsync(x => x.AgendaItemId == id, ct)),
        new(typeof(AgendaStatusChange), nameof(AgendaStatusChange.AgendaItemId), "status changes",
            (db, id, ct) => db.AgendaStatusChanges.CountAsync(x => x.AgendaItemId == id, ct)),
        new(typeof(Position), nameof(Position.AgendaItemId), "party positions on it",
            (db, id, ct) => db.Positions.CountAsync(x => x.AgendaItemId == id, ct)),
        // The item's own other names: deleted with it (agenda items are not merged).
        new(typeof(AgendaItemAlias), nameof(AgendaItemAlias.AgendaItemId), "aliases",
            (db, id, ct) => db.AgendaItemAliases.CountAsync(x => x.AgendaItemId == id, ct), Owned: true),
        Dependent.Derived<MeetingClaimAgendaItem>(nameof(MeetingClaimAgendaItem.AgendaItemId)),
        Dependent.Derived<AgendaItemDenial>(nameof(AgendaItemDenial.AgendaItemId)),
    ];

    /// <summary>The kinds of record whose references are listed here, by their entity type.</summary>
    internal static IReadOnlyList<Dependent> Of(Type principal) =>
        principal == typeof(Actor) ? OfActor
        : principal == typeof(Source) ? OfSource
        : principal == typeof(Venue) ? OfVenue
        : principal == typeof(AgendaItem) ? OfAgendaItem
        : throw new ArgumentOutOfRangeException(nameof(principal), principal.Name, "Not a record editors correct.");

    /// <summary>
    /// The foreign keys to <paramref name="principal"/> in the model that are not listed here ("Entity.Property"):
    /// none, or a merge or deletion would leave them dangling or let a cascade remove them unseen.
    /// </summary>
    public static IReadOnlyList<string> Unhandled(TalksTrackerDbContext db, Type principal)
    {
        var handled = Of(principal).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return db.Model.FindEntityType(principal)!.GetReferencingForeignKeys()
            .Select(fk => $"{fk.DeclaringEntityType.ClrType.Name}.{string.Join(",", fk.Properties.Select(p => p.Name))}")
            .Where(key => !handled.Contains(key))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Holds record <paramref name="id"/> against new references until the transaction ends, so none is added between
    /// counting or moving them and deleting the record (a cascade would take it unseen). On PostgreSQL a row lock: a
    /// writer adding a reference waits, then fails as a conflict; SQLite's write transaction already excludes writers.
    /// </summary>
    internal static Task LockAsync(TalksTrackerDbContext db, Type principal, int id, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return Task.CompletedTask;
        }

        // The table's name comes from the model, never from input.
        var sql = string.Concat("SELECT 1 FROM \"", db.Model.FindEntityType(principal)!.GetTableName(), "\" WHERE \"Id\" = {0} FOR UPDATE");
        return db.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }

    /// <summary>
    /// How many records of each listed kind refer to record <paramref name="id"/>, leaving out kinds with none and,
    /// unless <paramref name="withOwned"/>, what is deleted with the record (an actor's aliases).
    /// </summary>
    internal static async Task<IReadOnlyList<DependentCount>> CountAsync(TalksTrackerDbContext db, Type principal, int id, bool withOwned, CancellationToken ct)
    {
        var unhandled = Unhandled(db, principal);
        if (unhandled.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", unhandled)} refer to {principal.Name} but Dependents does not say what deleting or merging does with them.");
        }

        var counts = new List<DependentCount>();
        foreach (var dependent in Of(principal).Where(d => d.CountAsync is not null && (withOwned || !d.Owned)))
        {
            var count = await dependent.CountAsync!(db, id, ct);
            if (count > 0)
            {
                counts.Add(new DependentCount(dependent.What, count));
            }
        }

        return counts;
    }

    // A claim naming both actors names the kept one once.
    private static async Task MoveClaimActorsAsync(TalksTrackerDbContext db, int from, int into, CancellationToken ct)
    {
        var moving = await db.ClaimActors.Where(x => x.ActorId == from).ToListAsync(ct);
        var both = (await db.ClaimActors.Where(x => x.ActorId == into && db.ClaimActors.Any(y => y.ActorId == from && y.ClaimId == x.ClaimId))
            .Select(x => x.ClaimId).ToListAsync(ct)).ToHashSet();
        db.ClaimActors.RemoveRange(moving);
        db.ClaimActors.AddRange(moving.Where(x => !both.Contains(x.ClaimId)).Select(x => new ClaimActor { ClaimId = x.ClaimId, ActorId = into }));
    }

    // A meeting both attended keeps the kept actor's participation, with the merged one's level where it had none.
    private static async Task MoveMeetingParticipantsAsync(TalksTrackerDbContext db, int from, int into, CancellationToken ct)
    {
        var kept = await db.MeetingParticipants
            .Where(x => x.ActorId == into && db.MeetingParticipants.Any(y => y.ActorId == from && y.MeetingId == x.MeetingId))
            .ToDictionaryAsync(x => x.MeetingId, ct);
        MoveOrFold(db, await db.MeetingParticipants.Where(x => x.ActorId == from).ToListAsync(ct),
            p => kept.GetValueOrDefault(p.MeetingId), (same, p) => same.Level ??= p.Level, p => p.ActorId = into);
    }

    // A role on a track both had is kept once, with the kept actor's acknowledgement.
    private static async Task MoveTrackParticipantsAsync(TalksTrackerDbContext db, int from, int into, CancellationToken ct)
    {
        var kept = await db.TrackParticipants.Where(x => x.ActorId == into).ToListAsync(ct);
        MoveOrFold(db, await db.TrackParticipants.Where(x => x.ActorId == from).ToListAsync(ct),
            p => kept.FirstOrDefault(k => k.TrackId == p.TrackId && k.Role == p.Role), (same, p) => same.Note ??= p.Note, p => p.ActorId = into);
    }

    // Each moving record either joins the kept record's own (folded into it, then removed) or is moved.
    private static void MoveOrFold<T>(TalksTrackerDbContext db, List<T> moving, Func<T, T?> keptTwin, Action<T, T> fold, Action<T> move) where T : class
    {
        foreach (var record in moving)
        {
            if (keptTwin(record) is { } twin)
            {
                fold(twin, record);
                db.Remove(record);
            }
            else
            {
                move(record);
            }
        }
    }

    // The merged actor's name and aliases become the kept one's aliases, each name once: "Moscow" still finds it.
    private static async Task MoveAliasesAsync(TalksTrackerDbContext db, int from, int into, CancellationToken ct)
    {
        var moving = await db.ActorAliases.Where(x => x.ActorId == from).ToListAsync(ct);
        var names = await db.Actors.Where(a => a.Id == from || a.Id == into).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var known = (await db.ActorAliases.Where(x => x.ActorId == into).Select(x => x.Alias).ToListAsync(ct))
            .Append(names[into]).Select(CatalogName.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in moving)
        {
            if (known.Add(CatalogName.Key(alias.Alias)))
            {
                alias.ActorId = into;
            }
            else
            {
                db.ActorAliases.Remove(alias);
            }
        }

        if (known.Add(CatalogName.Key(names[from])))
        {
            db.ActorAliases.Add(new ActorAlias { ActorId = into, Alias = names[from] });
        }
    }
}
