using Microsoft.EntityFrameworkCore;

namespace TalksTracker.Data.Editing;

/// <summary>What someone else changed in a record since an editor opened it.</summary>
public sealed record FieldConflict(string Field, string? Yours, string? Theirs);

public static class Conflicts
{
    public const string Field = "Conflict";

    /// <summary>
    /// For a save refused because the record changed meanwhile: each field where the stored value
    /// differs from what the editor started from, with their value and the editor's — or that the
    /// record is gone.
    /// </summary>
    public static async Task<(bool Deleted, IReadOnlyList<FieldConflict> Fields)> DescribeAsync(DbUpdateConcurrencyException exception, CancellationToken ct)
    {
        var fields = new List<FieldConflict>();
        foreach (var entry in exception.Entries)
        {
            var stored = await entry.GetDatabaseValuesAsync(ct);
            if (stored is null)
            {
                return (true, []);
            }

            foreach (var property in entry.Properties.Where(p => p.Metadata.Name != "Version"))
            {
                var theirs = stored[property.Metadata];
                if (!Equals(theirs, property.OriginalValue))
                {
                    fields.Add(new FieldConflict(property.Metadata.Name, Convert.ToString(property.CurrentValue), Convert.ToString(theirs)));
                }
            }
        }

        return (false, fields);
    }

    public static string Message(bool deleted, IReadOnlyList<FieldConflict> fields) => deleted
        ? "Someone else deleted this record since you opened it; nothing was saved."
        : fields.Count == 0
            ? "Someone else saved this record since you opened it; nothing was overwritten. Reload and reapply your change."
            : "Someone else changed this record since you opened it; nothing was overwritten. They changed: "
              + string.Join("; ", fields.Select(f => $"{f.Field} to “{f.Theirs}” (you had “{f.Yours}”)")) + ". Reapply your change on the current version.";
}
