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
        // Three statements on one open connection, each compiled once: the reader is measured against a hand-written
        // floor of about a tenth of a millisecond (docs/query-shapes.md).
        await using var db = await contextFactory.OpenAsync(ct);
        var report = await Header.For(db)(db, id);
        if (report is null)
        {
            return null;
        }

        var links = (await Links.For(db)(db, id).ToListAsync(ct))
            .GroupBy(l => l.ClaimId)
            .ToDictionary(g => g.Key, g => new ClaimLinksView(
                g.Where(l => l.IsMeeting).Select(l => new NamedRef(l.Id, l.Title)).ToList(),
                g.Where(l => !l.IsMeeting).Select(l => new AgendaItemRef(l.Id, l.Title, l.TrackId)).ToList()));
        return new ReportView(report.Id, report.Title, report.Outlet, report.Url, report.PublishedOn, report.Language,
                report.TakenInAt, report.Text, await ClaimService.OfReport.For(db)(db, id).ToListAsync(ct))
            {
                Version = report.Version,
                PendingProposals = report.Pending,
                Links = links,
                Withdrawal = report.WithdrawnAt is { } at ? new ReportWithdrawalNote(at, report.WithdrawnBy ?? "", report.WithdrawalReason ?? "") : null,
            };
    }

    private sealed record HeaderRow(
        int Id, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string Language, DateTime TakenInAt, string Text,
        Guid Version, DateTime? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason, int Pending);

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, Task<HeaderRow?>>> Header = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int id) => db.Reports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new HeaderRow(
                r.Id, r.Title, r.Outlet, r.Url, r.PublishedOn, r.Language, r.TakenInAt, r.Text, r.Version, r.WithdrawnAt, r.WithdrawnBy, r.WithdrawalReason,
                db.ClaimProposals.Count(p => p.ReportId == r.Id && p.Decision == Domain.ProposalDecision.Pending)))
            .SingleOrDefault()));

    // A claim's meeting or agenda item link; member-initialised, as EF translates a UNION ALL of those.
    private sealed class LinkRow
    {
        public int ClaimId { get; init; }
        public bool IsMeeting { get; init; }
        public int Id { get; init; }
        public required string Title { get; init; }
        public int TrackId { get; init; }
    }

    // Read from the link tables, driven by the report's claims (Claims' ReportId index, then each link table's primary
    // key): as collections projected from the claims, SQLite joined every link to its meeting or item first (0.7 s at L).
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<LinkRow>>> Links = new(() => EF.CompileAsyncQuery<TalksTrackerDbContext, int, LinkRow>(
        (TalksTrackerDbContext db, int reportId) => db.ClaimMeetings
            .Where(l => l.Claim!.ReportId == reportId)
            .Select(l => new LinkRow { ClaimId = l.ClaimId, IsMeeting = true, Id = l.MeetingId, Title = l.Meeting!.Title, TrackId = l.Meeting.TrackId })
            .Concat(db.ClaimAgendaItems
                .Where(l => l.Claim!.ReportId == reportId)
                .Select(l => new LinkRow { ClaimId = l.ClaimId, IsMeeting = false, Id = l.AgendaItemId, Title = l.AgendaItem!.Title, TrackId = l.AgendaItem.TrackId }))
            // By title in the database's collation, as the page lists them (grouping by claim keeps this order).
            .OrderBy(l => l.Title).ThenBy(l => l.Id)));
}
