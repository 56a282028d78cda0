using TalksTracker.Domain.Progress;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Progress;

public class StatusDerivationTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);
    private static readonly DateOnly Nov10 = new(2026, 11, 10);
    private static readonly DateOnly Nov20 = new(2026, 11, 20);

    private static StatusClaim Claim(int id, DateOnly date, Reliability? reliability = Reliability.B, int credibility = 2,
        Stance stance = Stance.Asserts, bool fromParty = false, int? sourceId = null, int reportId = 0) =>
        new(id, date, reliability, credibility, stance, fromParty,
            new ClaimOriginFacts(id, reportId == 0 ? 100 + id : reportId, reliability is null ? null : sourceId ?? 1000 + id, null, null));

    private static StatusReport Change(int id, AgendaStatus status, DateOnly asOf, params StatusClaim[] claims) => new(id, status, asOf, claims);

    [Fact]
    public void The_newest_well_sourced_status_wins()
    {
        var result = StatusDerivation.Derive(
            [
                Change(1, AgendaStatus.Discussed, Nov1, Claim(1, Nov1)),
                Change(2, AgendaStatus.AgreedInPrinciple, Nov20, Claim(2, Nov20)),
                Change(3, AgendaStatus.Progress, Nov10, Claim(3, Nov10)),
            ],
            []);

        Assert.NotNull(result);
        Assert.Equal(AgendaStatus.AgreedInPrinciple, result.Status);
        Assert.Equal(Nov20, result.AsOf);
        Assert.True(result.WellSourced);
        Assert.False(result.Disputed);
        Assert.Equal([2], result.SupportingClaimIds);
    }

    [Fact]
    public void A_newer_poorly_sourced_status_does_not_replace_a_well_sourced_one()
    {
        var result = StatusDerivation.Derive(
            [
                Change(1, AgendaStatus.Discussed, Nov1, Claim(1, Nov1, Reliability.C, 3)),
                Change(2, AgendaStatus.Agreed, Nov20, Claim(2, Nov20, Reliability.E, 2), Claim(3, Nov20, Reliability.B, 5)),
            ],
            []);

        Assert.Equal(AgendaStatus.Discussed, result!.Status);
        Assert.True(result.WellSourced);
    }

    [Fact]
    public void With_no_well_sourced_status_the_newest_at_all_wins_and_says_so()
    {
        var result = StatusDerivation.Derive(
            [
                Change(1, AgendaStatus.Discussed, Nov1, Claim(1, Nov1, null, 4)),
                Change(2, AgendaStatus.GapRemains, Nov10, Claim(2, Nov10, Reliability.C, 4)),
            ],
            []);

        Assert.Equal(AgendaStatus.GapRemains, result!.Status);
        Assert.False(result.WellSourced);
        Assert.Equal("C4", result.Backing.BestGrade.ToString());
    }

    [Fact]
    public void A_party_denial_not_older_than_the_status_marks_it_disputed_without_replacing_it()
    {
        var denial = Claim(9, Nov20, Reliability.B, 2, Stance.Denies, fromParty: true);
        var result = StatusDerivation.Derive([Change(1, AgendaStatus.Agreed, Nov10, Claim(1, Nov10))], [Claim(1, Nov10), denial]);

        Assert.Equal(AgendaStatus.Agreed, result!.Status);
        Assert.True(result.Disputed);
        Assert.Equal([9], result.DisputingClaimIds);
    }

    [Theory]
    [InlineData(false, 20, false)] // a denial by someone not party to the track
    [InlineData(true, 1, false)]   // a party's denial older than the status
    [InlineData(true, 10, true)]   // a party's denial on the same day
    public void Only_a_party_denial_dated_on_or_after_the_status_disputes_it(bool fromParty, int day, bool disputed)
    {
        var denial = Claim(9, new DateOnly(2026, 11, day), stance: Stance.Denies, fromParty: fromParty);
        var result = StatusDerivation.Derive([Change(1, AgendaStatus.Agreed, Nov10, Claim(1, Nov10))], [denial]);

        Assert.Equal(disputed, result!.Disputed);
    }

    [Fact]
    public void A_party_assertion_is_not_a_dispute()
    {
        var assertion = Claim(9, Nov20, stance: Stance.Asserts, fromParty: true);
        var result = StatusDerivation.Derive([Change(1, AgendaStatus.Agreed, Nov10, Claim(1, Nov10))], [assertion]);

        Assert.False(result!.Disputed);
    }

    [Fact]
    public void Ties_on_the_date_go_to_the_better_grade_whatever_the_order()
    {
        StatusReport[] changes =
        [
            Change(1, AgendaStatus.Agreed, Nov10, Claim(1, Nov10, Reliability.C, 3)),
            Change(2, AgendaStatus.Stalled, Nov10, Claim(2, Nov10, Reliability.A, 3)),
        ];

        Assert.Equal(AgendaStatus.Stalled, StatusDerivation.Derive(changes, [])!.Status);
        Assert.Equal(AgendaStatus.Stalled, StatusDerivation.Derive(changes.Reverse(), [])!.Status);
    }

    [Fact]
    public void Ties_on_date_and_grade_go_to_more_independent_origins_then_the_later_recorded_change()
    {
        var oneOrigin = Change(5, AgendaStatus.Agreed, Nov10, Claim(1, Nov10, sourceId: 7), Claim(2, Nov10, sourceId: 7, reportId: 101));
        var twoOrigins = Change(4, AgendaStatus.Stalled, Nov10, Claim(3, Nov10, sourceId: 7), Claim(4, Nov10, sourceId: 8));
        Assert.Equal(AgendaStatus.Stalled, StatusDerivation.Derive([oneOrigin, twoOrigins], [])!.Status);
        Assert.Equal(2, StatusDerivation.Derive([twoOrigins, oneOrigin], [])!.Backing.IndependentOrigins);

        var earlier = Change(4, AgendaStatus.Agreed, Nov10, Claim(1, Nov10));
        var later = Change(6, AgendaStatus.Stalled, Nov10, Claim(2, Nov10));
        Assert.Equal(AgendaStatus.Stalled, StatusDerivation.Derive([later, earlier], [])!.Status);
        Assert.Equal(AgendaStatus.Stalled, StatusDerivation.Derive([earlier, later], [])!.Status);
    }

    [Fact]
    public void No_claims_means_no_status()
    {
        Assert.Null(StatusDerivation.Derive([], []));
        Assert.Null(StatusDerivation.Derive([Change(1, AgendaStatus.Agreed, Nov10)], []));
    }

    [Fact]
    public void A_status_change_without_claims_is_ignored_in_favour_of_an_older_one_with_claims()
    {
        var result = StatusDerivation.Derive(
            [Change(1, AgendaStatus.Discussed, Nov1, Claim(1, Nov1)), Change(2, AgendaStatus.Agreed, Nov20)], []);

        Assert.Equal(AgendaStatus.Discussed, result!.Status);
    }

    [Fact]
    public void Backing_counts_claims_independent_origins_and_the_best_grade()
    {
        var result = StatusDerivation.Derive(
            [Change(1, AgendaStatus.Progress, Nov10,
                Claim(1, Nov10, Reliability.C, 3, sourceId: 7, reportId: 50),
                Claim(2, Nov10, Reliability.C, 2, sourceId: 7, reportId: 51),
                Claim(3, Nov10, Reliability.B, 4, sourceId: 8, reportId: 51))],
            []);

        Assert.Equal(new Backing(3, 2, TalksTracker.Domain.Grading.Grade.Of(Reliability.B, 4)), result!.Backing);
    }

    [Fact]
    public void A_weakly_sourced_gap_as_new_as_the_current_status_is_still_an_open_gap()
    {
        StatusReport[] changes =
        [
            Change(1, AgendaStatus.Proposed, Nov10, Claim(1, Nov10, Reliability.C, 3)),
            Change(2, AgendaStatus.GapRemains, Nov10, Claim(2, Nov10, null, 4)),
        ];
        var current = StatusDerivation.Derive(changes, []);

        Assert.Equal(AgendaStatus.Proposed, current!.Status);
        Assert.Equal(2, StatusDerivation.OpenGap(changes, current)!.ChangeId);
    }

    [Fact]
    public void A_gap_superseded_by_a_newer_well_sourced_status_is_closed()
    {
        StatusReport[] changes =
        [
            Change(1, AgendaStatus.GapRemains, Nov1, Claim(1, Nov1)),
            Change(2, AgendaStatus.Agreed, Nov10, Claim(2, Nov10)),
        ];

        Assert.Null(StatusDerivation.OpenGap(changes, StatusDerivation.Derive(changes, [])));
    }
}
