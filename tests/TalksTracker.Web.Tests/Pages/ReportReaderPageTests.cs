using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class ReportReaderPageTests : MudTestContext
{
    [Fact]
    public async Task Highlights_every_claim_and_marks_the_one_asked_for()
    {
        int reportId, claimId;
        await using (var db = Database.NewContext())
        {
            reportId = await db.Reports.Select(r => r.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            claimId = await db.Claims.Where(c => c.Quote.Contains("Russia has proposed")).Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"reports/{reportId}?claim={claimId}");
        var cut = Render<ReportReaderPage>(p => p.Add(c => c.Id, reportId));

        cut.WaitForAssertion(() => Assert.Equal(18, cut.FindAll(".report-text mark[id]").Count));
        var selected = Assert.Single(cut.FindAll(".report-text mark.selected"));
        Assert.Equal($"claim-{claimId}", selected.Id);
        Assert.StartsWith("According to the same source, Russia has proposed", selected.TextContent);
        // Text is rendered as text: the body appears verbatim, with the title as the heading.
        Assert.StartsWith("Israeli media have revealed", cut.Find(".report-text").TextContent);
    }

    /// <summary>#23: the reader shows each claim's grade, its confidence and what it is linked to.</summary>
    [Fact]
    public async Task Each_claim_shows_its_grade_confidence_and_links()
    {
        int reportId, claimId;
        await using (var db = Database.NewContext())
        {
            reportId = await db.Reports.Select(r => r.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            claimId = await db.Claims.Where(c => c.Quote.Contains("Russia has proposed")).Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"reports/{reportId}");
        var cut = Render<ReportReaderPage>(p => p.Add(c => c.Id, reportId));

        cut.WaitForAssertion(() => Assert.Equal(18, cut.FindAll(".claim-card .claim-confidence [data-testid=confidence-label]").Count));
        var card = cut.Find($".claim-card[data-claim-id='{claimId}']");
        Assert.Equal("C3", card.QuerySelector(".grade")!.TextContent.Trim());
        var links = cut.Find($"[data-claim-links='{claimId}']");
        Assert.Contains("Meeting: Closed-door security meetings in Baku", links.TextContent);
        Assert.Contains("meetings/", links.QuerySelector("[data-link=meeting]")!.GetAttribute("href"));
        Assert.NotNull(links.QuerySelector("[data-link=agenda-item]"));
    }
}
