using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Provenance;

public class AgreementTests
{
    private static SubjectClaim Claim(int id, int report, Stance stance, string origin, params string[] subjects) =>
        new(id, report, subjects.ToHashSet(), stance, origin);

    [Fact]
    public void A_denial_of_a_reported_meeting_is_a_contradiction()
    {
        var links = Agreement.Propose([Claim(1, 10, Stance.Asserts, "source:2", "meeting 1"), Claim(2, 11, Stance.Denies, "source:9", "meeting 1")]);

        var link = Assert.Single(links);
        Assert.Equal(ClaimLinkKind.Contradicts, link.Kind);
        Assert.Equal((1, 2), (link.ClaimId, link.OtherClaimId));
    }

    [Fact]
    public void Agreeing_claims_corroborate_only_from_different_origins()
    {
        var links = Agreement.Propose(
        [
            Claim(1, 10, Stance.Asserts, "source:2", "meeting 1"),
            Claim(2, 11, Stance.Hedged, "source:5", "meeting 1"),
            Claim(3, 12, Stance.Asserts, "source:2", "meeting 1"),
        ]);

        Assert.Equal(ClaimLinkKind.Corroborates, links.Single(l => l is { ClaimId: 1, OtherClaimId: 2 }).Kind);
        Assert.Equal(ClaimLinkKind.Refines, links.Single(l => l is { ClaimId: 1, OtherClaimId: 3 }).Kind);
    }

    [Fact]
    public void Claims_of_one_report_or_about_different_subjects_are_not_linked()
    {
        var links = Agreement.Propose(
        [
            Claim(1, 10, Stance.Asserts, "source:2", "meeting 1"),
            Claim(2, 10, Stance.Denies, "source:9", "meeting 1"),
            Claim(3, 11, Stance.Denies, "source:9", "agenda 4"),
        ]);

        Assert.Empty(links);
    }

    [Fact]
    public void Only_claims_sharing_a_subject_are_compared_and_the_links_are_those_of_every_pair()
    {
        var random = new Random(7);
        string[] subjects = ["meeting 1", "meeting 2", "agenda item 3"];
        var claims = Enumerable.Range(1, 40)
            .Select(id => Claim(id, random.Next(1, 8), (Stance)random.Next(3), $"source:{random.Next(1, 4)}", subjects.Where(_ => random.Next(2) == 0).ToArray()))
            .ToList();
        var everyPair = claims.SelectMany(a => claims.Where(b => b.ClaimId > a.ClaimId).Select(b => Agreement.Relate(a, b))).OfType<ProposedLink>().ToList();

        var links = Agreement.Propose(claims);

        Assert.NotEmpty(links);
        Assert.Equal(everyPair, links);
        foreach (var claim in claims)
        {
            Assert.Equal(links.Where(l => l.ClaimId == claim.ClaimId || l.OtherClaimId == claim.ClaimId), Agreement.ProposeFor(claim, claims));
            // The kind alone (without the reason) is the same, both ways round, and none where nothing is proposed.
            foreach (var other in claims)
            {
                Assert.Equal(Agreement.Relate(claim, other)?.Kind, Agreement.KindOf(claim, other));
                Assert.Equal(Agreement.KindOf(other, claim), Agreement.KindOf(claim, other));
            }
        }
    }

    [Fact]
    public void A_link_names_the_lower_claim_first_whichever_way_it_is_asked()
    {
        var a = Claim(4, 10, Stance.Asserts, "source:2", "meeting 1");
        var b = Claim(2, 11, Stance.Denies, "source:9", "meeting 1");

        Assert.Equal(Agreement.Relate(a, b), Agreement.Relate(b, a));
        Assert.Equal((2, 4), (Agreement.Relate(a, b)!.ClaimId, Agreement.Relate(a, b)!.OtherClaimId));
        Assert.Null(Agreement.Relate(a, a));
    }

    [Fact]
    public void A_link_says_why_on_the_first_subject_both_claims_are_about()
    {
        var asserts = Claim(1, 10, Stance.Asserts, "source:2", "meeting 1", "agenda item 5", "agenda item 12");
        var denies = Claim(2, 11, Stance.Denies, "source:9", "meeting 1");
        var independent = Claim(3, 12, Stance.Hedged, "source:5", "meeting 1", "agenda item 5");
        var sameOrigin = Claim(4, 13, Stance.Asserts, "source:2", "agenda item 5", "agenda item 12");

        Assert.Equal("opposite stances on meeting 1", Agreement.Relate(asserts, denies)!.Reason);
        Assert.Equal("agree on agenda item 5, independent origins", Agreement.Relate(asserts, independent)!.Reason);
        // Ordinal order: "agenda item 12" comes before "agenda item 5".
        Assert.Equal("agree on agenda item 12, same origin", Agreement.Relate(sameOrigin, asserts)!.Reason);
        Assert.Null(Agreement.Relate(denies, sameOrigin));
    }
}
