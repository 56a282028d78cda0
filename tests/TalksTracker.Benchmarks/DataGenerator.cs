using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data;
using TalksTracker.Data.Derived;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Domain.Positions;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Benchmarks;

/// <summary>One report as generated: text, metadata and its claims (spans into the text).</summary>
public sealed record ReportPlan(string Title, string Text, string Outlet, DateOnly PublishedOn, DateTime TakenInAt, IReadOnlyList<ClaimPlan> Claims);

public sealed record ClaimPlan(
    int Start, int End, int? SourceId, int? ViaSourceId, Stance Stance, int Credibility, string? Cue, string? Hedge,
    int? MeetingId, int[] ActorIds, int? AgendaItemId, DateTime RecordedAt);

/// <summary>What generation did, and the ids the queries pick from.</summary>
public sealed class GeneratedData
{
    public required Scale Scale { get; init; }
    public string Mode { get; set; } = "";
    public int Reports { get; set; }
    public int Claims { get; set; }
    public double CatalogSeconds { get; set; }
    public double ImportSeconds { get; set; }
    public double PostSeconds { get; set; }
    /// <summary>Of the import time, how much went into generating the reports' text (bulk mode).</summary>
    public double GenerationSeconds { get; set; }
    /// <summary>Bulk mode with the FTS triggers off during the load: the one-off rebuild of both indexes (part of the import time).</summary>
    public double SearchRebuildSeconds { get; set; }
    /// <summary>Bulk mode: building the secondary indexes dropped for the load (part of the import time).</summary>
    public double IndexBuildSeconds { get; set; }
    /// <summary>Bulk mode: rebuilding the per-meeting and per-agenda-item figures the product keeps (part of the import time).</summary>
    public double FiguresRebuildSeconds { get; set; }
    public double ClaimsPerSecond => ImportSeconds > 0 ? Claims / ImportSeconds : 0;
    /// <summary>Bulk mode: processor time the import used (all threads); on a shared machine, wall time can be many times this.</summary>
    public double ImportCpuSeconds { get; set; }
    public double ClaimsPerCpuSecond => ImportCpuSeconds > 0 ? Claims / ImportCpuSeconds : 0;
    public double ReportsPerSecond => ImportSeconds > 0 ? Reports / ImportSeconds : 0;
    public List<double> ReportImportMs { get; } = [];
    public List<string> Errors { get; } = [];
    public long DatabaseBytes { get; set; }
    public bool Reused { get; set; }
}

/// <summary>
/// Deterministic data (fixed seed) at a <see cref="Scale"/>: the catalog (actors, tracks, venues, sources,
/// agenda items, meetings) through EF, then reports with their claims through the product's import path
/// (<see cref="IntakeService.TakeInAsync"/>, claims given) or, at L, a bulk mode of prepared raw inserts.
/// Tracks, sources, venues, outlets and words are Zipf-skewed: a few carry most claims.
/// </summary>
public sealed class DataGenerator(Scale scale, int seed = 20261127)
{
    public const string CommonWord = "security";
    public const string RareWord = "quagmire";
    public const string Phrase = "security arrangements";
    public const string Prefix = "milit";

    private static readonly DateOnly FirstDay = new(2020, 1, 1);
    private const int Days = 2500; // 2020-01-01 .. 2026-11
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Countries =
    [
        "Syria", "Israel", "Russia", "United States", "Azerbaijan", "Turkey", "Iran", "Jordan", "Lebanon", "Egypt",
        "Qatar", "Saudi Arabia", "United Arab Emirates", "Iraq", "Oman", "France", "Germany", "United Kingdom", "China", "India",
        "Pakistan", "Armenia", "Georgia", "Ukraine", "Kazakhstan", "Algeria", "Morocco", "Tunisia", "Libya", "Sudan",
        "Ethiopia", "Kenya", "Norway", "Switzerland", "Austria", "Italy", "Spain", "Greece", "Cyprus", "Bahrain",
        "Kuwait", "Yemen", "Afghanistan", "Uzbekistan", "Japan", "South Korea", "Brazil", "Mexico", "Canada", "Poland",
    ];

    private static readonly string[] Bodies = ["Army", "Foreign Ministry", "Intelligence Service", "Defence Ministry", "National Security Council"];

    private static readonly string[] Topics =
    [
        "security arrangements near the border", "deployments of heavy weapons", "the withdrawal of militias",
        "long-term guarantees", "a de-escalation mechanism", "foreign military presence", "prisoner exchanges",
        "the ceasefire line", "a monitoring mission", "air defence positions", "military deconfliction channels",
        "the return of displaced families", "security arrangements in the south", "a buffer zone",
    ];

    private static readonly string[] Verbs = ["discussed", "reviewed", "raised", "pressed for", "proposed", "agreed on", "stalled over", "made progress on"];
    private static readonly string[] Fillers =
    [
        "The report could not be independently verified.", "No official statement followed the meeting.",
        "Details of the agenda were not made public.", "Observers expect further rounds in the coming weeks.",
    ];

    private static readonly string[] Syllables = ["ka", "ri", "to", "mel", "dan", "sor", "vi", "len", "ta", "bor", "qua", "zen", "li", "mar", "tes", "no", "fa", "gul"];

    private readonly string[] _words = BuildWords();
    private readonly Zipf _wordZipf = new(3000, 1.05);

    // Catalog, filled by CreateCatalogAsync (or loaded from a reused database's shape, which is the same by construction).
    private string[] _actorNames = [];
    private string[] _venueNames = [];
    private string[] _outlets = [];
    private int[][] _trackParties = [];
    private int[][] _meetingsByTrack = [];
    private int[] _meetingVenue = [];

    public Scale Scale => scale;

    private static string[] BuildWords()
    {
        var words = new List<string>();
        foreach (var a in Syllables)
        {
            foreach (var b in Syllables)
            {
                words.Add(a + b);
                foreach (var c in Syllables)
                {
                    words.Add(a + b + c);
                }
            }
        }

        var random = new Random(7);
        return words.OrderBy(_ => random.Next()).Take(3000).ToArray();
    }

    private static string Stamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Actors, tracks with parties and mediators, venues, agenda items, sources and meetings, with ids 1..n.</summary>
    public async Task CreateCatalogAsync(IDbContextFactory<TalksTrackerDbContext> contexts, bool write, CancellationToken ct)
    {
        var random = new Random(seed);
        var actors = new List<Actor>();
        for (var i = 0; i < scale.Actors; i++)
        {
            var name = i < Countries.Length ? Countries[i] : $"{Countries[i % Countries.Length]} {Bodies[(i / Countries.Length) % Bodies.Length]}{(i >= Countries.Length * (Bodies.Length + 1) ? $" {i}" : "")}";
            actors.Add(new Actor
            {
                Id = i + 1,
                Name = name,
                Kind = i < Countries.Length ? ActorKind.State : ActorKind.StateBody,
                ParentActorId = i < Countries.Length ? null : (i % Countries.Length) + 1,
                RecordedAt = Now.AddDays(-Days),
            });
        }

        _actorNames = actors.Select(a => a.Name).ToArray();
        var states = Math.Min(scale.Actors, Countries.Length);

        var venues = new List<Venue>();
        for (var i = 0; i < scale.Venues; i++)
        {
            venues.Add(new Venue { Id = i + 1, Name = $"{Countries[(i * 7 + 4) % Countries.Length]} venue {i + 1}", CountryActorId = ((i * 7 + 4) % states) + 1, RecordedAt = Now.AddDays(-Days) });
        }

        _venueNames = venues.Select(v => v.Name).ToArray();
        _outlets = Enumerable.Range(0, 40).Select(i => $"{Countries[i % Countries.Length]} {(i < Countries.Length ? "media" : "daily")}").ToArray();

        var tracks = new List<Track>();
        var participants = new List<TrackParticipant>();
        var agenda = new List<AgendaItem>();
        var categories = Enum.GetValues<AgendaCategory>();
        _trackParties = new int[scale.Tracks][];
        for (var t = 0; t < scale.Tracks; t++)
        {
            var a = random.Next(states) + 1;
            var b = a;
            while (b == a)
            {
                b = random.Next(states) + 1;
            }

            var mediator = a;
            while (mediator == a || mediator == b)
            {
                mediator = random.Next(states) + 1;
            }

            _trackParties[t] = [a, b, mediator];
            tracks.Add(new Track { Id = t + 1, Name = $"{_actorNames[a - 1]}–{_actorNames[b - 1]} security track {t + 1}", RecordedAt = Now.AddDays(-Days) });
            var acks = Enum.GetValues<Acknowledgement>();
            participants.Add(new TrackParticipant { TrackId = t + 1, ActorId = a, Role = TrackRole.Party, Acknowledgement = acks[random.Next(acks.Length)] });
            participants.Add(new TrackParticipant { TrackId = t + 1, ActorId = b, Role = TrackRole.Party, Acknowledgement = acks[random.Next(acks.Length)] });
            participants.Add(new TrackParticipant { TrackId = t + 1, ActorId = mediator, Role = TrackRole.Mediator, Acknowledgement = Acknowledgement.Acknowledged });
            for (var k = 0; k < scale.AgendaItemsPerTrack; k++)
            {
                agenda.Add(new AgendaItem
                {
                    Id = t * scale.AgendaItemsPerTrack + k + 1,
                    TrackId = t + 1,
                    Title = $"{Topics[(t + k) % Topics.Length]} ({t + 1}.{k + 1})",
                    Category = categories[k % categories.Length],
                    RecordedAt = Now.AddDays(-Days),
                });
            }
        }

        var sources = new List<Source>();
        var kinds = Enum.GetValues<SourceKind>();
        for (var i = 0; i < scale.Sources; i++)
        {
            var u = random.NextDouble();
            var reliability = u < 0.05 ? Reliability.A : u < 0.25 ? Reliability.B : u < 0.6 ? Reliability.C : u < 0.85 ? Reliability.D : u < 0.95 ? Reliability.E : Reliability.F;
            sources.Add(new Source
            {
                Id = i + 1,
                Name = $"source {i + 1}: a {(i % 3 == 0 ? "senior" : "")} {_actorNames[i % states]} security official".Replace("  ", " "),
                Kind = kinds[random.Next(kinds.Length)],
                AffiliationActorId = random.NextDouble() < 0.7 ? (i % states) + 1 : null,
                Reliability = reliability,
                RecordedAt = Now.AddDays(-random.Next(Days)),
            });
        }

        var trackZipf = new Zipf(scale.Tracks, 1.0);
        var venueZipf = new Zipf(scale.Venues, 1.0);
        var meetings = new List<Meeting>();
        var byTrack = Enumerable.Range(0, scale.Tracks).Select(_ => new List<int>()).ToArray();
        _meetingVenue = new int[scale.Meetings];
        for (var i = 0; i < scale.Meetings; i++)
        {
            var t = i < scale.Tracks ? i : trackZipf.Next(random);
            var day = FirstDay.AddDays(random.Next(Days));
            var p = random.NextDouble();
            var date = p < 0.7 ? FuzzyDate.Exact(day)
                : p < 0.85 ? FuzzyDate.Month(day.Year, day.Month)
                : p < 0.97 ? FuzzyDate.Approximate(day, day.AddDays(21), "recent weeks")
                : FuzzyDate.Unknown;
            var venue = random.NextDouble() < 0.9 ? venueZipf.Next(random) + 1 : (int?)null;
            _meetingVenue[i] = venue ?? 0;
            var meeting = new Meeting
            {
                Id = i + 1,
                TrackId = t + 1,
                VenueId = venue,
                Title = $"{tracks[t].Name}: round {byTrack[t].Count + 1}",
                Format = (MeetingFormat)random.Next(4),
                Status = (MeetingStatus)random.Next(3),
                RecordedAt = Now.AddDays(-random.Next(Days)),
                Date = date,
            };
            meeting.Participants = _trackParties[t].Take(2).Select(a => new MeetingParticipant { ActorId = a, Level = "senior security officials" }).ToList();
            meetings.Add(meeting);
            byTrack[t].Add(i + 1);
        }

        _meetingsByTrack = byTrack.Select(l => l.ToArray()).ToArray();
        if (!write)
        {
            return;
        }

        using var acting = CurrentActor.As("benchmark");
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Actors.AddRange(actors);
        db.Venues.AddRange(venues);
        db.Tracks.AddRange(tracks);
        db.TrackParticipants.AddRange(participants);
        db.AgendaItems.AddRange(agenda);
        db.Sources.AddRange(sources);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in meetings.Chunk(2_000))
        {
            await using var mdb = await contexts.CreateDbContextAsync(ct);
            mdb.Meetings.AddRange(chunk);
            await mdb.SaveChangesAsync(ct);
        }
    }

    /// <summary>Report number <paramref name="index"/> (0-based), the same whatever the mode: its own seeded Random.</summary>
    public ReportPlan PlanReport(int index)
    {
        var random = new Random(unchecked(seed * 31 + index * 1_000_003 + 0x5eed)); // not HashCode: that is randomised per process
        var claimsTotal = scale.Claims;
        var perReport = claimsTotal / scale.Reports;
        // Claims per report vary around the mean; the last report takes the remainder so totals are exact.
        var claimCount = index == scale.Reports - 1
            ? claimsTotal - perReport * (scale.Reports - 1) - 0
            : perReport;
        var trackZipf = TrackZipf;
        var t = trackZipf.Next(random);
        var trackMeetings = _meetingsByTrack[t];
        var meetingId = trackMeetings.Length == 0 ? (int?)null : trackMeetings[random.Next(trackMeetings.Length)];
        var parties = _trackParties[t];
        var venueName = meetingId is { } m && _meetingVenue[m - 1] > 0 ? _venueNames[_meetingVenue[m - 1] - 1] : "an undisclosed location";
        var published = FirstDay.AddDays(random.Next(Days));
        var outlet = _outlets[OutletZipf.Next(random)];

        var text = new StringBuilder();
        var title = $"Report {index + 1}: {_actorNames[parties[0] - 1]} and {_actorNames[parties[1] - 1]} talks in {venueName}";
        text.Append(title).Append('\n');
        var claims = new List<ClaimPlan>();
        var sentences = claimCount + 2;
        var fillerAt = random.Next(sentences);
        var filler2At = random.Next(sentences);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(s % 4 == 0 ? '\n' : ' ');
            }

            if ((s == fillerAt || s == filler2At) && sentences - s > claimCount - claims.Count)
            {
                text.Append(Fillers[random.Next(Fillers.Length)]);
                continue;
            }

            if (claims.Count == claimCount)
            {
                text.Append(Fillers[random.Next(Fillers.Length)]);
                continue;
            }

            var p = random.NextDouble();
            var stance = p < 0.7 ? Stance.Asserts : p < 0.85 ? Stance.Hedged : Stance.Denies;
            var a = parties[random.Next(2)];
            var b = parties[random.Next(3)];
            var sourceId = random.NextDouble() < 0.9 ? SourceZipf.Next(random) + 1 : (int?)null;
            var via = sourceId is not null && random.NextDouble() < 0.1 ? SourceZipf.Next(random) + 1 : (int?)null;
            var agendaItem = random.NextDouble() < 0.3 ? t * scale.AgendaItemsPerTrack + random.Next(scale.AgendaItemsPerTrack) + 1 : (int?)null;
            var topic = agendaItem is { } ai ? Topics[(t + (ai - 1) % scale.AgendaItemsPerTrack) % Topics.Length] : Topics[random.Next(Topics.Length)];
            var lead = stance switch
            {
                Stance.Asserts => random.NextDouble() < 0.5 ? "A senior security source said" : "Officials said",
                Stance.Hedged => "Reportedly,",
                _ => $"{_actorNames[a - 1]} denied that",
            };
            var start = text.Length;
            text.Append(lead).Append(' ').Append(_actorNames[a - 1]).Append(" and ").Append(_actorNames[b - 1]).Append(' ')
                .Append(Verbs[random.Next(Verbs.Length)]).Append(' ').Append(topic).Append(" in ").Append(venueName);
            var fillerWords = 6 + random.Next(8);
            text.Append(',');
            for (var w = 0; w < fillerWords; w++)
            {
                text.Append(' ').Append(_words[_wordZipf.Next(random)]);
            }

            if (random.NextDouble() < 0.0003)
            {
                text.Append(' ').Append(RareWord);
            }

            text.Append('.');
            var end = text.Length;
            var actorIds = a == b ? new[] { a } : [a, b];
            claims.Add(new ClaimPlan(start, end, sourceId, via, stance, 1 + random.Next(6),
                stance == Stance.Hedged ? "reportedly" : stance == Stance.Denies ? "denied" : "said",
                stance == Stance.Hedged ? "reportedly" : null,
                random.NextDouble() < 0.8 ? meetingId : null, actorIds, agendaItem,
                published.ToDateTime(new TimeOnly(random.Next(24), random.Next(60)), DateTimeKind.Utc).AddDays(random.Next(3))));
        }

        var takenIn = published.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).AddDays(random.Next(3));
        return new ReportPlan(title, text.ToString(), outlet, published, takenIn, claims);
    }

    private Zipf? _trackZipf;
    private Zipf? _sourceZipf;
    private Zipf? _outletZipf;
    private Zipf TrackZipf => _trackZipf ??= new Zipf(scale.Tracks, 1.0);
    private Zipf SourceZipf => _sourceZipf ??= new Zipf(scale.Sources, 1.0);
    private Zipf OutletZipf => _outletZipf ??= new Zipf(_outlets.Length, 1.0);

    /// <summary>The product's import path, one report at a time, as a script would submit them.</summary>
    public async Task ImportThroughIntakeAsync(IntakeService intake, GeneratedData data, Action<string> log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var each = new Stopwatch();
        for (var i = 0; i < scale.Reports; i++)
        {
            var plan = PlanReport(i);
            var submission = new ReportSubmission
            {
                Title = plan.Title,
                Text = plan.Text,
                Format = null,
                Outlet = plan.Outlet,
                Url = $"https://news.example/{i + 1}",
                PublishedOn = plan.PublishedOn,
                Language = "en",
                Claims = plan.Claims.Select(c => new SubmittedClaim(c.Start, c.End, c.SourceId, null, c.Stance, c.Credibility, c.Cue, c.Hedge,
                    c.MeetingId is { } m ? [m] : null, c.AgendaItemId is { } a ? [a] : null, c.ActorIds)).ToList(),
            };
            each.Restart();
            var outcome = await intake.TakeInAsync(submission, ct);
            data.ReportImportMs.Add(each.Elapsed.TotalMilliseconds);
            if (!outcome.Succeeded || outcome.Value!.AlreadyPresent)
            {
                data.Errors.Add($"import of report {i + 1} failed: {Describe(outcome)}");
                continue;
            }

            data.Reports++;
            data.Claims += outcome.Value.Claims;
            if ((i + 1) % Math.Max(1, scale.Reports / 10) == 0)
            {
                log($"  imported {i + 1:N0}/{scale.Reports:N0} reports, {data.Claims:N0} claims, {data.Claims / watch.Elapsed.TotalSeconds:N0} claims/s");
            }
        }

        data.ImportSeconds = watch.Elapsed.TotalSeconds;
    }

    private static string Describe<T>(TalksTracker.Data.Common.Outcome<T> outcome) =>
        outcome.Succeeded ? "already present" : string.Join("; ", outcome.Errors!.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    /// <summary>
    /// Bulk mode: raw inserts with prepared commands on one connection, one transaction per batch of
    /// <see cref="BulkBatch"/> reports. For the load only: synchronous OFF (a crash mid-load leaves a database to
    /// throw away, never a half-imported one that is kept), a large page cache, and the secondary indexes of the
    /// tables written dropped and created again at the end from their own SQL (one sorted build instead of a
    /// random insert per row). The FTS5 indexes are rebuilt once at the end (or, with <paramref name="rebuildSearch"/>
    /// false, kept by the product's triggers per row), the figures the product keeps per meeting and agenda item
    /// are rebuilt, all inside the timing; then the WAL is checkpointed and the connection's settings put back.
    /// Foreign keys stay on throughout, so every link is checked as the product's path checks it.
    /// </summary>
    public async Task ImportBulkAsync(
        string connectionString, IDbContextFactory<TalksTrackerDbContext> contexts, bool rebuildSearch, GeneratedData data, Action<string> log, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY;", ct);
        var watch = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var indexes = await DropAsync(connection, "index", "tbl_name IN ('Reports', 'Claims', 'ClaimMeetings', 'ClaimActors', 'ClaimAgendaItems') AND sql IS NOT NULL", ct);

        var insertReport = Prepare(connection, "INSERT INTO Reports (Id, Title, Outlet, Url, PublishedOn, Language, Text, ContentHash, TakenInAt, Version) VALUES ($id, $title, $outlet, $url, $published, 'en', $text, $hash, $takenIn, $version)",
            "$id", "$title", "$outlet", "$url", "$published", "$text", "$hash", "$takenIn", "$version");
        var insertClaim = Prepare(connection, "INSERT INTO Claims (Id, ReportId, Start, \"End\", Quote, SourceId, ViaSourceId, Stance, Credibility, Cue, Hedge, Version, RecordedAt) VALUES ($id, $report, $start, $end, $quote, $source, $via, $stance, $cred, $cue, $hedge, $version, $recorded)",
            "$id", "$report", "$start", "$end", "$quote", "$source", "$via", "$stance", "$cred", "$cue", "$hedge", "$version", "$recorded");
        var insertMeeting = Prepare(connection, "INSERT INTO ClaimMeetings (ClaimId, MeetingId) VALUES ($c, $x)", "$c", "$x");
        var insertActor = Prepare(connection, "INSERT INTO ClaimActors (ClaimId, ActorId) VALUES ($c, $x)", "$c", "$x");
        var insertAgenda = Prepare(connection, "INSERT INTO ClaimAgendaItems (ClaimId, AgendaItemId) VALUES ($c, $x)", "$c", "$x");

        // FTS: the product's insert triggers are dropped for the load and both indexes rebuilt once at the
        // end (inside the timed import), then the triggers are put back exactly as the migration wrote them.
        var triggers = rebuildSearch
            ? await DropAsync(connection, "trigger", "name IN ('Claims_AfterInsert_Search', 'Reports_AfterInsert_Search')", ct)
            : [];

        // The reports' text, fingerprint and row values are made on the other core while this one inserts.
        var planning = new Stopwatch();
        var prepared = Channel.CreateBounded<PreparedReport>(new BoundedChannelOptions(2_000) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < scale.Reports; i++)
                {
                    planning.Start();
                    var report = Prepare(i);
                    planning.Stop();
                    await prepared.Writer.WriteAsync(report, ct);
                }

                prepared.Writer.Complete();
            }
            catch (Exception e)
            {
                prepared.Writer.Complete(e);
            }
        }, ct);

        var claimId = 0;
        const int batch = BulkBatch;
        for (var first = 0; first < scale.Reports; first += batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            foreach (var command in new[] { insertReport, insertClaim, insertMeeting, insertActor, insertAgenda })
            {
                command.Transaction = transaction;
            }

            for (var i = first; i < Math.Min(scale.Reports, first + batch); i++)
            {
                var r = await prepared.Reader.ReadAsync(ct);
                Set(insertReport, r.Index + 1, r.Plan.Title, r.Plan.Outlet, $"https://news.example/{r.Index + 1}", r.PublishedOn, r.Text, r.Hash, r.TakenInAt, r.Version);
                insertReport.ExecuteNonQuery();
                for (var k = 0; k < r.Plan.Claims.Count; k++)
                {
                    var c = r.Plan.Claims[k];
                    var row = r.Claims[k];
                    claimId++;
                    Set(insertClaim, claimId, r.Index + 1, c.Start, c.End, row.Quote, c.SourceId, c.ViaSourceId, row.Stance, c.Credibility,
                        c.Cue, c.Hedge, row.Version, row.RecordedAt);
                    insertClaim.ExecuteNonQuery();
                    if (c.MeetingId is { } m)
                    {
                        Set(insertMeeting, claimId, m);
                        insertMeeting.ExecuteNonQuery();
                    }

                    foreach (var a in c.ActorIds)
                    {
                        Set(insertActor, claimId, a);
                        insertActor.ExecuteNonQuery();
                    }

                    if (c.AgendaItemId is { } ai)
                    {
                        Set(insertAgenda, claimId, ai);
                        insertAgenda.ExecuteNonQuery();
                    }
                }

                data.Reports++;
            }

            await transaction.CommitAsync(ct);
            data.Claims = claimId;
            if ((first / batch) % Math.Max(1, scale.Reports / batch / 10) == 0)
            {
                log($"  bulk: {data.Reports:N0}/{scale.Reports:N0} reports, {claimId:N0} claims, {claimId / watch.Elapsed.TotalSeconds:N0} claims/s (generating the text: {planning.Elapsed.TotalSeconds:0.0} s, alongside)");
            }
        }

        await producer;
        var finish = Stopwatch.StartNew();
        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, index, ct);
        }

        data.IndexBuildSeconds = finish.Elapsed.TotalSeconds;
        log($"  secondary indexes built in {data.IndexBuildSeconds:0.0} s");
        if (rebuildSearch)
        {
            var rebuild = Stopwatch.StartNew();
            await ExecuteAsync(connection, "INSERT INTO ClaimSearch(ClaimSearch) VALUES ('rebuild'); INSERT INTO ReportSearch(ReportSearch) VALUES ('rebuild');", ct);
            foreach (var trigger in triggers)
            {
                await ExecuteAsync(connection, trigger, ct);
            }

            data.SearchRebuildSeconds = rebuild.Elapsed.TotalSeconds;
            log($"  FTS5 indexes rebuilt in {data.SearchRebuildSeconds:0.0} s");
        }

        var figures = Stopwatch.StartNew();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await DerivedFigures.RebuildAllAsync(db, ct);
            await transaction.CommitAsync(ct);
        }

        data.FiguresRebuildSeconds = figures.Elapsed.TotalSeconds;
        log($"  per-meeting and per-agenda-item figures rebuilt in {data.FiguresRebuildSeconds:0.0} s");
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        data.ImportSeconds = watch.Elapsed.TotalSeconds;
        data.ImportCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
        data.GenerationSeconds = planning.Elapsed.TotalSeconds;
        // The connection goes back to the pool: give it the product's settings again.
        await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;", ct);
    }

    /// <summary>A report ready to insert: its plan, canonical text, fingerprint and the values of its rows.</summary>
    private sealed record PreparedReport(
        int Index, ReportPlan Plan, string Text, string Hash, string PublishedOn, string TakenInAt, string Version,
        IReadOnlyList<(string Quote, string Stance, string Version, string RecordedAt)> Claims);

    private PreparedReport Prepare(int index)
    {
        var plan = PlanReport(index);
        var text = ReportInputCanonical(plan.Text);
        return new PreparedReport(index, plan, text, ReportFingerprint.Of(text), plan.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Stamp(plan.TakenInAt), NewGuid(),
            plan.Claims.Select(c => (text[c.Start..c.End], c.Stance.ToString(), NewGuid(), Stamp(c.RecordedAt))).ToList());
    }

    /// <summary>Reports per transaction in bulk mode.</summary>
    public const int BulkBatch = 5_000;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops the schema objects of a type matching a condition; returns their SQL to create them again.</summary>
    private static async Task<List<string>> DropAsync(SqliteConnection connection, string type, string where, CancellationToken ct)
    {
        var objects = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = '{type}' AND {where}";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                objects.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in objects)
        {
            await ExecuteAsync(connection, $"DROP {type.ToUpperInvariant()} \"{name}\"", ct);
        }

        return objects.Select(o => o.Sql).ToList();
    }

    // The same canonical form the intake applies to plain text (line endings, trailing space).
    private static string ReportInputCanonical(string text) => TalksTracker.Domain.Intake.ReportInput.Canonical(text);

    private static string NewGuid() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>
    /// After intake (which stamps everything "now"): back-dates claims and reports over the generated
    /// history and adds relaying ("via") sources the intake API cannot take; then records agenda status
    /// changes for half the meetings, each resting on claims about that meeting. Not part of the import timing.
    /// </summary>
    public async Task CompleteHistoryAsync(string connectionString, bool backdate, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (backdate)
        {
            var updateClaim = Prepare(connection, "UPDATE Claims SET RecordedAt = $r, ViaSourceId = $v WHERE Id = $id", "$r", "$v", "$id");
            var updateReport = Prepare(connection, "UPDATE Reports SET TakenInAt = $t WHERE Id = $id", "$t", "$id");
            updateClaim.Transaction = transaction;
            updateReport.Transaction = transaction;
            var claimIds = new List<int>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT Id FROM Claims ORDER BY ReportId, Start";
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    claimIds.Add(reader.GetInt32(0));
                }
            }

            var next = 0;
            for (var i = 0; i < scale.Reports && next < claimIds.Count; i++)
            {
                var plan = PlanReport(i);
                Set(updateReport, Stamp(plan.TakenInAt), i + 1);
                updateReport.ExecuteNonQuery();
                foreach (var c in plan.Claims)
                {
                    Set(updateClaim, Stamp(c.RecordedAt), c.ViaSourceId, claimIds[next++]);
                    updateClaim.ExecuteNonQuery();
                }
            }
        }

        var evidence = new Dictionary<int, (int Min, int Max)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT MeetingId, min(ClaimId), max(ClaimId) FROM ClaimMeetings GROUP BY MeetingId";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                evidence[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2));
            }
        }

        var meetings = new List<(int Id, int TrackId, string? SortDate)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id, TrackId, SortDate FROM Meetings ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                meetings.Add((reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        var insertChange = Prepare(connection, "INSERT INTO AgendaStatusChanges (Id, AgendaItemId, Status, MeetingId, AsOf, Note, RecordedAt) VALUES ($id, $item, $status, $meeting, $asOf, $note, $recorded)",
            "$id", "$item", "$status", "$meeting", "$asOf", "$note", "$recorded");
        var insertEvidence = Prepare(connection, "INSERT OR IGNORE INTO AgendaStatusEvidence (AgendaStatusChangeId, ClaimId) VALUES ($s, $c)", "$s", "$c");
        insertChange.Transaction = transaction;
        insertEvidence.Transaction = transaction;
        var random = new Random(seed + 1);
        var statuses = Enum.GetValues<AgendaStatus>();
        var changeId = 0;
        foreach (var (id, trackId, sortDate) in meetings)
        {
            if (random.NextDouble() >= 0.5 || !evidence.TryGetValue(id, out var claims))
            {
                continue;
            }

            changeId++;
            var asOf = sortDate ?? FirstDay.AddDays(random.Next(Days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var item = (trackId - 1) * scale.AgendaItemsPerTrack + random.Next(scale.AgendaItemsPerTrack) + 1;
            var recorded = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc).AddDays(random.Next(5));
            Set(insertChange, changeId, item, statuses[random.Next(statuses.Length)].ToString(), id, asOf, random.NextDouble() < 0.3 ? "as reported" : null, Stamp(recorded));
            insertChange.ExecuteNonQuery();
            Set(insertEvidence, changeId, claims.Min);
            insertEvidence.ExecuteNonQuery();
            Set(insertEvidence, changeId, claims.Max);
            insertEvidence.ExecuteNonQuery();
        }

        await AddPositionsAsync(connection, transaction, meetings, evidence, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>How many positions a run makes: one for every fifth claim (200,000 at L).</summary>
    public int Positions => scale.Claims / 5;

    /// <summary>
    /// Positions on meetings drawn at random (so the Zipf head track, with the most meetings, gets the most): an item
    /// of the meeting's track, one of its two parties, any kind, dated by the meeting (or any day of the history when it
    /// has none) and resting on one or two claims about it.
    /// </summary>
    private async Task AddPositionsAsync(SqliteConnection connection, SqliteTransaction transaction,
        List<(int Id, int TrackId, string? SortDate)> meetings, Dictionary<int, (int Min, int Max)> evidence, CancellationToken ct)
    {
        var parties = new Dictionary<int, List<int>>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT TrackId, ActorId FROM TrackParticipants WHERE Role = 'Party' ORDER BY TrackId, ActorId";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var trackId = reader.GetInt32(0);
                (parties.TryGetValue(trackId, out var list) ? list : parties[trackId] = []).Add(reader.GetInt32(1));
            }
        }

        var insertPosition = Prepare(connection, """
            INSERT INTO Positions (Id, AgendaItemId, PartyActorId, Kind, Wording, AsOfPrecision, AsOfStart, AsOfEnd, AsOfLabel, AsOfSort, Version, RecordedAt)
            VALUES ($id, $item, $party, $kind, $wording, $precision, $start, $end, $label, $sort, $version, $recorded)
            """, "$id", "$item", "$party", "$kind", "$wording", "$precision", "$start", "$end", "$label", "$sort", "$version", "$recorded");
        var insertEvidence = Prepare(connection, "INSERT OR IGNORE INTO PositionEvidence (PositionId, ClaimId) VALUES ($p, $c)", "$p", "$c");
        insertPosition.Transaction = transaction;
        insertEvidence.Transaction = transaction;
        var drawn = meetings.Where(m => evidence.ContainsKey(m.Id) && parties.ContainsKey(m.TrackId)).ToList();
        var random = new Random(seed + 2);
        var kinds = Enum.GetValues<PositionKind>();
        for (var id = 1; id <= Positions && drawn.Count > 0; id++)
        {
            var (meetingId, trackId, sortDate) = drawn[random.Next(drawn.Count)];
            var day = sortDate is null ? FirstDay.AddDays(random.Next(Days)) : DateOnly.ParseExact(sortDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var kind = kinds[random.Next(kinds.Length)];
            // The entity computes the stored date parts, as the product's saves do.
            var position = new Position { Wording = $"{kind.Words()} stated at meeting {meetingId}", AsOf = FuzzyDate.Exact(day) };
            var party = parties[trackId][random.Next(parties[trackId].Count)];
            var item = (trackId - 1) * scale.AgendaItemsPerTrack + random.Next(scale.AgendaItemsPerTrack) + 1;
            Set(insertPosition, id, item, party, kind.ToString(), position.Wording, position.AsOfPrecision.ToString(), DayText(position.AsOfStart),
                DayText(position.AsOfEnd), position.AsOfLabel, DayText(position.AsOfSort), NewGuid(), Stamp(day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc)));
            insertPosition.ExecuteNonQuery();
            var (min, max) = evidence[meetingId];
            Set(insertEvidence, id, min);
            insertEvidence.ExecuteNonQuery();
            if (random.NextDouble() < 0.5)
            {
                Set(insertEvidence, id, max);
                insertEvidence.ExecuteNonQuery();
            }
        }
    }

    private static string? DayText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
