using Bunit;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Tests.Shared;

public class GradeAndStanceTests : BunitContext
{
    public GradeAndStanceTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData(Reliability.B, 2, "B2")]
    [InlineData(Reliability.F, 6, "F6")]
    public void Grade_shows_the_familiar_two_characters(Reliability reliability, int credibility, string expected)
    {
        var cut = Render<GradeChip>(p => p.Add(c => c.Grade, Grade.Of(reliability, credibility)));

        Assert.Equal(expected, cut.Find(".grade").TextContent.Trim());
    }

    [Fact]
    public void A_denial_stands_out_and_an_assertion_shows_no_stance_chip()
    {
        var denial = Render<StanceChip>(p => p.Add(c => c.Stance, Stance.Denies));
        var assertion = Render<StanceChip>(p => p.Add(c => c.Stance, Stance.Asserts));

        Assert.Contains("mud-chip-color-error", denial.Find(".stance").ClassName);
        Assert.Equal("denies", denial.Find(".stance").TextContent.Trim());
        Assert.Empty(assertion.FindAll(".stance"));
    }

    [Fact]
    public void A_hedged_claim_names_its_hedge()
    {
        var cut = Render<StanceChip>(p => p.Add(c => c.Stance, Stance.Hedged).Add(c => c.Hedge, "reportedly"));

        Assert.Equal("hedged: reportedly", cut.Find(".stance").TextContent.Trim());
    }
}
