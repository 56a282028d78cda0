using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Positions;
using TalksTracker.Domain.Progress;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Positions;

/// <summary>
/// Parties' positions on agenda items: recorded, corrected and removed by editors through the one save pipeline (so
/// each change is audited and versioned), listed by item and by track with their backing, and the gap each item's
/// positions leave (<see cref="GapRules"/>, as of a date the caller gives or the product clock's today).
/// </summary>
public sealed class PositionService(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The kinds of actor that hold positions: not an outlet or a person, who report or voice them.</summary>
    internal static readonly ActorKind[] PartyKinds = [ActorKind.State, ActorKind.StateBody, ActorKind.NonStateArmedGroup, ActorKind.InternationalOrganisation, ActorKind.Other];

    public async Task<Outcome<PositionView>> RecordAsync(int agendaItemId, NewPosition request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.AgendaItems.AnyAsync(a => a.Id == agendaItemId, ct))
        {
            return Edits.NotFound<PositionView>("agenda item", agendaItemId);
        }

        var (checkedInput, problems) = await CheckAsync(db, request.PartyActorId, request.Kind, request.Wording, request.AsOf, request.ClaimIds, ct);
        if (checkedInput is not { } input)
        {
            return Outcome<PositionView>.Failure(problems);
        }

        var position = new Position { AgendaItemId = agendaItemId, Wording = input.Wording };
        input.ApplyTo(position);
        db.Positions.Add(position);
        await db.SaveChangesAsync(ct);
        return Outcome<PositionView>.Success((await ViewsAsync(db, db.Positions.Where(p => p.Id == position.Id), ct)).Single());
    }

    public async Task<Outcome<PositionView>> EditAsync(int id, PositionEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var position = await db.Positions.Include(p => p.Evidence).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
        {
            return Edits.NotFound<PositionView>("position", id);
        }

        var (checkedInput, problems) = await CheckAsync(db, edit.PartyActorId, edit.Kind, edit.Wording, edit.AsOf, edit.ClaimIds, ct);
        if (checkedInput is not { } input)
        {
            return Outcome<PositionView>.Failure(problems);
        }

        if (Edits.Stale<PositionView>(position, edit.Version,
                (nameof(PositionEdit.PartyActorId), input.PartyActorId, position.PartyActorId),
                (nameof(PositionEdit.Kind), input.Kind, position.Kind),
                (nameof(PositionEdit.Wording), input.Wording, position.Wording),
                (nameof(PositionEdit.AsOf), input.AsOf.Display, position.AsOf.Display),
                (nameof(PositionEdit.ClaimIds), Joined(input.ClaimIds), Joined(position.Evidence.Select(e => e.ClaimId)))) is { } stale)
        {
            return stale;
        }

        input.ApplyTo(position);
        var saved = await Edits.SaveAsync(db, position, edit.Version, () => position.Id, ct);
        return saved.Succeeded
            ? Outcome<PositionView>.Success((await ViewsAsync(db, db.Positions.Where(p => p.Id == id), ct)).Single())
            : Outcome<PositionView>.Failure(saved.Errors);
    }

    /// <summary>Removes a position (its backing rows go with it); refused when <paramref name="seenVersion"/> is not the stored one.</summary>
    public async Task<Outcome<NamedRef>> RemoveAsync(int id, Guid? seenVersion = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var position = await db.Positions.Include(p => p.Evidence).Include(p => p.PartyActor).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (position is null)
        {
            return Edits.NotFound<NamedRef>("position", id);
        }

        var name = $"{position.PartyActor!.Name}: {position.Kind.Words()}";
        if (seenVersion is { } seen && Edits.Stale<NamedRef>(position, seen) is { } stale)
        {
            return stale;
        }

        db.Positions.Remove(position);
        return await Edits.SaveAsync(db, position, seenVersion ?? position.Version, () => new NamedRef(id, name), ct);
    }

    public async Task<PositionView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await ViewsAsync(db, db.Positions.Where(p => p.Id == id), ct)).SingleOrDefault();
    }

    /// <summary>An item's positions and gap as of <paramref name="asOf"/> (today when null); null when there is no such item.</summary>
    public async Task<ItemPositions?> ForAgendaItemAsync(int agendaItemId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ItemAsync(db, agendaItemId, asOf, ct);
    }

    /// <summary>
    /// What an item's position matrix shows: its positions and gap as of <paramref name="asOf"/>, and every claim they
    /// rest on with its report and source, so each cell leads to its evidence; null when there is no such item.
    /// </summary>
    public async Task<PositionMatrix?> MatrixAsync(int agendaItemId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await ItemAsync(db, agendaItemId, asOf, ct) is not { } positions)
        {
            return null;
        }

        var claimIds = positions.Positions.SelectMany(p => p.ClaimIds).Distinct().ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id))
            .OrderBy(c => c.ReportId).ThenBy(c => c.Start).Select(ClaimView.Projection).ToListAsync(ct);
        var aliases = await db.AgendaItemAliases.AsNoTracking().Where(a => a.AgendaItemId == agendaItemId)
            .OrderBy(a => a.Alias).Select(a => a.Alias).ToListAsync(ct);
        return new PositionMatrix(positions, claims, aliases);
    }

    /// <summary>The positions stated at a meeting: those resting on a claim about it, oldest first.</summary>
    public async Task<IReadOnlyList<PositionView>> ForMeetingAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ViewsAsync(db, db.Positions.Where(p => p.Evidence.Any(e => db.ClaimMeetings.Any(m => m.ClaimId == e.ClaimId && m.MeetingId == meetingId))), ct);
    }

    private async Task<ItemPositions?> ItemAsync(TalksTrackerDbContext db, int agendaItemId, DateOnly? asOf, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == agendaItemId)
            .Select(a => new { Item = new NamedRef(a.Id, a.Title), Track = new NamedRef(a.TrackId, a.Track!.Name) }).SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var views = await ViewsAsync(db, db.Positions.Where(p => p.AgendaItemId == agendaItemId), ct);
        return new ItemPositions(item.Item, item.Track, views, Gap(views, asOf ?? clock.Today()));
    }

    /// <summary>Every item of a track with its positions and gap as of <paramref name="asOf"/>; null when there is no such track.</summary>
    public async Task<TrackPositions?> ForTrackAsync(int trackId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await TrackWithItemsAsync(db, trackId, ct) is not var (track, items))
        {
            return null;
        }

        var views = (await ViewsAsync(db, db.Positions.Where(p => p.AgendaItem!.TrackId == trackId), ct)).ToLookup(v => v.AgendaItem.Id);
        var day = asOf ?? clock.Today();
        return new TrackPositions(track, [.. items.Select(i => new ItemPositions(i, track, [.. views[i.Id]], Gap([.. views[i.Id]], day)))]);
    }

    /// <summary>
    /// Each item of a track with its gap and its parties' latest counting stances as of <paramref name="asOf"/> (the
    /// board's panel); null when there is no such track. The gap rules need only a few positions of each party's line —
    /// its first, its latest, its last before the window (which also tells whether any ended before it) and the start
    /// of the run of the latest kind with the position just before that run — so those are sought through the
    /// (item, party, date) index and only they are read with their claims: the busiest track holds tens of thousands
    /// of positions, far beyond the board's budget when all are read (docs/positions.md, "At scale").
    /// </summary>
    /// <remarks>
    /// Hand-written SQL, one command of two statements, so the fixed cost of a call stays near the database's own:
    /// as six LINQ statements the panel of a median track (a few hundred positions) spent most of its time in the
    /// statements' translation and round trips, not in the seeks.
    /// </remarks>
    public async Task<TrackStandings?> StandingsForTrackAsync(int trackId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var day = asOf ?? clock.Today();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.Database.IsNpgsql() ? PostgresStandingsSql : SqliteStandingsSql;
        foreach (var (name, value) in new (string, object)[] { ("@t", trackId), ("@d", day), ("@w", day.AddDays(-GapRules.DefaultWindowDays)) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        string? trackName = null;
        var items = new List<NamedRef>();
        while (await reader.ReadAsync(ct))
        {
            trackName = reader.GetString(0);
            if (!reader.IsDBNull(1))
            {
                items.Add(new NamedRef(reader.GetInt32(1), reader.GetString(2)));
            }
        }

        if (trackName is null)
        {
            return null;
        }

        await reader.NextResultAsync(ct);
        var counts = new Dictionary<int, int>();
        var seen = new HashSet<(int Item, int Party)>();
        var positions = new Dictionary<int, (int Item, string Party, PositionKind Kind, FuzzyDate AsOf, List<int> Claims)>();
        while (await reader.ReadAsync(ct))
        {
            var item = reader.GetInt32(0);
            if (seen.Add((item, reader.GetInt32(1))))
            {
                counts[item] = counts.GetValueOrDefault(item) + Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (reader.IsDBNull(3))
            {
                continue; // a line with no position that counts on the day
            }

            DateOnly? Date(int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);
            positions[reader.GetInt32(3)] = (item, reader.GetString(4), Enum.Parse<PositionKind>(reader.GetString(5)),
                FuzzyDate.FromParts(Enum.Parse<DatePrecision>(reader.GetString(6)), Date(7), Date(8), reader.IsDBNull(9) ? null : reader.GetString(9)),
                [.. reader.GetString(10).Split(' ').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var track = new NamedRef(trackId, trackName);
        var byItem = positions.ToLookup(p => p.Value.Item);
        return new TrackStandings(track, [.. items.Select(item =>
        {
            var gap = GapRules.Derive(byItem[item.Id].Select(p => new PartyPosition(p.Key, p.Value.Party, item.Name, p.Value.Kind, string.Empty, p.Value.AsOf, p.Value.Claims)), day);
            return new ItemStanding(item, ViewOf(gap, day), [.. gap.Lines.Select(l => new PartyStance(l.Party, l.Latest.Kind))], counts.GetValueOrDefault(item.Id));
        })]);
    }

    /// <summary>A position of line <c>l</c> that counts on day @d: backed by a claim and taken by then.</summary>
    private static string OfLine(string l) =>
        $"""q."AgendaItemId" = {l}."Item" AND q."PartyActorId" = {l}."Party" AND (q."AsOfStart" IS NULL OR q."AsOfStart" <= @d) AND EXISTS (SELECT 1 FROM "PositionEvidence" e WHERE e."PositionId" = q."Id")""";

    /// <summary>
    /// The panel's reads, the same on SQLite and PostgreSQL but for how a position's claims' ids are listed (@t the
    /// track, @d the day, @w the window's start). First the track and its items (none: no track). Then each party's
    /// line on each item with its count and the counting positions the gap rules need, each found by one seek along the
    /// (item, party, date, id) index: the latest and first dated, the last dated ending before the window, the latest
    /// and first undated, the run's breaker (the last dated one of another kind before the latest; undated ones, all
    /// before the dated, are already read) and the run's start right after it — one row per chosen position with its
    /// claims' ids, the line alone when none counts, in no particular order (the rules order each line themselves).
    /// The steps are materialised so each seek runs once per line; the latest's and the breaker's kind and date are
    /// looked up by id in steps of their own and the claims listed per position, because PostgreSQL, which cannot
    /// count a step's rows, otherwise joins the whole positions and evidence tables by hash.
    /// </summary>
    private static string StandingsSql(bool postgres) => $"""
        SELECT t."Name", i."Id", i."Title" FROM "Tracks" t LEFT JOIN "AgendaItems" i ON i."TrackId" = t."Id" WHERE t."Id" = @t ORDER BY i."Id";
        WITH lines AS MATERIALIZED (
          SELECT p."AgendaItemId" AS "Item", p."PartyActorId" AS "Party", count(*) AS "Count"
          FROM "Positions" p JOIN "AgendaItems" i ON i."Id" = p."AgendaItemId" WHERE i."TrackId" = @t
          GROUP BY p."AgendaItemId", p."PartyActorId"),
        sought AS MATERIALIZED (
          SELECT l."Item", l."Party", l."Count",
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("l")} AND q."AsOfSort" IS NOT NULL ORDER BY q."AsOfSort" DESC, q."Id" DESC LIMIT 1) AS "LatestDated",
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("l")} AND q."AsOfSort" IS NOT NULL ORDER BY q."AsOfSort", q."Id" LIMIT 1) AS "FirstDated",
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("l")} AND q."AsOfSort" IS NOT NULL AND q."AsOfEnd" < @w ORDER BY q."AsOfSort" DESC, q."Id" DESC LIMIT 1) AS "BeforeWindow",
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("l")} AND q."AsOfSort" IS NULL ORDER BY q."Id" DESC LIMIT 1) AS "LatestUndated",
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("l")} AND q."AsOfSort" IS NULL ORDER BY q."Id" LIMIT 1) AS "FirstUndated"
          FROM lines l),
        latest AS MATERIALIZED (
          SELECT s.*,
            (SELECT x."Kind" FROM "Positions" x WHERE x."Id" = s."LatestDated") AS "LatestKind",
            (SELECT x."AsOfSort" FROM "Positions" x WHERE x."Id" = s."LatestDated") AS "LatestSort"
          FROM sought s),
        broken AS MATERIALIZED (
          SELECT s.*,
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("s")} AND q."AsOfSort" IS NOT NULL AND q."Kind" <> s."LatestKind"
               AND (q."AsOfSort" < s."LatestSort" OR (q."AsOfSort" = s."LatestSort" AND q."Id" < s."LatestDated"))
             ORDER BY q."AsOfSort" DESC, q."Id" DESC LIMIT 1) AS "Breaker"
          FROM latest s),
        breakers AS MATERIALIZED (
          SELECT b.*, (SELECT y."AsOfSort" FROM "Positions" y WHERE y."Id" = b."Breaker") AS "BreakerSort" FROM broken b),
        runs AS MATERIALIZED (
          SELECT b.*,
            (SELECT q."Id" FROM "Positions" q WHERE {OfLine("b")} AND q."AsOfSort" IS NOT NULL
               AND (q."AsOfSort" > b."BreakerSort" OR (q."AsOfSort" = b."BreakerSort" AND q."Id" > b."Breaker"))
             ORDER BY q."AsOfSort", q."Id" LIMIT 1) AS "RunStart"
          FROM breakers b)
        SELECT r."Item", r."Party", r."Count", p."Id", a."Name", p."Kind", p."AsOfPrecision", p."AsOfStart", p."AsOfEnd", p."AsOfLabel",
          (SELECT {(postgres ? "string_agg(CAST(e.\"ClaimId\" AS text), ' ')" : "group_concat(e.\"ClaimId\", ' ')")} FROM "PositionEvidence" e WHERE e."PositionId" = p."Id")
        FROM runs r
        LEFT JOIN "Positions" p ON p."Id" IN (r."LatestDated", r."FirstDated", r."BeforeWindow", r."LatestUndated", r."FirstUndated", r."Breaker", r."RunStart")
        LEFT JOIN "Actors" a ON a."Id" = p."PartyActorId";
        """;

    private static readonly string SqliteStandingsSql = StandingsSql(postgres: false);
    private static readonly string PostgresStandingsSql = StandingsSql(postgres: true);

    /// <summary>The track and its agenda items in id order; null when there is no such track.</summary>
    private static async Task<(NamedRef Track, List<NamedRef> Items)?> TrackWithItemsAsync(TalksTrackerDbContext db, int trackId, CancellationToken ct)
    {
        var track = await db.Tracks.AsNoTracking().Where(t => t.Id == trackId).Select(t => new NamedRef(t.Id, t.Name)).SingleOrDefaultAsync(ct);
        return track is null
            ? null
            : (track, await db.AgendaItems.AsNoTracking().Where(a => a.TrackId == trackId).OrderBy(a => a.Id).Select(a => new NamedRef(a.Id, a.Title)).ToListAsync(ct));
    }

    private static ItemGapView Gap(IReadOnlyList<PositionView> views, DateOnly asOf) =>
        ViewOf(GapRules.Derive(views.Select(v => new PartyPosition(
            v.Id, v.Party.Name, v.AgendaItem.Name, v.Kind, v.Wording, FuzzyDate.FromParts(v.AsOfPrecision, v.AsOfStart, v.AsOfEnd, v.AsOfLabel), v.ClaimIds)), asOf), asOf);

    private static ItemGapView ViewOf(ItemGap gap, DateOnly asOf) => new(gap.State, ItemGap.Describe(gap.State), gap.Explanation, asOf);

    /// <summary>The positions a query selects, oldest first, each with the grades and origins of the claims it rests on.</summary>
    private static async Task<List<PositionView>> ViewsAsync(TalksTrackerDbContext db, IQueryable<Position> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(p => p.AsOfSort == null).ThenBy(p => p.AsOfSort).ThenBy(p => p.Id)
            .Select(p => new
            {
                Position = p,
                Item = new NamedRef(p.AgendaItemId, p.AgendaItem!.Title),
                Party = new NamedRef(p.PartyActorId, p.PartyActor!.Name),
                Claims = p.Evidence.OrderBy(e => e.ClaimId).Select(e => new
                {
                    e.ClaimId,
                    e.Claim!.ReportId,
                    e.Claim.SourceId,
                    e.Claim.ViaSourceId,
                    e.Claim.Report!.Outlet,
                    Date = e.Claim.Report.PublishedOn ?? DateOnly.FromDateTime(e.Claim.Report.TakenInAt),
                    Reliability = e.Claim.Source == null ? (Reliability?)null : e.Claim.Source.Reliability,
                    e.Claim.Credibility,
                    e.Claim.Stance,
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var claims = r.Claims.Select(c => new StatusClaim(c.ClaimId, c.Date, c.Reliability, c.Credibility, c.Stance, false,
                new ClaimOriginFacts(c.ClaimId, c.ReportId, c.SourceId, c.ViaSourceId, c.Outlet))).ToList();
            var p = r.Position;
            return new PositionView(p.Id, r.Item, r.Party, p.Kind, p.Kind.Name(), p.Wording, p.AsOfPrecision, p.AsOfStart, p.AsOfEnd, p.AsOfLabel,
                p.AsOf.Display, [.. claims.Select(c => c.ClaimId)], Backing.Of(claims), claims.Exists(c => StatusDerivation.IsWellSourced(c.Grade)), p.Version);
        })];
    }

    /// <summary>Checks a position's fields; the checked input, or the problems field by field.</summary>
    private async Task<(CheckedPosition? Input, IReadOnlyDictionary<string, string[]> Problems)> CheckAsync(TalksTrackerDbContext db,
        int? partyActorId, PositionKind? kind, string? wording, MeetingDateInput? asOf, IReadOnlyList<int>? claimIds, CancellationToken ct)
    {
        var problems = new ProblemList();
        var words = (await CheckStatementsAsync(db, [new PositionStatement("", partyActorId, kind, wording)], problems, ct))[0];
        var (date, dateProblems) = (asOf ?? MeetingDateInput.Unknown).Parse(clock.Today());
        foreach (var (field, message) in dateProblems)
        {
            problems.Add($"{nameof(NewPosition.AsOf)}.{field}", message);
        }

        var ids = (claimIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            problems.Add(nameof(NewPosition.ClaimIds), "Name at least one claim the position rests on: a position, like every fact here, rests on claims.");
        }
        else
        {
            var missing = ids.Except(await RecordChecks.ExistingAsync(db.Claims, ids, ct)).Order().ToList();
            if (missing.Count > 0)
            {
                problems.Add(nameof(NewPosition.ClaimIds), $"No claim {string.Join(", ", missing)}: it does not exist or was retracted.");
            }
        }

        return problems.Any ? (null, problems.ToDictionary()) : (new CheckedPosition(partyActorId!.Value, kind!.Value, words!, date!.Value, ids), problems.ToDictionary());
    }

    /// <summary>
    /// Records positions a report states, dated by the report: a position already there for the same party, kind, item
    /// and day (recorded earlier, passed in as <c>existing</c>, or added here for an earlier claim) gets the claim added to
    /// its backing instead of a second position. Used by the seeder and by completing a review; the caller saves.
    /// </summary>
    internal sealed class StatedPositions(TalksTrackerDbContext db, FuzzyDate asOf, IEnumerable<Position> existing)
    {
        private readonly List<Position> _existing = [.. existing.Where(p => p.AsOfPrecision == asOf.Precision && p.AsOfStart == asOf.Start && p.AsOfEnd == asOf.End).OrderBy(p => p.Id)];
        private readonly Dictionary<(Actor Party, PositionKind Kind, AgendaItem Item), Position> _stated = [];

        public Position Add(Actor party, PositionKind kind, AgendaItem item, string wording, Claim claim)
        {
            if (!_stated.TryGetValue((party, kind, item), out var position))
            {
                position = _existing.Find(p => p.PartyActorId == party.Id && p.Kind == kind && p.AgendaItemId == item.Id)
                    ?? db.Positions.Add(new Position { PartyActor = party, Kind = kind, AgendaItem = item, Wording = wording, AsOf = asOf }).Entity;
                _stated[(party, kind, item)] = position;
            }

            if (!position.Evidence.Exists(e => e.Claim == claim))
            {
                position.Evidence.Add(new PositionEvidence { Claim = claim });
            }

            return position;
        }
    }

    /// <summary>
    /// The rules for what any position says — recorded or corrected here, or kept on a proposal at review: a party that
    /// can hold one, a kind, the report's words. Problems are named by the statement's field ("Positions[1].Kind", or
    /// "Kind" with no field); the parties are read in one query. The value is each statement's cleaned words, null where refused.
    /// </summary>
    internal static async Task<string?[]> CheckStatementsAsync(TalksTrackerDbContext db, IReadOnlyList<PositionStatement> statements, ProblemList problems, CancellationToken ct)
    {
        var ids = statements.Select(s => s.PartyActorId).OfType<int>().Distinct().ToList();
        var parties = ids.Count == 0
            ? []
            : await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.Kind }).ToDictionaryAsync(a => a.Id, ct);
        var cleaned = new string?[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            var prefix = s.Field.Length == 0 ? "" : $"{s.Field}.";
            if (s.NewParty is not null)
            {
                var name = CatalogName.Clean(s.NewParty);
                if (name is null)
                {
                    problems.Add(prefix + nameof(Intake.ProposalPosition.NewParty), "Name the new party, or pick one from the catalog.");
                }
                else if (name.Length > FieldLimits.ActorName)
                {
                    problems.Add(prefix + nameof(Intake.ProposalPosition.NewParty), $"At most {FieldLimits.ActorName} characters ({name.Length} given).");
                }
            }
            else if (s.PartyActorId is not { } partyId)
            {
                problems.Add(prefix + nameof(NewPosition.PartyActorId), "Name the party whose position it is (an actor id).");
            }
            else if (!parties.TryGetValue(partyId, out var party))
            {
                problems.Add(prefix + nameof(NewPosition.PartyActorId), $"There is no actor {partyId}.");
            }
            else if (!PartyKinds.Contains(party.Kind))
            {
                problems.Add(prefix + nameof(NewPosition.PartyActorId),
                    $"{party.Name} is a {party.Kind}; a position is held by a state, a state body, an armed group or an organisation, not by who reports or voices it.");
            }

            if (s.Kind is not { } k || !Enum.IsDefined(k))
            {
                problems.Add(prefix + nameof(NewPosition.Kind), $"Say what kind of position it is: one of {string.Join(", ", PositionKinds.All.Select(x => x.Name()))} "
                    + $"(in the API {string.Join(", ", PositionKinds.All.Select(x => x.ToString()))}).");
            }

            var words = CatalogName.Clean(s.Wording);
            if (words is null)
            {
                problems.Add(prefix + nameof(NewPosition.Wording), "Give the report's words that state the position.");
            }
            else if (words.Length > FieldLimits.PositionWording)
            {
                problems.Add(prefix + nameof(NewPosition.Wording), $"At most {FieldLimits.PositionWording} characters ({words.Length} given).");
            }
            else
            {
                cleaned[i] = words;
            }
        }

        return cleaned;
    }

    /// <summary>
    /// What one position says, to check; <paramref name="Field"/> prefixes its problems ("" for none). A proposal's position
    /// may name a <paramref name="NewParty"/> instead of an actor, made when its review is completed.
    /// </summary>
    internal sealed record PositionStatement(string Field, int? PartyActorId, PositionKind? Kind, string? Wording, string? NewParty = null);

    private static string Joined(IEnumerable<int> ids) => string.Join(", ", ids.Order());

    private sealed record CheckedPosition(int PartyActorId, PositionKind Kind, string Wording, FuzzyDate AsOf, IReadOnlyList<int> ClaimIds)
    {
        public void ApplyTo(Position position)
        {
            position.PartyActorId = PartyActorId;
            position.Kind = Kind;
            position.Wording = Wording;
            position.AsOf = AsOf;
            var kept = position.Evidence.Where(e => ClaimIds.Contains(e.ClaimId)).ToList();
            position.Evidence.RemoveAll(e => !ClaimIds.Contains(e.ClaimId));
            position.Evidence.AddRange(ClaimIds.Where(id => !kept.Exists(e => e.ClaimId == id)).Select(id => new PositionEvidence { ClaimId = id }));
        }
    }
}
