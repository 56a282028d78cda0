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
}
