using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Services;
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
}

public sealed class SqliteTimelineDateRuleTests(TimelineDatabase database) : TimelineDateRuleTests(database), IClassFixture<TimelineDatabase>;

public sealed class PostgresTimelineDateRuleTests(PostgresTimelineDatabase database) : TimelineDateRuleTests(database), IClassFixture<PostgresTimelineDatabase>;
