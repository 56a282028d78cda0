using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Provenance;

public class EvidenceTests
{
    private const int Senior = 1;
    private const int Media = 2;
    private const int Spokesman = 3;
    private const int Diplomats = 4;

    private static readonly Dictionary<int, string> Names = new()
    {
        [Senior] = "a senior security source", [Media] = "Israeli media", [Spokesman] = "a foreign ministry spokesman", [Diplomats] = "diplomats",
    };

    private static EvidenceClaim Claim(int id, int report, int? source, Stance stance, Reliability r, int c, params string[] subjects) =>
        new(id, report, source, null, "Outlet", stance, Grade.Of(r, c), subjects.ToHashSet());

    private static Evidence Of(IEnumerable<EvidenceClaim> claims, params LinkVerdict[] verdicts) =>
        new(claims, verdicts, new Dictionary<int, int>(), Names);

    private static readonly EvidenceClaim Meeting = Claim(1, 10, Senior, Stance.Asserts, Reliability.C, 3, "meeting 1");
    private static readonly EvidenceClaim Agenda = Claim(2, 10, Senior, Stance.Hedged, Reliability.C, 3, "meeting 1", "agenda item 5");
    private static readonly EvidenceClaim Denial = Claim(3, 11, Spokesman, Stance.Denies, Reliability.B, 2, "meeting 1");
    private static readonly EvidenceClaim Confirmation = Claim(4, 12, Diplomats, Stance.Asserts, Reliability.B, 2, "agenda item 5");
    private static readonly EvidenceClaim Elsewhere = Claim(5, 13, Diplomats, Stance.Asserts, Reliability.A, 1, "meeting 2");

    [Fact]
    public void Narrowing_to_some_subjects_gives_what_only_their_claims_would_give()
    {
        var all = Of([Meeting, Agenda, Denial, Confirmation, Elsewhere]);
        var onlyMeeting = Of([Meeting, Claim(2, 10, Senior, Stance.Hedged, Reliability.C, 3, "meeting 1"), Denial]);

        var narrowed = all.About(new HashSet<string> { "meeting 1" });

        Assert.Equal([1, 2, 3], narrowed.Claims.Select(c => c.ClaimId));
        Assert.Equal(["meeting 1"], narrowed.Claims.Single(c => c.ClaimId == 2).Subjects);
        Assert.Equal(onlyMeeting.Confidence().Derivation, narrowed.Confidence().Derivation);
        Assert.Equal(Relations(onlyMeeting), Relations(narrowed));
        Assert.Equal(onlyMeeting.Standing(2), narrowed.Standing(2), StandingComparer.Instance);
    }

    [Fact]
    public void A_denial_counts_against_a_meeting_and_for_itself()
    {
        var meeting = Of([Meeting, Denial]);

        var subject = meeting.Confidence();
        var denial = meeting.Standing(Denial.ClaimId);
        var assertion = meeting.Standing(Meeting.ClaimId);

        Assert.Equal((1, 1), (subject.OriginsFor, subject.OriginsAgainst));
        Assert.Equal(Estimate.Unlikely, subject.Estimate);
        // The denial's own confidence is that the denial holds: the spokesman (B2) is for it, the senior source against.
        Assert.Equal(Estimate.Likely, denial.Confidence.Estimate);
        Assert.Equal("a foreign ministry spokesman", denial.Confidence.Evidence.Single(e => e.For).Origin);
        Assert.Equal(1 - subject.Probability, denial.Confidence.Probability, 6);
        Assert.Equal(subject.Probability, assertion.Confidence.Probability, 6);
        Assert.Equal(ClaimLinkKind.Contradicts, Assert.Single(denial.Relations).Kind);
    }

    [Fact]
    public void A_rejected_link_drops_the_other_claim_from_a_claims_standing_and_a_confirmed_one_keeps_the_editors_kind()
    {
        var proposed = Of([Meeting, Denial, Claim(6, 14, Diplomats, Stance.Asserts, Reliability.B, 2, "meeting 1")]);
        var reviewed = Of(proposed.Claims,
            new LinkVerdict(1, 3, ClaimLinkKind.Contradicts, LinkReview.Rejected),
            new LinkVerdict(1, 6, ClaimLinkKind.Refines, LinkReview.Confirmed));

        Assert.Equal(2, proposed.Standing(1).Relations.Count);
        Assert.Equal(1, proposed.Standing(1).Confidence.OriginsAgainst);
        var standing = reviewed.Standing(1);
        var link = Assert.Single(standing.Relations);
        Assert.Equal((6, ClaimLinkKind.Refines, true), (link.OtherClaimId, link.Kind, link.Confirmed));
        Assert.Equal(0, standing.Confidence.OriginsAgainst);
        Assert.DoesNotContain(reviewed.Relations()[3], r => r.OtherClaimId == 1);
    }

    [Fact]
    public void A_claim_about_no_subject_stands_alone_on_its_own_origin()
    {
        var lone = Claim(7, 15, Diplomats, Stance.Asserts, Reliability.B, 2);

        var standing = Of([Meeting, Denial]).Around(lone).Standing(7);

        Assert.Empty(standing.Relations);
        Assert.Equal(("source:4", "diplomats"), (standing.OriginKey, standing.Origin));
        Assert.Equal(1, standing.Confidence.OriginsFor);
        Assert.Equal(Estimate.Likely, standing.Confidence.Estimate);
    }

    [Fact]
    public void The_outlets_own_voice_in_a_report_that_cites_sources_has_no_origin_and_rests_on_the_sources_it_retells()
    {
        var voice = Claim(8, 10, null, Stance.Asserts, Reliability.F, 6, "meeting 1");
        var evidence = Of([Meeting, voice, Denial, Elsewhere]);

        var standing = evidence.Standing(8);

        Assert.Null(standing.OriginKey);
        Assert.Equal("none (the outlet retells the sources it cites)", standing.Origin);
        // The senior source it retells speaks for it, the denial of another report against it: as for the senior source's claim.
        Assert.Equal(["a senior security source"], standing.Confidence.Evidence.Where(e => e.For).Select(e => e.Origin));
        Assert.Equal(evidence.Standing(Meeting.ClaimId).Confidence.Probability, standing.Confidence.Probability, 6);
        Assert.Equal(standing.Confidence.Derivation, evidence.ConfidenceOf(8).Derivation);
    }

    [Fact]
    public void Each_claims_standing_from_a_shared_load_matches_a_load_of_its_own_subjects()
    {
        // Many claims over a few subjects, some from reports that cite sources and some not: each claim's standing
        // from everything at once, narrowed around it, is the standing from only the claims about its subjects.
        var random = new Random(42);
        string[] subjects = ["meeting 1", "meeting 2", "agenda item 1", "agenda item 2"];
        var claims = Enumerable.Range(1, 60).Select(id => new EvidenceClaim(
            id, random.Next(1, 15), random.Next(4) == 0 ? null : random.Next(1, 5), random.Next(5) == 0 ? random.Next(1, 5) : null,
            $"outlet {random.Next(3)}", (Stance)random.Next(3), Grade.Of((Reliability)random.Next(6), random.Next(1, 7)),
            subjects.Where(_ => random.Next(3) == 0).ToHashSet())).ToList();
        var verdicts = new[] { new LinkVerdict(1, 2, ClaimLinkKind.Refines, LinkReview.Confirmed), new LinkVerdict(3, 9, ClaimLinkKind.Contradicts, LinkReview.Rejected) };
        var all = Of(claims, verdicts);

        foreach (var claim in claims)
        {
            var own = Of(claims.Where(c => c.Subjects.Overlaps(claim.Subjects) || c.ClaimId == claim.ClaimId)
                .Select(c => c with { Subjects = c.Subjects.Intersect(claim.Subjects).ToHashSet() }), verdicts);

            var standing = all.Around(claim).Standing(claim.ClaimId);
            Assert.Equal(own.Standing(claim.ClaimId), standing, StandingComparer.Instance);
            // The short way to a claim's confidence (for its card) is the long way's answer, around it or not.
            Assert.Equal(standing.Confidence.Derivation, all.Around(claim).ConfidenceOf(claim.ClaimId).Derivation);
            Assert.Equal(all.Standing(claim.ClaimId).Confidence.Derivation, all.ConfidenceOf(claim.ClaimId).Derivation);
            // So is the short way to the kinds of its links (for a source's track record).
            Assert.Equal(standing.Relations.Select(r => r.Kind).ToHashSet(), all.Around(claim).LinkKindsOf(claim.ClaimId));
            Assert.Equal(all.Standing(claim.ClaimId).Relations.Select(r => r.Kind).ToHashSet(), all.LinkKindsOf(claim.ClaimId));
        }
    }

    [Fact]
    public void An_origin_counts_once_on_each_side_with_its_strongest_claim_the_first_of_equal_ones()
    {
        // One source in three reports: B1 and A2 weigh the same (0.85 × 1.0 = 1.0 × 0.85), C3 less; the first of the
        // equal ones (by claim) is the one the derivation names.
        var evidence = Of(
        [
            Claim(1, 10, Senior, Stance.Asserts, Reliability.C, 3, "meeting 1"),
            Claim(2, 11, Senior, Stance.Asserts, Reliability.B, 1, "meeting 1"),
            Claim(3, 12, Senior, Stance.Asserts, Reliability.A, 2, "meeting 1"),
            Claim(4, 13, Diplomats, Stance.Denies, Reliability.E, 5, "meeting 1"),
        ]);

        var confidence = evidence.Confidence();

        Assert.Equal(["a senior security source:B1:True", "diplomats:E5:False"], confidence.Evidence.Select(e => $"{e.Origin}:{e.Grade}:{e.For}"));
        Assert.Equal(0.85, confidence.Evidence[0].Weight, 6);
        Assert.Equal(confidence.Derivation, evidence.Standing(1).Confidence.Derivation);
    }

    [Fact]
    public void Origin_names_read_as_people_say_them()
    {
        Assert.Equal("diplomats", Origins.Name("source:4", Names));
        Assert.Equal("reuters (outlet's own voice)", Origins.Name("outlet:reuters", Names));
        Assert.Equal("none (the outlet retells the sources it cites)", Origins.Name(null, Names));
    }

    [Fact]
    public void The_relay_chain_runs_from_the_speaker_through_the_relay_to_the_report()
    {
        Assert.Equal(["a senior source", "via Israeli media", "in “Talks in Baku”"], Origins.RelayChain("a senior source", "Israeli media", "Outlet", "Talks in Baku"));
        Assert.Equal(["Outlet (own voice)", "in “Talks in Baku”"], Origins.RelayChain(null, null, "Outlet", "Talks in Baku"));
    }

    private static Dictionary<int, string> Relations(Evidence evidence) =>
        evidence.Relations().ToDictionary(r => r.Key, r => string.Join(";", r.Value.Select(x => $"{x.OtherClaimId}:{x.Kind}:{x.Confirmed}")));

    private sealed class StandingComparer : IEqualityComparer<ClaimStanding>
    {
        public static readonly StandingComparer Instance = new();

        public bool Equals(ClaimStanding? x, ClaimStanding? y) =>
            x is not null && y is not null
            && (x.ClaimId, x.OriginKey, x.Origin) == (y.ClaimId, y.OriginKey, y.Origin)
            && x.Relations.SequenceEqual(y.Relations)
            && x.Confidence.Derivation == y.Confidence.Derivation
            && (x.Confidence.OriginsFor, x.Confidence.OriginsAgainst) == (y.Confidence.OriginsFor, y.Confidence.OriginsAgainst);

        public int GetHashCode(ClaimStanding obj) => obj.ClaimId;
    }
}
