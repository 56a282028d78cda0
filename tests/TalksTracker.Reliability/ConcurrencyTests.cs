using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Domain;
using TalksTracker.Reliability.Support;
using TalksTracker.Testing;

namespace TalksTracker.Reliability;

/// <summary>
/// Many writers at once on one real database, on both engines (a SQLite file; a PostgreSQL database): editors
/// through ReviewService and IntakeService (each call its own context), API posts, and a real Cli import process
/// over the same database. None may see "database is locked" or any other failure; conflicting edits to one record
/// are refused with what changed.
/// </summary>
public abstract class ConcurrencyTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editors_api_clients_and_a_cli_import_write_at_once_without_a_lock_error()
    {
        var client = app.CreateClient();
        var intake = app.Services.GetRequiredService<IntakeService>();
        var review = app.Services.GetRequiredService<ReviewService>();
        var errors = new ConcurrentBag<string>();
        var acknowledged = new ConcurrentDictionary<int, string>();
        var edits = 0;

        var folder = Path.Combine(app.Folder, "import");
        Directory.CreateDirectory(folder);
        var files = Enumerable.Range(0, 25).Select(i =>
        {
            var path = Path.Combine(folder, $"cli-{i}.txt");
            File.WriteAllText(path, ReportTexts.Make(500_000 + i));
            return path;
        }).ToList();
        using var cli = ChildProcess.Start(Harness.CliDll, ["import", .. files], app.CliEnvironment());

        var editors = Enumerable.Range(0, 4).Select(e => Task.Run(async () =>
        {
            for (var round = 0; round < 4; round++)
            {
                var taken = await intake.TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(600_000 + e * 100 + round, 8) }, Ct);
                if (!taken.Succeeded)
                {
                    errors.Add($"editor {e} intake: {string.Join(" ", taken.Errors.SelectMany(x => x.Value))}");
                    continue;
                }

                acknowledged[taken.Value!.ReportId] = $"editor{e}";
                var session = await review.OpenAsync(taken.Value.ReportId, Ct);
                foreach (var proposal in session!.Proposals)
                {
                    var saved = await review.UpdateAsync(proposal, Edit(proposal, 2, ProposalDecision.Accepted), Ct);
                    if (saved.Succeeded)
                    {
                        Interlocked.Increment(ref edits);
                    }
                    else
                    {
                        errors.Add($"editor {e} edit: {string.Join(" ", saved.Errors.SelectMany(x => x.Value))}");
                    }
                }

                var completed = await review.CompleteAsync(taken.Value.ReportId, Ct);
                if (!completed.Succeeded)
                {
                    errors.Add($"editor {e} complete: {string.Join(" ", completed.Errors.SelectMany(x => x.Value))}");
                }
            }
        }, Ct)).ToList();

        var posters = Enumerable.Range(0, 3).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var response = await client.PostAsJsonAsync("/api/reports", new { text = ReportTexts.Make(700_000 + p * 100 + i, 8) }, Ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    errors.Add($"api {p}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                    continue;
                }

                acknowledged[(await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32()] = "api";
            }
        }, Ct)).ToList();

        await Task.WhenAll(editors.Concat(posters));
        await cli.WaitAsync(TimeSpan.FromMinutes(5), Ct);

        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(5)));
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Equal(files.Count, cli.Stdout.Split('\n').Count(l => l.Contains(": report ", StringComparison.Ordinal)));
        using var connection = DatabaseChecks.Open(app);
        if (connection is SqliteConnection sqlite)
        {
            // SQLite only: the file's integrity and the FTS5 index beside the tables. PostgreSQL's files are the server's
            // and its search vectors are generated columns of the rows, so neither can be left out of step by a writer.
            DatabaseChecks.AssertSound(sqlite);
            DatabaseChecks.AssertSearchIndexAgrees(sqlite);
        }

        var stored = DatabaseChecks.Column(connection, """SELECT "Id" FROM "Reports" """, r => r.GetInt32(0)).ToHashSet();
        Assert.All(acknowledged.Keys, id => Assert.Contains(id, stored));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
        }

        Harness.Record($"concurrency ({app.Provider}): 4 editors (intake, {edits} proposal edits, 16 completed reviews) + 3 API clients (30 posts) + 1 Cli import process (25 files) at once: 0 errors, 0 lock errors, {acknowledged.Count + files.Count} reports all present");
    }

    [Fact]
    public async Task Of_simultaneous_edits_to_one_proposal_one_wins_and_every_other_editor_is_told_what_changed()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var review = app.Services.GetRequiredService<ReviewService>();
        var taken = await intake.TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(800_000, 4) }, Ct);
        var seen = (await review.OpenAsync(taken.Value!.ReportId, Ct))!.Proposals[0];
        using var start = new ManualResetEventSlim();

        var editors = Enumerable.Range(1, 6).Select(credibility => Task.Run(async () =>
        {
            start.Wait(Ct);
            return (credibility, await review.UpdateAsync(seen, Edit(seen, credibility, ProposalDecision.Accepted), Ct));
        }, Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(editors);

        var winners = results.Where(r => r.Item2.Succeeded).ToList();
        var winner = Assert.Single(winners);
        var stored = (await review.OpenAsync(taken.Value.ReportId, Ct))!.Proposals.Single(p => p.Id == seen.Id);
        Assert.Equal(winner.credibility, stored.Credibility);
        foreach (var (credibility, outcome) in results.Where(r => !r.Item2.Succeeded))
        {
            var message = Assert.Single(outcome.Errors[Conflicts.Field]);
            Assert.Contains("nothing was overwritten", message);
            Assert.Contains("Decision", message); // every edit moved it from Pending to Accepted
            if (winner.credibility != seen.Credibility)
            {
                Assert.Contains("Credibility", message);
                Assert.Contains($"“{winner.credibility}”", message);
            }
        }

        Harness.Record($"conflicts ({app.Provider}): 6 parallel editors on one proposal: 1 saved, 5 refused with the changed fields, 0 lost updates");
    }

    private static ProposalEdit Edit(ProposalView p, int credibility, ProposalDecision decision) =>
        ProposalEdit.From(p) with { Stance = Stance.Hedged, Credibility = credibility, Decision = decision };
}

public sealed class ConcurrencyTestsOnSqlite(TalksTrackerAppFactory app) : ConcurrencyTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class ConcurrencyTestsOnPostgres(PostgresAppFactory app) : ConcurrencyTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
