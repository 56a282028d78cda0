using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Progress;
using TalksTracker.Domain.Provenance;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Progress;

/// <summary>
/// What managers read: per track, the current status of each agenda item derived by
/// <see cref="StatusDerivation"/>, open gaps, the status history over time and monthly activity.
/// Every query filters by track in SQL.
/// </summary>
public sealed class ProgressService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<ProgressBoard?> BoardAsync(int trackId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = await TrackName.For(db)(db, trackId);
        return name is null ? null : (await BuildAsync(db, [new NamedRef(trackId, name)], ct)).Single();
    }

    public async Task<IReadOnlyList<TrackProgressSummary>> SummaryAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct);
        return (await BuildAsync(db, tracks, ct))
            .Select(b => new TrackProgressSummary(b.TrackId, b.TrackName, b.CountsByStatus, b.WithoutStatus, b.OpenGaps.Count, b.Disputed))
            .ToList();
    }

    /// <summary>Each item's reported status at every date a status of the track was reported (the latest reported by then).</summary>
    public static StatusOverTime OverTime(ProgressBoard board)
    {
        var dates = board.Items.SelectMany(i => i.History).Select(h => h.AsOf).Distinct().Order().ToList();
        var items = board.Items
            .Where(i => i.History.Count > 0)
            .Select(i => new StatusSeries(i.Id, i.Title, dates
                .Select(d => i.History.Where(h => h.AsOf <= d).OrderBy(h => h.AsOf).ThenBy(h => h.Id).Select(h => (AgendaStatus?)h.Status).LastOrDefault())
                .ToList()))
            .ToList();
        return new StatusOverTime(dates, items);
    }

    /// <summary>
    /// Meetings held (by their date's middle; not planned, postponed or cancelled ones) and reports with claims about the
    /// track (by publication, else intake) per month; and the ids of all the track's meetings, dated or not, which an open
    /// board follows, since a claim linked to one of them changes the chart without touching the track or its items.
    /// </summary>
    public async Task<TrackActivity> ActivityAsync(int trackId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var meetingRows = await db.Meetings.AsNoTracking().Where(m => m.TrackId == trackId)
            .Select(m => new { m.Id, m.SortDate, m.Status }).ToListAsync(ct);
        var claimIds = TrackClaims.IdsAbout(db, trackId);
        var reportIds = db.Claims.Where(c => claimIds.Contains(c.Id)).Select(c => c.ReportId);
        var reportDates = await db.Reports.AsNoTracking()
            .Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.PublishedOn, r.TakenInAt })
            .ToListAsync(ct);

        var meetings = meetingRows.Where(m => m.SortDate is not null && m.Status.IsHeld()).GroupBy(m => Month(m.SortDate!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var reports = reportDates.Select(r => r.PublishedOn ?? DateOnly.FromDateTime(r.TakenInAt)).GroupBy(Month).ToDictionary(g => g.Key, g => g.Count());
        var months = meetings.Keys.Union(reports.Keys).Order(StringComparer.Ordinal)
            .Select(m => new MonthlyActivity(m, meetings.GetValueOrDefault(m), reports.GetValueOrDefault(m)))
            .ToList();
        return new TrackActivity(months, [.. meetingRows.Select(m => m.Id)]);

        static string Month(DateOnly d) => $"{d.Year:0000}-{d.Month:00}";
    }

    private sealed record PartyRow(int TrackId, int ActorId);

    private sealed record ItemRow(int Id, int TrackId, string Title, AgendaCategory Category, string? Description);

    private sealed record ChangeRow(int Id, int AgendaItemId, AgendaStatus Status, DateOnly AsOf, string? Note, int? MeetingId, string? MeetingTitle, DateTime RecordedAt);

    private sealed record EvidenceRow(int ChangeId, int ClaimId);

    // The board's fixed reads, compiled: a median track's board is a few sub-millisecond statements, and EF's
    // translation of each on every call was a third of its time over the floor (docs/query-shapes.md).
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, int, Task<string?>>> TrackName = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int trackId) => db.Tracks.AsNoTracking().Where(t => t.Id == trackId).Select(t => t.Name).SingleOrDefault()));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<PartyRow>>> PartiesOf = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> trackIds) => db.TrackParticipants.AsNoTracking()
            .Where(p => trackIds.Contains(p.TrackId) && p.Role == TrackRole.Party).Select(p => new PartyRow(p.TrackId, p.ActorId))));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<ItemRow>>> ItemsOf = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> trackIds) => db.AgendaItems.AsNoTracking()
            .Where(a => trackIds.Contains(a.TrackId))
            .OrderBy(a => a.Category).ThenBy(a => a.Title)
            .Select(a => new ItemRow(a.Id, a.TrackId, a.Title, a.Category, a.Description))));

    // Status changes and their evidence as two flat reads (a nested list per change makes EF join, sort and regroup
    // every evidence row), both driven from the tracks' agenda items.
    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<ChangeRow>>> ChangesOf = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> trackIds) => db.AgendaStatusChanges.AsNoTracking()
            .Where(s => trackIds.Contains(s.AgendaItem!.TrackId))
            .OrderBy(s => s.AsOf).ThenBy(s => s.Id)
            .Select(s => new ChangeRow(s.Id, s.AgendaItemId, s.Status, s.AsOf, s.Note, s.MeetingId, s.Meeting == null ? null : s.Meeting.Title, s.RecordedAt))));

    private static readonly CompiledQuery<Func<TalksTrackerDbContext, List<int>, IAsyncEnumerable<EvidenceRow>>> EvidenceOf = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, List<int> trackIds) =>
            from e in db.AgendaStatusEvidence.AsNoTracking()
            join s in db.AgendaStatusChanges on e.AgendaStatusChangeId equals s.Id
            where trackIds.Contains(s.AgendaItem!.TrackId)
            select new EvidenceRow(e.AgendaStatusChangeId, e.ClaimId)));

    /// <summary>
    /// The boards of several tracks from one set of reads (the overview asks for every track): items, status changes
    /// and evidence ids for all of them, then the facts of only the claims that can decide a status, then the denials.
    /// </summary>
    private static async Task<List<ProgressBoard>> BuildAsync(TalksTrackerDbContext db, IReadOnlyList<NamedRef> tracks, CancellationToken ct)
    {
        var trackIds = tracks.Select(t => t.Id).ToList();
        var parties = (await PartiesOf.For(db)(db, trackIds).ToListAsync(ct)).ToLookup(p => p.TrackId, p => p.ActorId);
        var items = await ItemsOf.For(db)(db, trackIds).ToListAsync(ct);
        var partiesOfItem = items.ToDictionary(a => a.Id, a => (IReadOnlyCollection<int>)parties[a.TrackId].ToHashSet());

        var changes = await ChangesOf.For(db)(db, trackIds).ToListAsync(ct);
        var evidence = (await EvidenceOf.For(db)(db, trackIds).ToListAsync(ct)).ToLookup(e => e.ChangeId, e => e.ClaimId);
        var steps = changes.Select(s => new
        {
            s.AgendaItemId,
            Step = new AgendaStatusStep(s.Id, s.Status, s.AsOf, s.Note, s.MeetingId, s.MeetingTitle, s.RecordedAt, evidence[s.Id].Order().ToList()),
        }).ToList();

        // The derivation reads the claims cited as evidence of the status changes, and party denials about the items
        // not older than an item's status. Only the changes that can decide an item's status are read
        // (DecisiveChanges: the newest down to the newest well-sourced date), a few dates per item at a time, so an
        // item with thousands of reports costs its newest few. The denials come from the list every save keeps per
        // agenda item (Derived.AgendaItemDenial); only those not older than their item's status are read in full.
        var stepsByItem = steps.ToLookup(s => s.AgendaItemId, s => s.Step);
        var outlines = items.ToDictionary(a => a.Id, a => stepsByItem[a.Id].Select(h => new ChangeOutline(h.Id, h.AsOf, h.ClaimIds.Count > 0)).ToList());
        var stepOf = steps.ToDictionary(s => s.Step.Id, s => s);
        var facts = new Dictionary<int, ClaimFacts>();
        var read = new Dictionary<int, StatusReport>();
        bool? WellSourced(int changeId) => read.TryGetValue(changeId, out var r) ? StatusDerivation.IsWellSourced(r) : null;
        for (var dateGroups = 4; ; dateGroups *= 8)
        {
            var next = outlines.Values.SelectMany(o => DecisiveChanges.ToRead(o, WellSourced, dateGroups)).ToList();
            if (next.Count == 0)
            {
                break;
            }

            await ReadFactsAsync(db, next.SelectMany(id => stepOf[id].Step.ClaimIds), facts, ct);
            foreach (var id in next)
            {
                var (itemId, h) = (stepOf[id].AgendaItemId, stepOf[id].Step);
                read[id] = new StatusReport(h.Id, h.Status, h.AsOf, h.ClaimIds.Where(facts.ContainsKey).Select(c => facts[c].For(partiesOfItem[itemId])).ToList());
            }
        }

        var reportsByItem = items.ToDictionary(a => a.Id, a => stepsByItem[a.Id].Where(h => read.ContainsKey(h.Id)).Select(h => read[h.Id]).ToList());
        var statusDates = reportsByItem
            .Select(r => (Item: r.Key, Current: StatusDerivation.Derive(r.Value, [])))
            .Where(x => x.Current is not null)
            .ToDictionary(x => x.Item, x => x.Current!.AsOf);
        var denials = (await DenialsSinceAsync(db, statusDates, ct)).Where(d => d.Date >= statusDates[d.AgendaItemId]).ToList();
        await ReadFactsAsync(db, denials.Select(d => d.ClaimId), facts, ct);
        var claimsByItem = denials.Where(d => facts.ContainsKey(d.ClaimId))
            .ToLookup(d => d.AgendaItemId, d => facts[d.ClaimId].For(partiesOfItem[d.AgendaItemId]));

        var itemsByTrack = items.ToLookup(a => a.TrackId);
        return tracks.Select(t => new ProgressBoard(t.Id, t.Name, itemsByTrack[t.Id].Select(a =>
        {
            var history = stepsByItem[a.Id].ToList();
            var reports = reportsByItem[a.Id];
            var current = StatusDerivation.Derive(reports, claimsByItem[a.Id]);
            var note = current is null ? null : history.FirstOrDefault(h => h.Id == current.ChangeId)?.Note;
            var gap = StatusDerivation.OpenGap(reports, current) is { } g
                ? new OpenGapView(g.Status, g.AsOf, history.First(h => h.Id == g.ChangeId).Note, StatusDerivation.IsWellSourced(g), Backing.Of(g.Claims))
                : null;
            return new BoardItem(a.Id, a.Title, a.Category, a.Description, current, note, history, gap);
        }).ToList())).ToList();
    }

    private const int DenialGroups = 8;

    /// <summary>
    /// The denials about the items not older than each item's status, give or take: one statement of a fixed shape
    /// (each item's own date would be a statement per item), the items cut into <see cref="DenialGroups"/> groups by
    /// their status's date and each group read from its earliest, which the (item, date) index answers. Read from the
    /// oldest status of all, as before, most rows came back only to be dropped (docs/benchmarks.md, the overview).
    /// </summary>
    private static async Task<List<(int AgendaItemId, int ClaimId, DateOnly Date)>> DenialsSinceAsync(
        TalksTrackerDbContext db, Dictionary<int, DateOnly> statusDates, CancellationToken ct)
    {
        var ordered = statusDates.OrderBy(s => s.Value).ToList();
        var groups = Enumerable.Range(0, DenialGroups)
            .Select(g => ordered[(g * ordered.Count / DenialGroups)..((g + 1) * ordered.Count / DenialGroups)])
            .Select(g => (Items: g.Select(s => s.Key).ToList(), Since: g.Count == 0 ? DateOnly.MaxValue : g[0].Value))
            .ToList();
        // Sixteen parameters rather than a list of pairs, which neither engine's provider can send.
        var (i0, s0, i1, s1, i2, s2, i3, s3) = (groups[0].Items, groups[0].Since, groups[1].Items, groups[1].Since, groups[2].Items, groups[2].Since, groups[3].Items, groups[3].Since);
        var (i4, s4, i5, s5, i6, s6, i7, s7) = (groups[4].Items, groups[4].Since, groups[5].Items, groups[5].Since, groups[6].Items, groups[6].Since, groups[7].Items, groups[7].Since);
        return (await db.AgendaItemDenials.AsNoTracking()
                .Where(d => (i0.Contains(d.AgendaItemId) && d.Date >= s0) || (i1.Contains(d.AgendaItemId) && d.Date >= s1)
                            || (i2.Contains(d.AgendaItemId) && d.Date >= s2) || (i3.Contains(d.AgendaItemId) && d.Date >= s3)
                            || (i4.Contains(d.AgendaItemId) && d.Date >= s4) || (i5.Contains(d.AgendaItemId) && d.Date >= s5)
                            || (i6.Contains(d.AgendaItemId) && d.Date >= s6) || (i7.Contains(d.AgendaItemId) && d.Date >= s7))
                .Select(d => new { d.AgendaItemId, d.ClaimId, d.Date })
                .ToListAsync(ct))
            .Select(d => (d.AgendaItemId, d.ClaimId, d.Date))
            .ToList();
    }

    /// <summary>What the status rules need of a claim; whether it speaks for a party depends on the track.</summary>
    private sealed record ClaimFacts(int Id, int ReportId, int? SourceId, int? ViaSourceId, string? Outlet, DateOnly Date,
        Reliability? Reliability, int Credibility, Stance Stance, int? Affiliation, int? AffiliationParent)
    {
        public StatusClaim For(IReadOnlyCollection<int> parties) => new(
            Id, Date, Reliability, Credibility, Stance,
            (Affiliation is { } a && parties.Contains(a)) || (AffiliationParent is { } p && parties.Contains(p)),
            new ClaimOriginFacts(Id, ReportId, SourceId, ViaSourceId, Outlet));
    }

    /// <summary>Adds the facts of the claims not read yet.</summary>
    private static async Task ReadFactsAsync(TalksTrackerDbContext db, IEnumerable<int> claimIds, Dictionary<int, ClaimFacts> facts, CancellationToken ct)
    {
        var ids = claimIds.Where(id => !facts.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await db.Claims.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new ClaimFacts(
                c.Id,
                c.ReportId,
                c.SourceId,
                c.ViaSourceId,
                c.Report!.Outlet,
                // The report's date in SQL: one value to read and parse per claim instead of two.
                c.Report.PublishedOn ?? DateOnly.FromDateTime(c.Report.TakenInAt),
                c.Source == null ? null : c.Source.Reliability,
                c.Credibility,
                c.Stance,
                c.Source == null ? null : c.Source.AffiliationActorId,
                c.Source == null || c.Source.Affiliation == null ? null : c.Source.Affiliation.ParentActorId))
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            facts[row.Id] = row;
        }
    }
}
