using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

/// <summary>
/// A report taken in by mistake (a duplicate under another text, a hoax, the wrong article) is withdrawn rather than
/// deleted: its claims are retracted with it, through the same mechanism as a single claim's retraction, so no page,
/// figure, search or export counts them, and the report stays readable, marked as withdrawn. An administrator can
/// restore it: the claims retracted with it come back (those retracted on their own before stay retracted).
/// </summary>
public sealed class ReportWithdrawals(IDbContextFactory<TalksTrackerDbContext> contextFactory, ClaimCorrections claims, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Outcome<WithdrawnReport>> WithdrawAsync(int reportId, ReportWithdrawal withdrawal, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Edits.NotFound<WithdrawnReport>("report", reportId);
        }

        var reason = withdrawal.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Outcome<WithdrawnReport>.Failure(nameof(ReportWithdrawal.Reason), "Say why the report is withdrawn: the reason is shown on it and kept with its claims.");
        }

        if (reason.Length > FieldLimits.ReportWithdrawalReason)
        {
            return Outcome<WithdrawnReport>.Failure(nameof(ReportWithdrawal.Reason), $"At most {FieldLimits.ReportWithdrawalReason} characters ({reason.Length} given).");
        }

        if (report.WithdrawnAt is not null)
        {
            return Outcome<WithdrawnReport>.Failure(Conflicts.Field, $"This report was already withdrawn by {report.WithdrawnBy} on {report.WithdrawnAt:yyyy-MM-dd HH:mm} UTC.");
        }

        var seen = withdrawal.Version ?? report.Version;
        if (Edits.Stale<WithdrawnReport>(report, seen) is { } stale)
        {
            return stale;
        }

        var withdrawn = await ClaimCorrections.WithLinksAsync(db.Claims.Where(c => c.ReportId == reportId), ct);
        var leaving = withdrawn.Select(c => c.Id).ToList();
        foreach (var claim in withdrawn)
        {
            await claims.RetractInAsync(db, claim, $"Report withdrawn: {reason}", withReport: true, leaving, ct);
        }

        report.WithdrawnAt = clock.UtcNow();
        report.WithdrawnBy = actor.Name;
        report.WithdrawalReason = reason;
        return await Edits.SaveAsync(db, report, seen,
            () => new WithdrawnReport(report.Id, report.WithdrawnAt.Value, report.WithdrawnBy, reason, withdrawn.Count), ct);
    }

    /// <summary>Puts a withdrawn report back with the claims retracted with it; refused (nothing changed) when one's id is taken.</summary>
    public async Task<Outcome<RestoredReport>> RestoreAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Edits.NotFound<RestoredReport>("report", reportId);
        }

        if (report.WithdrawnAt is null)
        {
            return Outcome<RestoredReport>.Failure(Conflicts.Field, "This report is not withdrawn.");
        }

        var retracted = await db.RetractedClaims.Where(r => r.ReportId == reportId && r.WithReport).OrderBy(r => r.Id).ToListAsync(ct);
        var ids = retracted.Select(r => r.Id).ToHashSet();
        if (await db.Claims.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct) is { Count: > 0 } taken)
        {
            return Outcome<RestoredReport>.Failure(Conflicts.Field,
                $"Other claims have the ids {string.Join(", ", taken)} now, so the report's claims cannot be restored under them; nothing was restored.");
        }

        var notRestored = new List<string>();
        var recreated = new Dictionary<int, AgendaStatusChange>();
        foreach (var claim in retracted)
        {
            notRestored.AddRange((await claims.RestoreInAsync(db, claim, ids, recreated, ct)).Select(what => $"claim {claim.Id}: {what}"));
            db.RetractedClaims.Remove(claim);
        }

        var seen = report.Version;
        report.WithdrawnAt = null;
        report.WithdrawnBy = null;
        report.WithdrawalReason = null;
        return await Edits.SaveAsync(db, report, seen, () => new RestoredReport(reportId, retracted.Count, notRestored), ct);
    }
}
