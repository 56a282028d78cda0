using System.Diagnostics;
using Microsoft.Data.Sqlite;

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

/// <summary>A Stopwatch harness: warm-up calls, then timed calls until a count or a time budget runs out.</summary>
public sealed class Harness(int warmup, int maxIterations, TimeSpan budget)
{
    public int Warmup => warmup;

    public async Task<(Stats Stats, int Rows)> MeasureAsync(Func<int, Task<int>> call)
    {
        var rows = 0;
        for (var i = 0; i < warmup; i++)
        {
            rows = await call(i);
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        var watch = new Stopwatch();
        for (var i = 0; i < maxIterations && (total.Elapsed < budget || samples.Count < 5); i++)
        {
            watch.Restart();
            rows = await call(i);
            watch.Stop();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (Stats.Of(samples), rows);
    }
}

/// <summary>Hand-written SQL on one open connection: the floors the services are compared with.</summary>
public sealed class Floor(SqliteConnection connection)
{
    /// <summary>Runs a query and reads every column of every row (boxed, as a data layer would); returns the rows.</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

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
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
