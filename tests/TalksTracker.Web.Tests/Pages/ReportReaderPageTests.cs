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
}
