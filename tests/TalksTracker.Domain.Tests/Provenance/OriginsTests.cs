using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Provenance;

public class OriginsTests
{
    private const int IsraeliMedia = 1;
    private const int SeniorSource = 2;
    private const int Analysts = 3;

    [Fact]
    public void Seed_article_media_relaying_the_senior_source_is_one_origin_not_two()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, ReportId: 10, SourceId: IsraeliMedia, ViaSourceId: null, Outlet: null),
            new ClaimOriginFacts(2, ReportId: 10, SourceId: SeniorSource, ViaSourceId: IsraeliMedia, Outlet: null),
            new ClaimOriginFacts(3, ReportId: 10, SourceId: SeniorSource, ViaSourceId: IsraeliMedia, Outlet: null),
        };

        Assert.Equal(1, Origins.CountIndependent(claims));
    }

    [Fact]
    public void Analysts_are_a_second_origin()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, 10, IsraeliMedia, null, null),
            new ClaimOriginFacts(2, 10, SeniorSource, IsraeliMedia, null),
            new ClaimOriginFacts(3, 10, Analysts, null, null),
        };

        Assert.Equal(2, Origins.CountIndependent(claims));
    }

    [Fact]
    public void The_outlets_own_voice_retells_the_sources_it_cites()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, 10, SeniorSource, null, "Outlet"),
            new ClaimOriginFacts(2, 10, null, null, "Outlet"),
        };

        Assert.Equal(1, Origins.CountIndependent(claims));
    }

    [Fact]
    public void Unattributed_reports_count_once_per_outlet()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, 10, null, null, "Outlet A"),
            new ClaimOriginFacts(2, 11, null, null, "outlet a "),
            new ClaimOriginFacts(3, 12, null, null, "Outlet B"),
            new ClaimOriginFacts(4, 13, null, null, null),
        };

        Assert.Equal(3, Origins.CountIndependent(claims));
    }

    [Fact]
    public void A_relay_only_applies_within_the_report_that_records_it()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, 10, SeniorSource, IsraeliMedia, null),
            new ClaimOriginFacts(2, 11, IsraeliMedia, null, null),
        };

        Assert.Equal(2, Origins.CountIndependent(claims));
    }

    [Fact]
    public void A_relay_cycle_ends_instead_of_looping()
    {
        var claims = new[]
        {
            new ClaimOriginFacts(1, 10, 1, 2, null),
            new ClaimOriginFacts(2, 10, 2, 1, null),
        };

        Assert.InRange(Origins.CountIndependent(claims), 1, 2);
    }

    [Fact]
    public void No_claims_means_no_origins() => Assert.Equal(0, Origins.CountIndependent([]));
}
