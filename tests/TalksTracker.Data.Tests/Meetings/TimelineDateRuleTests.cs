using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Meetings;

/// <summary>
/// The timeline's from/to filter is SQL over the stored date parts; <see cref="FuzzyDate.Overlaps"/> is the rule
/// in Domain. For meetings of every precision and a grid of ranges, both must pick the same meetings.
/// </summary>
public abstract class TimelineDateRuleTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FuzzyDate[] Dates =
    [
        FuzzyDate.Exact(new DateOnly(2026, 3, 10)),
        FuzzyDate.Exact(new DateOnly(2026, 3, 31)),
        FuzzyDate.Month(2026, 2),
        FuzzyDate.Month(2025, 12),
        FuzzyDate.Approximate(new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 1), "recent weeks"),
        FuzzyDate.Unknown,
    ];

    private static readonly DateOnly?[] Bounds =
        [null, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11), new DateOnly(2026, 4, 1)];

    [Fact]
    public async Task The_timeline_date_filter_picks_exactly_the_meetings_the_domain_rule_says_overlap()
    {
        await using (var db = database.NewContext())
        {
            var track = await db.Tracks.Select(t => t.Id).FirstAsync(Ct);
            foreach (var (date, i) in Dates.Select((d, i) => (d, i)))
            {
                db.Meetings.Add(new Meeting { Title = $"Date rule meeting {i}", TrackId = track, Date = date });
            }

            await db.SaveChangesAsync(Ct);
        }

        List<(int Id, FuzzyDate Date)> meetings;
        await using (var db = database.NewContext())
        {
            meetings = (await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel }).ToListAsync(Ct))
                .Select(m => (m.Id, FuzzyDate.FromParts(m.DatePrecision, m.DateStart, m.DateEnd, m.DateLabel))).ToList();
        }

        var service = database.Get<MeetingService>();
        foreach (var from in Bounds)
        {
            foreach (var to in Bounds)
            {
                if (from is null && to is null)
                {
                    continue; // no date filter at all: every meeting, dated or not
                }

                var expected = meetings.Where(m => m.Date.Overlaps(from, to)).Select(m => m.Id).Order().ToList();
                var result = await service.TimelineAsync(new TimelineQuery { From = from, To = to, PageSize = TimelineQuery.MaxPageSize }, Ct);
                Assert.True(expected.SequenceEqual(result.Entries.Select(e => e.Id).Order()), $"from {from} to {to}: expected [{string.Join(",", expected)}], got [{string.Join(",", result.Entries.Select(e => e.Id).Order())}]");
                Assert.Equal(expected.Count, result.Total);
            }
        }
    }

    /// <summary>
    /// An actor filter with a date range takes its page in memory (one gathering of the actor's meetings); without a
    /// range it pages in SQL. Both must give the same meetings in the same order, page after page.
    /// </summary>
    [Fact]
    public async Task An_actor_within_a_date_range_pages_like_the_actor_alone_filtered_by_the_domain_rule()
    {
        int actorId;
        await using (var db = database.NewContext())
        {
            var track = await db.Tracks.Select(t => t.Id).FirstAsync(Ct);
            var observer = new Actor { Name = "Date rule observer", Kind = ActorKind.InternationalOrganisation };
            db.Actors.Add(observer);
            await db.SaveChangesAsync(Ct);
            actorId = observer.Id;
            // Every precision, twice (ties on the date are broken by id), and two meetings the actor has no part in.
            foreach (var (date, i) in Dates.Concat(Dates).Select((d, i) => (d, i)))
            {
                db.Meetings.Add(new Meeting
                {
                    Title = $"Observed meeting {i}", TrackId = track, Date = date,
                    Participants = i % 5 == 4 ? [] : [new MeetingParticipant { ActorId = actorId, Level = "observer" }],
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var service = database.Get<MeetingService>();
        foreach (var order in new[] { TimelineOrder.NewestFirst, TimelineOrder.OldestFirst })
        {
            var all = (await service.TimelineAsync(new TimelineQuery { ActorId = actorId, Order = order, PageSize = TimelineQuery.MaxPageSize }, Ct)).Entries;
            Assert.Equal(10, all.Count);
            foreach (var from in Bounds)
            {
                foreach (var to in Bounds.Where(to => from is not null || to is not null))
                {
                    var expected = all.Where(e => e.Date.Overlaps(from, to)).Select(e => e.Id).ToList();
                    var pages = new List<int>();
                    for (var page = 1; ; page++)
                    {
                        var result = await service.TimelineAsync(new TimelineQuery { ActorId = actorId, From = from, To = to, Order = order, Page = page, PageSize = 3 }, Ct);
                        Assert.Equal(expected.Count, result.Total);
                        if (result.Entries.Count == 0)
                        {
                            break;
                        }

                        pages.AddRange(result.Entries.Select(e => e.Id));
                    }

                    Assert.True(expected.SequenceEqual(pages), $"{order} from {from} to {to}: expected [{string.Join(",", expected)}], got [{string.Join(",", pages)}]");
                }
            }
        }
    }
}

public sealed class SqliteTimelineDateRuleTests(TimelineDatabase database) : TimelineDateRuleTests(database), IClassFixture<TimelineDatabase>;

public sealed class PostgresTimelineDateRuleTests(PostgresTimelineDatabase database) : TimelineDateRuleTests(database.OrSkip()), IClassFixture<PostgresTimelineDatabase>;
