using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Reading;

/// <summary>Reports as the analyst browses and reads them.</summary>
public sealed class ReportService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<IReadOnlyList<ReportListItem>> ListAsync(int skip = 0, int take = 100, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Reports.AsNoTracking()
            .OrderByDescending(r => r.TakenInAt).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .Select(r => new ReportListItem(r.Id, r.Title, r.Outlet, r.PublishedOn, r.TakenInAt, r.Language, r.Claims.Count, r.WithdrawnAt != null))
            .ToListAsync(ct);
    }

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Reports.CountAsync(ct);
    }

    public async Task<ReportView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.Title, r.Outlet, r.Url, r.PublishedOn, r.Language, r.TakenInAt, r.Text, r.Version, r.WithdrawnAt, r.WithdrawnBy, r.WithdrawalReason,
                Pending = db.ClaimProposals.Count(p => p.ReportId == r.Id && p.Decision == Domain.ProposalDecision.Pending),
            })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }

        // One round trip for every claim's links (the reader's queries are measured against a hand-written floor).
        var links = await db.Claims.AsNoTracking()
            .Where(c => c.ReportId == id && (c.Meetings.Any() || c.AgendaItems.Any()))
            .Select(c => new
            {
                c.Id,
                Meetings = c.Meetings.OrderBy(m => m.Meeting!.Title).Select(m => new NamedRef(m.MeetingId, m.Meeting!.Title)).ToList(),
                Items = c.AgendaItems.OrderBy(a => a.AgendaItem!.Title).Select(a => new AgendaItemRef(a.AgendaItemId, a.AgendaItem!.Title, a.AgendaItem.TrackId)).ToList(),
            })
            .ToDictionaryAsync(c => c.Id, c => new ClaimLinksView(c.Meetings, c.Items), ct);
        return new ReportView(report.Id, report.Title, report.Outlet, report.Url, report.PublishedOn, report.Language,
                report.TakenInAt, report.Text, await ClaimService.ForReportAsync(db, id, ct))
            {
                Version = report.Version,
                PendingProposals = report.Pending,
                Links = links,
                Withdrawal = report.WithdrawnAt is { } at ? new ReportWithdrawalNote(at, report.WithdrawnBy ?? "", report.WithdrawalReason ?? "") : null,
            };
    }
}
