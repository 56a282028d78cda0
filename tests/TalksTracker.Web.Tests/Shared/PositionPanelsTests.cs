using Bunit;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Positions;
using TalksTracker.Data.Progress;
using TalksTracker.Domain.Positions;
using TalksTracker.Web.Components.Shared;
using TalksTracker.Web.Components.Shared.Positions;

namespace TalksTracker.Web.Tests.Shared;

/// <summary>The positions on the track board, the meeting dossier and the digest.</summary>
public class PositionPanelsTests : MudTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_board_shows_each_items_gap_and_parties_latest_stances_with_a_link_to_its_matrix()
    {
        int trackId, itemId;
        await using (var db = Database.NewContext())
        {
            var item = await db.AgendaItems.Where(a => a.Title == "Expanded Turkish military role").Select(a => new { a.Id, a.TrackId }).SingleAsync(Ct);
            (trackId, itemId) = (item.TrackId, item.Id);
        }

        var cut = Render<TrackPositionsPanel>(p => p.Add(c => c.TrackId, trackId));

        cut.WaitForAssertion(() => cut.Find("li[data-positions-item='Expanded Turkish military role']"));
        var row = cut.Find("li[data-positions-item='Expanded Turkish military role']");
        Assert.Equal($"agenda-items/{itemId}", row.QuerySelector("a.item-matrix-link")!.GetAttribute("href"));
        Assert.Equal("Israel: objection", row.QuerySelector("[data-party=Israel]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-gap-state]"));
        Assert.Empty(cut.FindAll("li[data-positions-item='Long-term guarantees']"));
        Assert.Contains("have no recorded position", cut.Markup);
        Assert.Equal($"api/export/csv?track={trackId}&what=positions", cut.Find("[data-export=positions-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_boards_standings_are_read_again_when_the_board_reads_again_after_a_change()
    {
        int trackId, itemId, partyId, claimId;
        await using (var db = Database.NewContext())
        {
            var item = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => new { a.Id, a.TrackId }).SingleAsync(Ct);
            (trackId, itemId) = (item.TrackId, item.Id);
            partyId = await db.Actors.Where(a => a.Name == "Syria").Select(a => a.Id).SingleAsync(Ct);
            claimId = await db.ClaimAgendaItems.Where(l => l.AgendaItemId == itemId).Select(l => l.ClaimId).FirstAsync(Ct);
        }

        const string row = "li[data-positions-item='Long-term guarantees']";
        var cut = Render<TrackPositionsPanel>(p => p.Add(c => c.TrackId, trackId).Add(c => c.ReadGeneration, 1));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("li[data-positions-item]")));
        Assert.Empty(cut.FindAll(row));
        var recorded = await Database.Get<PositionService>().RecordAsync(itemId, 
            new NewPosition(partyId, PositionKind.Demand, "Syria demands written guarantees", ClaimIds: [claimId]), Ct);
        Assert.True(recorded.Succeeded);

        cut.Render(p => p.Add(c => c.TrackId, trackId).Add(c => c.ReadGeneration, 1));
        Assert.Empty(cut.FindAll(row)); // the same read: not read again

        cut.Render(p => p.Add(c => c.TrackId, trackId).Add(c => c.ReadGeneration, 2));
        cut.WaitForAssertion(() => Assert.Equal("Syria: demand", cut.Find($"{row} [data-party=Syria]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_dossier_shows_the_positions_stated_at_the_meeting()
    {
        int meetingId;
        await using (var db = Database.NewContext())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync(Ct);
        }

        var cut = Render<MeetingPositions>(p => p.Add(c => c.MeetingId, meetingId));

        cut.WaitForAssertion(() => Assert.Contains("Positions stated here", cut.Find("#meeting-positions-title").TextContent));
        var russia = Assert.Single(cut.FindAll(".meeting-positions li"), li => li.TextContent.Contains("Russia"));
        Assert.Equal("proposal", russia.QuerySelector("[data-kind]")!.TextContent.Trim());
        Assert.Contains("#position-", russia.QuerySelector("a.position-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_dossiers_positions_are_read_again_when_the_dossier_reads_again_after_a_change()
    {
        int meetingId, itemId, partyId, claimId;
        await using (var db = Database.NewContext())
        {
            meetingId = await db.Meetings.Select(m => m.Id).SingleAsync(Ct);
            itemId = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(Ct);
            partyId = await db.Actors.Where(a => a.Name == "Syria").Select(a => a.Id).SingleAsync(Ct);
            claimId = await db.ClaimMeetings.Where(l => l.MeetingId == meetingId).Select(l => l.ClaimId).FirstAsync(Ct);
        }

        var cut = Render<MeetingPositions>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.ReadGeneration, 1));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".meeting-positions li")));
        var shown = cut.FindAll(".meeting-positions li").Count;
        var recorded = await Database.Get<PositionService>().RecordAsync(itemId,
            new NewPosition(partyId, PositionKind.Demand, "Syria demands written guarantees", ClaimIds: [claimId]), Ct);
        Assert.True(recorded.Succeeded);

        cut.Render(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.ReadGeneration, 1));
        Assert.Equal(shown, cut.FindAll(".meeting-positions li").Count); // the same read: not read again

        cut.Render(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.ReadGeneration, 2));
        cut.WaitForAssertion(() => Assert.Equal(shown + 1, cut.FindAll(".meeting-positions li").Count));
        Assert.Contains("Syria demands written guarantees", cut.Find($"li[data-position-id='{recorded.Value!.Id}']").TextContent);
    }

    [Fact]
    public void The_digest_lists_position_changes_with_the_stance_before()
    {
        var digest = new Digest(1, new DateOnly(2026, 11, 20), DigestBasis.Reported, [], [], [], [],
            [new DigestPositionChange(7, 3, "Expanded Turkish military role", "Israel", PositionKind.Condition, PositionKind.Objection, "1 Dec 2026", DateTime.UtcNow),
             new DigestPositionChange(8, 4, "Long-term guarantees", "Syria", PositionKind.Demand, null, "2 Dec 2026", DateTime.UtcNow)]);

        var cut = Render<DigestPanel>(p => p.Add(c => c.TrackId, 1).Add(c => c.Since, digest.Since).Add(c => c.Digest, digest));

        var row = cut.Find("tr.digest-position-changes");
        Assert.Contains("Position changes (2)", row.TextContent);
        var first = row.QuerySelector("[data-position-id='7']")!;
        Assert.Contains("Israel →", first.TextContent);
        Assert.Equal("condition", first.QuerySelector("strong")!.TextContent);
        Assert.Contains("was objection", first.TextContent);
        Assert.Equal("agenda-items/3#position-7", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("first stated", row.QuerySelector("[data-position-id='8']")!.TextContent);
    }
}
