using TalksTracker.Benchmarks;
using TalksTracker.Data;

var scale = Scale.S;
string? outFolder = null;
string? db = null;
string? apiKey = Environment.GetEnvironmentVariable("TALKSTRACKER_BENCH_API_KEY");
var skipHttp = false;
var bulk = false;
var keepTriggers = false;
var provider = DatabaseProvider.Sqlite;
var postgres = Environment.GetEnvironmentVariable("TALKSTRACKER_POSTGRES");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale" when i + 1 < args.Length:
            scale = Scale.Parse(args[++i]);
            break;
        case "--out" when i + 1 < args.Length:
            outFolder = args[++i];
            break;
        case "--db" when i + 1 < args.Length:
            db = args[++i];
            break;
        case "--api-key" when i + 1 < args.Length:
            apiKey = args[++i];
            break;
        case "--no-http":
            skipHttp = true;
            break;
        case "--bulk":
            bulk = true;
            break;
        case "--provider" when i + 1 < args.Length:
            provider = DatabaseProviders.Parse(args[++i]);
            break;
        case "--postgres" when i + 1 < args.Length:
            postgres = args[++i];
            break;
        case "--keep-search-triggers":
            keepTriggers = true;
            break;
        default:
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/TalksTracker.Benchmarks -- --scale XS|S|M|L [--out docs] [--db PATH] [--bulk [--keep-search-triggers]] [--no-http] [--api-key KEY] [--provider sqlite|postgres [--postgres CONNECTION]]");
            return 2;
    }
}

var report = await BenchmarkRunner.RunAsync(
    new BenchmarkOptions { Scale = scale, Out = outFolder, Db = db, ApiKey = apiKey, SkipHttp = skipHttp, Bulk = bulk, KeepSearchTriggers = keepTriggers, Provider = provider, Postgres = postgres },
    Console.WriteLine);
Console.WriteLine();
Console.WriteLine(ReportWriter.Table(report));
foreach (var error in report.Errors)
{
    Console.Error.WriteLine("error: " + error);
}

return report.Errors.Count == 0 ? 0 : 1;
