using Bunit;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class MeetingDossierPageTests : MudTestContext
{
    [Fact]
    public async Task Shows_the_meeting_its_agenda_and_claims_grouped_by_source()
    {
        int meetingId;
        await using (var db = Database.NewContext())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<MeetingDossierPage>(p => p.Add(c => c.Id, meetingId));

        cut.WaitForAssertion(() => Assert.Equal("Closed-door security meetings in Baku", cut.Find("h1").TextContent));
        Assert.Equal("~ recent weeks before 26 Nov 2026", cut.Find("td.date").TextContent);
        Assert.Contains("10 claims from 1 independent origin", cut.Find("td.backing").TextContent);
        var senior = cut.Find("section[data-source='a senior Israeli security source']");
        Assert.Equal(3, senior.QuerySelectorAll(".claim-card").Length);
        Assert.Contains("Russia has proposed the redeployment", senior.TextContent);
        Assert.Contains("gap remains", cut.Find(".agenda").TextContent);
    }

    [Fact]
    public async Task Every_claim_card_shows_the_claims_own_confidence()
    {
        int meetingId;
        await using (var db = Database.NewContext())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<MeetingDossierPage>(p => p.Add(c => c.Id, meetingId));

        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll(".claim-card").Count));
        // Weighed after the dossier is shown.
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll(".claim-card .claim-confidence [data-testid=confidence-label]").Count));
        var analysis = Database.Get<TalksTracker.Data.Analysis.AssessmentService>();
        foreach (var card in cut.FindAll(".claim-card"))
        {
            var expected = (await analysis.AssessClaimAsync(int.Parse(card.GetAttribute("data-claim-id")!), Xunit.TestContext.Current.CancellationToken))!.Confidence;
            Assert.Equal(expected.Label, card.QuerySelector(".claim-confidence [data-testid=confidence-label]")!.TextContent.Trim());
        }

        var redeployment = cut.FindAll(".claim-card").Single(c => c.TextContent.Contains("Russia has proposed the redeployment", StringComparison.Ordinal));
        Assert.Equal("likely", redeployment.QuerySelector("[data-testid=confidence-label]")!.TextContent.Trim());
    }

    [Fact]
    public void An_unknown_meeting_says_so()
    {
        var cut = Render<MeetingDossierPage>(p => p.Add(c => c.Id, 999_999));

        cut.WaitForAssertion(() => Assert.Contains("No such meeting (999999)", cut.Find("#not-found").TextContent));
    }
}
