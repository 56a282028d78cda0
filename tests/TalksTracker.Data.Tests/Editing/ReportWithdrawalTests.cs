using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

/// <summary>
/// A report withdrawn takes its claims out of the record (and what rested on them alone); restored, they come back as
/// they were. A stored report proposed again keeps the editor's decisions and proposes nothing over a recorded claim.
/// </summary>
public abstract class ReportWithdrawalTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IntakeService Intake => database.Get<IntakeService>();
    private ReviewService Review => database.Get<ReviewService>();
    private ReportWithdrawals Withdrawals => database.Get<ReportWithdrawals>();

    private static string Text(string word) =>
        $"Envoys meet again in Baku\nTwo Western diplomats said the {word} talks in Baku would resume on Sunday. " +
        $"A senior Israeli security source said the {word} round had made progress on guarantees. " +
        $"The {word} talks are expected to last two days.";

    /// <summary>A reviewed report whose first two claims both support one new status of an agenda item, and one claim retracted on its own.</summary>
    private async Task<(int ReportId, int ItemId, List<int> ClaimIds, int RetractedAlone)> ArrangeAsync(string word)
    {
        int itemId;
        await using (var db = database.NewContext())
        {
            var item = new AgendaItem { TrackId = await db.Tracks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct), Title = $"Withdrawal check {word}", Category = AgendaCategory.Other };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync(Ct);
            itemId = item.Id;
        }

        var reportId = (await Intake.TakeInAsync(new ReportSubmission { Text = Text(word) }, Ct)).Value!.ReportId;
        var session = (await Review.OpenAsync(reportId, Ct))!;
        foreach (var (p, i) in session.Proposals.Select((p, i) => (p, i)))
        {
            var edit = ProposalEdit.From(p) with
            {
                Decision = ProposalDecision.Accepted,
                StatusChanges = i < 2 ? [new SupportedStatus(itemId, AgendaStatus.Progress)] : [],
            };
            Assert.True((await Review.UpdateAsync(p, edit, Ct)).Succeeded);
        }

        Assert.True((await Review.CompleteAsync(reportId, Ct)).Succeeded);
        await using var read = database.NewContext();
        var claimIds = await read.Claims.Where(c => c.ReportId == reportId).OrderBy(c => c.Start).Select(c => c.Id).ToListAsync(Ct);
        var alone = claimIds[^1];
        Assert.True((await database.Get<ClaimCorrections>().RetractAsync(alone, new ClaimRetraction("Speculation, not a claim"), Ct)).Succeeded);
        return (reportId, itemId, claimIds, alone);
    }

    [Fact]
    public async Task A_withdrawn_report_takes_its_claims_and_what_rested_on_them_out_and_restoring_brings_them_back()
    {
        var (reportId, itemId, claimIds, alone) = await ArrangeAsync("alpha");

        var withdrawn = await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("Duplicate of an earlier wire story"), Ct);

        Assert.True(withdrawn.Succeeded, string.Join(" ", withdrawn.Errors.SelectMany(e => e.Value)));
        Assert.Equal(claimIds.Count - 1, withdrawn.Value!.ClaimsRetracted);
        await using (var db = database.NewContext())
        {
            Assert.False(await db.Claims.AnyAsync(c => c.ReportId == reportId, Ct));
            Assert.False(await db.AgendaStatusChanges.AnyAsync(s => s.AgendaItemId == itemId, Ct));
            var report = await db.Reports.SingleAsync(r => r.Id == reportId, Ct);
            Assert.Equal("Duplicate of an earlier wire story", report.WithdrawalReason);
            Assert.NotNull(report.WithdrawnAt);
        }

        Assert.False((await Intake.ReExtractAsync(reportId, Ct)).Succeeded);
        var restored = await Withdrawals.RestoreAsync(reportId, Ct);

        Assert.True(restored.Succeeded, string.Join(" ", restored.Errors.SelectMany(e => e.Value)));
        Assert.Empty(restored.Value!.NotRestored);
        await using (var db = database.NewContext())
        {
            // The claims withdrawn with the report come back under their ids; the one retracted before stays retracted.
            Assert.Equal(claimIds.Where(id => id != alone), await db.Claims.Where(c => c.ReportId == reportId).OrderBy(c => c.Start).Select(c => c.Id).ToListAsync(Ct));
            Assert.True(await db.RetractedClaims.AnyAsync(r => r.Id == alone, Ct));
            // Both claims supported one status change: one comes back, resting on both.
            var change = await db.AgendaStatusChanges.Include(s => s.Evidence).SingleAsync(s => s.AgendaItemId == itemId, Ct);
            Assert.Equal(claimIds.Take(2).Order(), change.Evidence.Select(e => e.ClaimId).Order());
            Assert.Null((await db.Reports.SingleAsync(r => r.Id == reportId, Ct)).WithdrawnAt);
        }
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_the_version_read_and_happens_once()
    {
        var (reportId, _, _, _) = await ArrangeAsync("beta");

        var noReason = await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("  "), Ct);
        var stale = await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("Hoax", Guid.NewGuid()), Ct);
        var first = await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("Hoax"), Ct);
        var again = await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("Hoax"), Ct);

        Assert.Contains(nameof(ReportWithdrawal.Reason), noReason.Errors.Keys);
        Assert.Contains(Conflicts.Field, stale.Errors.Keys);
        Assert.True(first.Succeeded);
        Assert.Contains("already withdrawn", again.Errors[Conflicts.Field][0]);
        Assert.Contains(Edits.Missing, (await Withdrawals.WithdrawAsync(int.MaxValue, new ReportWithdrawal("x"), Ct)).Errors.Keys);
        Assert.True((await Withdrawals.RestoreAsync(reportId, Ct)).Succeeded);
        Assert.False((await Withdrawals.RestoreAsync(reportId, Ct)).Succeeded);
    }

    [Fact]
    public async Task A_withdrawn_reports_review_cannot_be_completed()
    {
        var reportId = (await Intake.TakeInAsync(new ReportSubmission { Text = Text("gamma") }, Ct)).Value!.ReportId;
        var session = (await Review.OpenAsync(reportId, Ct))!;
        foreach (var p in session.Proposals)
        {
            await Review.UpdateAsync(p, ProposalEdit.From(p) with { Decision = ProposalDecision.Accepted }, Ct);
        }

        Assert.True((await Withdrawals.WithdrawAsync(reportId, new ReportWithdrawal("Wrong article"), Ct)).Succeeded);

        Assert.False((await Review.CompleteAsync(reportId, Ct)).Succeeded);
        await using var db = database.NewContext();
        Assert.False(await db.Claims.AnyAsync(c => c.ReportId == reportId, Ct));
    }

    [Fact]
    public async Task Proposing_again_keeps_decisions_and_proposes_nothing_over_a_recorded_claim()
    {
        var reportId = (await Intake.TakeInAsync(new ReportSubmission { Text = Text("delta") }, Ct)).Value!.ReportId;
        var session = (await Review.OpenAsync(reportId, Ct))!;
        var first = session.Proposals[0];
        Assert.True((await Review.UpdateAsync(first, ProposalEdit.From(first) with { Decision = ProposalDecision.Rejected, Credibility = 5 }, Ct)).Succeeded);
        var second = session.Proposals[1];
        Assert.True((await Review.UpdateAsync(second, ProposalEdit.From(second) with { Credibility = 2 }, Ct)).Succeeded);

        var again = await Intake.ReExtractAsync(reportId, Ct);

        Assert.Equal((1, session.Proposals.Count - 1), (again.Value!.Kept, again.Value.Proposed));
        var after = (await Review.OpenAsync(reportId, Ct))!.Proposals;
        Assert.Equal(session.Proposals.Select(p => (p.Start, p.End)), after.Select(p => (p.Start, p.End)));
        Assert.Equal((ProposalDecision.Rejected, 5), (after[0].Decision, after[0].Credibility));
        // An undecided proposal is proposed anew, as extraction sees it now.
        Assert.Equal((ProposalDecision.Pending, 3), (after[1].Decision, after[1].Credibility));

        foreach (var p in after.Skip(1))
        {
            await Review.UpdateAsync(p, ProposalEdit.From(p) with { Decision = ProposalDecision.Accepted }, Ct);
        }

        Assert.True((await Review.CompleteAsync(reportId, Ct)).Succeeded);
        var recorded = await Intake.ReExtractAsync(reportId, Ct);
        // The rejected sentence is proposed again (the decision went with the review); the recorded ones are not.
        Assert.Equal(1, recorded.Value!.Proposed);
        Assert.Contains(Edits.Missing, (await Intake.ReExtractAsync(int.MaxValue, Ct)).Errors.Keys);
    }
}

public sealed class ReportWithdrawalTestsOnSqlite(SeededDatabase database) : ReportWithdrawalTests(database), IClassFixture<SeededDatabase>;

public sealed class ReportWithdrawalTestsOnPostgres(PostgresSeededDatabase database) : ReportWithdrawalTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
