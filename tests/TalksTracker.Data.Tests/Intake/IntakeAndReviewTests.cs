using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Intake;

public abstract class IntakeAndReviewTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Denial =
        "Damascus denies any talks with Israel in Baku\n" +
        "A Syrian foreign ministry spokesman denied on Tuesday that any meetings with Israeli officials had taken place in Baku. " +
        "“Syria does not negotiate with the occupier,” the spokesman said. " +
        "Two Western diplomats, speaking on condition of anonymity, said the contacts continued through Russian channels. " +
        "The talks are reportedly expected to resume next month.";

    private IntakeService Intake => database.Get<IntakeService>();
    private ReviewService Review => database.Get<ReviewService>();

    private static string Unique(string text) => text + $" Ref {Guid.NewGuid():N}.";

    [Fact]
    public async Task A_new_report_is_stored_with_extracted_proposals_and_no_claims_yet()
    {
        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = Unique(Denial), Outlet = "Agency", PublishedOn = new DateOnly(2026, 11, 24) }, Ct);

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var receipt = outcome.Value!;
        Assert.False(receipt.AlreadyPresent);
        Assert.Equal(0, receipt.Claims);
        var session = await Review.OpenAsync(receipt.ReportId, Ct);
        Assert.Equal("Damascus denies any talks with Israel in Baku", session!.Title);
        Assert.Contains(session.Proposals, p => p.Stance == Stance.Denies && p.Quote.Contains("denied on Tuesday"));
        Assert.Contains(session.Proposals, p => p.SourceMention == "Two Western diplomats");
        Assert.All(session.Proposals, p => Assert.Equal(p.Quote, session.Text[p.Start..p.End]));
        // Mentions from the gazetteer become suggested links: "Baku" and "Damascus" are known.
        var syria = await IdAsync(db => db.Actors.Where(a => a.Name == "Syria"));
        Assert.Contains(session.Proposals, p => p.ActorIds.Contains(syria));
    }

    private const string WireParagraph =
        "DOHA, Dec 3 (Reuters) - Israeli and Hamas negotiators resumed indirect talks in Doha on Wednesday, two Egyptian security sources said. " +
        "The sources said Qatari mediators carried proposals between the two delegations, which sat in separate rooms. " +
        "An Israeli official, speaking on condition of anonymity, said the gaps on a prisoner exchange remained wide. " +
        "Hamas did not respond to a request for comment. " +
        "A further round is expected after the weekend.";

    [Fact]
    public async Task A_one_paragraph_paste_is_stored_with_a_short_title_and_every_sentence_proposed()
    {
        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = Unique(WireParagraph) }, Ct);

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var session = await Review.OpenAsync(outcome.Value!.ReportId, Ct);
        Assert.StartsWith("Israeli and Hamas negotiators resumed indirect talks", session!.Title, StringComparison.Ordinal);
        Assert.True(session.Title.Length <= 101, session.Title);
        Assert.Equal(6, outcome.Value.Proposals);
        Assert.StartsWith("Israeli and Hamas negotiators", session.Proposals[0].Quote, StringComparison.Ordinal);
        Assert.Equal("two Egyptian security sources", session.Proposals[0].SourceMention);
        Assert.All(session.Proposals, p => Assert.Equal(p.Quote, session.Text[p.Start..p.End]));
    }

    [Fact]
    public async Task A_report_without_a_date_takes_its_datelines_and_a_given_date_wins()
    {
        var day = database.Clock.Today().AddDays(-3);
        var dateline = $"BEIRUT, {day.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)} (Reuters) - ";

        var undated = await Intake.TakeInAsync(new ReportSubmission { Text = Unique(dateline + "Envoys met in Baku, two diplomats said.") }, Ct);
        var dated = await Intake.TakeInAsync(new ReportSubmission { Text = Unique(dateline + "Envoys met in Baku, two diplomats said."), PublishedOn = day.AddDays(-1) }, Ct);

        await using var db = database.NewContext();
        Assert.Equal(day, await db.Reports.Where(r => r.Id == undated.Value!.ReportId).Select(r => r.PublishedOn).SingleAsync(Ct));
        Assert.Equal(day.AddDays(-1), await db.Reports.Where(r => r.Id == dated.Value!.ReportId).Select(r => r.PublishedOn).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_typed_title_wins_and_the_first_line_is_still_proposed()
    {
        var text = Unique("A Qatari official said the talks would resume on Sunday.\nHamas did not comment.");

        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = text, Title = "Doha talks to resume" }, Ct);
        var preview = await Intake.PreviewAsync(text, null, Ct, "Doha talks to resume");

        var session = await Review.OpenAsync(outcome.Value!.ReportId, Ct);
        Assert.Equal("Doha talks to resume", session!.Title);
        Assert.Equal("A Qatari official", session.Proposals[0].SourceMention);
        Assert.Equal(0, session.Proposals[0].Start);
        Assert.Equal("Doha talks to resume", preview.Value!.Title);
        Assert.Equal(session.Proposals.Count, preview.Value.Claims.Count);
    }

    [Fact]
    public async Task Pasted_HTML_with_a_dateline_and_boilerplate_keeps_spans_in_the_stored_text()
    {
        var html = "<p>Cairo hosts truce talks</p>\r\n<p>By Jane Doe</p>\r\n<p>CAIRO (AP) &mdash; Egypt&#8217;s intelligence chief met Hamas leaders, an Egyptian official said.</p>\r\n"
            + "<p>Read more: Gaza aid convoys stall</p><p>The official said the talks&nbsp;would continue &amp; widen, ref " + Guid.NewGuid().ToString("N") + ".</p>";

        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = html }, Ct);

        var session = await Review.OpenAsync(outcome.Value!.ReportId, Ct);
        Assert.Equal("Cairo hosts truce talks", session!.Title);
        Assert.DoesNotContain("&#", session.Text, StringComparison.Ordinal);
        Assert.Contains("By Jane Doe", session.Text, StringComparison.Ordinal);
        Assert.Equal(2, session.Proposals.Count);
        Assert.StartsWith("Egypt’s intelligence chief", session.Proposals[0].Quote, StringComparison.Ordinal);
        Assert.Equal("an Egyptian official", session.Proposals[0].SourceMention);
        Assert.Contains("would continue & widen", session.Proposals[1].Quote, StringComparison.Ordinal);
        Assert.All(session.Proposals, p => Assert.Equal(p.Quote, session.Text[p.Start..p.End]));
    }

    [Fact]
    public async Task A_text_without_sentences_to_propose_says_why_in_preview_and_receipt()
    {
        var text = $"Baku talks postponed\nBy Jane Doe\nRead more: Baku talks {Guid.NewGuid():N}";

        var preview = await Intake.PreviewAsync(text, null, Ct);
        var receipt = await Intake.TakeInAsync(new ReportSubmission { Text = text }, Ct);

        Assert.Empty(preview.Value!.Claims);
        Assert.Contains("byline", preview.Value.Note, StringComparison.Ordinal);
        Assert.Equal(0, receipt.Value!.Proposals);
        Assert.Equal(preview.Value.Note, receipt.Value.Note);
    }

    [Fact]
    public async Task The_same_text_twice_is_recognised_and_not_stored_again()
    {
        var text = Unique(Denial);
        var first = await Intake.TakeInAsync(new ReportSubmission { Text = text }, Ct);
        var second = await Intake.TakeInAsync(new ReportSubmission { Text = text.Replace("\n", "\r\n") + "\n\n" }, Ct);

        Assert.True(second.Value!.AlreadyPresent);
        Assert.Equal(first.Value!.ReportId, second.Value.ReportId);
    }

    [Theory]
    [InlineData("", "Text")]
    [InlineData("   \n  ", "Text")]
    [InlineData("Title\nBody with a NUL \0 inside.", "Text")]
    public async Task Unusable_text_is_refused_and_nothing_is_stored(string text, string field)
    {
        var before = await CountReportsAsync();

        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = text }, Ct);

        Assert.Contains(field, outcome.Errors.Keys);
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task Bad_metadata_is_refused_field_by_field()
    {
        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = Unique(Denial),
            Url = "javascript:alert(1)",
            Language = "english please",
            PublishedOn = database.Clock.Today().AddDays(2),
            Title = new string('x', 600),
        }, Ct);

        Assert.Equal(["Language", "PublishedOn", "Title", "Url"], outcome.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_claim_with_a_bad_span_stops_the_whole_submission()
    {
        var before = await CountReportsAsync();
        var text = Unique(Denial);

        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = text,
            Claims = [new SubmittedClaim(0, 10, SourceName: "Agency"), new SubmittedClaim(5, text.Length + 50)],
        }, Ct);

        Assert.Contains("Claims[1]", outcome.Errors.Keys);
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task A_claim_whose_cue_or_hedge_does_not_fit_is_refused_on_both_engines()
    {
        var before = await CountReportsAsync();

        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = Unique(Denial),
            Claims = [new SubmittedClaim(0, 10, Cue: new string('c', FieldLimits.ClaimCue + 1)), new SubmittedClaim(0, 10, Hedge: new string('h', FieldLimits.ClaimHedge + 1))],
        }, Ct);

        Assert.Contains("cue is longer", outcome.Errors["Claims[0]"][0]);
        Assert.Contains("hedge is longer", outcome.Errors["Claims[1]"][0]);
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task Claims_given_with_a_report_are_stored_with_sources_matched_or_created_by_name()
    {
        var text = Unique(Denial);
        var start = text.IndexOf("A Syrian", StringComparison.Ordinal);
        var end = text.IndexOf(" “Syria", StringComparison.Ordinal);

        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = text,
            Claims = [new SubmittedClaim(start, end, SourceName: "analysts", Stance: Stance.Denies, Credibility: 2), new SubmittedClaim(0, 10, SourceName: "A brand new source")],
        }, Ct);

        Assert.True(outcome.Succeeded);
        await using var db = database.NewContext();
        var claims = await db.Claims.Include(c => c.Source).Where(c => c.ReportId == outcome.Value!.ReportId).OrderBy(c => c.Start).ToListAsync(Ct);
        Assert.Equal(["A brand new source", "analysts"], claims.Select(c => c.Source!.Name).Order());
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name == "analysts", Ct));
    }

    [Fact]
    public async Task Markdown_and_HTML_are_stored_as_plain_text()
    {
        var html = $"<h1>Envoys meet in Muscat</h1><p>Officials <b>said</b> the talks went well.</p><script>alert('x')</script><p>Ref {Guid.NewGuid():N}.</p>";

        var outcome = await Intake.TakeInAsync(new ReportSubmission { Text = html, Format = ReportFormat.Html }, Ct);

        await using var db = database.NewContext();
        var report = await db.Reports.SingleAsync(r => r.Id == outcome.Value!.ReportId, Ct);
        Assert.Equal("Envoys meet in Muscat", report.Title);
        Assert.DoesNotContain("<", report.Text);
        Assert.DoesNotContain("alert", report.Text);
    }

    [Fact]
    public async Task Completing_a_review_turns_accepted_proposals_into_linked_claims_in_one_step()
    {
        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = Unique(Denial), PublishedOn = new DateOnly(2026, 11, 24) }, Ct)).Value!;
        var baku = await IdAsync(db => db.Meetings);
        var guarantees = await IdAsync(db => db.AgendaItems.Where(a => a.Title == "Long-term guarantees"));
        var session = (await Review.OpenAsync(receipt.ReportId, Ct))!;
        var denial = session.Proposals.First(p => p.Stance == Stance.Denies);

        Assert.False((await Review.CompleteAsync(receipt.ReportId, Ct)).Succeeded);

        foreach (var p in session.Proposals)
        {
            var accept = p.Id == denial.Id || p.SourceMention == "Two Western diplomats";
            var edit = Edit(p) with
            {
                Decision = accept ? ProposalDecision.Accepted : ProposalDecision.Rejected,
                MeetingIds = accept ? [baku] : [],
                StatusChanges = p.Id == denial.Id ? [new SupportedStatus(guarantees, AgendaStatus.Stalled)] : [],
            };
            Assert.True((await Review.UpdateAsync(p, edit, Ct)).Succeeded);
        }

        var completed = await Review.CompleteAsync(receipt.ReportId, Ct);

        Assert.Equal(2, completed.Value);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.ClaimProposals.CountAsync(p => p.ReportId == receipt.ReportId, Ct));
        var claims = await db.Claims.Where(c => c.ReportId == receipt.ReportId).Include(c => c.Meetings).ToListAsync(Ct);
        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal(baku, Assert.Single(c.Meetings).MeetingId));
        var change = await db.AgendaStatusChanges.Include(s => s.Evidence).SingleAsync(s => s.AgendaItemId == guarantees && s.Status == AgendaStatus.Stalled, Ct);
        Assert.Equal(new DateOnly(2026, 11, 24), change.AsOf);
        Assert.Single(change.Evidence);
    }

    private const string Relayed =
        "Talks go on in Baku\n" +
        "A senior Israeli defence source, quoted by the Kan broadcaster, said the talks in Baku would continue next month. " +
        "The spokesman of the Turkish foreign ministry said Ankara was not involved. " +
        "The talks are expected to resume after the holiday.";

    [Fact]
    public async Task Sources_the_text_names_are_the_default_and_are_created_as_the_text_describes_them_with_their_relay()
    {
        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = Unique(Relayed) }, Ct)).Value!;
        var session = (await Review.OpenAsync(receipt.ReportId, Ct))!;
        var relayed = session.Proposals[0];
        Assert.Equal(("A senior Israeli defence source", "the Kan broadcaster"), (relayed.SourceMention, relayed.ViaMention));
        Assert.Null(relayed.SourceId);
        var suggested = session.NewSources["A senior Israeli defence source"];
        Assert.Equal((SourceKind.AnonymousOfficial, "Israel"), (suggested.Kind, suggested.AffiliationName));
        Assert.Equal(SourceKind.MediaOutlet, session.NewSources["the Kan broadcaster"].Kind);

        // A quick accept of everything: the named sources, not the outlet, are who said it.
        await DecideAllAsync(session, _ => ProposalDecision.Accepted);
        Assert.Equal(session.Proposals.Count, (await Review.CompleteAsync(receipt.ReportId, Ct)).Value);

        await using var db = database.NewContext();
        var claims = await db.Claims.Where(c => c.ReportId == receipt.ReportId).Include(c => c.Source!.Affiliation).Include(c => c.ViaSource)
            .OrderBy(c => c.Start).ToListAsync(Ct);
        Assert.Equal(("A senior Israeli defence source", SourceKind.AnonymousOfficial, "Israel", Reliability.F),
            (claims[0].Source!.Name, claims[0].Source!.Kind, claims[0].Source!.Affiliation?.Name, claims[0].Source!.Reliability));
        Assert.Equal(("the Kan broadcaster", SourceKind.MediaOutlet), (claims[0].ViaSource!.Name, claims[0].ViaSource!.Kind));
        Assert.Equal((SourceKind.Spokesperson, "Turkey"), (claims[1].Source!.Kind, claims[1].Source!.Affiliation?.Name));
        Assert.Null(claims[2].Source);
    }

    [Fact]
    public async Task Choosing_the_outlets_own_voice_or_a_known_source_creates_no_source()
    {
        var text = Unique("Talks go on in Baku\nA senior Jordanian intelligence source said the talks in Baku would continue. " +
            "A retired Omani diplomat said the mediators were patient.");
        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = text }, Ct)).Value!;
        var session = (await Review.OpenAsync(receipt.ReportId, Ct))!;
        var analysts = await IdAsync(db => db.Sources.Where(s => s.Name == "analysts"));

        foreach (var p in session.Proposals)
        {
            var edit = p.SourceMention switch
            {
                "A senior Jordanian intelligence source" => ProposalEdit.From(p) with { SourceId = null, SourceMention = null },
                "A retired Omani diplomat" => ProposalEdit.From(p) with { SourceId = analysts },
                _ => ProposalEdit.From(p),
            };
            Assert.True((await Review.UpdateAsync(p, edit with { Decision = ProposalDecision.Accepted }, Ct)).Succeeded);
        }

        Assert.True((await Review.CompleteAsync(receipt.ReportId, Ct)).Succeeded);
        await using var db = database.NewContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Name.Contains("Jordanian") || s.Name.Contains("Omani"), Ct));
        var sources = await db.Claims.Where(c => c.ReportId == receipt.ReportId).OrderBy(c => c.Start).Select(c => c.SourceId).ToListAsync(Ct);
        Assert.Equal([null, analysts, null], sources);
    }

    [Fact]
    public async Task Reviews_completed_at_once_that_name_one_new_source_create_it_once()
    {
        var receipts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var text = Unique($"Round {i} in Baku\nA Qatari mediator close to the Baku channel said round {i} had ended without a deal.");
            receipts.Add((await Intake.TakeInAsync(new ReportSubmission { Text = text }, Ct)).Value!.ReportId);
        }

        foreach (var id in receipts)
        {
            await DecideAllAsync((await Review.OpenAsync(id, Ct))!, _ => ProposalDecision.Accepted);
        }

        var outcomes = await Task.WhenAll(receipts.Select(id => Task.Run(() => Review.CompleteAsync(id, Ct), Ct)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join(" ", o.Errors.SelectMany(e => e.Value))));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name == "A Qatari mediator close to the Baku channel", Ct));
    }

    private async Task DecideAllAsync(ReviewSession session, Func<ProposalView, ProposalDecision> decide)
    {
        foreach (var p in session.Proposals)
        {
            Assert.True((await Review.UpdateAsync(p, ProposalEdit.From(p) with { Decision = decide(p) }, Ct)).Succeeded);
        }
    }

    [Fact]
    public async Task Proposals_are_linked_to_the_meeting_at_the_named_venue_and_to_agenda_items_by_their_words()
    {
        await using (var db = database.NewContext())
        {
            if (!await db.Actors.AnyAsync(a => a.Name == "Syrian Democratic Forces", Ct))
            {
                db.Actors.Add(new Actor { Name = "Syrian Democratic Forces", Kind = ActorKind.NonStateArmedGroup, Aliases = [new ActorAlias { Alias = "SDF" }] });
                await db.SaveChangesAsync(Ct);
            }
        }

        var text = Unique(
            "BEIRUT, Nov 27 (Reuters) - Syrian and Israeli security officials held a new round of talks in Baku this week, a senior Israeli security source said. " +
            "The talks focused on mechanisms to prevent escalation near the border, the source said. " +
            "The SDF demanded long-term guarantees for its fighters, according to a Kurdish official. " +
            "The SDF denied that any such demand had been accepted. " +
            "A Turkish official told Reuters that Ankara had not been consulted.");

        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = text, PublishedOn = new DateOnly(2026, 11, 27) }, Ct)).Value!;

        var proposals = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals;
        var baku = await IdAsync(db => db.Meetings.Where(m => m.Title == "Closed-door security meetings in Baku"));
        var escalation = await IdAsync(db => db.AgendaItems.Where(a => a.Title == "Mechanisms to prevent escalation"));
        var guarantees = await IdAsync(db => db.AgendaItems.Where(a => a.Title == "Long-term guarantees"));
        var sdf = await IdAsync(db => db.Actors.Where(a => a.Name == "Syrian Democratic Forces"));
        Assert.Equal([baku], proposals[0].MeetingIds);
        // "The talks" of a report about one meeting are that meeting's.
        Assert.Equal([baku], proposals[1].MeetingIds);
        Assert.Contains(escalation, proposals[1].AgendaItemIds);
        Assert.Contains(guarantees, proposals[2].AgendaItemIds);
        Assert.Contains(sdf, proposals[2].ActorIds);
        // The denial is of the demand, not of the meeting: it goes against the agenda item the demand was about.
        var denial = proposals[3];
        Assert.Equal(Stance.Denies, denial.Stance);
        Assert.Empty(denial.MeetingIds);
        Assert.Contains(guarantees, denial.AgendaItemIds);
        Assert.Empty(proposals[4].MeetingIds);
    }

    [Fact]
    public async Task Two_editors_changing_the_same_proposal_the_second_is_told_and_nothing_is_overwritten()
    {
        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = Unique(Denial) }, Ct)).Value!;
        var opened = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals[0];

        var first = await Review.UpdateAsync(opened, Edit(opened) with { Credibility = 2 }, Ct);
        var second = await Review.UpdateAsync(opened, Edit(opened) with { Credibility = 5, Decision = ProposalDecision.Rejected }, Ct);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Contains("Credibility to “2”", second.Errors[Conflicts.Field][0]);
        var stored = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals[0];
        Assert.Equal(2, stored.Credibility);
        Assert.Equal(ProposalDecision.Pending, stored.Decision);
    }

    [Fact]
    public async Task Split_and_merge_reshape_proposals_within_the_text()
    {
        var receipt = (await Intake.TakeInAsync(new ReportSubmission { Text = Unique(Denial) }, Ct)).Value!;
        var first = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals[0];
        var count = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals.Count;

        Assert.False((await Review.SplitAsync(first.Id, first.End, Ct)).Succeeded);
        Assert.True((await Review.SplitAsync(first.Id, first.Start + 10, Ct)).Succeeded);
        var afterSplit = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals;
        Assert.Equal(count + 1, afterSplit.Count);
        Assert.Equal(first.Start + 10, afterSplit[0].End);

        Assert.True((await Review.MergeWithNextAsync(afterSplit[0].Id, Ct)).Succeeded);
        var afterMerge = (await Review.OpenAsync(receipt.ReportId, Ct))!.Proposals;
        Assert.Equal(count, afterMerge.Count);
        Assert.Equal(first.End, afterMerge[0].End);
    }

    private static ProposalEdit Edit(ProposalView p) => ProposalEdit.From(p);

    private async Task<int> CountReportsAsync()
    {
        await using var db = database.NewContext();
        return await db.Reports.CountAsync(Ct);
    }

    private async Task<int> IdAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }
}

public sealed class IntakeAndReviewTestsOnSqlite(SeededDatabase database) : IntakeAndReviewTests(database), IClassFixture<SeededDatabase>;

public sealed class IntakeAndReviewTestsOnPostgres(PostgresSeededDatabase database) : IntakeAndReviewTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
