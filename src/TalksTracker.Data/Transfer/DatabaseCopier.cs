using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TalksTracker.Data.Transfer;

/// <summary>What was copied from one table: rows read and rows found in the target afterwards.</summary>
public sealed record TableCopy(string Table, int Source, int Target)
{
    public bool Matches => Source == Target;
}

/// <summary>
/// Copies every record of one TalksTracker database into another, empty one, table by table in
/// foreign-key order, ids kept: the domain, the audit trail (as it is, not added to), claim proposals,
/// accounts, roles, API keys and data-protection keys. Afterwards the target's id sequences are moved
/// past the copied ids (PostgreSQL), and the counts per table and a spot check of records are compared.
/// Meant for moving a SQLite database to PostgreSQL; the target must be migrated and empty.
/// </summary>
public sealed class DatabaseCopier
{
    private const int Batch = 2_000;

    private static readonly MethodInfo CopyTableMethod =
        typeof(DatabaseCopier).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CountMethod =
        typeof(DatabaseCopier).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The tables of the model in an order where every row's references are copied before it.</summary>
    public static IReadOnlyList<IEntityType> TablesInOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.BaseType is null).ToList();
        var ordered = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !done.Contains(t)
                                         && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || done.Contains(fk.PrincipalEntityType.GetRootType())))
                .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables reference each other in a cycle: " + string.Join(", ", types.Except(done).Select(t => t.GetTableName())));
            }

            ordered.AddRange(ready);
            done.UnionWith(ready);
        }

        return ordered;
    }

    /// <summary>Table names with rows in them; empty for an empty database.</summary>
    public static async Task<IReadOnlyList<string>> NonEmptyTablesAsync(TalksTrackerDbContext db, CancellationToken ct = default)
    {
        var tables = new List<string>();
        foreach (var type in TablesInOrder(db.Model))
        {
            if (await Count(db, type, ct) > 0)
            {
                tables.Add(type.GetTableName()!);
            }
        }

        return tables;
    }

    /// <summary>Copies everything; refuses a target that has any row in it. Returns the counts per table.</summary>
    public async Task<IReadOnlyList<TableCopy>> CopyAsync(
        IDbContextFactory<TalksTrackerDbContext> source, IDbContextFactory<TalksTrackerDbContext> target,
        Action<string>? progress = null, CancellationToken ct = default)
    {
        await using (var check = await target.CreateDbContextAsync(ct))
        {
            var filled = await NonEmptyTablesAsync(check, ct);
            if (filled.Count > 0)
            {
                throw new InvalidOperationException($"The target database is not empty ({string.Join(", ", filled)} have rows); nothing was copied.");
            }
        }

        var copies = new List<TableCopy>();
        await using var from = await source.CreateDbContextAsync(ct);
        await using var to = await target.CreateDbContextAsync(ct);
        // Contexts are pooled: the flag must not outlive this copy on a context the pool hands out again.
        to.CopyingDatabase = true;
        try
        {
            to.ChangeTracker.AutoDetectChangesEnabled = false;
            await using (var transaction = await to.Database.BeginTransactionAsync(ct))
            {
                foreach (var type in TablesInOrder(from.Model))
                {
                    var task = (Task<int>)CopyTableMethod.MakeGenericMethod(type.ClrType).Invoke(null, [from, to, type, ct])!;
                    var copied = await task;
                    progress?.Invoke($"{type.GetTableName()}: {copied} row(s)");
                }

                await ResetSequencesAsync(to, ct);
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            to.CopyingDatabase = false;
        }

        foreach (var type in TablesInOrder(from.Model))
        {
            copies.Add(new TableCopy(type.GetTableName()!, await Count(from, type, ct), await Count(to, type, ct)));
        }

        return copies;
    }

    private static async Task<int> CopyTableAsync<T>(TalksTrackerDbContext from, TalksTrackerDbContext to, IEntityType type, CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties;
        // Integer keys are read in key order after the last key copied (keyset paging: every batch is an index
        // seek, so a table of millions of rows copies in linear time); other keys by offset.
        var keyset = key.All(p => p.ClrType == typeof(int));
        object?[]? last = null;
        var copied = 0;
        while (true)
        {
            IQueryable<T> query = from.Set<T>();
            if (keyset && last is not null)
            {
                query = query.Where(After<T>(key, last));
            }

            IOrderedQueryable<T> ordered = query.OrderBy(e => EF.Property<object>(e, key[0].Name));
            foreach (var part in key.Skip(1))
            {
                ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
            }

            // Tracked in the source so shadow properties come along with the values.
            var rows = await (keyset ? ordered.Take(Batch) : ordered.Skip(copied).Take(Batch)).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return copied;
            }

            foreach (var row in rows)
            {
                var clone = (T)Activator.CreateInstance(type.ClrType, nonPublic: true)!;
                var entry = to.Entry(clone);
                // By name: the two contexts have models of their own (one per provider). SQLite keeps no
                // DateTime kind; every time the app stores is UTC, and PostgreSQL's timestamptz needs it said.
                entry.CurrentValues.SetValues(from.Entry(row).Properties.ToDictionary(
                    p => p.Metadata.Name,
                    p => p.CurrentValue is DateTime { Kind: DateTimeKind.Unspecified } time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : p.CurrentValue));
                entry.State = EntityState.Added;
            }

            var lastEntry = from.Entry(rows[^1]);
            last = key.Select(p => lastEntry.Property(p.Name).CurrentValue).ToArray();
            await to.SaveChangesAsync(ct);
            to.ChangeTracker.Clear();
            from.ChangeTracker.Clear();
            copied += rows.Count;
        }
    }

    /// <summary>Rows whose integer key comes after <paramref name="last"/> in key order: k1 &gt; a OR (k1 = a AND (k2 &gt; b OR …)).</summary>
    private static Expression<Func<T, bool>> After<T>(IReadOnlyList<IProperty> key, object?[] last)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(int));
        Expression? condition = null;
        for (var i = key.Count - 1; i >= 0; i--)
        {
            var column = Expression.Call(property, row, Expression.Constant(key[i].Name));
            // A field of a captured object, so EF sends it as a parameter and reuses one compiled query per table.
            var value = Expression.Field(Expression.Constant(new StrongBox<int>((int)last[i]!)), nameof(StrongBox<int>.Value));
            var after = Expression.GreaterThan(column, value);
            condition = condition is null ? after : Expression.OrElse(after, Expression.AndAlso(Expression.Equal(column, value), condition));
        }

        return Expression.Lambda<Func<T, bool>>(condition!, row);
    }

    // Ids a table's records keep while they are out of it: a retracted claim is restored under its own id, so a new
    // claim made after the copy must not take it.
    private static readonly Dictionary<Type, string> IdsKeptElsewhere = new()
    {
        [typeof(Domain.Claim)] = """(SELECT MAX("Id") FROM "RetractedClaims")""",
    };

    /// <summary>On PostgreSQL, moves each identity column's sequence past the largest copied id (and any id kept elsewhere).</summary>
    private static async Task ResetSequencesAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var type in TablesInOrder(db.Model))
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            foreach (var property in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var column = property.GetColumnName(table)!;
                var tableName = type.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal);
                var columnName = column.Replace("\"", "\"\"", StringComparison.Ordinal);
                // Identifiers come from the model, not from input.
#pragma warning disable EF1002
                var keptElsewhere = IdsKeptElsewhere.TryGetValue(type.ClrType, out var kept) ? kept : "0";
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{tableName}\"', '{columnName}'), GREATEST(COALESCE((SELECT MAX(\"{columnName}\") FROM \"{tableName}\"), 0), COALESCE({keptElsewhere}, 0)) + 1, false)",
                    ct);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>
    /// Compares the first and the last record of every table (by key) between the two databases, value
    /// by value; returns what differs (nothing when the copy is faithful).
    /// </summary>
    public static async Task<IReadOnlyList<string>> SpotCheckAsync(
        IDbContextFactory<TalksTrackerDbContext> source, IDbContextFactory<TalksTrackerDbContext> target, CancellationToken ct = default)
    {
        var problems = new List<string>();
        await using var from = await source.CreateDbContextAsync(ct);
        await using var to = await target.CreateDbContextAsync(ct);
        foreach (var type in TablesInOrder(from.Model))
        {
            var task = (Task<IReadOnlyList<string>>)SpotCheckMethod.MakeGenericMethod(type.ClrType).Invoke(null, [from, to, type, ct])!;
            problems.AddRange(await task);
        }

        return problems;
    }

    private static readonly MethodInfo SpotCheckMethod =
        typeof(DatabaseCopier).GetMethod(nameof(SpotCheckTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<IReadOnlyList<string>> SpotCheckTableAsync<T>(TalksTrackerDbContext from, TalksTrackerDbContext to, IEntityType type, CancellationToken ct)
        where T : class
    {
        var problems = new List<string>();
        var key = type.FindPrimaryKey()!.Properties;
        foreach (var descending in new[] { false, true })
        {
            var left = await Ordered(from.Set<T>(), key, descending).FirstOrDefaultAsync(ct);
            var right = await Ordered(to.Set<T>(), key, descending).FirstOrDefaultAsync(ct);
            if (left is null || right is null)
            {
                if ((left is null) != (right is null))
                {
                    problems.Add($"{type.GetTableName()}: a record is missing on one side");
                }

                continue;
            }

            var a = from.Entry(left).CurrentValues;
            var b = to.Entry(right).CurrentValues;
            foreach (var property in type.GetProperties())
            {
                if (!Same(a[property.Name], b[property.Name]))
                {
                    problems.Add($"{type.GetTableName()}.{property.Name}: '{a[property.Name]}' became '{b[property.Name]}'");
                }
            }
        }

        return problems;

        static bool Same(object? x, object? y) => (x, y) switch
        {
            // PostgreSQL keeps times to the microsecond (.NET to 100 ns): the rest is rounded away.
            (DateTime l, DateTime r) => Math.Abs(l.Ticks - r.Ticks) < 10,
            (DateTimeOffset l, DateTimeOffset r) => Math.Abs(l.UtcTicks - r.UtcTicks) < 10,
            _ => Equals(x, y),
        };
    }

    private static IQueryable<T> Ordered<T>(IQueryable<T> query, IReadOnlyList<IProperty> key, bool descending) where T : class
    {
        var ordered = descending
            ? query.OrderByDescending(e => EF.Property<object>(e, key[0].Name))
            : query.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            ordered = descending ? ordered.ThenByDescending(e => EF.Property<object>(e, part.Name)) : ordered.ThenBy(e => EF.Property<object>(e, part.Name));
        }

        return ordered;
    }

    private static Task<int> Count(TalksTrackerDbContext db, IEntityType type, CancellationToken ct) =>
        (Task<int>)CountMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, ct])!;

    private static Task<int> CountAsync<T>(TalksTrackerDbContext db, CancellationToken ct) where T : class => db.Set<T>().CountAsync(ct);
}
