using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TalksTracker.Data.Services;
using TalksTracker.Domain;
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
}
