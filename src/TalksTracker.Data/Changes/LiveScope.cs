using TalksTracker.Domain;

namespace TalksTracker.Data.Changes;

/// <summary>
/// What a page shows, by record: a change that touches any of them concerns the page. Plain arrays, so a scope can be
/// handed to an interactive island inside a statically rendered page (its parameters are serialised).
/// </summary>
public sealed class LiveScope
{
    public int[] Meetings { get; init; } = [];
    public int[] Tracks { get; init; } = [];
    public int[] AgendaItems { get; init; } = [];
    public int[] Claims { get; init; } = [];
    public int[] Sources { get; init; } = [];
    public int[] Actors { get; init; } = [];

    /// <summary>Whether <paramref name="change"/> touches anything the page shows.</summary>
    public bool Concerns(ChangedRecord change) => change.Touches.Any(Shows);

    /// <summary>Whether the page shows <paramref name="record"/> already.</summary>
    public bool Shows(RecordRef record) => record.Kind switch
    {
        nameof(Meeting) => Meetings.Contains(record.Id),
        nameof(Track) => Tracks.Contains(record.Id),
        nameof(AgendaItem) => AgendaItems.Contains(record.Id),
        nameof(Claim) => Claims.Contains(record.Id),
        nameof(Source) => Sources.Contains(record.Id),
        nameof(Actor) => Actors.Contains(record.Id),
        _ => false,
    };

    /// <summary>
    /// What <paramref name="batch"/> means for the page: the claims it brings that the page does not show yet (held
    /// behind a "new claims" notice, since inserting them would move what is being read), whether anything else
    /// the page shows changed (a status, a position, a meeting's facts: applied in place), and whether any of it
    /// touched a claim (only then is the evidence weighed again).
    /// </summary>
    public LiveChange Classify(ChangeBatch batch)
    {
        var newClaims = new HashSet<int>();
        var inPlace = new List<ChangedRecord>();
        var claimsTouched = false;
        foreach (var change in batch.Records.Where(Concerns))
        {
            claimsTouched |= change.Touches.Any(t => t.Kind == nameof(Claim));
            if (change.ArrivingClaimId is { } claim && !Claims.Contains(claim))
            {
                newClaims.Add(claim);
            }
            else
            {
                inPlace.Add(change);
            }
        }

        return new LiveChange(batch.Version, newClaims, inPlace, claimsTouched);
    }
}

/// <summary>What one batch of changes means for one page (<see cref="LiveScope.Classify"/>).</summary>
/// <param name="InPlace">The changes to apply where the page shows them (anything but new claims): a page can tell from
/// them what to read again (a dossier whose meeting alone was saved reads that record, not the whole dossier).</param>
public sealed record LiveChange(long Version, IReadOnlyCollection<int> NewClaims, IReadOnlyList<ChangedRecord> InPlace, bool ClaimsTouched)
{
    public bool OtherChanges => InPlace.Count > 0;

    public bool ConcernsPage => NewClaims.Count > 0 || OtherChanges;

    /// <summary>Whether every change applied in place is an edit of the record <paramref name="kind"/> <paramref name="id"/> itself.</summary>
    public bool OnlyEdits(string kind, int id) =>
        OtherChanges && !ClaimsTouched && InPlace.All(c => c.Action == AuditAction.Updated && c.Kind == kind && c.Id == id);
}
