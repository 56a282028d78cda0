using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Cli;
using TalksTracker.Data;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Positions;
using TalksTracker.Reliability.Support;
using TalksTracker.Testing;

namespace TalksTracker.Reliability;

/// <summary>Backup while writers run, restore, and a round trip of every entity type, through the Cli commands.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private readonly SeededDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, stdout, stderr, new Dictionary<string, string?> { ["ConnectionStrings:TalksTracker"] = _database.ConnectionString });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_backup_taken_while_writers_run_opens_and_passes_the_integrity_check()
    {
        var intake = _database.Get<IntakeService>();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var outcome = await intake.TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(900_000 + w * 10_000 + i, 12) }, CancellationToken.None);
                Assert.True(outcome.Succeeded);
                Interlocked.Increment(ref written);
            }
        }, Ct)).ToList();

        var backups = new List<(string Path, long Before, long After)>();
        for (var i = 0; i < 4; i++)
        {
            while (Volatile.Read(ref written) < (i + 1) * 5)
            {
                await Task.Delay(10, Ct);
            }

            var path = Path.Combine(_database.Folder, $"backup-{i}.db");
            var before = Reports(_database.Path);
            var (exit, output, error) = await Cli("backup", "--to", path);
            Assert.True(exit == 0, error);
            Assert.Contains("integrity ok", output);
            backups.Add((path, before, Reports(_database.Path)));
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        foreach (var (path, before, after) in backups)
        {
            Assert.Null(await new DatabaseBackup().VerifyAsync(path, Ct));
            Assert.False(File.Exists(path + "-wal"), "a backup is one self-contained file");
            using var copy = DatabaseChecks.Open(path);
            DatabaseChecks.AssertSound(copy);
            DatabaseChecks.AssertSearchIndexAgrees(copy);
            DatabaseChecks.AssertReportsWhole(copy);
            Assert.InRange(DatabaseChecks.Scalar<long>(copy, "SELECT COUNT(*) FROM Reports"), before, after);
        }

        Harness.Record($"backup: 4 online backups during 3 writers ({written} reports taken in meanwhile): all open, integrity ok, every report whole");
    }

    [Fact]
    public async Task Restore_brings_back_every_entity_type_exactly()
    {
        // Proposals, links and audit entries next to the seeded actors, tracks, venues, meetings, agenda, reports, sources and claims.
        await _database.Get<IntakeService>().TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(1, 6) }, Ct);
        // A merge and a retraction, so their records (MergedRecords, RetractedClaims) make the round trip too.
        var duplicate = await _database.Get<CatalogService>().CreateActorAsync(new NewActor("Round-trip duplicate", Domain.ActorKind.Other), Ct);
        int keptActor, retracted;
        await using (var db = _database.NewContext())
        {
            keptActor = await db.Actors.Where(a => a.Id != duplicate.Created!.Id).MinAsync(a => a.Id, Ct);
            retracted = await db.Claims.MinAsync(c => c.Id, Ct);
        }

        Assert.True((await _database.Get<Merges>().MergeActorAsync(duplicate.Created!.Id, keptActor, Ct)).Succeeded);
        Assert.True((await _database.Get<ClaimCorrections>().RetractAsync(retracted, new ClaimRetraction("Retracted for the round trip."), Ct)).Succeeded);
        // A party position, so Positions and PositionEvidence make the round trip too.
        int itemId, partyId, backing;
        await using (var db = _database.NewContext())
        {
            itemId = await db.AgendaItems.MinAsync(a => a.Id, Ct);
            partyId = await db.Actors.MinAsync(a => a.Id, Ct);
            backing = await db.Claims.MaxAsync(c => c.Id, Ct);
        }

        var position = await _database.Get<PositionService>().RecordAsync(itemId, new NewPosition(partyId, Domain.Positions.PositionKind.Demand,
            "demands it for the round trip", new Domain.Catalog.MeetingDateInput(Domain.DatePrecision.Exact, "2026-11-12"), [backing]), Ct);
        Assert.True(position.Succeeded, string.Join(" ", position.Errors.SelectMany(e => e.Value)));
        // A follower with a digest, a webhook and a notification, and an alert pass's cursor: the watchlist tables too;
        // and an agenda item's other name.
        await using (var db = _database.NewContext())
        {
            (await db.AgendaItems.Include(a => a.Aliases).SingleAsync(a => a.Id == itemId, Ct)).Aliases.Add(new Domain.AgendaItemAlias { Alias = "round-trip alias" });
            var user = db.Users.Add(new Data.Accounts.AppUser { UserName = "round-trip", Email = "round-trip@example.org" }).Entity;
            db.Follows.Add(new Data.Alerts.Follow { UserId = user.Id, Kind = Data.Alerts.FollowKind.AgendaItem, SubjectId = itemId, Label = "round trip" });
            db.DigestSettings.Add(new Data.Alerts.DigestSetting { UserId = user.Id, Frequency = Data.Alerts.DigestFrequency.Weekly });
            var endpoint = db.WebhookEndpoints.Add(new Data.Alerts.WebhookEndpoint { UserId = user.Id, Url = "http://127.0.0.1:9/hook", Secret = "(protected)", Prefix = "whsec_round" }).Entity;
            var alert = new Data.Alerts.Alert { Subject = $"agenda:{itemId}", Origin = "audit:1", Kind = Domain.Alerts.AlertKind.PositionChange, Title = "Round trip", Summary = "for the round trip" };
            var notification = db.Notifications.Add(new Data.Alerts.Notification { UserId = user.Id, Alert = alert }).Entity;
            db.WebhookDeliveries.Add(new Data.Alerts.WebhookDelivery { Endpoint = endpoint, Notification = notification, LastError = "HTTP 500" });
            await db.SaveChangesAsync(Ct);
        }

        await _database.Get<Data.Alerts.AlertProcessor>().CatchUpAsync(Ct);
        await using (var db = _database.NewContext())
        using (var connection = OpenShared())
        {
            foreach (var table in EntityTables(db))
            {
                Assert.True(DatabaseChecks.Scalar<long>(connection, $"SELECT COUNT(*) FROM \"{table}\"") > 0 || table is "ClaimLinks" or "SourceGradeChanges" or "AgendaStatusEvidence" or "AgendaStatusChanges" or "AgendaItemDenials" or "DataProtectionKeys" or "ApiKeys"
                            || table.StartsWith("AspNet", StringComparison.Ordinal),
                    $"{table} is empty: the round trip would not cover it");
            }
        }

        var before = Dump(_database.Path);
        var backup = Path.Combine(_database.Folder, "round-trip.db");
        Assert.Equal(0, (await Cli("backup", "--to", backup)).Exit);

        // Change things after the backup: a new report, a removed proposal, an edited source.
        await _database.Get<IntakeService>().TakeInAsync(new ReportSubmission { Text = ReportTexts.Make(2, 6) }, Ct);
        await using (var db = _database.NewContext())
        {
            db.ClaimProposals.Remove(await db.ClaimProposals.FirstAsync(Ct));
            (await db.Sources.FirstAsync(Ct)).Description = "changed after the backup";
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotEqual(before, Dump(_database.Path));
        var (exit, output, error) = await Cli("restore", "--from", backup);

        Assert.True(exit == 0, error);
        Assert.Contains("integrity ok", output);
        Assert.Equal(before, Dump(_database.Path));
        using var restored = DatabaseChecks.Open(_database.Path);
        DatabaseChecks.AssertSound(restored);
        DatabaseChecks.AssertSearchIndexAgrees(restored);
        Harness.Record("backup: restore round trip of every table (actors, tracks, venues, meetings, agenda, reports, sources, claims, links, proposals, audit): identical");
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_file_and_a_database_in_use_and_changes_nothing()
    {
        var before = Dump(_database.Path);
        var damaged = Path.Combine(_database.Folder, "damaged.db");
        var good = Path.Combine(_database.Folder, "good.db");
        Assert.Equal(0, (await Cli("backup", "--to", good)).Exit);
        var bytes = await File.ReadAllBytesAsync(good, Ct);
        for (var i = 4096; i < bytes.Length; i += 97)
        {
            bytes[i] ^= 0x5A;
        }

        await File.WriteAllBytesAsync(damaged, bytes, Ct);
        await File.WriteAllTextAsync(damaged + ".txt", "not a database", Ct);

        var fromDamaged = await Cli("restore", "--from", damaged);
        var fromText = await Cli("restore", "--from", damaged + ".txt");
        int inUseExit;
        string inUseError;
        await using (var holder = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            await holder.OpenAsync(Ct);
            await using var read = holder.CreateCommand();
            read.CommandText = "SELECT COUNT(*) FROM Reports";
            await read.ExecuteScalarAsync(Ct);
            (inUseExit, _, inUseError) = await Cli("restore", "--from", good);
        }

        Assert.Equal(1, fromDamaged.Exit);
        Assert.Contains("Nothing was restored", fromDamaged.Err);
        Assert.Equal(1, fromText.Exit);
        Assert.Equal(1, inUseExit);
        Assert.Contains("in use", inUseError);
        Assert.Equal(before, Dump(_database.Path));
    }

    private SqliteConnection OpenShared() => DatabaseChecks.Open(_database.Path);

    private static IEnumerable<string> EntityTables(TalksTrackerDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();

    private static long Reports(string path)
    {
        using var connection = DatabaseChecks.Open(path);
        return DatabaseChecks.Scalar<long>(connection, "SELECT COUNT(*) FROM Reports");
    }

    /// <summary>Every row of every table (the full-text shadow tables too), in a stable order.</summary>
    private static string Dump(string path)
    {
        using var connection = DatabaseChecks.Open(path);
        var dump = new StringBuilder();
        foreach (var table in DatabaseChecks.Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name", r => r.GetString(0)))
        {
            dump.Append("## ").AppendLine(table);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
