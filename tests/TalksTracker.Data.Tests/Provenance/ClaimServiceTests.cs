using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Reading;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Provenance;

public abstract class ClaimServiceTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ClaimService Claims => database.Get<ClaimService>();

    private SourceService Sources => database.Get<SourceService>();

    private async Task<int> IdOf<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }

    [Fact]
    public async Task Claims_for_the_Baku_meeting_carry_report_span_and_source()
    {
        var meetingId = await IdOf(db => db.Meetings);

        var claims = await Claims.ForMeetingAsync(meetingId, Ct);

        var redeployment = Assert.Single(claims, c => c.Quote.Contains("Russia has proposed the redeployment"));
        Assert.Equal("a senior Israeli security source", redeployment.Source!.Name);
        Assert.Equal("Israeli media", redeployment.Via!.Name);
        Assert.Equal("C3", redeployment.Grade.ToString());
        Assert.Equal(redeployment.End - redeployment.Start, redeployment.Quote.Length);
        Assert.StartsWith("Under Russian auspices", redeployment.ReportTitle);
    }

    /// <summary>A busy source's page reads the newest claims it made and relayed (at most <see cref="ClaimService.ClaimsListed"/> each) and counts all.</summary>
    [Fact]
    public async Task A_source_page_lists_its_newest_claims_and_counts_them_all()
    {
        // A database of its own: the other tests here count the seed's claims.
        await using var own = database.Provider == DatabaseProvider.Postgres ? new PostgresSeededDatabase() : new SeededDatabase();
        await own.InitializeAsync();
        int busy;
        await using (var db = own.NewContext())
        {
            var report = await db.Reports.Select(r => r.Id).FirstAsync(Ct);
            var relayedBy = await db.Sources.Where(s => s.Name == "Israeli media").Select(s => s.Id).SingleAsync(Ct);
            var source = new Source { Name = "listing check source", Kind = SourceKind.Analyst, Reliability = Reliability.C };
            db.Sources.Add(source);
            await db.SaveChangesAsync(Ct);
            busy = source.Id;
            db.Claims.AddRange(Enumerable.Range(0, ClaimService.ClaimsListed + 5).Select(i =>
                new Claim { ReportId = report, Start = 0, End = 5, Quote = $"made {i}", SourceId = busy, Stance = Stance.Asserts }));
            db.Claims.AddRange(Enumerable.Range(0, 2).Select(i =>
                new Claim { ReportId = report, Start = 0, End = 5, Quote = $"relayed {i}", SourceId = relayedBy, ViaSourceId = busy, Stance = Stance.Asserts }));
            await db.SaveChangesAsync(Ct);
        }

        var page = await own.Get<SourceService>().GetAsync(busy, Ct);

        Assert.Equal((ClaimService.ClaimsListed + 5, 2), (page!.ClaimsMade, page.ClaimsRelayed));
        var made = page.Claims.Where(c => c.Source?.Id == busy).Select(c => c.Quote).ToList();
        Assert.Equal(ClaimService.ClaimsListed, made.Count);
        Assert.Equal($"made {ClaimService.ClaimsListed + 4}", made[0]);
        Assert.DoesNotContain("made 4", made);
        Assert.Equal(["relayed 1", "relayed 0"], page.Claims.Where(c => c.Source?.Id != busy).Select(c => c.Quote));
    }

    [Fact]
    public async Task Claims_for_an_agenda_item_a_source_and_an_actor()
    {
        var guarantees = await IdOf(db => db.AgendaItems.Where(a => a.Title == "Long-term guarantees"));
        var analysts = await IdOf(db => db.Sources.Where(s => s.Name == "analysts"));
        var turkey = await IdOf(db => db.Actors.Where(a => a.Name == "Turkey"));
        var media = await IdOf(db => db.Sources.Where(s => s.Name == "Israeli media"));

        Assert.Contains("long-term guarantees", Assert.Single(await Claims.ForAgendaItemAsync(guarantees, Ct)).Quote);
        Assert.StartsWith("Analysts note", Assert.Single((await Sources.GetAsync(analysts, Ct))!.Claims).Quote);
        Assert.Contains("Turkish military role", Assert.Single((await Claims.ForActorAsync(turkey, Ct)).Newest).Quote);
        // A relaying outlet's page lists what it relayed as well as what it said itself.
        var mediaPage = (await Sources.GetAsync(media, Ct))!;
        Assert.Equal(5, mediaPage.ClaimsMade + mediaPage.ClaimsRelayed);
    }

    [Fact]
    public async Task Recording_a_claim_with_a_valid_span_stores_the_quoted_text()
    {
        var reportId = await IdOf(db => db.Reports);
        var sourceId = await IdOf(db => db.Sources.Where(s => s.Name == "analysts"));
        string text;
        await using (var db = database.NewContext())
        {
            text = await db.Reports.Select(r => r.Text).SingleAsync(Ct);
        }

        var start = text.IndexOf("Baku", StringComparison.Ordinal);
        var outcome = await Claims.RecordClaimAsync(new NewClaim(reportId, start, start + 4, sourceId, Stance.Asserts, 3), Ct);

        Assert.True(outcome.Succeeded);
        var stored = (await database.Get<ReportService>().GetAsync(reportId, Ct))!.Claims.Single(c => c.Id == outcome.Value);
        Assert.Equal("Baku", stored.Quote);
        await using (var db = database.NewContext())
        {
            await db.Claims.Where(c => c.Id == outcome.Value).ExecuteDeleteAsync(Ct);
        }
    }

    /// <summary>The reader's links are read from the link tables in one statement (ReportService): each linked claim's meetings and agenda items, by title.</summary>
    [Fact]
    public async Task The_report_reader_lists_each_claims_meetings_and_agenda_items_by_title()
    {
        // A database of its own: the other tests here count the seed's claims.
        await using var own = database.Provider == DatabaseProvider.Postgres ? new PostgresSeededDatabase() : new SeededDatabase();
        await own.InitializeAsync();
        int report, linked, unlinked;
        List<(int Id, string Title)> meetings;
        (int Id, string Title, int TrackId) item;
        await using (var db = own.NewContext())
        {
            report = await db.Reports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
            meetings = (await db.Meetings.OrderByDescending(m => m.Id).Take(2).Select(m => new { m.Id, m.Title }).ToListAsync(Ct))
                .Select(m => (m.Id, m.Title)).ToList();
            var firstItem = await db.AgendaItems.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.TrackId }).FirstAsync(Ct);
            item = (firstItem.Id, firstItem.Title, firstItem.TrackId);
            var withLinks = new Claim { ReportId = report, Start = 0, End = 5, Quote = "links check", Stance = Stance.Asserts };
            var without = new Claim { ReportId = report, Start = 0, End = 5, Quote = "no links", Stance = Stance.Asserts };
            db.Claims.AddRange(withLinks, without);
            await db.SaveChangesAsync(Ct);
            (linked, unlinked) = (withLinks.Id, without.Id);
            db.ClaimMeetings.AddRange(meetings.Select(m => new ClaimMeeting { ClaimId = linked, MeetingId = m.Id }));
            db.ClaimAgendaItems.Add(new ClaimAgendaItem { ClaimId = linked, AgendaItemId = item.Id });
            await db.SaveChangesAsync(Ct);
        }

        List<int> byTitle;
        await using (var db = own.NewContext())
        {
            var ids = meetings.Select(m => m.Id).ToList();
            byTitle = await db.Meetings.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Title).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync(Ct);
        }

        var view = await own.Get<ReportService>().GetAsync(report, Ct);

        Assert.NotNull(view);
        Assert.Contains(view.Claims, c => c.Id == unlinked);
        Assert.False(view.Links.ContainsKey(unlinked));
        var links = view.Links[linked];
        Assert.Equal(byTitle, links.Meetings.Select(m => m.Id));
        Assert.Equal(meetings.Single(m => m.Id == byTitle[0]).Title, links.Meetings[0].Name);
        Assert.Equal([new AgendaItemRef(item.Id, item.Title, item.TrackId)], links.AgendaItems);
        Assert.Null(await own.Get<ReportService>().GetAsync(int.MaxValue, Ct));
    }

    [Theory]
    [InlineData(-1, 10, "Start")]
    [InlineData(10, 10, "Start")]
    [InlineData(0, 1_000_000, "Start")]
    public async Task A_span_outside_the_report_is_refused_and_nothing_is_written(int start, int end, string field)
    {
        var reportId = await IdOf(db => db.Reports);

        var outcome = await Claims.RecordClaimAsync(new NewClaim(reportId, start, end, null, Stance.Asserts, 3), Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(field, outcome.Errors.Keys);
        await AssertClaimCountAsync(18);
    }

    [Fact]
    public async Task An_unknown_report_source_or_meeting_is_refused_with_a_message_for_each()
    {
        var outcome = await Claims.RecordClaimAsync(
            new NewClaim(9999, 0, 5, 8888, Stance.Asserts, 9, MeetingIds: [7777]), Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["There is no report 9999."], outcome.Errors["ReportId"]);
        Assert.Equal(["There is no source 8888."], outcome.Errors["SourceId"]);
        Assert.Equal(["There is no meeting 7777."], outcome.Errors["MeetingIds"]);
        Assert.Contains("Credibility", outcome.Errors.Keys);
        await AssertClaimCountAsync(18);
    }

    private async Task AssertClaimCountAsync(int expected)
    {
        await using var db = database.NewContext();
        Assert.Equal(expected, await db.Claims.CountAsync(Ct));
    }
}

public sealed class ClaimServiceTestsOnSqlite(SeededDatabase database) : ClaimServiceTests(database), IClassFixture<SeededDatabase>;

public sealed class ClaimServiceTestsOnPostgres(PostgresSeededDatabase database) : ClaimServiceTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
