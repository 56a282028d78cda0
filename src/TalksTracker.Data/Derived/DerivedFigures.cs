using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Derived;

/// <summary>
/// Keeps <see cref="MeetingClaimFacts"/>, <see cref="MeetingMention"/>, <see cref="MeetingClaimAgendaItem"/>,
/// <see cref="AgendaItemDenial"/> and <see cref="TrackClaimFacts"/> right. Every save through <see cref="TalksTrackerDbContext"/> notes which meetings its changes touch
/// (links to meetings, actors or agenda items added or removed; claims deleted, or given another source or
/// relay or stance; a report's outlet or dates changed; sources regraded), and their figures are recomputed from the claims
/// in the same transaction as the change. Writers that bypass the context (the benchmark's bulk load) call
/// <see cref="RebuildAllAsync"/> when they are done; the migration that made the tables filled them with
/// <see cref="MeetingFiguresSql"/> and <see cref="DenialsSql"/>, leaving the origins to <see cref="CompleteAsync"/>.
/// The SQL is written once for SQLite and PostgreSQL (quoted names, standard aggregates).
/// </summary>
public sealed class DerivedFigures
{
    private const int Chunk = 2_000;

    private readonly HashSet<int> _meetings = [];
    private readonly HashSet<int> _claims = [];
    private readonly HashSet<int> _sources = [];
    private readonly HashSet<int> _reports = [];
    // Claims whose denial rows (stance, agenda links, report date) may have changed.
    private readonly HashSet<int> _denials = [];
    private readonly HashSet<int> _datedReports = [];
    // Records added in this save have their ids only afterwards.
    private readonly List<object> _added = [];
    // Claims (already stored) whose links to meetings or agenda items change, and meetings or agenda items deleted or
    // moved to another track: the tracks' claim counts change by what these claims count for each track after the save
    // less what they counted before.
    private readonly HashSet<int> _trackClaims = [];
    private readonly HashSet<int> _trackMeetings = [];
    private readonly HashSet<int> _trackAgendaItems = [];
    private Dictionary<int, int>? _trackClaimsBefore;

    internal bool IsEmpty => _meetings.Count == 0 && _claims.Count == 0 && _sources.Count == 0 && _reports.Count == 0
                             && _denials.Count == 0 && _datedReports.Count == 0 && _added.Count == 0
                             && _trackClaims.Count == 0 && _trackMeetings.Count == 0 && _trackAgendaItems.Count == 0;

    private bool TrackCountsMayChange => _trackClaims.Count > 0 || _trackMeetings.Count > 0 || _trackAgendaItems.Count > 0
                                         || _added.Any(a => a is ClaimMeeting or ClaimAgendaItem);

    /// <summary>Notes what the pending changes touch; call before the save (deleted records still carry their ids).</summary>
    internal static DerivedFigures Collect(ChangeTracker tracker)
    {
        var figures = new DerivedFigures();
        foreach (var entry in tracker.Entries())
        {
            switch (entry)
            {
                case { Entity: ClaimMeeting or ClaimActor or ClaimAgendaItem, State: EntityState.Added }:
                    figures._added.Add(entry.Entity);
                    if (entry.Entity is ClaimMeeting or ClaimAgendaItem && !entry.Property(nameof(ClaimMeeting.ClaimId)).IsTemporary)
                    {
                        figures._trackClaims.Add((int)entry.Property(nameof(ClaimMeeting.ClaimId)).CurrentValue!);
                    }

                    break;
                case { Entity: ClaimMeeting link, State: EntityState.Deleted or EntityState.Modified }:
                    figures._meetings.Add((int)entry.OriginalValues[nameof(ClaimMeeting.MeetingId)]!);
                    figures._meetings.Add(link.MeetingId);
                    figures._trackClaims.Add((int)entry.OriginalValues[nameof(ClaimMeeting.ClaimId)]!);
                    figures._trackClaims.Add(link.ClaimId);
                    break;
                case { Entity: ClaimActor or ClaimAgendaItem, State: EntityState.Deleted or EntityState.Modified }:
                    figures._claims.Add((int)entry.OriginalValues[nameof(ClaimActor.ClaimId)]!);
                    figures._denials.Add((int)entry.OriginalValues[nameof(ClaimActor.ClaimId)]!);
                    if (entry.Entity is ClaimAgendaItem item)
                    {
                        figures._trackClaims.Add((int)entry.OriginalValues[nameof(ClaimAgendaItem.ClaimId)]!);
                        figures._trackClaims.Add(item.ClaimId);
                    }

                    break;
                case { Entity: Claim claim, State: EntityState.Deleted }:
                    figures._claims.Add(claim.Id);
                    figures._trackClaims.Add(claim.Id);
                    break;
                case { Entity: Meeting meeting, State: EntityState.Deleted }:
                    figures._trackMeetings.Add(meeting.Id);
                    break;
                case { Entity: Meeting meeting, State: EntityState.Modified } when entry.Property(nameof(Meeting.TrackId)).IsModified:
                    figures._trackMeetings.Add(meeting.Id);
                    break;
                case { Entity: AgendaItem agendaItem, State: EntityState.Deleted }:
                    figures._trackAgendaItems.Add(agendaItem.Id);
                    break;
                case { Entity: AgendaItem agendaItem, State: EntityState.Modified } when entry.Property(nameof(AgendaItem.TrackId)).IsModified:
                    figures._trackAgendaItems.Add(agendaItem.Id);
                    break;
                case { Entity: Claim claim, State: EntityState.Modified }:
                    if (entry.Property(nameof(Claim.SourceId)).IsModified || entry.Property(nameof(Claim.ViaSourceId)).IsModified)
                    {
                        figures._claims.Add(claim.Id);
                    }

                    if (entry.Property(nameof(Claim.Stance)).IsModified)
                    {
                        figures._denials.Add(claim.Id);
                    }

                    break;
                case { Entity: Source source, State: EntityState.Modified } when entry.Property(nameof(Source.Reliability)).IsModified:
                    figures._sources.Add(source.Id);
                    break;
                case { Entity: Report report, State: EntityState.Modified }:
                    if (entry.Property(nameof(Report.Outlet)).IsModified)
                    {
                        figures._reports.Add(report.Id);
                    }

                    if (entry.Property(nameof(Report.PublishedOn)).IsModified || entry.Property(nameof(Report.TakenInAt)).IsModified)
                    {
                        figures._datedReports.Add(report.Id);
                    }

                    break;
            }
        }

        return figures;
    }

    /// <summary>Before the save: the meetings of claims about to lose their links (a deleted claim takes its links with it).</summary>
    internal async Task BeforeSaveAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        if (TrackCountsMayChange)
        {
            // A count is changed by a difference, so saves that change links must not overlap: on SQLite the
            // transaction already holds the write lock; on PostgreSQL they queue on one lock held to the commit.
            await WriteGate.EnterAsync(db, WriteLock.TrackCounts, ct).ConfigureAwait(false);

            foreach (var chunk in _trackMeetings.Chunk(Chunk))
            {
                _trackClaims.UnionWith(await db.ClaimMeetings.AsNoTracking().Where(cm => chunk.Contains(cm.MeetingId))
                    .Select(cm => cm.ClaimId).ToListAsync(ct).ConfigureAwait(false));
            }

            foreach (var chunk in _trackAgendaItems.Chunk(Chunk))
            {
                _trackClaims.UnionWith(await db.ClaimAgendaItems.AsNoTracking().Where(ca => chunk.Contains(ca.AgendaItemId))
                    .Select(ca => ca.ClaimId).ToListAsync(ct).ConfigureAwait(false));
            }

            _trackClaimsBefore = await ClaimsPerTrackAsync(db, _trackClaims, ct).ConfigureAwait(false);
        }

        await AddMeetingsOfClaimsAsync(db, _claims, ct).ConfigureAwait(false);
        foreach (var chunk in _sources.Chunk(Chunk))
        {
            _meetings.UnionWith(await db.ClaimMeetings.AsNoTracking()
                .Where(cm => cm.Claim!.SourceId != null && chunk.Contains(cm.Claim.SourceId.Value))
                .Select(cm => cm.MeetingId).Distinct().ToListAsync(ct).ConfigureAwait(false));
        }

        foreach (var chunk in _reports.Chunk(Chunk))
        {
            _meetings.UnionWith(await db.ClaimMeetings.AsNoTracking()
                .Where(cm => chunk.Contains(cm.Claim!.ReportId))
                .Select(cm => cm.MeetingId).Distinct().ToListAsync(ct).ConfigureAwait(false));
        }
    }

    /// <summary>After the save, in its transaction: recompute the figures of every meeting touched.</summary>
    internal async Task AfterSaveAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        var claims = new HashSet<int>(_claims);
        foreach (var record in _added)
        {
            switch (record)
            {
                case ClaimMeeting link:
                    _meetings.Add(link.MeetingId);
                    break;
                case ClaimActor actor:
                    claims.Add(actor.ClaimId);
                    break;
                case ClaimAgendaItem item:
                    claims.Add(item.ClaimId);
                    _denials.Add(item.ClaimId);
                    break;
            }
        }

        foreach (var chunk in _datedReports.Chunk(Chunk))
        {
            _denials.UnionWith(await db.Claims.AsNoTracking().Where(c => chunk.Contains(c.ReportId)).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false));
        }

        foreach (var chunk in _denials.Order().Chunk(Chunk))
        {
            var ids = IdList(chunk);
            foreach (var sql in DenialStatements($"""WHERE "ClaimId" IN ({ids})""", $"""AND c."Id" IN ({ids})""", ProviderOf(db)))
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
            }
        }

        await CountTrackClaimsAsync(db, ct).ConfigureAwait(false);
        await AddMeetingsOfClaimsAsync(db, claims, ct).ConfigureAwait(false);
        foreach (var chunk in _meetings.Order().Chunk(Chunk))
        {
            var ids = IdList(chunk);
            foreach (var sql in Statements($"""WHERE "MeetingId" IN ({ids})""", $"""WHERE cm."MeetingId" IN ({ids})"""))
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
            }

            await CountOriginsAsync(db, chunk, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Recomputes every meeting's figures from scratch, origins included: after a bulk load that bypassed
    /// the context. Run it in a transaction of the caller's, or it is one per statement.
    /// </summary>
    public static async Task RebuildAllAsync(TalksTrackerDbContext db, CancellationToken ct = default)
    {
        foreach (var sql in RebuildAllSql(ProviderOf(db)))
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
        }

        await CompleteAsync(db, ct).ConfigureAwait(false);
    }

    /// <summary>Counts the origins of meetings whose count is missing (after the migration's SQL-only fill); cheap when none is.</summary>
    public static async Task CompleteAsync(TalksTrackerDbContext db, CancellationToken ct = default)
    {
        while (true)
        {
            var missing = await db.MeetingClaimFacts.AsNoTracking().Where(f => f.IndependentOrigins == null)
                .OrderBy(f => f.MeetingId).Select(f => f.MeetingId).Take(Chunk).ToListAsync(ct).ConfigureAwait(false);
            if (missing.Count == 0)
            {
                return;
            }

            await CountOriginsAsync(db, missing, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The figures every meeting gets from its claims, in SQL (origins are counted in C# afterwards).</summary>
    public static IReadOnlyList<string> RebuildAllSql(DatabaseProvider provider) => [.. MeetingFiguresSql, .. DenialsSql(provider), .. TrackClaimsSql];

    /// <summary>Every track's claim count (the fill of the TrackClaimCounts migration and of TrackClaimsAboutAgendaItems, which added the agenda items' claims).</summary>
    public static IReadOnlyList<string> TrackClaimsSql { get; } =
    [
        """DELETE FROM "TrackClaimFacts" """,
        CountTrackClaimsSql(""),
    ];

    // Distinct claims per track from the links to its meetings and agenda items, for the tracks the condition on
    // t."TrackId" keeps (all when empty).
    private static string CountTrackClaimsSql(string where) =>
        $"""
         INSERT INTO "TrackClaimFacts" ("TrackId", "Claims")
         SELECT t."TrackId", COUNT(DISTINCT t."ClaimId")
         FROM (SELECT m."TrackId", cm."ClaimId" FROM "ClaimMeetings" cm JOIN "Meetings" m ON m."Id" = cm."MeetingId"
               UNION ALL
               SELECT a."TrackId", ca."ClaimId" FROM "ClaimAgendaItems" ca JOIN "AgendaItems" a ON a."Id" = ca."AgendaItemId") t
         {where}
         GROUP BY t."TrackId"
         """;

    /// <summary>For each track, how many of these claims are about at least one of its meetings or agenda items.</summary>
    private static async Task<Dictionary<int, int>> ClaimsPerTrackAsync(TalksTrackerDbContext db, IReadOnlyCollection<int> claims, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        foreach (var chunk in claims.Chunk(Chunk))
        {
            var pairs = await db.ClaimMeetings.AsNoTracking().Where(cm => chunk.Contains(cm.ClaimId))
                .Select(cm => new { cm.Meeting!.TrackId, cm.ClaimId })
                .Union(db.ClaimAgendaItems.AsNoTracking().Where(ca => chunk.Contains(ca.ClaimId))
                    .Select(ca => new { ca.AgendaItem!.TrackId, ca.ClaimId }))
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var pair in pairs)
            {
                counts[pair.TrackId] = counts.GetValueOrDefault(pair.TrackId) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// After the save: each track's count moves by what the changed claims count for it now less what they counted
    /// before. A track without a row yet is counted in full (what the save left, in its transaction).
    /// </summary>
    private async Task CountTrackClaimsAsync(TalksTrackerDbContext db, CancellationToken ct)
    {
        if (_trackClaimsBefore is not { } before)
        {
            return;
        }

        var claims = new HashSet<int>(_trackClaims);
        claims.UnionWith(_added.OfType<ClaimMeeting>().Select(l => l.ClaimId));
        claims.UnionWith(_added.OfType<ClaimAgendaItem>().Select(l => l.ClaimId));
        var after = await ClaimsPerTrackAsync(db, claims, ct).ConfigureAwait(false);
        var changes = after.Keys.Union(before.Keys)
            .Select(track => (Track: track, By: after.GetValueOrDefault(track) - before.GetValueOrDefault(track)))
            .Where(c => c.By != 0).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var tracks = changes.Select(c => c.Track).ToList();
        var kept = await db.TrackClaimFacts.AsNoTracking().Where(f => tracks.Contains(f.TrackId)).Select(f => f.TrackId).ToListAsync(ct).ConfigureAwait(false);
        var moved = changes.Where(c => kept.Contains(c.Track)).ToList();
        if (moved.Count > 0)
        {
            var sql = new StringBuilder("""UPDATE "TrackClaimFacts" SET "Claims" = "Claims" + CASE "TrackId" """);
            foreach (var (track, by) in moved)
            {
                sql.Append(CultureInfo.InvariantCulture, $" WHEN {track} THEN {by}");
            }

            sql.Append(CultureInfo.InvariantCulture, $""" END WHERE "TrackId" IN ({IdList(moved.Select(c => c.Track))})""");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct).ConfigureAwait(false);
        }

        var missing = tracks.Except(kept).ToList();
        if (missing.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(CountTrackClaimsSql($"""WHERE t."TrackId" IN ({IdList(missing)})"""), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every meeting's figures from its claims (the TimelineAtScale migration's fill).</summary>
    public static IReadOnlyList<string> MeetingFiguresSql { get; } = Statements(deleteWhere: "", selectWhere: "");

    /// <summary>Every agenda item's denials (the ProgressBoardAtScale migration's fill).</summary>
    public static IReadOnlyList<string> DenialsSql(DatabaseProvider provider) => DenialStatements("", "", provider);

    // A denial's date is its report's publication, else the (UTC) day of its intake, as the board's C# reads it.
    private static IReadOnlyList<string> DenialStatements(string deleteWhere, string andWhere, DatabaseProvider provider) =>
    [
        $"""DELETE FROM "AgendaItemDenials" {deleteWhere}""",
        $"""
         INSERT INTO "AgendaItemDenials" ("AgendaItemId", "ClaimId", "Date")
         SELECT ca."AgendaItemId", c."Id", COALESCE(r."PublishedOn", {(provider == DatabaseProvider.Postgres ? """(r."TakenInAt" AT TIME ZONE 'UTC')::date""" : """date(r."TakenInAt")""")})
         FROM "ClaimAgendaItems" ca JOIN "Claims" c ON c."Id" = ca."ClaimId" JOIN "Reports" r ON r."Id" = c."ReportId"
         WHERE c."Stance" = 'Denies' {andWhere}
         """,
    ];

    private async Task AddMeetingsOfClaimsAsync(TalksTrackerDbContext db, IReadOnlyCollection<int> claims, CancellationToken ct)
    {
        foreach (var chunk in claims.Chunk(Chunk))
        {
            _meetings.UnionWith(await db.ClaimMeetings.AsNoTracking().Where(cm => chunk.Contains(cm.ClaimId))
                .Select(cm => cm.MeetingId).ToListAsync(ct).ConfigureAwait(false));
        }
    }

    /// <summary>The independent origins of each meeting's claims (meetings without claims are left out).</summary>
    // Origins follow relays within each report and the outlet rule (Origins.CountIndependent): C#, not SQL.
    internal static async Task<Dictionary<int, int>> OriginsOfAsync(TalksTrackerDbContext db, IReadOnlyCollection<int> meetings, CancellationToken ct)
    {
        var facts = await db.ClaimMeetings.AsNoTracking()
            .Where(cm => meetings.Contains(cm.MeetingId))
            .Select(cm => new { cm.MeetingId, cm.ClaimId, cm.Claim!.ReportId, cm.Claim.SourceId, cm.Claim.ViaSourceId, cm.Claim.Report!.Outlet })
            .ToListAsync(ct).ConfigureAwait(false);
        return facts.GroupBy(f => f.MeetingId).ToDictionary(
            g => g.Key,
            g => Origins.CountIndependent(g.Select(f => new ClaimOriginFacts(f.ClaimId, f.ReportId, f.SourceId, f.ViaSourceId, f.Outlet)).ToList()));
    }

    private static async Task CountOriginsAsync(TalksTrackerDbContext db, IReadOnlyCollection<int> meetings, CancellationToken ct)
    {
        var counts = await OriginsOfAsync(db, meetings, ct).ConfigureAwait(false);
        if (counts.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder("""UPDATE "MeetingClaimFacts" SET "IndependentOrigins" = CASE "MeetingId" """);
        foreach (var (meeting, count) in counts)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {meeting} THEN {count}");
        }

        sql.Append(CultureInfo.InvariantCulture, $""" END WHERE "MeetingId" IN ({IdList(counts.Keys)})""");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct).ConfigureAwait(false);
    }

    private static DatabaseProvider ProviderOf(TalksTrackerDbContext db) => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    // Integers formatted here, never user text.
    private static string IdList(IEnumerable<int> ids) => string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private static IReadOnlyList<string> Statements(string deleteWhere, string selectWhere) =>
    [
        $"""DELETE FROM "MeetingClaimFacts" {deleteWhere}""",
        $"""
         INSERT INTO "MeetingClaimFacts" ("MeetingId", "Claims", "BestReliability")
         SELECT cm."MeetingId", COUNT(*), MIN(s."Reliability")
         FROM "ClaimMeetings" cm JOIN "Claims" c ON c."Id" = cm."ClaimId" LEFT JOIN "Sources" s ON s."Id" = c."SourceId"
         {selectWhere}
         GROUP BY cm."MeetingId"
         """,
        $"""DELETE FROM "MeetingMentions" {deleteWhere}""",
        $"""
         INSERT INTO "MeetingMentions" ("MeetingId", "ActorId")
         SELECT DISTINCT cm."MeetingId", ca."ActorId"
         FROM "ClaimMeetings" cm JOIN "ClaimActors" ca ON ca."ClaimId" = cm."ClaimId"
         {selectWhere}
         """,
        $"""DELETE FROM "MeetingClaimAgendaItems" {deleteWhere}""",
        $"""
         INSERT INTO "MeetingClaimAgendaItems" ("MeetingId", "AgendaItemId")
         SELECT DISTINCT cm."MeetingId", ca."AgendaItemId"
         FROM "ClaimMeetings" cm JOIN "ClaimAgendaItems" ca ON ca."ClaimId" = cm."ClaimId"
         {selectWhere}
         """,
    ];
}
