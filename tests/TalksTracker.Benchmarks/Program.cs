using TalksTracker.Benchmarks;
using TalksTracker.Data;

var scale = Scale.S;
string? outFolder = null;
string? db = null;
string? apiKey = Environment.GetEnvironmentVariable("TALKSTRACKER_BENCH_API_KEY");
var skipHttp = false;
var skipQueries = false;
var httpClients = 50;
int? httpRequests = null;
var httpPaths = new List<string>();
var bulk = false;
var keepTriggers = false;
string? queryFilter = null;
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
        case "--http-only":
            skipQueries = true;
            break;
        case "--http-clients" when i + 1 < args.Length:
            httpClients = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--http-requests" when i + 1 < args.Length:
            httpRequests = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--http-path" when i + 1 < args.Length:
            httpPaths.Add(args[++i]);
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
        case "--query" when i + 1 < args.Length:
            queryFilter = args[++i];
            break;
        case "--keep-search-triggers":
            keepTriggers = true;
            break;
        default:
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/TalksTracker.Benchmarks -- --scale XS|S|M|L [--out docs] [--db PATH] [--bulk [--keep-search-triggers]] [--no-http [--query TEXT] | --http-only] [--http-clients N] [--http-requests N] [--http-path PATH]... [--api-key KEY] [--provider sqlite|postgres [--postgres CONNECTION]]");
            return 2;
    }
}

var report = await BenchmarkRunner.RunAsync(
    new BenchmarkOptions { Scale = scale, Out = outFolder, Db = db, ApiKey = apiKey, SkipHttp = skipHttp, SkipQueries = skipQueries, HttpClients = httpClients, HttpRequestsPerPath = httpRequests, HttpPaths = httpPaths.Count > 0 ? httpPaths : BenchmarkOptions.DefaultHttpPaths, HttpFloors = httpPaths.Count > 0 ? new Dictionary<string, string>() : BenchmarkOptions.DefaultHttpFloors, Bulk = bulk, KeepSearchTriggers = keepTriggers, QueryFilter = queryFilter, Provider = provider, Postgres = postgres },
    Console.WriteLine);
Console.WriteLine();
Console.WriteLine(ReportWriter.Table(report));
foreach (var error in report.Errors)
{
    Console.Error.WriteLine("error: " + error);
}

return report.Errors.Count == 0 ? 0 : 1;
