using Microsoft.EntityFrameworkCore;

namespace TalksTracker.Data.Common;

/// <summary>Checks that records a request refers to by id exist, naming each one that does not.</summary>
internal static class RecordChecks
{
    public static async Task<HashSet<int>> ExistingAsync<T>(DbSet<T> set, IEnumerable<int> ids, CancellationToken ct) where T : class
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : (await set.Where(e => wanted.Contains(EF.Property<int>(e, "Id"))).Select(e => EF.Property<int>(e, "Id")).ToListAsync(ct)).ToHashSet();
    }

    public static async Task CheckExistsAsync<T>(DbSet<T> set, IEnumerable<int> ids, string field, string what, ProblemList problems, CancellationToken ct)
        where T : class
    {
        var wanted = ids.Distinct().ToList();
        var found = await ExistingAsync(set, wanted, ct);
        foreach (var missing in wanted.Where(id => !found.Contains(id)))
        {
            problems.Add(field, $"There is no {what} {missing}.");
        }
    }
}
