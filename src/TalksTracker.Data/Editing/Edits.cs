using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TalksTracker.Data.Common;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

/// <summary>
/// How every correction of a stored record is saved. The editor sends the version they opened with the change; a
/// change to a record saved by someone else since is refused, naming what the record holds now, and nothing is
/// overwritten. The check is made twice: against the loaded record (so the editor is told what differs) and by the
/// database (the version is the concurrency token, its original value the one the editor saw), so a save that lands
/// between the two is refused too. Auditing, versioning and derived figures follow from the context's save.
/// </summary>
public static class Edits
{
    /// <summary>The field of a failure that means the record does not exist (404 in the API).</summary>
    public const string Missing = "NotFound";

    /// <summary>The field of a failure that means the record cannot be removed while something depends on it (409).</summary>
    public const string InUse = "InUse";

    public static Outcome<T> NotFound<T>(string what, int id) => Outcome<T>.Failure(Missing, $"There is no {what} {id}.");

    /// <summary>
    /// The refusal of an edit made on a version other than the stored one, listing each field where the stored value
    /// differs from the one sent; null when <paramref name="seen"/> is the stored version.
    /// </summary>
    public static Outcome<T>? Stale<T>(IVersioned stored, Guid seen, params (string Field, object? Sent, object? Stored)[] fields)
    {
        if (stored.Version == seen)
        {
            return null;
        }

        var differences = fields
            .Where(f => !Equals(Text(f.Sent), Text(f.Stored)))
            .Select(f => new FieldConflict(f.Field, Text(f.Sent), Text(f.Stored)))
            .ToList();
        return Outcome<T>.Failure(Conflicts.Field, Conflicts.Message(false, differences));
    }

    /// <summary>
    /// Saves the changes made to <paramref name="record"/> (and anything else tracked), refused if the stored record
    /// is no longer at <paramref name="seen"/>. A change to the record's own rows alone (a track's parties, a meeting's
    /// participants, an actor's aliases, a claim's links) changes the record too: its version is renewed and checked
    /// like any edit's, so an editor who read the old rows is refused rather than overwriting them.
    /// </summary>
    public static async Task<Outcome<T>> SaveAsync<T>(TalksTrackerDbContext db, IVersioned record, Guid seen, Func<T> result, CancellationToken ct)
    {
        var entry = db.Entry(record);
        if (entry.State == EntityState.Unchanged && db.ChangeTracker.HasChanges())
        {
            entry.Property(nameof(IVersioned.Version)).IsModified = true;
        }

        entry.Property(nameof(IVersioned.Version)).OriginalValue = seen;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var (deleted, fields) = await Conflicts.DescribeAsync(e, ct);
            return Outcome<T>.Failure(Conflicts.Field, Conflicts.Message(deleted, fields));
        }

        return Outcome<T>.Success(result());
    }

    /// <summary>As above, within the write transaction the correction began: committed when the save succeeds; a refusal leaves it to roll back.</summary>
    public static async Task<Outcome<T>> SaveAsync<T>(TalksTrackerDbContext db, IDbContextTransaction transaction, IVersioned record, Guid seen, Func<T> result, CancellationToken ct)
    {
        var outcome = await SaveAsync(db, record, seen, result, ct);
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        IEnumerable<object> items => string.Join(", ", items),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
