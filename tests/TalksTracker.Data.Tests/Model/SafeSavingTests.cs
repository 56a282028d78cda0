using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Model;

public abstract class SafeSavingTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reports_text_cannot_change_after_intake()
    {
        await using var db = database.NewContext();
        var report = await db.Reports.FirstAsync(Ct);
        var original = report.Text;

        report.Text += " Edited.";

        await Assert.ThrowsAsync<ImmutableReportTextException>(() => db.SaveChangesAsync(Ct));
        await using var fresh = database.NewContext();
        Assert.Equal(original, await fresh.Reports.Select(r => r.Text).FirstAsync(Ct));
    }

    [Fact]
    public async Task A_reports_metadata_can_be_corrected()
    {
        await using (var db = database.NewContext())
        {
            var report = await db.Reports.FirstAsync(Ct);
            report.Language = "en-GB";
            await db.SaveChangesAsync(Ct);
        }

        await using var fresh = database.NewContext();
        Assert.Equal("en-GB", await fresh.Reports.Select(r => r.Language).FirstAsync(Ct));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_instead_of_overwriting_the_newer_one()
    {
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Sources.SingleAsync(s => s.Name == "analysts", Ct);
        var theirs = await second.Sources.SingleAsync(s => s.Name == "analysts", Ct);

        theirs.Description = "Edited by the other editor.";
        await second.SaveChangesAsync(Ct);
        mine.Description = "My edit, made on an old copy.";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(Ct));
        await using var fresh = database.NewContext();
        Assert.Equal("Edited by the other editor.", await fresh.Sources.Where(s => s.Name == "analysts").Select(s => s.Description).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_report_with_claims_cannot_be_deleted()
    {
        await using var db = database.NewContext();
        db.Reports.Remove(await db.Reports.FirstAsync(Ct));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        await using var fresh = database.NewContext();
        Assert.Equal(1, await fresh.Reports.CountAsync(Ct));
    }
}

public sealed class SafeSavingTestsOnSqlite(SeededDatabase database) : SafeSavingTests(database), IClassFixture<SeededDatabase>;

public sealed class SafeSavingTestsOnPostgres(PostgresSeededDatabase database) : SafeSavingTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
