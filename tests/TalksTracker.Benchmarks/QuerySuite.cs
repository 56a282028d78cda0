using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Search;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Positions;
using TalksTracker.Data.Progress;
using TalksTracker.Data.Reading;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Timeline;

namespace TalksTracker.Benchmarks;

/// <summary>One measured query: the product call and (for database queries) its hand-written floor.</summary>
public sealed record QueryDefinition(
    string Name,
    string Group,
    double? TargetP95Ms,
    Func<int, Task<string>> Service,
    Func<int, string>? Floor,
    string Description);

public sealed class QueryResult
{
    public required string Name { get; init; }
    public required string Group { get; init; }
    public required string Description { get; init; }
    public double? TargetP95Ms { get; init; }
    public required Stats Service { get; init; }
    public Stats? Floor { get; init; }
    public string? Answer { get; init; }
    /// <summary>Product p50 over floor p50 (the judged ratio; p50 is the stable one on a shared 2-core machine).</summary>
    public double? Ratio => Floor is { P50: > 0 } f ? Service.P50 / f.P50 : null;
    public double? RatioP95 => Floor is { P95: > 0 } f ? Service.P95 / f.P95 : null;
    public bool? SameAnswer { get; init; }
}

/// <summary>The product's queries at the generated scale, each next to the same answer in hand-written SQL.</summary>
public sealed class QuerySuite(IServiceProvider services, DbConnection floorConnection, Scale scale)
{
    private readonly Floor _floor = new(floorConnection);

    private const string PageColumns = """
        SELECT m.Id, m.Title, m.TrackId, t.Name, m.VenueId, v.Name, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.Status, m.Format
        FROM Meetings m JOIN Tracks t ON t.Id = m.TrackId LEFT JOIN Venues v ON v.Id = m.VenueId
        """;

    private const string ClaimViewSql = """
        SELECT c.Id, c.ReportId, r.Title, r.Outlet, r.PublishedOn, c.Start, c."End", c.Quote, c.Stance, c.Credibility, c.Cue, c.Hedge,
               s.Id, s.Name, s.Kind, s.Reliability, vs.Id, vs.Name, vs.Kind, vs.Reliability
        FROM Claims c JOIN Reports r ON r.Id = c.ReportId
        LEFT JOIN Sources s ON s.Id = c.SourceId LEFT JOIN Sources vs ON vs.Id = c.ViaSourceId
        """;

    public List<QueryDefinition> Definitions()
    {
        var meetings = services.GetRequiredService<MeetingService>();
        var reports = services.GetRequiredService<ReportService>();
        var sources = services.GetRequiredService<SourceService>();
        var search = services.GetRequiredService<ISearchService>();
        var progress = services.GetRequiredService<ProgressService>();
        var digest = services.GetRequiredService<DigestService>();
        var overview = services.GetRequiredService<OverviewService>();
        var tracks = services.GetRequiredService<TrackService>();
        var gazetteer = services.GetRequiredService<GazetteerService>().LoadAsync().GetAwaiter().GetResult();

        var meetingSample = _floor.Rows("SELECT Id FROM Meetings ORDER BY (Id * 7919) % 1009, Id LIMIT 64").Select(r => Convert.ToInt32(r[0])).ToArray();
        var reportCount = (int)_floor.Scalar("SELECT count(*) FROM Reports");
        var sourceCount = (int)_floor.Scalar("SELECT count(*) FROM Sources");
        var topParty = (int)_floor.Scalar("SELECT ActorId FROM TrackParticipants WHERE TrackId = 1 AND Role = 'Party' ORDER BY Id LIMIT 1");
        var midTrack = Math.Max(1, scale.Tracks / 2);
        var since = new DateOnly(2026, 11, 13);
        var asOf = new DateOnly(2026, 11, 20); // the generated history's last day
        var positions = services.GetRequiredService<PositionService>();
        var from = new DateOnly(2024, 1, 1);
        var to = new DateOnly(2024, 12, 31);
        var sample = ExtractionBenchmark.SampleReport(1000);

        int ReportId(int i) => (int)((i * 7919L) % reportCount) + 1;
        // The middle half of the sources by claim count (sources are Zipf-ranked by id), and the ten busiest.
        int MedianSource(int i) => sourceCount / 4 + (int)((i * 7919L) % Math.Max(1, sourceCount / 2)) + 1;
        int TopSource(int i) => i % Math.Min(10, sourceCount) + 1;

        var list = new List<QueryDefinition>
        {
            Timeline("timeline: no filter", new TimelineQuery(), "", []),
            Timeline("timeline: venue", new TimelineQuery { VenueId = 1 }, "m.VenueId = $venue", [("$venue", 1)]),
            Timeline("timeline: actor + date range", new TimelineQuery { ActorId = topParty, From = from, To = to },
                """
                m.Id IN (SELECT x.Id FROM TrackParticipants p JOIN Meetings x ON x.TrackId = p.TrackId WHERE p.ActorId = $actor
                         UNION SELECT mp.MeetingId FROM MeetingParticipants mp WHERE mp.ActorId = $actor
                         UNION SELECT x.Id FROM Venues vv JOIN Meetings x ON x.VenueId = vv.Id WHERE vv.CountryActorId = $actor
                         UNION SELECT mm.MeetingId FROM MeetingMentions mm WHERE mm.ActorId = $actor)
                AND m.DateEnd >= $from AND m.DateStart <= $to
                """,
                [("$actor", topParty), ("$from", from.ToString("yyyy-MM-dd")), ("$to", to.ToString("yyyy-MM-dd"))]),
            Timeline("timeline: source reliability ≥ B", new TimelineQuery { MinReliability = Reliability.B },
                "EXISTS (SELECT 1 FROM MeetingClaimFacts f WHERE f.MeetingId = m.Id AND f.BestReliability <= 2)",
                []),
            // The visual timeline (#23) at its widest (a decade of every track), across actors, and one track's month.
            Chart("chart: decade by track", new TimelineQuery(), ChartLanes.Track, ChartZoom.Decade),
            Chart("chart: year by actor", new TimelineQuery(), ChartLanes.Actor, ChartZoom.Year),
            Chart("chart: busiest track, month", new TimelineQuery { TrackId = 1 }, ChartLanes.Track, ChartZoom.Month),
            new("meeting dossier", "dossier", 20,
                async i => DossierSignature(await meetings.DossierAsync(meetingSample[i % meetingSample.Length])),
                i => DossierFloor(meetingSample[i % meetingSample.Length]),
                "MeetingService.DossierAsync over 64 meetings sampled across tracks (busy tracks have more)"),
            new("report reader", "report", null,
                async i => ReportSignature(await reports.GetAsync(ReportId(i))),
                i => ReportFloor(ReportId(i)),
                "ReportService.GetAsync: the report text and its claims"),
            new("source page: median source", "source", null,
                async i => SourceSignature(await sources.GetAsync(MedianSource(i))),
                i => SourceFloor(MedianSource(i)),
                "SourceService.GetAsync for sources from the middle half by claim count (how many claims it made and relayed, and the newest 300 of each)"),
            new("source page: top-10 source", "source", null,
                async i => SourceSignature(await sources.GetAsync(TopSource(i))),
                i => SourceFloor(TopSource(i)),
                "SourceService.GetAsync for the ten busiest sources (Zipf head: tens of thousands of claims each, counted; the newest 300 made and relayed read)"),
            Search("search: common word", DataGenerator.CommonWord, search),
            Search("search: rare word", DataGenerator.RareWord, search),
            Search("search: phrase", $"\"{DataGenerator.Phrase}\"", search),
            Search("search: prefix", DataGenerator.Prefix + "*", search),
            new("progress board: busiest track", "board", 50,
                async _ => BoardSignature(await progress.BoardAsync(1)),
                _ => BoardFloor(1),
                "ProgressService.BoardAsync for track 1, the Zipf head (most meetings and claims)"),
            new("progress board: median track", "board", 50,
                async _ => BoardSignature(await progress.BoardAsync(midTrack)),
                _ => BoardFloor(midTrack),
                $"ProgressService.BoardAsync for track {midTrack}"),
            new("board positions: busiest track", "board", 50,
                async _ => StandingsSignature(await positions.StandingsForTrackAsync(1, asOf)),
                _ => StandingsFloor(1, asOf),
                "PositionService.StandingsForTrackAsync for track 1: the board's where-the-parties-stand panel (the positions each line's gap needs sought and read, each item's gap derived)"),
            new("board positions: median track", "board", 50,
                async _ => StandingsSignature(await positions.StandingsForTrackAsync(midTrack, asOf)),
                _ => StandingsFloor(midTrack, asOf),
                $"PositionService.StandingsForTrackAsync for track {midTrack}"),
            // The front page for one reader (#26: ≤ 50 ms at L): what OverviewPage reads, the progress of every track included.
            new("overview: the front page's reads", "overview", 50,
                async _ =>
                {
                    var front = await overview.GetAsync();
                    return $"{front.Progress.Count}|{front.Progress.Sum(s => s.OpenGaps)}|{front.Counts.Claims}|{front.Tracks.Count}|{front.RecentMeetings.Count}";
                },
                null,
                "OverviewService.GetAsync as the overview page reads it after a change (counts, tracks, every track's status counts, open gaps and disputes, latest meetings and reports); the page keeps it until the next change; no floor"),
            new("tracks: the list page's reads", "overview", null,
                async _ => $"{(await tracks.ListAsync()).Count}|{(await tracks.ListAsync(archived: true)).Count}",
                null,
                "TrackService.ListAsync, current and archived, as the tracks page reads them; no floor"),
            new("digest: what changed since", "digest", null,
                async _ => DigestSignature(await digest.SinceAsync(1, since, DigestBasis.Recorded)),
                _ => DigestFloor(1, since),
                $"DigestService.SinceAsync(track 1, since {since:yyyy-MM-dd}, by recorded date)"),
            new("extraction: 1,000-word report", "extraction", 5,
                _ => Task.FromResult(ClaimExtractor.Extract(sample, gazetteer).Claims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                null,
                "ClaimExtractor.Extract(ExtractionBenchmark.SampleReport(1000)) with the database's gazetteer (CPU only, no floor)"),
        };
        return list;

        QueryDefinition Chart(string name, TimelineQuery query, ChartLanes lanes, ChartZoom zoom) =>
            new(name, "chart", 50,
                async _ =>
                {
                    var chart = await meetings.ChartAsync(query, lanes, zoom, from.AddMonths(5), from);
                    return $"{chart.Lanes.Count}|{chart.Lanes.Sum(l => l.Meetings)}|{chart.Lanes.Sum(l => l.Layout.Bars.Count)}|{chart.UndatedTotal}";
                },
                null,
                "MeetingService.ChartAsync: the meetings overlapping the window (June 2024's), laid out in lanes, titles of those drawn; no floor");

        QueryDefinition Timeline(string name, TimelineQuery query, string where, (string, object?)[] parameters) =>
            new(name, "timeline", 20,
                async _ => TimelineSignature(await meetings.TimelineAsync(query)),
                _ => TimelineFloor(where, parameters),
                "MeetingService.TimelineAsync, first page of 50, newest first");
    }

    private QueryDefinition Search(string name, string text, ISearchService search) =>
        new(name, "search", 30,
            async _ =>
            {
                var outcome = await search.SearchAsync(text);
                var r = outcome.Value ?? throw new InvalidOperationException("search refused: " + string.Join(", ", outcome.Errors.Keys));
                if (r.TimedOut)
                {
                    throw new TimeoutException($"search for {text} timed out");
                }

                return $"{r.ClaimTotal}/{r.ReportTotal}/{r.Claims.Count}/{r.Reports.Count}/{string.Join(",", r.Claims.Select(c => c.Claim.Id))}";
            },
            _floor.IsPostgres
                ? _ => PostgresSearchFloor(PostgresSearchService.ToTsQuery(TalksTracker.Domain.Search.SearchQuery.Parse(text))!)
                : _ => SearchFloor(TalksTracker.Domain.Search.SearchQuery.Parse(text).Fts5Match!),
            $"ISearchService.SearchAsync(\"{text}\"), first 20 claims and reports with snippets, totals and actors");

    // ---- signatures: a compact form of each answer, compared between product and floor ----

    private static string TimelineSignature(TimelineResult r) =>
        $"{r.Total}|{string.Join(",", r.Entries.Select(e => $"{e.Id}:{e.ClaimCount}"))}";

    private static string DossierSignature(MeetingDossier? d) => d is null ? "none" : $"{d.Id}|{d.Participants.Count}|{d.TrackRoles.Count}|{d.AgendaItems.Count}|{string.Join(",", d.Claims.Select(c => c.Id))}";

    private static string ReportSignature(ReportView? r) => r is null ? "none" : $"{r.Id}|{r.Text.Length}|{string.Join(",", r.Claims.Select(c => c.Id))}";

    private static string SourceSignature(SourceView? s) =>
        s is null ? "none" : $"{s.Id}|{s.ClaimsMade}|{s.ClaimsRelayed}|{s.Claims.Count}|{s.Claims.Sum(c => (long)c.Id)}";

    private static string BoardSignature(ProgressBoard? b) => b is null ? "none" : $"{b.Items.Count}|{b.Items.Sum(i => i.History.Count)}|{b.Items.Sum(i => i.History.Sum(h => h.ClaimIds.Count))}";

    private static string DigestSignature(Digest? d) => d is null ? "none" : $"{d.NewMeetings.Count}|{d.StatusChanges.Count}|{d.NewSources.Count}|{d.Denials.Count}|{d.PositionChanges.Count}";

    // ---- floors ----

    private string TimelineFloor(string where, (string, object?)[] parameters)
    {
        var filter = string.IsNullOrEmpty(where) ? "" : "WHERE " + where;
        var total = _floor.Scalar($"SELECT count(*) FROM Meetings m {filter}", parameters);
        var page = _floor.Rows($"{PageColumns} {filter} ORDER BY m.SortDate IS NULL, m.SortDate DESC, m.Id DESC LIMIT 50", parameters);
        var ids = string.Join(",", page.Select(r => r[0]));
        if (page.Count == 0)
        {
            return $"{total}|";
        }

        // Each card names the meeting's own participants (MeetingParticipants), not its track's parties.
        _floor.Rows($"SELECT p.Id, p.MeetingId, p.ActorId, a.Name, p.Role, p.Level FROM MeetingParticipants p JOIN Actors a ON a.Id = p.ActorId WHERE p.MeetingId IN ({ids})");
        _floor.Rows($"""
            SELECT s.MeetingId, s.AgendaItemId, a.Title FROM AgendaStatusChanges s JOIN AgendaItems a ON a.Id = s.AgendaItemId WHERE s.MeetingId IN ({ids})
            UNION SELECT x.MeetingId, x.AgendaItemId, a.Title FROM MeetingClaimAgendaItems x JOIN AgendaItems a ON a.Id = x.AgendaItemId WHERE x.MeetingId IN ({ids})
            """);
        var facts = _floor.Rows($"SELECT MeetingId, Claims, IndependentOrigins FROM MeetingClaimFacts WHERE MeetingId IN ({ids})");
        var counts = facts.ToDictionary(f => f[0]!, f => Convert.ToInt32(f[1], System.Globalization.CultureInfo.InvariantCulture));
        return $"{total}|{string.Join(",", page.Select(r => $"{r[0]}:{counts.GetValueOrDefault(r[0]!)}"))}";
    }

    private string DossierFloor(int id)
    {
        var meeting = _floor.Rows("""
            SELECT m.Id, m.Title, m.Summary, m.TrackId, t.Name, m.VenueId, v.Name, c.Name, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel, m.IsSeries, m.Format, m.Status
            FROM Meetings m JOIN Tracks t ON t.Id = m.TrackId LEFT JOIN Venues v ON v.Id = m.VenueId LEFT JOIN Actors c ON c.Id = v.CountryActorId WHERE m.Id = $id
            """, ("$id", id));
        if (meeting.Count == 0)
        {
            return "none";
        }

        var participants = _floor.Rows("SELECT p.ActorId, a.Name, p.Level FROM MeetingParticipants p JOIN Actors a ON a.Id = p.ActorId WHERE p.MeetingId = $id", ("$id", id));
        var roles = _floor.Rows("SELECT p.ActorId, a.Name, p.Role, p.Acknowledgement, p.Note FROM TrackParticipants p JOIN Actors a ON a.Id = p.ActorId WHERE p.TrackId = $t ORDER BY p.Role, a.Name", ("$t", meeting[0][3]));
        var agenda = _floor.Rows("SELECT s.AgendaItemId, a.Title, a.Category, s.Status, s.Note FROM AgendaStatusChanges s JOIN AgendaItems a ON a.Id = s.AgendaItemId WHERE s.MeetingId = $id ORDER BY a.Category, s.AgendaItemId, s.Id", ("$id", id));
        var claims = _floor.Rows($"{ClaimViewSql} JOIN ClaimMeetings cm ON cm.ClaimId = c.Id WHERE cm.MeetingId = $id ORDER BY c.ReportId, c.Start", ("$id", id));
        return $"{id}|{participants.Count}|{roles.Count}|{agenda.Count}|{string.Join(",", claims.Select(c => c[0]))}";
    }

    private string ReportFloor(int id)
    {
        // The reader also shows whether the report was withdrawn, its pending proposals, and each claim's meeting and
        // agenda item links (titles in order).
        var report = _floor.Rows("""
            SELECT r.Id, r.Title, r.Outlet, r.Url, r.PublishedOn, r.Language, r.TakenInAt, r.Text, r.Version, r.WithdrawnAt, r.WithdrawnBy, r.WithdrawalReason,
                   (SELECT count(*) FROM ClaimProposals p WHERE p.ReportId = r.Id AND p.Decision = 'Pending')
            FROM Reports r WHERE r.Id = $id
            """, ("$id", id));
        if (report.Count == 0)
        {
            return "none";
        }

        _floor.Rows("""
            SELECT cm.ClaimId, 1, cm.MeetingId, m.Title, m.TrackId FROM Claims c JOIN ClaimMeetings cm ON cm.ClaimId = c.Id JOIN Meetings m ON m.Id = cm.MeetingId WHERE c.ReportId = $id
            UNION ALL SELECT ca.ClaimId, 0, ca.AgendaItemId, a.Title, a.TrackId FROM Claims c JOIN ClaimAgendaItems ca ON ca.ClaimId = c.Id JOIN AgendaItems a ON a.Id = ca.AgendaItemId WHERE c.ReportId = $id
            ORDER BY 4, 3
            """, ("$id", id));
        var claims = _floor.Rows($"{ClaimViewSql} WHERE c.ReportId = $id ORDER BY c.ReportId, c.Start", ("$id", id));
        return $"{id}|{((string)report[0][7]!).Length}|{string.Join(",", claims.Select(c => c[0]))}";
    }

    private string SourceFloor(int id)
    {
        var source = _floor.Rows("SELECT s.Id, s.Name, s.Kind, s.Reliability, a.Id, a.Name, s.Description FROM Sources s LEFT JOIN Actors a ON a.Id = s.AffiliationActorId WHERE s.Id = $id", ("$id", id));
        if (source.Count == 0)
        {
            return "none";
        }

        const string made = "c.SourceId = $id";
        const string relayed = "c.ViaSourceId = $id AND (c.SourceId <> $id OR c.SourceId IS NULL)";
        var counts = _floor.Rows($"SELECT (SELECT COUNT(*) FROM Claims c WHERE {made}), (SELECT COUNT(*) FROM Claims c WHERE {relayed})", ("$id", id))[0];
        var claims = _floor.Rows($"{ClaimViewSql} WHERE {made} ORDER BY c.Id DESC LIMIT {ClaimService.ClaimsListed}", ("$id", id))
            .Concat(_floor.Rows($"{ClaimViewSql} WHERE {relayed} ORDER BY c.Id DESC LIMIT {ClaimService.ClaimsListed}", ("$id", id))).ToList();
        return $"{id}|{counts[0]}|{counts[1]}|{claims.Count}|{claims.Sum(c => Convert.ToInt64(c[0], System.Globalization.CultureInfo.InvariantCulture))}";
    }

    /// <summary>
    /// The same answer as the search service, in hand-written SQL: per index the ids newest first up to the cap
    /// (the capped total), then the page ranked by bm25 when few match, else the newest page by rowid range.
    /// </summary>
    private string SearchFloor(string match)
    {
        var options = new SearchOptions();
        const string snippet = "char(2), char(3), '…', 24";
        var (claims, claimTotal) = Hits("ClaimSearch", $"snippet(ClaimSearch, 0, {snippet})", "bm25(ClaimSearch)");
        var (reports, reportTotal) = Hits("ReportSearch", $"snippet(ReportSearch, -1, {snippet})", "bm25(ReportSearch, 5.0, 1.0)");
        return SearchAnswer(claims, claimTotal, reports, reportTotal);

        (List<object?[]> Page, int Total) Hits(string table, string snippetSql, string rank)
        {
            var ids = _floor.Rows($"SELECT rowid FROM {table} WHERE {table} MATCH $m ORDER BY rowid DESC LIMIT $fetch",
                ("$m", match), ("$fetch", options.TotalCap + 1));
            var total = Math.Min(ids.Count, options.TotalCap);
            if (ids.Count <= options.RankLimit)
            {
                return (_floor.Rows($"SELECT rowid, {snippetSql} FROM {table} WHERE {table} MATCH $m ORDER BY {rank} LIMIT 20", ("$m", match)), total);
            }

            var page = ids.Take(20).ToList();
            return (_floor.Rows($"SELECT rowid, {snippetSql} FROM {table} WHERE {table} MATCH $m AND rowid BETWEEN $low AND $high ORDER BY rowid DESC",
                ("$m", match), ("$low", page[^1][0]), ("$high", page[0][0])), total);
        }
    }

    /// <summary>The same strategy on PostgreSQL's full-text search: ids newest first up to the cap, then ts_rank for few matches or the newest page by id.</summary>
    private string PostgresSearchFloor(string tsQuery)
    {
        var options = new SearchOptions();
        const string headline = "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…";
        var (claims, claimTotal) = Hits("\"Claims\"", "ts_rank(r.\"SearchVector\", q.q)", "ts_headline('talkstracker', r.\"Quote\", q.q, $h)");
        var (reports, reportTotal) = Hits("\"Reports\"", "ts_rank(ARRAY[0.1, 0.2, 0.4, 1.0]::float4[], r.\"SearchVector\", q.q)", """
            CASE WHEN to_tsvector('talkstracker', r."Text") @@ q.q THEN ts_headline('talkstracker', r."Text", q.q, $h)
                 ELSE ts_headline('talkstracker', r."Title", q.q, $h) END
            """);
        return SearchAnswer(claims, claimTotal, reports, reportTotal);

        (List<object?[]> Page, int Total) Hits(string table, string rank, string snippet)
        {
            var ids = _floor.Rows($"""SELECT r."Id" FROM {table} r WHERE r."SearchVector" @@ to_tsquery('talkstracker', $m) ORDER BY r."Id" DESC LIMIT $fetch""",
                ("$m", tsQuery), ("$fetch", options.TotalCap + 1));
            var total = Math.Min(ids.Count, options.TotalCap);
            if (ids.Count <= options.RankLimit)
            {
                return (_floor.Rows($"""
                    WITH q AS (SELECT to_tsquery('talkstracker', $m) AS q),
                    h AS (SELECT r."Id", {rank} AS rank FROM {table} r, q WHERE r."SearchVector" @@ q.q ORDER BY rank DESC, r."Id" LIMIT 20)
                    SELECT h."Id", {snippet} FROM h JOIN {table} r ON r."Id" = h."Id" CROSS JOIN q
                    ORDER BY h.rank DESC, h."Id"
                    """, ("$m", tsQuery), ("$h", headline)), total);
            }

            var page = ids.Take(20).Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (_floor.Rows($"""
                WITH q AS (SELECT to_tsquery('talkstracker', $m) AS q)
                SELECT r."Id", {snippet} FROM {table} r, q WHERE r."Id" = ANY($page) ORDER BY r."Id" DESC
                """, ("$m", tsQuery), ("$h", headline), ("$page", page)), total);
        }
    }

    /// <summary>The rows a search page shows beyond the hits (claims, reports, the actors named), and the compared answer.</summary>
    private string SearchAnswer(List<object?[]> claims, int claimTotal, List<object?[]> reports, int reportTotal)
    {
        if (claims.Count > 0)
        {
            _floor.Rows($"{ClaimViewSql} WHERE c.Id IN ({string.Join(",", claims.Select(c => c[0]))})");
        }

        if (reports.Count > 0)
        {
            _floor.Rows($"SELECT Id, Title, Outlet, PublishedOn FROM Reports WHERE Id IN ({string.Join(",", reports.Select(r => r[0]))})");
        }

        _floor.Rows($"SELECT a.Id, a.Name, a.Kind, (SELECT {_floor.ListOf("Alias", _floor.IsPostgres ? "chr(31)" : "char(31)")} FROM ActorAliases x WHERE x.ActorId = a.Id) FROM Actors a");
        return $"{claimTotal}/{reportTotal}/{claims.Count}/{reports.Count}/{string.Join(",", claims.Select(c => c[0]))}";
    }

    /// <summary>
    /// The data the board is derived from: items, status changes with their evidence, the claims cited as
    /// evidence, and the recent denials on the track's items (the only other claims the derivation reads).
    /// </summary>
    private string BoardFloor(int trackId)
    {
        _floor.Rows("SELECT ActorId FROM TrackParticipants WHERE TrackId = $t AND Role = 'Party'", ("$t", trackId));
        var items = _floor.Rows("SELECT Id, Title, Category, Description FROM AgendaItems WHERE TrackId = $t ORDER BY Category, Title", ("$t", trackId));
        var steps = _floor.Rows($"""
            SELECT s.Id, s.AgendaItemId, s.Status, s.AsOf, s.Note, s.MeetingId, m.Title, s.RecordedAt,
                   (SELECT {_floor.ListOf("e.ClaimId")} FROM AgendaStatusEvidence e WHERE e.AgendaStatusChangeId = s.Id)
            FROM AgendaStatusChanges s JOIN AgendaItems a ON a.Id = s.AgendaItemId LEFT JOIN Meetings m ON m.Id = s.MeetingId
            WHERE a.TrackId = $t ORDER BY s.AsOf, s.Id
            """, ("$t", trackId));
        const string claimFacts = """
            SELECT c.Id, c.ReportId, c.SourceId, c.ViaSourceId, r.Outlet, r.PublishedOn, r.TakenInAt, s.Reliability, c.Credibility, c.Stance, s.AffiliationActorId, aa.ParentActorId
            FROM Claims c JOIN Reports r ON r.Id = c.ReportId LEFT JOIN Sources s ON s.Id = c.SourceId LEFT JOIN Actors aa ON aa.Id = s.AffiliationActorId
            """;
        _floor.Rows($"""
            {claimFacts}
            WHERE c.Id IN (SELECT e.ClaimId FROM AgendaStatusEvidence e JOIN AgendaStatusChanges s ON s.Id = e.AgendaStatusChangeId JOIN AgendaItems a ON a.Id = s.AgendaItemId WHERE a.TrackId = $t)
            """, ("$t", trackId));
        // Denials not older than each item's newest reported status (the product reads from its derived status's
        // date, which is never later: this floor reads at most as many).
        _floor.Rows($"""
            {claimFacts}
            WHERE c.Id IN (SELECT d.ClaimId FROM AgendaItemDenials d JOIN AgendaItems a ON a.Id = d.AgendaItemId
                           WHERE a.TrackId = $t AND d.Date >= (SELECT max(s.AsOf) FROM AgendaStatusChanges s WHERE s.AgendaItemId = d.AgendaItemId))
            """, ("$t", trackId));
        var evidence = steps.Sum(s => s[8] is string e ? e.Split(',').Length : 0);
        return $"{items.Count}|{steps.Count}|{evidence}";
    }

    private static string StandingsSignature(TrackStandings? s) =>
        s is null ? "none" : $"{s.Items.Count}|{s.Items.Sum(i => i.PositionCount)}";

    /// <summary>
    /// What the standings are derived from, read as the product reads it: the track, its items, each party's line on
    /// each item with its count and the positions the gap rules need (first and latest, dated and undated, the last
    /// before the window), per line the run of the latest kind back to the position before it, then those positions
    /// with their party and claims' ids.
    /// </summary>
    private string StandingsFloor(int trackId, DateOnly asOf)
    {
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var windowStart = asOf.AddDays(-TalksTracker.Domain.Positions.GapRules.DefaultWindowDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string counts = "(q.AsOfStart IS NULL OR q.AsOfStart <= $d) AND EXISTS (SELECT 1 FROM PositionEvidence e WHERE e.PositionId = q.Id)";
        const string line = "q.AgendaItemId = l.AgendaItemId AND q.PartyActorId = l.PartyActorId AND " + counts;
        _floor.Rows("SELECT Id, Name FROM Tracks WHERE Id = $t", ("$t", trackId));
        var items = _floor.Rows("SELECT Id, Title FROM AgendaItems WHERE TrackId = $t ORDER BY Id", ("$t", trackId));
        var lines = _floor.Rows($"""
            SELECT l.n,
              (SELECT q.Id FROM Positions q WHERE {line} AND q.AsOfSort IS NOT NULL ORDER BY q.AsOfSort DESC, q.Id DESC LIMIT 1),
              (SELECT q.Id FROM Positions q WHERE {line} AND q.AsOfSort IS NOT NULL ORDER BY q.AsOfSort, q.Id LIMIT 1),
              (SELECT q.Id FROM Positions q WHERE {line} AND q.AsOfSort IS NOT NULL AND q.AsOfEnd < $w ORDER BY q.AsOfSort DESC, q.Id DESC LIMIT 1),
              (SELECT q.Id FROM Positions q WHERE {line} AND q.AsOfSort IS NULL ORDER BY q.Id DESC LIMIT 1),
              (SELECT q.Id FROM Positions q WHERE {line} AND q.AsOfSort IS NULL ORDER BY q.Id LIMIT 1)
            FROM (SELECT p.AgendaItemId, p.PartyActorId, count(*) AS n FROM Positions p JOIN AgendaItems i ON i.Id = p.AgendaItemId
                  WHERE i.TrackId = $t GROUP BY p.AgendaItemId, p.PartyActorId) l
            """, ("$t", trackId), ("$d", day), ("$w", windowStart));
        var wanted = lines.SelectMany(l => l.Skip(1)).Where(v => v is not null and not DBNull).Select(Convert.ToInt64).ToHashSet();
        var latest = lines.Select(l => l[1]).Where(v => v is not null and not DBNull).Select(Convert.ToInt64).ToList();
        var breakers = latest.Count == 0 ? [] : _floor.Rows($"""
            SELECT (SELECT b.Id FROM Positions b WHERE b.AgendaItemId = l.AgendaItemId AND b.PartyActorId = l.PartyActorId AND b.Kind <> l.Kind
                      AND b.AsOfSort IS NOT NULL AND (b.AsOfSort < l.AsOfSort OR (b.AsOfSort = l.AsOfSort AND b.Id < l.Id))
                      AND (b.AsOfStart IS NULL OR b.AsOfStart <= $d) AND EXISTS (SELECT 1 FROM PositionEvidence e WHERE e.PositionId = b.Id)
                    ORDER BY b.AsOfSort DESC, b.Id DESC LIMIT 1)
            FROM Positions l WHERE l.Id IN ({string.Join(", ", latest)})
            """, ("$d", day)).Select(r => r[0]).Where(v => v is not null and not DBNull).Select(Convert.ToInt64).ToList();
        if (breakers.Count > 0)
        {
            wanted.UnionWith(breakers);
            wanted.UnionWith(_floor.Rows($"""
                SELECT (SELECT q.Id FROM Positions q WHERE q.AgendaItemId = l.AgendaItemId AND q.PartyActorId = l.PartyActorId AND {counts}
                          AND q.AsOfSort IS NOT NULL AND (q.AsOfSort > l.AsOfSort OR (q.AsOfSort = l.AsOfSort AND q.Id > l.Id))
                        ORDER BY q.AsOfSort, q.Id LIMIT 1)
                FROM Positions l WHERE l.Id IN ({string.Join(", ", breakers)})
                """, ("$d", day)).Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));
        }

        if (wanted.Count > 0)
        {
            _floor.Rows($"""
                SELECT p.Id, p.AgendaItemId, a.Name, p.Kind, p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel,
                  (SELECT {_floor.ListOf("e.ClaimId", "' '")} FROM PositionEvidence e WHERE e.PositionId = p.Id)
                FROM Positions p JOIN Actors a ON a.Id = p.PartyActorId WHERE p.Id IN ({string.Join(", ", wanted)})
                """);
        }

        return $"{items.Count}|{lines.Sum(l => Convert.ToInt64(l[0], CultureInfo.InvariantCulture))}";
    }

    private string DigestFloor(int trackId, DateOnly since)
    {
        var from = since.ToString("yyyy-MM-dd") + " 00:00:00";
        var meetings = _floor.Rows("SELECT Id, Title, DatePrecision, DateStart, DateEnd, DateLabel, Status, RecordedAt FROM Meetings WHERE TrackId = $t AND RecordedAt >= $f ORDER BY RecordedAt DESC", ("$t", trackId), ("$f", from));
        var changes = _floor.Rows("SELECT s.AgendaItemId, a.Title, s.Status, s.AsOf, s.Note, s.RecordedAt FROM AgendaStatusChanges s JOIN AgendaItems a ON a.Id = s.AgendaItemId WHERE a.TrackId = $t AND s.RecordedAt >= $f ORDER BY s.RecordedAt DESC, a.Title", ("$t", trackId), ("$f", from));
        // Each claim tested from its own links ("+ 0": not through the track's meetings, thousands per claim on track 1).
        const string aboutTrack = """
            (EXISTS (SELECT 1 FROM ClaimMeetings cm JOIN Meetings m ON m.Id = cm.MeetingId WHERE cm.ClaimId = c.Id AND m.TrackId + 0 = $t)
             OR EXISTS (SELECT 1 FROM ClaimAgendaItems ca JOIN AgendaItems a ON a.Id = ca.AgendaItemId WHERE ca.ClaimId = c.Id AND a.TrackId + 0 = $t))
            """;
        // A source new since the date and heard since then on this track (the generator back-dates claims, not sources).
        var sources = _floor.Rows($"""
            SELECT s.Id, s.Name, s.Kind, s.Reliability, s.RecordedAt FROM Sources s
            WHERE s.RecordedAt >= $f AND EXISTS (SELECT 1 FROM Claims c WHERE (c.SourceId = s.Id OR c.ViaSourceId = s.Id) AND c.RecordedAt >= $f AND {aboutTrack})
            ORDER BY s.Name
            """, ("$t", trackId), ("$f", from));
        var denials = _floor.Rows($"{ClaimViewSql} WHERE c.Stance = 'Denies' AND c.RecordedAt >= $f AND {aboutTrack} ORDER BY c.RecordedAt DESC", ("$t", trackId), ("$f", from));
        // The position changes (#24): each counting position recorded since the date, with the same party's counting
        // stance before it on the item, sought back along the item's party line.
        var positions = _floor.Rows("""
            SELECT p.Id, p.AgendaItemId, i.Title, a.Name, p.Kind, p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel, p.RecordedAt,
              (SELECT q.Kind FROM Positions q WHERE q.AgendaItemId = p.AgendaItemId AND q.PartyActorId = p.PartyActorId AND q.Id <> p.Id
                 AND (q.AsOfSort < p.AsOfSort OR (q.AsOfSort = p.AsOfSort AND q.Id < p.Id) OR (q.AsOfSort IS NULL AND p.AsOfSort IS NOT NULL))
                 AND EXISTS (SELECT 1 FROM PositionEvidence e WHERE e.PositionId = q.Id)
               ORDER BY q.AsOfSort DESC, q.Id DESC LIMIT 1)
            FROM Positions p JOIN AgendaItems i ON i.Id = p.AgendaItemId JOIN Actors a ON a.Id = p.PartyActorId
            WHERE i.TrackId = $t AND p.RecordedAt >= $f AND EXISTS (SELECT 1 FROM PositionEvidence e WHERE e.PositionId = p.Id)
            ORDER BY p.RecordedAt DESC, p.Id DESC
            """, ("$t", trackId), ("$f", from));
        return $"{meetings.Count}|{changes.Count}|{sources.Count}|{denials.Count}|{positions.Count}";
    }
}
