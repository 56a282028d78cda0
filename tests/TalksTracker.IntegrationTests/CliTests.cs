using Microsoft.Data.Sqlite;
using TalksTracker.Cli;

namespace TalksTracker.IntegrationTests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talkstracker-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "cli.db");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, stdout, stderr, new Dictionary<string, string?>
        {
            ["ConnectionStrings:TalksTracker"] = $"Data Source={DatabasePath};Pooling=False",
        });
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
    public async Task Export_refuses_bad_arguments_with_a_one_line_reason(int exit, params string[] args)
    {
        await Run("seed");

        var result = await Run(args);

        Assert.Equal(exit, result.Exit);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Equal("", result.Out);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
