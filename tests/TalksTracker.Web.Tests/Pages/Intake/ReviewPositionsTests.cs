using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Intake;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;
using TalksTracker.Web.Components.Pages.Intake;

namespace TalksTracker.Web.Tests.Pages.Intake;

/// <summary>The review card's positions: shown as "party · kind · item", removed, changed and added as the editor works, each saved at once.</summary>
public class ReviewPositionsTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private const string Objection = "Israel · objection · Expanded Turkish military role";

    private ReviewService Review => Services.GetRequiredService<ReviewService>();

    private async Task<(int ReportId, IRenderedComponent<ReviewPage> Page)> ReviewSeedArticleAsync(string? lastParagraph = null)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "seed-article.txt"), Ct);
        var intake = Services.GetRequiredService<IntakeService>();
        var receipt = (await intake.TakeInAsync(new ReportSubmission
        {
            Text = text.TrimEnd() + (lastParagraph is null ? "" : $"\n\n{lastParagraph}") + $"\n\nRef {Guid.NewGuid():N}.",
            PublishedOn = new DateOnly(2026, 11, 27),
        }, Ct)).Value!;
        var page = Render<ReviewPage>(p => p.Add(x => x.Id, receipt.ReportId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-position-label]")), TimeSpan.FromSeconds(10));
        return (receipt.ReportId, page);
    }

    private static IElement Card(IRenderedComponent<ReviewPage> page, string label) =>
        page.FindAll(".proposal-card").First(c => c.QuerySelectorAll("[data-position-label]").Any(l => l.TextContent.Trim() == label));

    private static IElement Row(IElement card, string label) =>
        card.QuerySelectorAll("[data-position]").First(r => r.QuerySelector("[data-position-label]")!.TextContent.Trim() == label);

    private async Task<List<string>> StoredAsync(int reportId, int proposalId)
    {
        var session = (await Review.OpenAsync(reportId, Ct))!;
        return [.. session.Proposals.Single(p => p.Id == proposalId).Positions.Select(p =>
            $"{(p.NewParty is { } name ? $"{name} (new)" : session.Parties.Single(a => a.Id == p.PartyActorId).Name)} · {p.Kind.Words()} · {session.AgendaItems.Single(a => a.Id == p.AgendaItemId).Name}")];
    }

    [Fact]
    public async Task The_pasted_seed_article_shows_the_three_positions_the_issue_names_on_its_cards()
    {
        var (_, page) = await ReviewSeedArticleAsync();

        var labels = page.FindAll("[data-position-label]").Select(l => l.TextContent.Trim()).ToList();

        Assert.Contains("Russia · proposal · Regulating military deployments near the border", labels);
        Assert.Contains("Israel · preference · Continued Russian military presence in southern Syria", labels);
        Assert.Contains(Objection, labels);
    }

    [Fact]
    public async Task A_proposed_position_is_shown_and_can_be_changed_removed_and_added_each_saved_at_once()
    {
        var (reportId, page) = await ReviewSeedArticleAsync();
        var card = Card(page, Objection);
        var proposalId = int.Parse(card.GetAttribute("data-proposal-id")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Objection, await StoredAsync(reportId, proposalId));

        await SelectAsync(Row(card, Objection).QuerySelector("[data-field=position-kind]")!, "red line");
        const string redLine = "Israel · red line · Expanded Turkish military role";
        page.WaitForAssertion(() => Assert.Contains(Card(page, redLine).QuerySelectorAll("[data-position-label]"), l => l.TextContent.Trim() == redLine));
        Assert.Contains(redLine, await StoredAsync(reportId, proposalId));

        await Row(Card(page, redLine), redLine).QuerySelector("[data-action=remove-position]")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("[data-position-label]"), l => l.TextContent.Trim() == redLine));
        Assert.DoesNotContain(redLine, await StoredAsync(reportId, proposalId));

        card = page.Find($"[data-proposal-id='{proposalId}']");
        await SelectAsync(card.QuerySelector("[data-field=new-position-party]")!, "Syria");
        await SelectAsync(page.Find($"[data-proposal-id='{proposalId}'] [data-field=new-position-kind]"), "condition");
        await SelectAsync(page.Find($"[data-proposal-id='{proposalId}'] [data-field=new-position-item]"), "Long-term guarantees");
        await page.Find($"[data-proposal-id='{proposalId}'] [data-action=add-position]").ClickAsync(new());
        const string added = "Syria · condition · Long-term guarantees";
        page.WaitForAssertion(() => Assert.Contains(page.FindAll($"[data-proposal-id='{proposalId}'] [data-position-label]"), l => l.TextContent.Trim() == added));
        Assert.Contains(added, await StoredAsync(reportId, proposalId));
    }

    [Fact]
    public async Task A_party_the_catalog_lacks_is_shown_as_new_with_what_completing_does_and_picking_one_replaces_it()
    {
        var (reportId, page) = await ReviewSeedArticleAsync("The Southern Liberation Front has rejected any expanded Turkish military role.");
        const string proposed = "Southern Liberation Front (new) · rejection · Expanded Turkish military role";
        var card = Card(page, proposed);
        var proposalId = int.Parse(card.GetAttribute("data-proposal-id")!, System.Globalization.CultureInfo.InvariantCulture);

        var row = Row(card, proposed);
        Assert.Contains("Not in the catalog yet: completing the review adds it as non-state armed group", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(proposed, await StoredAsync(reportId, proposalId));

        await SelectAsync(row.QuerySelector("[data-field=position-party]")!, "Israel");

        const string picked = "Israel · rejection · Expanded Turkish military role";
        page.WaitForAssertion(() => Assert.Contains(page.FindAll($"[data-proposal-id='{proposalId}'] [data-position-label]"), l => l.TextContent.Trim() == picked));
        Assert.DoesNotContain("completing the review adds it", page.Find($"[data-proposal-id='{proposalId}']").TextContent, StringComparison.Ordinal);
        Assert.Contains(picked, await StoredAsync(reportId, proposalId));
        Assert.DoesNotContain(proposed, await StoredAsync(reportId, proposalId));
    }
}
