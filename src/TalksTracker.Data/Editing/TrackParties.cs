using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>The checks of a track's fields and parties, whether it is created or corrected, and how sent parties replace stored ones.</summary>
internal static class TrackParties
{
    public const string Field = nameof(NewTrack.Parties);

    /// <summary>Checks the name, description and parties; the parties without empty entries.</summary>
    public static List<TrackPartyInput> Check(string? name, string? description, IReadOnlyList<TrackPartyInput>? given, ProblemList problems)
    {
        CatalogService.Check(problems, nameof(NewTrack.Name), CatalogName.ProblemWith(name, FieldLimits.TrackName, "A track needs a name, as in “Syria–Israel security track”."));
        CatalogService.Check(problems, nameof(NewTrack.Description), CatalogService.TooLong(description, FieldLimits.TrackDescription));
        var parties = (given ?? []).OfType<TrackPartyInput>().ToList();
        if (given is not null && given.Count != parties.Count)
        {
            problems.Add(Field, "Each party needs an actor: an empty entry (null) was sent.");
        }

        if (parties.Any(p => !Enum.IsDefined(p.Role)))
        {
            problems.Add(Field, "A role on a track is party, mediator, approver, observer or host.");
        }

        if (parties.Any(p => !Enum.IsDefined(p.Acknowledgement)))
        {
            problems.Add(Field, "Acknowledgement is unknown, acknowledged, unacknowledged or denied.");
        }

        if (parties.GroupBy(p => (p.ActorId, p.Role)).Any(g => g.Count() > 1))
        {
            problems.Add(Field, "An actor has each role on a track once.");
        }

        if (parties.Select(p => CatalogService.TooLong(p.Note, FieldLimits.TrackParticipantNote)).OfType<string>().FirstOrDefault() is { } noteProblem)
        {
            problems.Add(Field, $"A party's note: {noteProblem}");
        }

        return parties;
    }

    public static Task CheckActorsAsync(TalksTrackerDbContext db, IEnumerable<TrackPartyInput> parties, ProblemList problems, CancellationToken ct) =>
        RecordChecks.CheckExistsAsync(db.Actors, parties.Select(p => p.ActorId), Field, "actor", problems, ct);

    public static TrackParticipant ToParticipant(TrackPartyInput party) => new()
    {
        ActorId = party.ActorId,
        Role = party.Role,
        Acknowledgement = party.Acknowledgement,
        Note = CatalogName.Clean(party.Note),
    };

    /// <summary>Makes <paramref name="stored"/> hold exactly the parties sent: kept rows are updated in place (one audit entry each), others removed or added.</summary>
    public static void Replace(List<TrackParticipant> stored, IReadOnlyList<TrackPartyInput> sent)
    {
        stored.RemoveAll(p => !sent.Any(s => s.ActorId == p.ActorId && s.Role == p.Role));
        foreach (var party in sent)
        {
            var wanted = ToParticipant(party);
            if (stored.Find(p => p.ActorId == party.ActorId && p.Role == party.Role) is not { } kept)
            {
                stored.Add(wanted);
            }
            else
            {
                // Assigning an unchanged value leaves the row unchanged: only real changes are saved and audited.
                (kept.Acknowledgement, kept.Note) = (wanted.Acknowledgement, wanted.Note);
            }
        }
    }

    /// <summary>The parties as the editor reads them ("Russia: mediator"), for naming what differs in a stale edit.</summary>
    public static string Describe(IEnumerable<(int ActorId, TrackRole Role, Acknowledgement Acknowledgement)> parties, IReadOnlyDictionary<int, string> names) =>
        string.Join(", ", parties
            .Select(p => $"{names.GetValueOrDefault(p.ActorId, $"actor {p.ActorId}")}: {p.Role.ToString().ToLowerInvariant()}"
                         + (p.Role == TrackRole.Party ? $" ({p.Acknowledgement.ToString().ToLowerInvariant()})" : ""))
            .Order(StringComparer.Ordinal));

    public static async Task<Dictionary<int, string>> NamesAsync(TalksTrackerDbContext db, IEnumerable<int> actorIds, CancellationToken ct)
    {
        var ids = actorIds.Distinct().ToList();
        return await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
