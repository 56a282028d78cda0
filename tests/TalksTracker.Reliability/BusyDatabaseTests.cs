using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksTracker.Cli;
using TalksTracker.Data;
using TalksTracker.Data.Persistence;
using TalksTracker.Reliability.Support;
using TalksTracker.Testing;

namespace TalksTracker.Reliability;

/// <summary>
/// The path no writer should normally reach: another process holds SQLite's write lock longer than a
/// write may wait. The connection string's <c>Default Timeout=2</c> bounds the wait (busy_timeout never
/// exceeds it), so the test takes seconds, not the production 10 s.
/// </summary>
public sealed class BusyDatabaseTests(BusyDatabaseTests.ShortWaitApp app) : IClassFixture<BusyDatabaseTests.ShortWaitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class ShortWaitApp : TalksTrackerAppFactory
    {
        public string ConnectionString => $"Data Source={DatabasePath};Pooling=False;Default Timeout=2";

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = ConnectionString };
    }

    [Fact]
    public async Task A_write_that_stays_blocked_gets_503_problem_details_with_retry_after_and_nothing_is_stored()
    {
        var client = app.CreateClient();
        // Signs in once, so the key's last-use stamp is fresh and the requests below read only.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
        var text = $"Busy database test {Guid.NewGuid():N}\nOfficials met in Muscat, a diplomat said.";

        using (var holder = await HoldWriteLockAsync(app.DatabasePath))
        {
            using var response = await client.PostAsJsonAsync("/api/reports", new { text }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("2", response.Headers.RetryAfter?.ToString());
            Assert.Equal(DatabaseBusy.Message, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());

            // Readers are not blocked by a writer in WAL mode.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/meetings", Ct)).StatusCode);
        }

        Assert.Equal(0, CountReports(app.DatabasePath, text));
        // Once the lock is gone the same post goes through, exactly once.
        using (var retried = await client.PostAsJsonAsync("/api/reports", new { text }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        }

        Assert.Equal(1, CountReports(app.DatabasePath, text));
    }

    [Fact]
    public async Task A_cli_import_that_stays_blocked_says_so_in_one_line_exits_1_and_stores_nothing()
    {
        _ = app.Server; // migrated and seeded
        var file = Path.Combine(app.Folder, $"busy-{Guid.NewGuid():N}.txt");
        var text = $"Busy import {Guid.NewGuid():N}\nEnvoys met in Doha, two officials said.";
        await File.WriteAllTextAsync(file, text, Ct);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit;
        using (await HoldWriteLockAsync(app.DatabasePath))
        {
            exit = await CliApp.RunAsync(["import", file], stdout, stderr, new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = app.ConnectionString });
        }

        Assert.Equal(1, exit);
        Assert.Contains(DatabaseBusy.Message, stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, CountReports(app.DatabasePath, text));
    }

    /// <summary>Another connection takes the write lock (BEGIN IMMEDIATE) and keeps it until disposed.</summary>
    private static async Task<IDisposable> HoldWriteLockAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        var transaction = connection.BeginTransaction(deferred: false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE Reports SET Id = Id WHERE 0";
            await command.ExecuteNonQueryAsync(Ct);
        }

        return new LockHolder(connection, transaction);
    }

    private sealed class LockHolder(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            transaction.Rollback();
            transaction.Dispose();
            connection.Dispose();
        }
    }

    private static int CountReports(string databasePath, string text)
    {
        using var connection = DatabaseChecks.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Reports WHERE Text = $text";
        command.Parameters.AddWithValue("$text", text);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
