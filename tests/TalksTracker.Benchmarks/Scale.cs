namespace TalksTracker.Benchmarks;

/// <summary>How much data a run generates. XS exists for the CI smoke test only.</summary>
public sealed record Scale(
    string Name,
    int Reports,
    int Claims,
    int Meetings,
    int Tracks,
    int Sources,
    int Actors,
    int Venues,
    bool Bulk)
{
    public static readonly Scale XS = new("XS", 60, 600, 40, 4, 30, 40, 10, Bulk: false);
    public static readonly Scale S = new("S", 1_000, 10_000, 200, 10, 100, 100, 30, Bulk: false);
    public static readonly Scale M = new("M", 10_000, 100_000, 2_000, 25, 500, 200, 60, Bulk: false);
    public static readonly Scale L = new("L", 100_000, 1_000_000, 20_000, 50, 5_000, 300, 100, Bulk: true);

    public static Scale Parse(string name) => name.ToUpperInvariant() switch
    {
        "XS" => XS,
        "S" => S,
        "M" => M,
        "L" => L,
        _ => throw new ArgumentException($"Unknown scale '{name}': use XS, S, M or L."),
    };

    public int AgendaItemsPerTrack => 6;
}

/// <summary>Zipf-distributed ranks 0..n-1 (rank 0 the most frequent), sampled from a seeded Random.</summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double exponent = 1.0)
    {
        _cumulative = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var u = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, u);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
