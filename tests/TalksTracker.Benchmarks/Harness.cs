using System.Diagnostics;
using System.Data.Common;

namespace TalksTracker.Benchmarks;

public sealed record Stats(int Count, double P50, double P95, double Mean, double Max)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Stats(0, 0, 0, 0, 0);
        }

        var sorted = samples.Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average(), sorted[^1]);
    }

    // Nearest-rank percentile.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// A Stopwatch harness: warm-up calls (at least <paramref name="warmup"/>, then until the runtime's compiler has been
/// quiet for half a second, for at most <paramref name="warmupLimit"/>), then timed calls until a count or a time
/// budget runs out.
/// </summary>
/// <remarks>
/// The wait for the compiler is for .NET's tiered compilation: a method runs unoptimised until it has been called 30
/// times after the runtime has seen no new method for 100 ms, then is recompiled in the background (instrumented first,
/// then optimised). Five calls of a sub-millisecond query left most of the timed calls of the product (EF's query
/// pipeline, hundreds of methods) on unoptimised code while the floor's few ADO.NET methods were already optimised,
/// which a server that has been up for a minute never runs; product and floor get the same warm-up, as the HTTP paths
/// do (BenchmarkRunner).
/// </remarks>
public sealed class Harness(int warmup, int maxIterations, TimeSpan budget, TimeSpan warmupLimit = default)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan QuietCompiling = TimeSpan.FromMilliseconds(2);

    public int Warmup => warmup;

    public async Task<(Stats Stats, int Rows)> MeasureAsync(Func<int, Task<int>> call)
    {
        var rows = await WarmUpAsync(call);
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < maxIterations && (total.Elapsed < budget || samples.Count < 5); i++)
        {
            (var elapsed, rows) = await TimeAsync(call, i);
            samples.Add(elapsed);
        }

        return (Stats.Of(samples), rows);
    }

    /// <summary>
    /// A product and its floor, each warmed up as <see cref="MeasureAsync"/> does, then timed in turns (product, floor,
    /// product …) until the count or twice the budget runs out.
    /// </summary>
    /// <remarks>
    /// In turns rather than one after the other: on two cores shared with other work, the machine's state (another
    /// process, the runtime's background compiler, a collection) changes within seconds, and timing all of one then all
    /// of the other put such a change on one side of the ratio only. The first query of a run moved from 1.4× to 3.5×
    /// its floor between two runs of the same build timed one after the other.
    /// </remarks>
    public async Task<(Stats Product, Stats Floor)> MeasurePairAsync(Func<int, Task<int>> product, Func<int, Task<int>> floor)
    {
        await WarmUpAsync(product);
        await WarmUpAsync(floor);
        var (products, floors) = (new List<double>(), new List<double>());
        var total = Stopwatch.StartNew();
        for (var i = 0; i < maxIterations && (total.Elapsed < 2 * budget || products.Count < 5); i++)
        {
            products.Add((await TimeAsync(product, i)).Elapsed);
            floors.Add((await TimeAsync(floor, i)).Elapsed);
        }

        return (Stats.Of(products), Stats.Of(floors));
    }

    private static async Task<(double Elapsed, int Rows)> TimeAsync(Func<int, Task<int>> call, int i)
    {
        var start = Stopwatch.GetTimestamp();
        var rows = await call(i);
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, rows);
    }

    private async Task<int> WarmUpAsync(Func<int, Task<int>> call)
    {
        var rows = 0;
        var calls = 0;
        for (; calls < warmup; calls++)
        {
            rows = await call(calls);
        }

        var warming = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompilationTime();
        while (warming.Elapsed < warmupLimit)
        {
            rows = await call(calls++);
            if (window.Elapsed >= QuietWindow)
            {
                var now = System.Runtime.JitInfo.GetCompilationTime();
                if (now - compiled < QuietCompiling)
                {
                    break;
                }

                compiled = now;
                window.Restart();
            }
        }

        return rows;
    }
}

/// <summary>
/// Hand-written SQL on one open connection: the floors the services are compared with. Written in SQLite's
/// spelling; on PostgreSQL translated by <see cref="PostgresDialect"/>.
/// </summary>
public sealed class Floor(DbConnection connection)
{
    public bool IsPostgres { get; } = connection is Npgsql.NpgsqlConnection;

    /// <summary>A comma-separated list of <paramref name="expression"/> over a group (group_concat / string_agg).</summary>
    public string ListOf(string expression, string separator = "','") =>
        IsPostgres ? $"string_agg(CAST({expression} AS TEXT), {separator})" : $"group_concat({expression}, {separator})";

    /// <summary>Runs a query and reads every column of every row (boxed, as a data layer would); returns the rows.</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var rows = new List<object?[]>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public long Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = IsPostgres ? PostgresDialect.Translate(sql) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = IsPostgres ? "@" + name.TrimStart('$') : name;
            parameter.Value = value is null ? DBNull.Value : IsPostgres ? PostgresDialect.Value(value) : value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
