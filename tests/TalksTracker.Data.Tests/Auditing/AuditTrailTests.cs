using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Auditing;

public abstract class AuditTrailTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_update_and_delete_are_each_recorded_with_who_when_and_before_after()
    {
        int id;
        using (CurrentActor.As("editor@example.org"))
        await using (var db = database.NewContext())
        {
            var venue = db.Venues.Add(new Venue { Name = "Muscat" }).Entity;
            await db.SaveChangesAsync(Ct);
            id = venue.Id;
            venue.Name = "Muscat, Oman";
            await db.SaveChangesAsync(Ct);
            db.Venues.Remove(venue);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewContext();
        var entries = await read.AuditEntries.Where(a => a.EntityType == nameof(Venue) && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("editor@example.org", e.User));
        var update = JsonDocument.Parse(entries[1].Changes).RootElement.GetProperty("Name");
        Assert.Equal("Muscat", update.GetProperty("before").GetString());
        Assert.Equal("Muscat, Oman", update.GetProperty("after").GetString());
    }

    [Fact]
    public async Task New_records_are_recorded_with_the_ids_they_got_and_so_are_their_references_to_each_other()
    {
        int reportId, claimId;
        await using (var db = database.NewContext())
        {
            var report = db.Reports.Add(new Report { Title = "Ids check", Text = $"Ids check {Guid.NewGuid():N}.", ContentHash = Guid.NewGuid().ToString("N") }).Entity;
            var claim = db.Claims.Add(new Claim { Report = report, Start = 0, End = 9, Quote = "Ids check" }).Entity;
            await db.SaveChangesAsync(Ct);
            (reportId, claimId) = (report.Id, claim.Id);
        }

        await using var read = database.NewContext();
        var created = await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(Claim) && a.EntityId == claimId.ToString() && a.Action == AuditAction.Created, Ct);
        var changes = JsonDocument.Parse(created.Changes).RootElement;
        Assert.Equal(claimId, changes.GetProperty("Id").GetProperty("after").GetInt32());
        Assert.Equal(reportId, changes.GetProperty("ReportId").GetProperty("after").GetInt32());
    }

    [Fact]
    public async Task A_failed_save_leaves_no_audit_entry_and_no_record()
    {
        var before = await CountAsync();
        await using (var db = database.NewContext())
        {
            db.Claims.Add(new Claim { ReportId = 999_999, Start = 0, End = 1, Quote = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.Equal(before, await CountAsync());

        async Task<int> CountAsync()
        {
            await using var db = database.NewContext();
            return await db.AuditEntries.CountAsync(Ct);
        }
    }

    [Fact]
    public async Task The_seed_is_recorded_as_the_seed_and_records_carry_when_they_were_recorded()
    {
        await using var db = database.NewContext();

        Assert.True(await db.AuditEntries.AnyAsync(a => a.User == "seed" && a.EntityType == nameof(Report), Ct));
        Assert.DoesNotContain(await db.Claims.Select(c => c.RecordedAt).ToListAsync(Ct), at => at == default);
        var reportAudit = await db.AuditEntries.Where(a => a.EntityType == nameof(Report)).Select(a => a.Changes).FirstAsync(Ct);
        Assert.DoesNotContain("Moscow is playing a central role", reportAudit);
    }
}

public sealed class AuditTrailTestsOnSqlite(SeededDatabase database) : AuditTrailTests(database), IClassFixture<SeededDatabase>;

public sealed class AuditTrailTestsOnPostgres(PostgresSeededDatabase database) : AuditTrailTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
