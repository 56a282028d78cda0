using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Domain.Timeline;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Meetings;

/// <summary>The seed plus a second, confirmed meeting elsewhere, so every filter has something to exclude.</summary>
public class TimelineDatabase : SeededDatabase
{
    public TimelineDatabase() : this(DatabaseProvider.Sqlite)
    {
    }

    protected TimelineDatabase(DatabaseProvider provider) : base(seed: true, provider)
    {
    }

    public int BakuId { get; private set; }
    public int GenevaId { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (SkipReason is not null)
        {
            return;
        }

        await using var db = NewContext();
        var baku = await db.Meetings.SingleAsync();
        var track = await db.Tracks.SingleAsync();
        var turkey = await db.Actors.SingleAsync(a => a.Name == "Turkey");
        var geneva = new Meeting
        {
            Title = "Technical talks in Geneva",
            TrackId = track.Id,
            Venue = new Venue { Name = "Geneva" },
            Status = MeetingStatus.Confirmed,
            Format = MeetingFormat.Direct,
            Date = FuzzyDate.Exact(new DateOnly(2025, 3, 10)),
            Participants = [new MeetingParticipant { ActorId = turkey.Id, Role = ParticipantRole.Observer, Level = "observer" }],
        };
        db.Meetings.Add(geneva);
        await db.SaveChangesAsync();
        (BakuId, GenevaId) = (baku.Id, geneva.Id);
    }
}

public sealed class PostgresTimelineDatabase() : TimelineDatabase(DatabaseProvider.Postgres);

public abstract class TimelineTests(TimelineDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<int>> MeetingIds(TimelineQuery query) =>
        (await database.Get<MeetingService>().TimelineAsync(query, Ct)).Entries.Select(e => e.Id).ToList();

    private async Task<int> IdOf<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).SingleAsync(Ct);
    }

    [Fact]
    public async Task Newest_first_by_default_and_oldest_first_on_request()
    {
        Assert.Equal([database.BakuId, database.GenevaId], await MeetingIds(new TimelineQuery()));
        Assert.Equal([database.GenevaId, database.BakuId], await MeetingIds(new TimelineQuery { Order = TimelineOrder.OldestFirst }));
    }

    [Fact]
    public async Task Entry_shows_venue_the_meetings_own_participants_with_roles_agenda_and_backing()
    {
        var entries = (await database.Get<MeetingService>().TimelineAsync(new TimelineQuery(), Ct)).Entries;
        var entry = entries.First();

        Assert.Equal("Baku", entry.Venue!.Name);
        Assert.Equal([("Syria", ParticipantRole.Party), ("Israel", ParticipantRole.Party), ("Russia", ParticipantRole.Mediator)],
            entry.Participants.Select(p => (p.Actor.Name, p.Role)));
        // Not the track's parties: Geneva's only participant was Turkey, as an observer.
        var geneva = Assert.Single(entries.Single(e => e.Id == database.GenevaId).Participants);
        Assert.Equal(("Turkey", ParticipantRole.Observer), (geneva.Actor.Name, geneva.Role));
        Assert.Contains(entry.AgendaItems, a => a.Name == "Long-term guarantees");
        Assert.Equal(10, entry.ClaimCount);
        Assert.Equal(1, entry.IndependentOrigins);
        Assert.Equal("~ recent weeks before 26 Nov 2026", entry.Date.Display);
    }

    [Fact]
    public async Task A_meeting_whose_origin_count_is_not_kept_yet_is_counted_from_its_claims()
    {
        // Figures filled by a migration start without the origin count (computed in C# after each save); the page reads
        // the claim count from the kept figures and counts the origins itself until a save fills them in.
        await using var db = database.NewContext();
        var kept = await db.MeetingClaimFacts.Where(f => f.MeetingId == database.BakuId).Select(f => f.IndependentOrigins).SingleAsync(Ct);
        await db.MeetingClaimFacts.Where(f => f.MeetingId == database.BakuId).ExecuteUpdateAsync(u => u.SetProperty(f => f.IndependentOrigins, (int?)null), Ct);
        try
        {
            var entries = (await database.Get<MeetingService>().TimelineAsync(new TimelineQuery(), Ct)).Entries;

            var baku = entries.Single(e => e.Id == database.BakuId);
            Assert.Equal((10, 1), (baku.ClaimCount, baku.IndependentOrigins));
            var geneva = entries.Single(e => e.Id == database.GenevaId);
            Assert.Equal((0, 0), (geneva.ClaimCount, geneva.IndependentOrigins));
        }
        finally
        {
            await db.MeetingClaimFacts.Where(f => f.MeetingId == database.BakuId).ExecuteUpdateAsync(u => u.SetProperty(f => f.IndependentOrigins, kept), Ct);
        }
    }

    [Fact]
    public async Task Venue_filter()
    {
        var baku = await IdOf(db => db.Venues.Where(v => v.Name == "Baku"));
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { VenueId = baku }));
    }

    [Fact]
    public async Task Actor_filter_counts_hosts_participants_and_mentions()
    {
        var azerbaijan = await IdOf(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var turkey = await IdOf(db => db.Actors.Where(a => a.Name == "Turkey"));
        var army = await IdOf(db => db.Actors.Where(a => a.Name == "Syrian Arab Army"));

        // Azerbaijan hosts the track, so both meetings of the track match.
        Assert.Equal(2, (await MeetingIds(new TimelineQuery { ActorId = azerbaijan })).Count);
        Assert.Equal([database.GenevaId], await MeetingIds(new TimelineQuery { ActorId = turkey }));
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { ActorId = army }));
    }

    [Fact]
    public async Task Category_source_reliability_and_stance_filters_look_at_the_claims_behind_a_meeting()
    {
        var analysts = await IdOf(db => db.Sources.Where(s => s.Name == "analysts"));
        var senior = await IdOf(db => db.Sources.Where(s => s.Name == "a senior Israeli security source"));

        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { Category = AgendaCategory.Guarantees }));
        Assert.Empty(await MeetingIds(new TimelineQuery { Category = AgendaCategory.Other }));
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { SourceId = senior }));
        Assert.Empty(await MeetingIds(new TimelineQuery { SourceId = analysts }));
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { MinReliability = Reliability.C }));
        Assert.Empty(await MeetingIds(new TimelineQuery { MinReliability = Reliability.B }));
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { Stance = Stance.Hedged }));
        Assert.Empty(await MeetingIds(new TimelineQuery { Stance = Stance.Denies }));
    }

    [Fact]
    public async Task Date_range_keeps_meetings_that_may_fall_inside_it()
    {
        Assert.Equal([database.BakuId], await MeetingIds(new TimelineQuery { From = new DateOnly(2026, 11, 1) }));
        Assert.Equal([database.GenevaId], await MeetingIds(new TimelineQuery { To = new DateOnly(2025, 12, 31) }));
        Assert.Empty(await MeetingIds(new TimelineQuery { From = new DateOnly(2025, 4, 1), To = new DateOnly(2025, 12, 31) }));
    }

    [Fact]
    public async Task Acknowledgement_filter()
    {
        Assert.Equal(2, (await MeetingIds(new TimelineQuery { Acknowledged = false })).Count);
        Assert.Empty(await MeetingIds(new TimelineQuery { Acknowledged = true }));
    }

    [Fact]
    public async Task Paging_reports_the_total_and_returns_one_page()
    {
        var page = await database.Get<MeetingService>().TimelineAsync(new TimelineQuery { PageSize = 1, Page = 2 }, Ct);

        Assert.Equal(2, page.Total);
        Assert.Equal([database.GenevaId], page.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Dossier_has_agenda_status_and_claims_and_unknown_id_is_null()
    {
        var dossier = await database.Get<MeetingService>().DossierAsync(database.BakuId, Ct);

        Assert.NotNull(dossier);
        Assert.Contains(dossier.AgendaItems, a => a.Title == "Long-term guarantees" && a.Status == AgendaStatus.GapRemains);
        Assert.Equal(10, dossier.Claims.Count);
        Assert.Contains(dossier.Participants, p => p.Actor.Name == "Syria" && p.Level == "high-level security and military officials");
        Assert.Null(await database.Get<MeetingService>().DossierAsync(424242, Ct));
    }

    /// <summary>#23: the chart reads the meetings overlapping its window, under the list's filters, in track or actor lanes.</summary>
    [Fact]
    public async Task The_chart_reads_the_window_under_the_filters_in_track_or_actor_lanes()
    {
        var meetings = database.Get<MeetingService>();
        var today = new DateOnly(2030, 5, 1);

        var decade = await meetings.ChartAsync(new TimelineQuery(), ChartLanes.Track, ChartZoom.Decade, new DateOnly(2025, 1, 1), today, Ct);
        var lane = Assert.Single(decade.Lanes);
        Assert.Equal(2, lane.Meetings);
        Assert.Equal([database.GenevaId, database.BakuId], lane.Layout.Bars.Select(b => b.Item.Id));
        Assert.Equal("Technical talks in Geneva", lane.Layout.Bars[0].Item.Title);
        Assert.Equal(0, decade.UndatedTotal);

        // No day given: the year of the latest dated meeting under the filters.
        var latest = await meetings.ChartAsync(new TimelineQuery(), ChartLanes.Track, ChartZoom.Year, null, today, Ct);
        Assert.Equal(new DateOnly(2026, 1, 1), latest.View.Start);
        Assert.Equal([database.BakuId], latest.Lanes.SelectMany(l => l.Layout.Bars).Select(b => b.Item.Id));
        var confirmed = await meetings.ChartAsync(new TimelineQuery { Status = MeetingStatus.Confirmed }, ChartLanes.Track, ChartZoom.Year, null, today, Ct);
        Assert.Equal(new DateOnly(2025, 1, 1), confirmed.View.Start);
        Assert.Equal([database.GenevaId], confirmed.Lanes.SelectMany(l => l.Layout.Bars).Select(b => b.Item.Id));
        var none = await meetings.ChartAsync(new TimelineQuery { VenueId = 424242 }, ChartLanes.Track, ChartZoom.Year, null, today, Ct);
        Assert.Equal((today, 0), (none.View.At, none.Lanes.Count));

        var byActor = await meetings.ChartAsync(new TimelineQuery(), ChartLanes.Actor, ChartZoom.Decade, new DateOnly(2025, 1, 1), today, Ct);
        var lanes = byActor.Lanes.ToDictionary(l => l.Lane.Name, l => l.Layout.Bars.Select(b => b.Item.Id).ToList());
        Assert.Equal([database.GenevaId], lanes["Turkey"]);
        Assert.Equal([database.BakuId], lanes["Syria"]);
    }
}

public sealed class TimelineTestsOnSqlite(TimelineDatabase database) : TimelineTests(database), IClassFixture<TimelineDatabase>;

public sealed class TimelineTestsOnPostgres(PostgresTimelineDatabase database) : TimelineTests(database.OrSkip()), IClassFixture<PostgresTimelineDatabase>;
