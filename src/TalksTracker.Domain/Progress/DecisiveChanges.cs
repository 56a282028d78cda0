namespace TalksTracker.Domain.Progress;

/// <summary>A reported status change of an agenda item before its claims are read: its id, date and whether it rests on any claim.</summary>
public sealed record ChangeOutline(int ChangeId, DateOnly AsOf, bool HasClaims);

/// <summary>
/// Which status changes' claims <see cref="StatusDerivation"/> needs, so an item with thousands of reports is
/// decided from its newest few. Every change dated on or after the newest well-sourced change (and all of them
/// when none is well sourced) decides the status, its open gap and their backing; older changes cannot: a newer
/// well-sourced change outranks them, and an open gap must not be older than the status. Deriving from exactly
/// those changes therefore gives the same result as deriving from all of them.
/// </summary>
public static class DecisiveChanges
{
    /// <summary>
    /// The changes (with claims) to read next, newest first, taking at most <paramref name="dateGroups"/> more
    /// dates than are read already; empty when the read ones settle the status.
    /// </summary>
    /// <param name="changes">The item's changes, any order.</param>
    /// <param name="wellSourced">Whether a change is well sourced, or null when its claims are not read yet.</param>
    public static IReadOnlyList<int> ToRead(IEnumerable<ChangeOutline> changes, Func<int, bool?> wellSourced, int dateGroups)
    {
        var toRead = new List<int>();
        var newGroups = 0;
        foreach (var group in changes.Where(c => c.HasClaims).GroupBy(c => c.AsOf).OrderByDescending(g => g.Key))
        {
            var states = group.Select(c => (c.ChangeId, Known: wellSourced(c.ChangeId))).ToList();
            var unread = states.Where(s => s.Known is null).Select(s => s.ChangeId).ToList();
            if (unread.Count == 0)
            {
                if (states.Any(s => s.Known == true))
                {
                    break;
                }

                continue;
            }

            if (newGroups == dateGroups)
            {
                break;
            }

            toRead.AddRange(unread.Order());
            newGroups++;
            if (states.Any(s => s.Known == true))
            {
                // Its date is settled; only its unread ties are needed (for their backing), nothing older.
                break;
            }
        }

        return toRead;
    }
}
