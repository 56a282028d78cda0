using TalksTracker.Domain.Progress;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Progress;

public class DecisiveChangesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static StatusClaim Claim(int id, DateOnly date, Reliability? reliability, int credibility, Stance stance = Stance.Asserts, bool fromParty = false) =>
        new(id, date, reliability, credibility, stance, fromParty, new ClaimOriginFacts(id, 100 + (id % 7), reliability is null ? null : 1000 + (id % 5), null, null));

    /// <summary>Reads the way the board does: a few dates at a time until <see cref="DecisiveChanges.ToRead"/> is empty.</summary>
    private static (List<StatusReport> Read, int Rounds) ReadDecisive(IReadOnlyList<StatusReport> all, int firstGroups = 1, int growth = 2)
    {
        var byId = all.ToDictionary(r => r.ChangeId);
        var outlines = all.Select(r => new ChangeOutline(r.ChangeId, r.AsOf, r.Claims.Count > 0)).ToList();
        var read = new Dictionary<int, StatusReport>();
        var rounds = 0;
        for (var groups = firstGroups; ; groups *= growth)
        {
            var next = DecisiveChanges.ToRead(outlines, id => read.TryGetValue(id, out var r) ? StatusDerivation.IsWellSourced(r) : null, groups);
            if (next.Count == 0)
            {
                return (all.Where(r => read.ContainsKey(r.ChangeId)).ToList(), rounds);
            }

            Assert.All(next, id => Assert.False(read.ContainsKey(id), "a change is read once"));
            foreach (var id in next)
            {
                read[id] = byId[id];
            }

            rounds++;
        }
    }

    [Fact]
    public void The_newest_well_sourced_date_stops_the_reading()
    {
        StatusReport Change(int id, int day, Reliability reliability, int credibility) =>
            new(id, AgendaStatus.Discussed, Start.AddDays(day), [Claim(id, Start.AddDays(day), reliability, credibility)]);
        var all = new List<StatusReport>
        {
            Change(1, 1, Reliability.A, 1), Change(2, 2, Reliability.B, 2), Change(3, 3, Reliability.E, 5),
            Change(4, 4, Reliability.B, 2), Change(5, 4, Reliability.F, 6), Change(6, 5, Reliability.E, 4),
        };

        var (read, _) = ReadDecisive(all, firstGroups: 1, growth: 1);

        // One date per round: day 5 is weak, day 4 holds a well-sourced change and its weak tie; days 1–3 are never read.
        Assert.Equal([4, 5, 6], read.Select(r => r.ChangeId).Order());
    }

    [Fact]
    public void With_no_well_sourced_change_every_change_is_read()
    {
        var all = Enumerable.Range(1, 9)
            .Select(i => new StatusReport(i, AgendaStatus.Progress, Start.AddDays(i), [Claim(i, Start.AddDays(i), Reliability.E, 5)]))
            .ToList();

        var (read, rounds) = ReadDecisive(all);

        Assert.Equal(9, read.Count);
        Assert.True(rounds <= 4, $"the dates read per round grow: {rounds} rounds");
    }

    [Fact]
    public void Changes_without_claims_are_never_read()
    {
        var all = new List<StatusReport>
        {
            new(1, AgendaStatus.Agreed, Start.AddDays(9), []),
            new(2, AgendaStatus.Discussed, Start.AddDays(1), [Claim(2, Start.AddDays(1), Reliability.B, 2)]),
        };

        Assert.Equal([2], ReadDecisive(all).Read.Select(r => r.ChangeId));
    }

    /// <summary>Over random histories, deriving from the decisive changes alone gives what deriving from all gives.</summary>
    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 4, 8)]
    [InlineData(3, 2, 3)]
    public void Deriving_from_the_decisive_changes_equals_deriving_from_all(int seed, int firstGroups, int growth)
    {
        var random = new Random(seed);
        var statuses = Enum.GetValues<AgendaStatus>();
        var reliabilities = new Reliability?[] { Reliability.A, Reliability.B, Reliability.C, Reliability.D, Reliability.E, Reliability.F, null };
        var claimId = 0;
        for (var item = 0; item < 400; item++)
        {
            var days = random.Next(1, 30);
            var all = Enumerable.Range(1, random.Next(0, 40)).Select(id =>
            {
                var asOf = Start.AddDays(random.Next(days));
                var claims = Enumerable.Range(0, random.Next(0, 4))
                    .Select(_ => Claim(++claimId, asOf, reliabilities[random.Next(reliabilities.Length)], random.Next(1, 7)))
                    .ToList();
                return new StatusReport(id, statuses[random.Next(statuses.Length)], asOf, claims);
            }).ToList();
            var denials = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => Claim(++claimId, Start.AddDays(random.Next(days)), Reliability.B, 2, Stance.Denies, fromParty: true))
                .ToList();

            var (read, _) = ReadDecisive(all, firstGroups, growth);

            var expected = StatusDerivation.Derive(all, denials);
            var actual = StatusDerivation.Derive(read, denials);
            Assert.Equivalent(expected, actual, strict: true);
            Assert.Equal(StatusDerivation.OpenGap(all, expected)?.ChangeId, StatusDerivation.OpenGap(read, actual)?.ChangeId);
            Assert.True(read.Count <= all.Count);
        }
    }
}
