using TalksTracker.Domain.Positions;
using Xunit;

namespace TalksTracker.Domain.Tests.Positions;

public class ReportPositionsTests
{
    private static readonly AgendaItemName[] Items =
    [
        new("Expanded Turkish military role", []),
        new("Continued Russian military presence in southern Syria", []),
    ];

    private static readonly PartyName[] Parties = [new("Israel", ["Tel Aviv"]), new("Russia", ["Moscow"])];

    [Fact]
    public void A_restated_stance_is_one_position_resting_on_every_claim_that_states_it()
    {
        ClaimText[] claims =
        [
            new("Israel objects to an expanded Turkish military role."),
            new("Russia proposed keeping its forces in southern Syria."),
            new("Israel again objected to an expanded Turkish military role, officials said."),
        ];

        var stated = ReportPositions.Find(claims, Parties, Items);

        var objection = Assert.Single(stated, s => s.Kind == PositionKind.Objection);
        Assert.Equal((0, 0), (objection.Party, objection.Item));
        Assert.Equal([0, 2], objection.Claims);
        Assert.Equal(objection.Statements[0].Wording, objection.Wording);
        Assert.Equal(2, objection.Statements.Count);
        Assert.DoesNotContain(stated, s => s.Claims.Contains(1) && s.Party == 0);
    }

    [Fact]
    public void Names_map_back_ignoring_case_and_a_party_the_caller_lacks_is_kept_by_name()
    {
        ClaimText[] claims =
        [
            new("Iran rejected a plan for the Golan."),
            new("Turkey rejected an expanded Turkish military role."),
            new("ISRAEL objects to an expanded Turkish military role."),
            new("Ankara again rejected an expanded Turkish military role."),
        ];

        var stated = ReportPositions.Find(claims, [new PartyName("israel", [])], Items);

        var israel = Assert.Single(stated, s => s.NewParty is null);
        Assert.Equal((0, PositionKind.Objection), (israel.Party, israel.Kind));
        Assert.Equal([2], israel.Claims);
        // Turkey is no party of the caller's: kept by the finder's name, once, resting on both claims. Iran's stance is on
        // no item of the caller's, so it is left out.
        var turkey = Assert.Single(stated, s => s.NewParty is not null);
        Assert.Equal(("Turkey", -1, PositionKind.Rejection, 0), (turkey.NewParty, turkey.Party, turkey.Kind, turkey.Item));
        Assert.Equal([1, 3], turkey.Claims);
        Assert.All(turkey.Statements, s => Assert.Equal(("Turkey", -1), (s.NewParty, s.Party)));
    }

    [Theory]
    [InlineData("Turkey", ActorKind.State)]
    [InlineData("ECOWAS", ActorKind.InternationalOrganisation)]
    [InlineData("Arakan Army", ActorKind.NonStateArmedGroup)]
    public void A_new_party_would_be_a_state_an_organisation_or_a_group(string party, ActorKind kind)
    {
        Assert.Equal(kind, PositionFinder.KindOf(party));
    }

    [Fact]
    public void The_source_s_affiliation_gives_the_party_and_by_claim_keeps_reading_order()
    {
        ClaimText[] claims =
        [
            new("Nothing is said here."),
            new("It objects to an expanded Turkish military role.", "a senior security source", "Israel"),
        ];

        var stated = ReportPositions.Find(claims, Parties, Items);
        var byClaim = StatedPosition.ByClaim(stated, claims.Length);

        Assert.Empty(byClaim[0]);
        var found = Assert.Single(byClaim[1]);
        Assert.Equal((0, PositionKind.Objection, 0), (found.Party, found.Kind, found.Item));
    }
}
