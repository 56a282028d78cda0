using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TalksTracker.Data.Claims;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Tests.Shared;

public class ClaimCardTests : BunitContext
{
    public ClaimCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static ClaimView Claim(string quote, SourceRef? source, Stance stance = Stance.Asserts) =>
        new(7, 3, "A report", "Outlet", null, 10, 10 + quote.Length, quote, stance, 2, "said", null, source, null);

    [Fact]
    public void Shows_source_grade_quote_and_a_link_to_the_span_in_its_report()
    {
        var cut = Render<ClaimCard>(p => p.Add(c => c.Claim, Claim("Talks were held.", new SourceRef(5, "a diplomat", SourceKind.AnonymousOfficial, Reliability.B))));

        Assert.Equal("a diplomat", cut.Find("a.source").TextContent);
        Assert.Equal("B2", cut.Find(".grade").TextContent.Trim());
        Assert.Equal("Talks were held.", cut.Find("blockquote").TextContent);
        Assert.Equal("/reports/3?claim=7#claim-7", cut.Find("a.claim-quote").GetAttribute("href"));
    }

    [Fact]
    public void An_unattributed_claim_says_it_is_the_outlets_own_voice()
    {
        var cut = Render<ClaimCard>(p => p.Add(c => c.Claim, Claim("It is said.", null)));

        Assert.Equal("the outlet's own voice", cut.Find(".source.unattributed").TextContent);
        Assert.Equal("F2", cut.Find(".grade").TextContent.Trim());
    }

    [Fact]
    public void A_denied_claim_is_marked()
    {
        var cut = Render<ClaimCard>(p => p.Add(c => c.Claim, Claim("No talks took place.", null, Stance.Denies)));

        Assert.Contains("denied", cut.Find(".claim-card").ClassName);
    }

    [Fact]
    public void Quote_markup_is_shown_as_text_not_run()
    {
        var cut = Render<ClaimCard>(p => p.Add(c => c.Claim, Claim("<script>alert(1)</script>", null)));

        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", cut.Find("blockquote").TextContent);
    }

    [Fact]
    public void Shows_the_claims_confidence_with_its_origins_and_the_derivation_on_click()
    {
        var confidence = Confidence.Assess(
        [
            new WeighedClaim("source:5", "a diplomat", true, Grade.Of(Reliability.B, 2), false),
            new WeighedClaim("source:9", "a spokesman", false, Grade.Of(Reliability.C, 3), false),
        ]);
        var cut = Render<ClaimCard>(p => p
            .Add(c => c.Claim, Claim("Talks were held.", new SourceRef(5, "a diplomat", SourceKind.AnonymousOfficial, Reliability.B)))
            .Add(c => c.Confidence, confidence));

        Assert.Equal("likely", cut.Find("[data-testid=confidence-label]").TextContent.Trim());
        Assert.Equal(nameof(Estimate.Likely), cut.Find(".claim-confidence .confidence").GetAttribute("data-estimate"));
        Assert.Equal("1 independent origin for, 1 against", cut.Find("[data-testid=origins-for-against]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=confidence-derivation]"));

        cut.Find("[data-testid=confidence-label]").Click();

        // MudChip handles the click asynchronously: the derivation shows once it has.
        cut.WaitForAssertion(() => Assert.Equal(confidence.Derivation, cut.Find("[data-testid=confidence-derivation]").TextContent));
        Assert.Contains("+0.72 a diplomat (B2); −0.42 a spokesman (C3)", confidence.Derivation);
    }

    [Fact]
    public void Without_an_assessment_the_card_shows_no_confidence()
    {
        var cut = Render<ClaimCard>(p => p.Add(c => c.Claim, Claim("Talks were held.", null)));

        Assert.Empty(cut.FindAll(".claim-confidence"));
    }
}
