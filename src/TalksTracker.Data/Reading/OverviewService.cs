using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;

namespace TalksTracker.Data.Reading;

/// <summary>What the front page shows: every track at a glance and what came in last.</summary>
public sealed class OverviewService(
    IDbContextFactory<TalksTrackerDbContext> contextFactory, TrackService tracks, MeetingService meetings, ReportService reports, ProgressService progress)
{
    public async Task<Overview> GetAsync(CancellationToken ct = default)
    {
        OverviewCounts counts;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            counts = new OverviewCounts(
                await db.Tracks.CountAsync(ct),
                await db.Meetings.CountAsync(ct),
                await db.Reports.CountAsync(ct),
                await db.Claims.CountAsync(ct),
                await db.Sources.CountAsync(ct),
                await db.Actors.CountAsync(ct),
                await db.Venues.CountAsync(ct));
        }

        var recent = await meetings.TimelineAsync(new TimelineQuery { PageSize = 5, HeldOnly = true }, ct);
        return new Overview(counts, await tracks.ListAsync(ct), await progress.SummaryAsync(ct), recent.Entries, await reports.ListAsync(0, 5, ct));
    }
}
