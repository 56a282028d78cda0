using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksTracker.Cli;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The built Cli run as its own process, as a script runs it (<c>talkstracker … | jq</c>): standard output must carry
/// the command's result and nothing else, with or without a database. Logging writes to the real console, so only a
/// child process shows what lands there; <see cref="CliApp.RunAsync"/> in-process would not.
/// </summary>
public sealed class CliOutputTests : IDisposable
{
    private const string Json = "json";
    private const string Nothing = "";
    private const string Extracted = @"^(Under Russian auspices and US approval: .+|\[\d+-\d+\] .+)$";
    private const string Migrated = @"^The database is up to date\.$";
    private const string Seeded = @"^seed-article\.json: (loaded \d+ claims|already loaded)$";
    private const string Imported = @"^.+report\.md: report \d+, \d+ proposed claims to review at /reports/\d+/review$";
    private const string Key = @"^tt_[A-Za-z0-9_-]+$";
    private const string BackedUp = @"^Backed up to .+backup\.db \(.+ integrity ok\)\.$";

    private static readonly string SeedReport = Path.Combine(AppContext.BaseDirectory, "seeds", "seed-article.txt");

    private readonly string _folder = Directory.CreateTempSubdirectory("talkstracker-cli-output-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_folder, "talkstracker.db");

    private string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    /// <summary>
    /// <paramref name="expected"/>: <c>json</c> (all of standard output is one JSON document), empty (nothing), or a
    /// pattern every line must match. "{report}" in the arguments is the seed article, "{folder}" the test's folder.
    /// </summary>
    [Theory]
    [InlineData(false, 0, Json, "extract", "{report}", "--json")]
    [InlineData(true, 0, Json, "extract", "{report}", "--json")]
    [InlineData(false, 0, Extracted, "extract", "{report}")]
    [InlineData(true, 0, Extracted, "extract", "{report}")]
    [InlineData(false, 0, Json, "export", "--format", "json", "--out", "-")]
    [InlineData(true, 0, Json, "export", "--format", "json", "--out", "-")]
    [InlineData(false, 0, Json, "export", "--format", "stix", "--out", "-")]
    [InlineData(true, 0, Json, "export", "--format", "stix", "--track", "1", "--out", "-")]
    [InlineData(false, 0, Json, "export", "--format", "json", "--what", "board")]
    [InlineData(true, 0, Json, "export", "--format", "json", "--what", "board")]
    [InlineData(false, 0, Migrated, "migrate")]
    [InlineData(true, 0, Migrated, "migrate")]
    [InlineData(false, 0, Seeded, "seed")]
    [InlineData(true, 0, Seeded, "seed")]
    [InlineData(false, 0, Imported, "import", "{folder}/report.md")]
    [InlineData(true, 0, Imported, "import", "{folder}/report.md")]
    [InlineData(false, 1, Nothing, "apikey", "create", "--user", "ops@example.org", "--name", "nightly", "--quiet")]
    [InlineData(true, 0, Key, "apikey", "create", "--user", "ops@example.org", "--name", "nightly", "--quiet")]
    [InlineData(false, 1, Nothing, "backup", "--to", "{folder}/backup.db")]
    [InlineData(true, 0, BackedUp, "backup", "--to", "{folder}/backup.db")]
    public async Task Standard_output_carries_only_the_result_with_or_without_a_database(bool database, int exit, string expected, params string[] args)
    {
        if (database)
        {
            await SeedWithAUserAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "report.md"), "# Envoys meet\n\nA **senior official** said the envoys met twice.", Ct);

        var result = await RunAsync(args.Select(a => a.Replace("{report}", SeedReport, StringComparison.Ordinal).Replace("{folder}", _folder, StringComparison.Ordinal)));

        Assert.True(result.Exit == exit, $"exit {result.Exit}\n{result.Err}");
        var stdout = result.Out;
        switch (expected)
        {
            case Json:
                using (var document = JsonDocument.Parse(stdout))
                {
                    Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                }

                break;
            case Nothing:
                Assert.Equal("", stdout);
                break;
            default:
                var lines = stdout.TrimEnd('\n').Split('\n');
                Assert.All(lines, line => Assert.Matches(expected, line));
                break;
        }

        Assert.DoesNotContain("fail:", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_without_a_database_says_once_on_stderr_that_names_are_not_matched_and_creates_no_database()
    {
        var result = await RunAsync(["extract", SeedReport, "--json"]);

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(18, json.RootElement.GetProperty("claims").GetArrayLength());
        const string Note = "(no database yet: actors, venues and agenda topics are not matched)";
        Assert.Single(result.Err.Split('\n'), line => line == Note);
        Assert.DoesNotContain("no such table", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath), "extract stores nothing, so it creates no database");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_to_standard_output_is_the_files_bytes_whatever_the_locale(bool database)
    {
        if (database)
        {
            await SeedWithAUserAsync();
        }

        // Console.Out follows the locale's charset; the claims carry typographic quotes, which Latin-1 has not.
        var latin1 = new Dictionary<string, string> { ["LANG"] = "en_US.ISO-8859-1", ["LC_ALL"] = "en_US.ISO-8859-1" };
        var piped = await RunAsync(["export", "--format", "csv", "--out", "-"], latin1);
        var file = Path.Combine(_folder, "claims.csv");
        var written = await RunAsync(["export", "--format", "csv", "--out", file], latin1);

        Assert.Equal(0, piped.Exit);
        Assert.Equal(0, written.Exit);
        Assert.False(File.Exists(Path.Combine(_folder, "-")), "--out - is standard output, not a file named -");
        Assert.StartsWith("claim_id,", piped.Out, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(file, Ct), piped.Bytes);
        Assert.Equal(database, piped.Out.Contains('’', StringComparison.Ordinal));
    }

    private async Task SeedWithAUserAsync()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = ConnectionString };
        Assert.Equal(0, await CliApp.RunAsync(["seed"], TextWriter.Null, TextWriter.Null, settings));
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) " +
                             "VALUES ('u1', 'ops@example.org', 'OPS@EXAMPLE.ORG', 'ops@example.org', 'OPS@EXAMPLE.ORG', 1, 0, 0, 1, 0)";
        await insert.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>Runs the built Cli in the test's folder; its standard output is kept as bytes and read as UTF-8.</summary>
    private async Task<(int Exit, string Out, byte[] Bytes, string Err)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        // As the reliability harness starts children: deployed settings except the clock, which Testing lets start at the test instant.
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Clock__Start"] = TestClock.Setting;
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__TalksTracker"] = ConnectionString;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        using var stdout = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            process.Kill();
            throw new TimeoutException($"talkstracker {string.Join(' ', info.ArgumentList.Skip(1))} did not finish within 2 minutes.");
        }

        await reading;
        var bytes = stdout.ToArray();
        return (process.ExitCode, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), bytes, await stderr);
    }

    /// <summary>The Cli this test project built (it references the project), found as the reliability harness finds it.</summary>
    private static string CliDll
    {
        get
        {
            var configuration = typeof(CliOutputTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TalksTracker.sln")))
                {
                    var dll = Path.Combine(dir.FullName, "src", "TalksTracker.Cli", "bin", configuration, "net10.0", "talkstracker.dll");
                    return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build TalksTracker.Cli first: {dll} is missing.", dll);
                }
            }

            throw new InvalidOperationException("TalksTracker.sln not found above the test output.");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child still closing its files leaves the temporary folder behind; nothing else is at stake.
        }
    }
}
