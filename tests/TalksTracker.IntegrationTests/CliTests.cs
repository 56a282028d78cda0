using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TalksTracker.Cli;
using TalksTracker.Data;

namespace TalksTracker.IntegrationTests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talkstracker-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "cli.db");

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    private async Task<(int Exit, string Out, string Err)> RunWith(Dictionary<string, string?> settings, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        settings["ConnectionStrings:TalksTracker"] = $"Data Source={DatabasePath};Pooling=False";
        var exit = await CliApp.RunAsync(args, stdout, stderr, settings);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Seed_loads_the_seed_once_and_a_second_run_changes_nothing()
    {
        var first = await Run("seed");
        var second = await Run("seed");

        Assert.Equal(0, first.Exit);
        Assert.Contains("seed-article.json: loaded 18 claims", first.Out);
        Assert.Equal(0, second.Exit);
        Assert.Contains("seed-article.json: already loaded", second.Out);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Claims";
        Assert.Equal(18L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_seed_folder_is_a_one_line_error_and_a_non_zero_exit()
    {
        var result = await Run("seed", "--folder", Path.Combine(_folder, "nowhere"));

        Assert.Equal(1, result.Exit);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains("does not exist", result.Err);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await Run("frobnicate");

        Assert.Equal(2, result.Exit);
        Assert.Contains("Unknown command 'frobnicate'", result.Err);
    }

    [Fact]
    public async Task Extract_prints_the_seed_articles_attributions_as_json()
    {
        var result = await Run("extract", Path.Combine(AppContext.BaseDirectory, "seeds", "seed-article.txt"), "--json");

        Assert.Equal(0, result.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var claims = json.RootElement.GetProperty("claims");
        Assert.Equal(18, claims.GetArrayLength());
        Assert.Equal("a senior Israeli security source", claims[6].GetProperty("source").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, claims[3].GetProperty("source").ValueKind);
        Assert.True(claims[3].GetProperty("hedged").GetBoolean());
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xff, 0xfe, 0xfd }, "not valid UTF-8")]
    [InlineData(new byte[] { 0x54, 0x0a, 0x00, 0x01, 0x02 }, "binary")]
    public async Task A_bad_file_is_refused_in_one_line_and_nothing_is_imported(byte[] content, string expected)
    {
        var bad = Path.Combine(_folder, "bad.txt");
        var good = Path.Combine(_folder, "good.txt");
        await File.WriteAllBytesAsync(bad, content, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(good, "A fine report\nOfficials said talks went on.", TestContext.Current.CancellationToken);
        await Run("migrate");

        var result = await Run("import", good, bad);

        Assert.Equal(1, result.Exit);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains(expected, result.Err);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Reports";
        Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_takes_a_file_in_with_proposals_for_review()
    {
        var file = Path.Combine(_folder, "report.md");
        await File.WriteAllTextAsync(file, "# Envoys meet\n\nA **senior official** said the envoys met twice.", TestContext.Current.CancellationToken);

        var result = await Run("import", file, "--outlet", "Wire");

        Assert.Equal(0, result.Exit);
        Assert.Contains("1 proposed claims to review at /reports/1/review", result.Out);
    }

    [Fact]
    public async Task Export_writes_a_stix_bundle_to_a_file_and_csv_to_stdout()
    {
        await Run("seed");
        var file = Path.Combine(_folder, "out", "bundle.json");

        var stix = await Run("export", "--format", "stix", "--track", "1", "--out", file);
        var csv = await Run("export", "--format", "csv", "--what", "board");

        Assert.Equal(0, stix.Exit);
        Assert.Contains("bundle.json", stix.Out);
        using var bundle = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal("bundle", bundle.RootElement.GetProperty("type").GetString());
        Assert.Contains(bundle.RootElement.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "report");
        Assert.Equal(0, csv.Exit);
        Assert.StartsWith("track_id,track,agenda_item_id", csv.Out);
        Assert.Contains("Long-term guarantees,Guarantees,GapRemains", csv.Out);
    }

    [Theory]
    [InlineData(2, "export")]
    [InlineData(2, "export", "--format", "pdf")]
    [InlineData(2, "export", "--format", "json", "--track", "x")]
    [InlineData(1, "export", "--format", "json", "--track", "999999")]
    public async Task Export_refuses_bad_arguments_with_a_reason_on_stderr_and_nothing_on_stdout(int exit, params string[] args)
    {
        await Run("seed");

        var result = await Run(args);

        Assert.Equal(exit, result.Exit);
        var lines = result.Err.Trim().Split('\n');
        if (exit == 1)
        {
            Assert.Single(lines);
        }
        else
        {
            // A usage error is the reason, then the usage and where the help is.
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("Usage: talkstracker export --format", lines[1], StringComparison.Ordinal);
        }

        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("migrate")]
    [InlineData("migrate-data")]
    [InlineData("extract")]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("apikey")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("actor")]
    [InlineData("source")]
    public async Task Every_command_has_help_with_its_options_and_exit_codes(string command)
    {
        var help = await Run(command, "--help");
        var asked = await Run("help", command);

        Assert.Equal(0, help.Exit);
        Assert.Equal("", help.Err);
        var lines = help.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.StartsWith($"Usage: talkstracker {command}", lines[0], StringComparison.Ordinal);
        var options = lines.SkipWhile(l => l != "Options:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        foreach (var option in System.Text.RegularExpressions.Regex.Matches(lines[0], "--[a-z][a-z-]*").Select(m => m.Value))
        {
            Assert.Contains(options, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        }

        Assert.Contains(options, l => l.TrimStart().StartsWith("-h, --help", StringComparison.Ordinal));
        var exitCodes = lines.SkipWhile(l => l != "Exit codes:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Collection(exitCodes,
            l => Assert.Equal("  0  done", l),
            l => Assert.StartsWith("  1  refused", l, StringComparison.Ordinal),
            l => Assert.StartsWith("  2  usage", l, StringComparison.Ordinal));
        Assert.Equal(help, asked);
        Assert.False(File.Exists(DatabasePath), "help needs no database");
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("migrate")]
    [InlineData("migrate-data", "--to", "postgres")]
    [InlineData("extract", "report.txt", "--json")]
    [InlineData("import", "report.txt")]
    [InlineData("export", "--format", "csv")]
    [InlineData("apikey", "create", "--user", "ops@example.org", "--name", "x")]
    [InlineData("backup", "--to", "backup.db")]
    [InlineData("restore", "--from", "backup.db")]
    [InlineData("actor", "merge", "1", "2")]
    public async Task An_unknown_option_is_a_usage_error_with_the_usage_and_does_nothing(params string[] args)
    {
        var result = await Run([.. args, "--no-such-option"]);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        var lines = result.Err.Trim().Split('\n');
        Assert.Equal($"Unknown option '--no-such-option' for {args[0]}.", lines[0]);
        Assert.StartsWith($"Usage: talkstracker {args[0]}", lines[1], StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath), "nothing runs on a misused command line");
    }

    [Fact]
    public async Task Actor_merge_moves_the_links_prints_them_and_refuses_a_second_merge_or_a_merge_into_itself()
    {
        Assert.Equal(0, (await Run("seed")).Exit);
        var (army, syria) = (await ActorIdAsync("Syrian Arab Army"), await ActorIdAsync("Syria"));

        var dryRun = await Run("actor", "merge", army, syria, "--dry-run");
        var merged = await Run("--as", "ops", "actor", "merge", army, syria);
        var again = await Run("actor", "merge", army, syria);
        var itself = await Run("actor", "merge", syria, syria);
        var notIds = await Run("actor", "merge", "Syrian Arab Army", syria);

        Assert.Equal(0, dryRun.Exit);
        Assert.Contains("Nothing changed", dryRun.Err);
        Assert.Equal(0, merged.Exit);
        Assert.Equal("Syria", System.Text.Json.JsonDocument.Parse(merged.Out).RootElement.GetProperty("into").GetProperty("name").GetString());
        Assert.Contains("claims naming it", merged.Out);
        Assert.Equal(dryRun.Out, merged.Out);
        Assert.Equal(1, again.Exit);
        Assert.Contains($"was merged into Syria", again.Err);
        Assert.Equal(1, itself.Exit);
        Assert.Equal(2, notIds.Exit);
        Assert.Equal("", await ActorIdAsync("Syrian Arab Army"));
    }

    private async Task<string> ActorIdAsync(string name)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Actors WHERE Name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public async Task A_stray_argument_to_a_command_that_takes_none_is_a_usage_error()
    {
        var result = await Run("migrate", "now");

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("migrate takes no argument 'now'.", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Extract_on_a_database_behind_the_schema_asks_for_migrate_and_leaves_it_as_it_was()
    {
        var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
        options.UseTalksTrackerDatabase(DatabaseProvider.Sqlite, $"Data Source={DatabasePath};Pooling=False");
        await using (var db = new TalksTrackerDbContext(options.Options))
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first, TestContext.Current.CancellationToken);
        }

        var result = await Run("extract", Path.Combine(AppContext.BaseDirectory, "seeds", "seed-article.txt"), "--json");

        Assert.Equal(0, result.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(18, json.RootElement.GetProperty("claims").GetArrayLength());
        Assert.Contains("(the database is behind the current schema, run migrate: actors, venues and agenda topics are not matched)", result.Err, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.Equal(1L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_export_of_links_for_more_claims_than_the_setting_allows_is_a_one_line_refusal()
    {
        await Run("seed");

        var result = await RunWith(new Dictionary<string, string?> { ["Export:MaxClaimsWithLinks"] = "5" }, "export", "--format", "json", "--track", "1");

        Assert.Equal(1, result.Exit);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains("Track 1 has 13 claims", result.Err); // about its meetings or agenda items
        Assert.Contains("up to 5 claims", result.Err);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Apikey_create_prints_a_key_once_for_an_existing_user_and_refuses_an_unknown_one()
    {
        await Run("migrate");
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) " +
                                 "VALUES ('u1', 'ops@example.org', 'OPS@EXAMPLE.ORG', 'ops@example.org', 'OPS@EXAMPLE.ORG', 1, 0, 0, 1, 0)";
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var created = await Run("apikey", "create", "--user", "ops@example.org", "--name", "nightly import");
        var quiet = await Run("apikey", "create", "--user", "ops@example.org", "--name", "weekly import", "--quiet");
        var unknown = await Run("apikey", "create", "--user", "nobody@example.org", "--name", "x");

        Assert.Equal(0, created.Exit);
        Assert.StartsWith("tt_", created.Out.Trim());
        Assert.Contains("Created API key", created.Err);
        Assert.Equal(0, quiet.Exit);
        Assert.Matches("^tt_[A-Za-z0-9_-]+\n$", quiet.Out);
        Assert.DoesNotContain("Created API key", quiet.Err);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no user", unknown.Err);
        await using var read = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await read.OpenAsync(TestContext.Current.CancellationToken);
        await using var hash = read.CreateCommand();
        hash.CommandText = "SELECT Hash FROM ApiKeys ORDER BY Id LIMIT 1";
        var stored = (string?)await hash.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(created.Out.Trim(), stored);
        Assert.Equal(64, stored!.Length);
    }

    [Fact]
    public async Task Track_create_edit_archive_and_restore_print_the_track_and_refuse_a_stale_version_or_a_taken_name()
    {
        Assert.Equal(0, (await Run("seed")).Exit);

        var created = await Run("--as", "desk-editor", "track", "create", "--name", "Turkey-SDF track", "--party", "Turkey:party:acknowledged", "--party", "Moscow:mediator");
        Assert.Equal(0, created.Exit);
        var track = System.Text.Json.JsonDocument.Parse(created.Out).RootElement;
        var (id, version) = (track.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), track.GetProperty("version").GetString()!);
        Assert.Equal(["Russia:Mediator", "Turkey:Party"], track.GetProperty("roles").EnumerateArray()
            .Select(r => $"{r.GetProperty("actor").GetProperty("name").GetString()}:{r.GetProperty("role").GetString()}").Order());

        var edited = await Run("track", "edit", id, "--version", version, "--description", "Talks in Baghdad.", "--official");
        var stale = await Run("track", "edit", id, "--version", version, "--name", "Another name");
        var taken = await Run("track", "create", "--name", "syria–israel security TRACK");
        var archived = await Run("track", "archive", id);
        var restored = await Run("track", "restore", id);
        var badParty = await Run("track", "create", "--name", "X", "--party", "Turkey");
        var noId = await Run("track", "archive");

        Assert.Equal(0, edited.Exit);
        Assert.Contains("\"isOfficial\": true", edited.Out);
        Assert.Contains("Talks in Baghdad.", edited.Out);
        Assert.Equal(1, stale.Exit);
        Assert.Contains("Someone else changed this record", stale.Err);
        Assert.Empty(stale.Out);
        Assert.Equal(1, taken.Exit);
        Assert.Contains("There is already a track", taken.Err);
        Assert.Equal(0, archived.Exit);
        Assert.DoesNotContain("\"archivedAt\": null", archived.Out);
        Assert.Equal(0, restored.Exit);
        Assert.Contains("\"archivedAt\": null", restored.Out);
        Assert.Equal((2, 2), (badParty.Exit, noId.Exit));
        await using var read = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await read.OpenAsync(TestContext.Current.CancellationToken);
        await using var audit = read.CreateCommand();
        audit.CommandText = $"SELECT User FROM AuditEntries WHERE EntityType = 'Track' AND EntityId = '{id}' AND Action = 'Created'";
        Assert.Equal("desk-editor", await audit.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Report_withdraw_restore_and_extract_again_print_what_was_done_and_refuse_what_cannot_be()
    {
        Assert.Equal(0, (await Run("seed")).Exit);

        var noReason = await Run("report", "withdraw", "1");
        var withdrawn = await Run("--as", "desk-editor", "report", "withdraw", "1", "--reason", "Republished under another title");
        var again = await Run("report", "withdraw", "1", "--reason", "Twice");
        var whileWithdrawn = await Run("report", "extract-again", "1");
        var restored = await Run("report", "restore", "1");
        var proposed = await Run("report", "extract-again", "1");
        var missing = await Run("report", "restore", "999");
        var noId = await Run("report", "withdraw");

        Assert.Equal(1, noReason.Exit);
        Assert.Contains("Say why", noReason.Err);
        Assert.Equal(0, withdrawn.Exit);
        var report = System.Text.Json.JsonDocument.Parse(withdrawn.Out).RootElement;
        Assert.Equal(("desk-editor", 18), (report.GetProperty("withdrawnBy").GetString(), report.GetProperty("claimsRetracted").GetInt32()));
        Assert.Equal(1, again.Exit);
        Assert.Contains("already withdrawn", again.Err);
        Assert.Equal(1, whileWithdrawn.Exit);
        Assert.Equal(0, restored.Exit);
        Assert.Equal(18, System.Text.Json.JsonDocument.Parse(restored.Out).RootElement.GetProperty("claimsRestored").GetInt32());
        Assert.Equal(0, proposed.Exit);
        Assert.Contains("\"proposed\"", proposed.Out);
        Assert.Equal((1, 2), (missing.Exit, noId.Exit));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
