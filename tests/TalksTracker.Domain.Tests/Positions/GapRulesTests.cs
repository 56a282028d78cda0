using TalksTracker.Domain.Positions;
using Xunit;

namespace TalksTracker.Domain.Tests.Positions;

public class GapRulesTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 30);
    private static int nextId;

    private static PartyPosition At(string party, PositionKind kind, FuzzyDate date, int[]? claims = null) =>
        new(Interlocked.Increment(ref nextId), party, "Long-term guarantees", kind, "wording", date, claims ?? [1]);

    private static PartyPosition On(string party, PositionKind kind, int month, int day) =>
        At(party, kind, FuzzyDate.Exact(new DateOnly(2026, month, day)));

    [Fact]
    public void No_positions_give_no_gap()
    {
        var gap = GapRules.Derive([], AsOf);

        Assert.Equal(GapState.NoPositions, gap.State);
        Assert.Equal("No party has a position on this item.", gap.Explanation);
    }

    [Fact]
    public void A_position_without_claims_does_not_count()
    {
        var gap = GapRules.Derive([At("Israel", PositionKind.Demand, FuzzyDate.Exact(new(2026, 11, 1)), [])], AsOf);

        Assert.Equal(GapState.NoPositions, gap.State);
    }

    [Fact]
    public void A_move_toward_agreement_converges_and_says_who_moved_when()
    {
        var gap = GapRules.Derive(
        [
            On("Israel", PositionKind.Rejection, 9, 1),
            On("Israel", PositionKind.Condition, 11, 12),
            At("Syria", PositionKind.Demand, FuzzyDate.Month(2026, 10)),
        ], AsOf);

        Assert.Equal(GapState.Converging, gap.State);
        Assert.Equal("Israel moved from rejection to a condition on 12 Nov 2026; Syria's demand unchanged since Oct 2026.", gap.Explanation);
    }

    [Fact]
    public void A_move_away_from_agreement_diverges()
    {
        var gap = GapRules.Derive(
        [
            On("Israel", PositionKind.Proposal, 6, 1),
            On("Israel", PositionKind.RedLine, 11, 2),
            On("Syria", PositionKind.Demand, 6, 3),
        ], AsOf);

        Assert.Equal(GapState.Diverging, gap.State);
        Assert.StartsWith("Israel moved from a proposal to a red line on 2 Nov 2026", gap.Explanation);
    }

    [Fact]
    public void Moves_that_cancel_out_leave_the_gap_stalled()
    {
        var gap = GapRules.Derive(
        [
            On("Israel", PositionKind.Rejection, 6, 1),
            On("Israel", PositionKind.Demand, 11, 2),
            On("Syria", PositionKind.Demand, 6, 3),
            On("Syria", PositionKind.Rejection, 11, 4),
        ], AsOf);

        Assert.Equal(GapState.Stalled, gap.State);
    }

    [Fact]
    public void No_move_within_the_window_is_a_stall_and_the_window_is_a_parameter()
    {
        PartyPosition[] positions =
        [
            On("Israel", PositionKind.Rejection, 5, 1),
            On("Israel", PositionKind.Condition, 7, 1),
            On("Syria", PositionKind.Demand, 4, 1),
            On("Syria", PositionKind.Demand, 11, 20),
        ];

        Assert.Equal(GapState.Stalled, GapRules.Derive(positions, AsOf).State);
        Assert.Equal(GapState.Converging, GapRules.Derive(positions, AsOf, windowDays: 180).State);
        Assert.Contains("Syria's demand unchanged since 1 Apr 2026", GapRules.Derive(positions, AsOf).Explanation);
    }

    [Fact]
    public void Positions_after_the_as_of_date_are_not_yet_known()
    {
        PartyPosition[] positions =
        [
            On("Israel", PositionKind.Rejection, 9, 1),
            On("Israel", PositionKind.Acceptance, 12, 5),
            On("Syria", PositionKind.Acceptance, 9, 2),
        ];

        Assert.Equal(GapState.Agreed, GapRules.Derive(positions, new DateOnly(2026, 12, 5)).State);
        Assert.NotEqual(GapState.Agreed, GapRules.Derive(positions, new DateOnly(2026, 12, 4)).State);
    }

    [Fact]
    public void Agreed_needs_an_acceptance_and_every_other_party_compatible()
    {
        Assert.Equal(GapState.Agreed, GapRules.Derive([On("Russia", PositionKind.Proposal, 11, 1), On("Israel", PositionKind.Acceptance, 11, 3)], AsOf).State);
        Assert.Equal(GapState.Agreed, GapRules.Derive([On("Syria", PositionKind.Concession, 11, 1), On("Israel", PositionKind.Acceptance, 11, 3)], AsOf).State);
        Assert.NotEqual(GapState.Agreed, GapRules.Derive([On("Syria", PositionKind.Concession, 11, 1), On("Israel", PositionKind.Concession, 11, 3)], AsOf).State);
        Assert.NotEqual(GapState.Agreed, GapRules.Derive([On("Syria", PositionKind.Demand, 11, 1), On("Israel", PositionKind.Acceptance, 11, 3)], AsOf).State);
    }

    [Fact]
    public void One_party_alone_is_never_agreed_and_the_explanation_says_so()
    {
        var gap = GapRules.Derive([On("Israel", PositionKind.Acceptance, 11, 3)], AsOf);

        Assert.Equal(GapState.Open, gap.State);
        Assert.Equal("Israel's acceptance unchanged since 3 Nov 2026. Only Israel has a stated position.", gap.Explanation);
    }

    [Fact]
    public void Fresh_positions_with_no_change_are_open_not_stalled()
    {
        var gap = GapRules.Derive([On("Israel", PositionKind.Demand, 11, 3), On("Syria", PositionKind.Rejection, 11, 4)], AsOf);

        Assert.Equal(GapState.Open, gap.State);
    }

    [Fact]
    public void Same_day_changes_keep_their_recorded_order()
    {
        var first = On("Israel", PositionKind.Rejection, 11, 12);
        var second = On("Israel", PositionKind.Condition, 11, 12);

        var gap = GapRules.Derive([second, first, On("Syria", PositionKind.Demand, 8, 1)], AsOf);

        Assert.Equal(PositionKind.Condition, gap.Lines.Single(l => l.Party == "Israel").Latest.Kind);
        Assert.Equal(GapState.Converging, gap.State);
        Assert.StartsWith("Israel moved from rejection to a condition on 12 Nov 2026", gap.Explanation);
    }

    [Fact]
    public void Month_precision_counts_within_the_window_when_any_of_its_days_is()
    {
        // Aug 2026 ends on 31 Aug, the window of 90 days before 30 Nov starts on 1 Sep: outside by a day.
        PartyPosition[] positions = [At("Israel", PositionKind.Rejection, FuzzyDate.Month(2026, 5)), At("Israel", PositionKind.Condition, FuzzyDate.Month(2026, 8))];
        Assert.Equal(GapState.Stalled, GapRules.Derive(positions, AsOf).State);

        PartyPosition[] inSeptember = [At("Israel", PositionKind.Rejection, FuzzyDate.Month(2026, 5)), At("Israel", PositionKind.Condition, FuzzyDate.Month(2026, 10))];
        var gap = GapRules.Derive(inSeptember, AsOf);
        Assert.Equal(GapState.Converging, gap.State);
        Assert.StartsWith("Israel moved from rejection to a condition in Oct 2026", gap.Explanation);
    }

    [Fact]
    public void A_month_not_yet_begun_is_not_known_but_the_current_month_is()
    {
        var gap = GapRules.Derive([At("Israel", PositionKind.Demand, FuzzyDate.Month(2026, 11))], new DateOnly(2026, 11, 2));
        Assert.Equal(GapState.Open, gap.State);

        Assert.Equal(GapState.NoPositions, GapRules.Derive([At("Israel", PositionKind.Demand, FuzzyDate.Month(2026, 12))], AsOf).State);
    }

    [Fact]
    public void Undated_positions_set_a_stance_but_never_move_it()
    {
        var gap = GapRules.Derive([At("Syria", PositionKind.Demand, FuzzyDate.Unknown), At("Israel", PositionKind.Rejection, FuzzyDate.Unknown)], AsOf);

        Assert.Equal(GapState.Open, gap.State);
        Assert.Equal("Israel's rejection (undated); Syria's demand (undated).", gap.Explanation);
    }

    [Fact]
    public void A_restatement_of_the_same_kind_is_not_a_move()
    {
        var gap = GapRules.Derive(
        [
            On("Syria", PositionKind.Demand, 3, 1),
            On("Syria", PositionKind.Demand, 11, 1),
            On("Israel", PositionKind.Rejection, 3, 2),
        ], AsOf);

        Assert.Equal(GapState.Stalled, gap.State);
        Assert.Equal("Israel's rejection unchanged since 2 Mar 2026; Syria's demand unchanged since 1 Mar 2026.", gap.Explanation);
    }

    [Fact]
    public void Parties_are_grouped_ignoring_case()
    {
        var gap = GapRules.Derive([On("Israel", PositionKind.Rejection, 11, 1), On("israel", PositionKind.Demand, 11, 2)], AsOf);

        Assert.Single(gap.Lines);
    }

    [Theory]
    [InlineData("red-line", PositionKind.RedLine)]
    [InlineData("Red line", PositionKind.RedLine)]
    [InlineData("objection", PositionKind.Objection)]
    [InlineData("3", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Kinds_parse_from_their_names(string? name, PositionKind? expected)
    {
        Assert.Equal(expected, PositionKinds.Parse(name));
    }

    [Fact]
    public void Every_kind_has_a_name_that_parses_back()
    {
        Assert.All(PositionKinds.All, kind => Assert.Equal(kind, PositionKinds.Parse(kind.Name())));
    }
}
