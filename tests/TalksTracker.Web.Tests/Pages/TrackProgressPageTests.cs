using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Web.Components.Pages;

namespace TalksTracker.Web.Tests.Pages;

public class TrackProgressPageTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_export_is_offered_for_a_track_within_the_limit()
    {
        var cut = await RenderAsync();

        Assert.Equal(["board-csv", "claims-csv", "json", "stix"], cut.FindAll(".export-links a.export-link").Select(a => a.GetAttribute("data-export")));
        Assert.Empty(cut.FindAll("[data-testid=export-limit]"));
    }

    [Fact]
    public async Task A_track_over_the_export_limit_offers_the_csvs_and_says_why_not_json_or_stix()
    {
        Database.Get<TalksTracker.Data.Export.ExportOptions>().MaxClaimsWithLinks = 5;

        var cut = await RenderAsync();

        Assert.Equal(["board-csv", "claims-csv"], cut.FindAll(".export-links a.export-link").Select(a => a.GetAttribute("data-export")));
        var note = cut.Find("[data-testid=export-limit]").TextContent;
        Assert.Contains("for up to 5 claims", note);
        Assert.Contains("this track has 13", note); // the claims about its meetings or agenda items, as the export counts them
    }

    private async Task<int> TrackIdAsync()
    {
        await using var db = Database.NewContext();
        return await db.Tracks.Where(t => t.Name == "Syria–Israel security track").Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<IRenderedComponent<TrackProgressPage>> RenderAsync(string? query = null)
    {
        var id = await TrackIdAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"tracks/{id}/progress{query}");
        var cut = Render<TrackProgressPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("Syria–Israel security track", cut.Find("h1").TextContent));
        // Each item's confidence is weighed after the board is shown.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=weighing]")));
        return cut;
    }

    [Fact]
    public async Task Shows_each_item_with_its_status_backing_and_the_open_gaps_on_their_own()
    {
        var cut = await RenderAsync();

        var guarantees = cut.Find("tr.board-row[data-agenda-item='Long-term guarantees']");
        Assert.Contains("gap remains", guarantees.QuerySelector("td.status")!.TextContent);
        Assert.Contains("not well sourced", guarantees.QuerySelector("td.status")!.TextContent);
        Assert.Contains("1 claim, 1 independent origin", guarantees.QuerySelector("td.backing")!.TextContent);
        Assert.Equal("F4", guarantees.QuerySelector(".grade")!.TextContent.Trim());

        var deployments = cut.Find("tr.board-row[data-agenda-item='Regulating military deployments near the border']");
        Assert.Contains("proposed", deployments.QuerySelector("td.status")!.TextContent);
        Assert.Contains("also reported: gap remains", deployments.QuerySelector("td.status")!.TextContent);

        Assert.Equal(["Regulating military deployments near the border", "Long-term guarantees"],
            cut.FindAll(".open-gaps li").Select(li => li.GetAttribute("data-gap")));
        Assert.Empty(cut.FindAll("[data-disputed]"));
        Assert.Contains("well sourced = at least one claim graded source A–C and information 1–3", cut.Find("#status-rule").TextContent);
        Assert.Equal(5, cut.FindAll("a.export-link[download]").Count); // the four of the board, and the positions CSV
    }

    [Fact]
    public async Task Show_claims_expands_the_claims_behind_the_status_with_links_into_the_report()
    {
        var cut = await RenderAsync();

        cut.Find("tr.board-row[data-agenda-item='Long-term guarantees'] .claims-toggle").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.claims-row .claim-card")));
        var card = cut.Find("tr.claims-row[data-claims-for='Long-term guarantees'] .claim-card");
        Assert.Contains("significant gaps remain regarding the scope of deployments and long-term guarantees", card.TextContent);
        Assert.Contains("Backs the current status", cut.Find("tr.claims-row").TextContent);
        Assert.Matches(@"^/reports/\d+\?claim=\d+#claim-\d+$", card.QuerySelector("a.claim-quote")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Going_to_another_track_and_back_reads_an_items_claims_afresh()
    {
        var cut = await RenderAsync();
        var first = await TrackIdAsync();
        const string Guarantees = "tr.board-row[data-agenda-item='Long-term guarantees']";
        cut.Find($"{Guarantees} .claims-toggle").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.claims-row[data-claims-for='Long-term guarantees'] .claim-card")));

        int second;
        await using (var db = Database.NewContext())
        {
            // Meanwhile another claim is linked to the item, and the user follows a link to another track.
            var guaranteesId = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(Ct);
            var linked = db.ClaimAgendaItems.Where(l => l.AgendaItemId == guaranteesId).Select(l => l.ClaimId);
            var claimId = await db.Claims.Where(c => !linked.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            db.ClaimAgendaItems.Add(new ClaimAgendaItem { ClaimId = claimId, AgendaItemId = guaranteesId });
            var other = new Track { Name = "Another track" };
            db.AgendaItems.Add(new AgendaItem { Track = other, Title = "Another item" });
            await db.SaveChangesAsync(Ct);
            second = other.Id;
        }

        cut.Render(p => p.Add(c => c.Id, second));
        cut.WaitForAssertion(() => Assert.Equal("Another track", cut.Find("h1").TextContent));
        cut.Render(p => p.Add(c => c.Id, first));
        cut.WaitForAssertion(() => Assert.Equal("Syria–Israel security track", cut.Find("h1").TextContent));

        // The item is closed again, and opening it reads its claims as they are now.
        Assert.Empty(cut.FindAll("tr.claims-row"));
        cut.Find($"{Guarantees} .claims-toggle").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.claims-row[data-claims-for='Long-term guarantees'] .claim-card").Count));
    }

    [Fact]
    public async Task Each_item_shows_its_confidence_with_origins_for_and_against_and_the_derivation_on_click()
    {
        var cut = await RenderAsync();
        var analysis = Database.Get<TalksTracker.Data.Analysis.AssessmentService>();
        List<(int Id, string Title)> items;
        await using (var db = Database.NewContext())
        {
            items = (await db.AgendaItems.Select(a => new { a.Id, a.Title }).ToListAsync(Ct)).Select(a => (a.Id, a.Title)).ToList();
        }

        foreach (var (id, title) in items)
        {
            var expected = (await analysis.AssessAgendaItemAsync(id, Ct)).Confidence;
            var cell = cut.Find($"tr.board-row[data-agenda-item='{title}'] td.confidence-cell");
            Assert.Equal(expected.Label, cell.QuerySelector("[data-testid=confidence-label]")!.TextContent.Trim());
            Assert.Contains($"{expected.OriginsFor} independent origin", cell.QuerySelector("[data-testid=origins-for-against]")!.TextContent);
        }

        var deployments = "tr.board-row[data-agenda-item='Regulating military deployments near the border'] td.confidence-cell";
        Assert.Equal("likely", cut.Find($"{deployments} [data-testid=confidence-label]").TextContent.Trim());
        Assert.Equal("1 independent origin for, 0 against", cut.Find($"{deployments} [data-testid=origins-for-against]").TextContent.Trim());
        cut.Find($"{deployments} [data-testid=confidence-label]").Click();
        cut.WaitForAssertion(() => Assert.Contains("a senior Israeli security source (C3)", cut.Find($"{deployments} [data-testid=confidence-derivation]").TextContent));
    }

    [Fact]
    public async Task The_claims_behind_an_item_show_their_own_confidence()
    {
        var cut = await RenderAsync();

        cut.Find("tr.board-row[data-agenda-item='Regulating military deployments near the border'] .claims-toggle").Click();

        // The cards show first; their confidence follows once weighed.
        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll("tr.claims-row .claim-card"));
            Assert.Empty(cut.FindAll("tr.claims-row [data-testid=weighing]"));
        });
        var cards = cut.FindAll("tr.claims-row .claim-card");
        Assert.All(cards, card => Assert.NotNull(card.QuerySelector(".claim-confidence [data-testid=confidence-label]")));
        var redeployment = cards.Single(c => c.TextContent.Contains("Russia has proposed the redeployment", StringComparison.Ordinal));
        Assert.Equal("likely", redeployment.QuerySelector("[data-testid=confidence-label]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_party_denial_shows_the_status_as_disputed()
    {
        int guaranteesId, reportId, sourceId;
        await using (var db = Database.NewContext())
        {
            guaranteesId = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(Ct);
            reportId = await db.Reports.Select(r => r.Id).SingleAsync(Ct);
            sourceId = await db.Sources.Where(s => s.Name == "a senior Israeli security source").Select(s => s.Id).SingleAsync(Ct);
        }

        var outcome = await Database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 20, sourceId, Stance.Denies, 3, AgendaItemIds: [guaranteesId]), Ct);
        Assert.True(outcome.Succeeded);

        var cut = await RenderAsync();

        var row = cut.Find("tr.board-row[data-agenda-item='Long-term guarantees']");
        Assert.Contains("gap remains", row.QuerySelector("td.status")!.TextContent);
        Assert.Contains("0 independent origins for, 1 against", row.QuerySelector("td.confidence-cell")!.TextContent);
        Assert.Equal("unlikely", row.QuerySelector("td.confidence-cell [data-testid=confidence-label]")!.TextContent.Trim());
        Assert.Contains("disputed by a party", row.QuerySelector("[data-disputed]")!.TextContent);
        Assert.Single(cut.FindAll(".digest-denials .claim-card"));
    }

    [Fact]
    public async Task The_digest_reads_its_date_from_the_query_string_and_explains_a_bad_one()
    {
        var cut = await RenderAsync("?since=2026-01-01");
        Assert.Equal("What changed since 1 Jan 2026", cut.Find("#digest-title").TextContent);
        Assert.Contains("Closed-door security meetings in Baku", cut.Find(".digest-meetings").TextContent);
        Assert.Contains("Status changes (8)", cut.Find(".digest-status-changes").TextContent);
        // The date it goes by is said, and the other one is a link away (#23).
        Assert.StartsWith("By the dates the reports give", cut.Find("[data-testid=digest-basis]").TextContent.Trim());
        Assert.Equal("true", cut.Find("[data-basis=reported]").GetAttribute("aria-current"));
        Assert.EndsWith("/progress?since=2026-01-01&by=recorded", cut.Find("[data-basis=recorded]").GetAttribute("href"));

        var recorded = await RenderAsync("?since=2026-01-01&by=recorded");
        Assert.StartsWith("By when each record was entered", recorded.Find("[data-testid=digest-basis]").TextContent.Trim());
        Assert.Equal("true", recorded.Find("[data-basis=recorded]").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_malformed_since_date_is_explained_and_a_week_ago_is_used()
    {
        var bad = await RenderAsync("?since=20-11-2026");
        Assert.Contains("is not a date like 2026-11-20", bad.Find(".since-problem").TextContent);
        var weekAgo = Clock.Today().AddDays(-7);
        Assert.Equal($"What changed since {Components.Shared.Labels.Date(weekAgo)}", bad.Find("#digest-title").TextContent);
    }

    [Fact]
    public async Task Each_chart_has_a_table_view()
    {
        var cut = await RenderAsync();
        // One lane per agenda item (#23: lines on a shared status axis hid each other), each cell titled with its status.
        var itemCount = cut.FindAll("tr.board-row").Count;
        Assert.Equal(itemCount, cut.FindAll(".status-over-time .lane-label").Count);
        Assert.Contains(cut.FindAll(".status-over-time .lane-cell"), c => c.GetAttribute("title")!.StartsWith("Long-term guarantees: gap remains", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".over-time-table"));

        cut.Find(".status-over-time .chart-toggle input").Change(true);
        cut.Find(".activity .chart-toggle input").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("gap remains", cut.Find(".over-time-table tr:has(td:first-child)").ParentElement!.TextContent));
        var month = Assert.Single(cut.FindAll(".activity-table tbody tr"));
        Assert.Equal(["2026-11", "1", "1"], month.QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void An_unknown_track_says_so()
    {
        var cut = Render<TrackProgressPage>(p => p.Add(c => c.Id, 999_999));

        cut.WaitForAssertion(() => Assert.Contains("No such track (999999)", cut.Find("#not-found").TextContent));
    }

    [Fact]
    public void The_overview_sums_up_each_track_by_status_with_its_open_gaps()
    {
        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".progress-summary tr[data-track='Syria–Israel security track']")));
        var row = cut.Find(".progress-summary tr[data-track='Syria–Israel security track']");
        Assert.Equal("2", row.QuerySelector(".open-gaps-count")!.TextContent.Trim());
        Assert.Equal("3", row.QuerySelector("[data-status='Discussed'] .count")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-status='GapRemains'] .count")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-status='Agreed']"));
        Assert.Equal(["Raised", "Proposed", "Discussed", "GapRemains"], row.QuerySelectorAll("[data-status]").Select(c => c.GetAttribute("data-status")));
    }
}
