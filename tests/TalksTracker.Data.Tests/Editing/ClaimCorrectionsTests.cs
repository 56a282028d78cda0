using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Export;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Search;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;
using TalksTracker.Data.Reading;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

/// <summary>
/// Claims corrected after review, retracted and restored: every page, figure, search and export follows, a stale
/// correction is refused naming what changed, and a retracted claim comes back as it was.
/// </summary>
public abstract class ClaimCorrectionsTests(SeededDatabase database)
{
    private const string Editor = "editor@demo.local";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ClaimCorrections Corrections => database.Get<ClaimCorrections>();

    /// <summary>A claim of its own on the seed report, about a new meeting, agenda item (with a status resting on it alone) and an actor, linked to a seeded claim.</summary>
    private async Task<Arranged> ArrangeAsync(string word)
    {
        int trackId, reportId, actorId, otherClaimId, sourceA, sourceE;
        Meeting meeting, otherMeeting;
        AgendaItem item;
        int start, end;
        await using (var db = database.NewContext())
        {
            trackId = await db.Tracks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
            meeting = new Meeting { TrackId = trackId, Title = $"Correction round {word}", Date = FuzzyDate.Exact(new DateOnly(2026, 3, 4)) };
            otherMeeting = new Meeting { TrackId = trackId, Title = $"Other round {word}", Date = FuzzyDate.Exact(new DateOnly(2026, 4, 4)) };
            item = new AgendaItem { TrackId = trackId, Title = $"Checkpoint {word}", Category = AgendaCategory.Other };
            var a = new Source { Name = $"correction source A {word}", Kind = SourceKind.NamedOfficial, Reliability = Reliability.A };
            var e = new Source { Name = $"correction source E {word}", Kind = SourceKind.Analyst, Reliability = Reliability.E };
            db.AddRange(meeting, otherMeeting, item, a, e);
            await db.SaveChangesAsync(Ct);
            (sourceA, sourceE) = (a.Id, e.Id);
            var report = await db.Reports.OrderBy(r => r.Id).Select(r => new { r.Id, r.Text }).FirstAsync(Ct);
            reportId = report.Id;
            start = report.Text.IndexOf(word, StringComparison.Ordinal);
            Assert.True(start >= 0, $"the seed report has no “{word}”");
            end = start + word.Length;
            actorId = await db.Actors.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync(Ct);
            otherClaimId = await db.Claims.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        }

        var recorded = await database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, start, end, sourceA, Stance.Asserts, 2, MeetingIds: [meeting.Id], AgendaItemIds: [item.Id], ActorIds: [actorId]), Ct);
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors.SelectMany(e => e.Value)));
        await using (var db = database.NewContext())
        {
            db.AgendaStatusChanges.Add(new AgendaStatusChange
            {
                AgendaItemId = item.Id,
                Status = AgendaStatus.AgreedInPrinciple,
                MeetingId = meeting.Id,
                AsOf = new DateOnly(2026, 3, 4),
                Evidence = [new AgendaStatusEvidence { ClaimId = recorded.Value }],
            });
            db.ClaimLinks.Add(new ClaimLink
            {
                ClaimId = Math.Min(otherClaimId, recorded.Value),
                OtherClaimId = Math.Max(otherClaimId, recorded.Value),
                Kind = ClaimLinkKind.Corroborates,
                Review = LinkReview.Confirmed,
                ReviewedBy = Editor,
            });
            await db.SaveChangesAsync(Ct);
        }

        return new Arranged(recorded.Value, trackId, reportId, meeting.Id, otherMeeting.Id, item.Id, actorId, otherClaimId, sourceA, sourceE, word);
    }

    private sealed record Arranged(int ClaimId, int TrackId, int ReportId, int MeetingId, int OtherMeetingId, int AgendaItemId, int ActorId,
        int OtherClaimId, int SourceA, int SourceE, string Word);

    /// <summary>What every page, figure, search and export says about the arranged claim and its records.</summary>
    private sealed record Picture(
        int? TimelineClaims,
        int? TimelineOrigins,
        string DossierClaims,
        string BoardHistory,
        int? TrackClaims,
        bool Searched,
        string? Exported,
        int ClaimLinks,
        int Mentions);

    private async Task<Picture> PictureAsync(Arranged a)
    {
        var timeline = await database.Get<MeetingService>().TimelineAsync(new TimelineQuery { TrackId = a.TrackId, PageSize = TimelineQuery.MaxPageSize }, Ct);
        var entry = timeline.Entries.SingleOrDefault(e => e.Id == a.MeetingId);
        var dossier = await database.Get<MeetingService>().DossierAsync(a.MeetingId, Ct);
        var board = await database.Get<ProgressService>().BoardAsync(a.TrackId, Ct);
        var boardItem = board!.Items.Single(i => i.Id == a.AgendaItemId);
        var search = await database.Get<ISearchService>().SearchAsync(a.Word, 100, 0, ct: Ct);
        var export = await database.Get<ExportService>().SnapshotAsync(a.TrackId, ct: Ct);
        var exported = export!.Claims.SingleOrDefault(c => c.Id == a.ClaimId);
        await using var db = database.NewContext();
        Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
        return new Picture(
            entry?.ClaimCount,
            entry?.IndependentOrigins,
            string.Join(",", dossier!.Claims.Select(c => $"{c.Id}:{c.Source?.Name}:{c.Stance}")),
            string.Join(",", boardItem.History.Select(h => $"{h.Status}:{string.Join("+", h.ClaimIds)}")),
            await db.TrackClaimFacts.Where(f => f.TrackId == a.TrackId).Select(f => (int?)f.Claims).SingleOrDefaultAsync(Ct),
            search.Value!.Claims.Any(h => h.Claim.Id == a.ClaimId),
            exported is null ? null : $"{exported.SourceId}:{exported.Stance}:{exported.Credibility}",
            await db.ClaimLinks.CountAsync(l => l.ClaimId == a.ClaimId || l.OtherClaimId == a.ClaimId, Ct),
            await db.MeetingMentions.CountAsync(m => m.MeetingId == a.MeetingId, Ct));
    }

    private static string Describe(EditableClaim c) =>
        $"{c with { Meetings = [], AgendaItems = [], Actors = [] }} {string.Join(",", c.Meetings)} {string.Join(",", c.AgendaItems)} {string.Join(",", c.Actors)}";

    [Fact]
    public async Task A_correction_is_reflected_in_the_dossiers_board_search_and_export_and_audited_before_and_after()
    {
        var a = await ArrangeAsync("Baku");
        var claim = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.Equal([a.MeetingId], claim.Meetings.Select(m => m.Id));

        using (CurrentActor.As(Editor))
        {
            var outcome = await Corrections.CorrectAsync(a.ClaimId, claim.AsCorrection() with
            {
                SourceId = a.SourceE,
                ViaSourceId = a.SourceA,
                Stance = Stance.Denies,
                Credibility = 4,
                Hedge = " reportedly ",
                MeetingIds = [a.OtherMeetingId],
            }, Ct);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
            Assert.NotEqual(claim.Version, outcome.Value!.Version);
            Assert.Equal(("reportedly", Stance.Denies, 4, claim.Quote), (outcome.Value.Hedge, outcome.Value.Stance, outcome.Value.Credibility, outcome.Value.Quote));
        }

        var picture = await PictureAsync(a);
        Assert.Equal(0, picture.TimelineClaims);
        Assert.Equal("", picture.DossierClaims);
        var other = await database.Get<MeetingService>().DossierAsync(a.OtherMeetingId, Ct);
        var moved = Assert.Single(other!.Claims);
        Assert.Equal(($"correction source E {a.Word}", $"correction source A {a.Word}", Stance.Denies), (moved.Source!.Name, moved.Via!.Name, moved.Stance));
        Assert.Equal($"{a.SourceE}:Denies:4", picture.Exported);
        Assert.True(picture.Searched);
        await using (var db = database.NewContext())
        {
            // The denial about the agenda item is on the board's record of denials now.
            Assert.True(await db.AgendaItemDenials.AnyAsync(d => d.ClaimId == a.ClaimId && d.AgendaItemId == a.AgendaItemId, Ct));
            var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Claim) && e.EntityId == a.ClaimId.ToString() && e.Action == AuditAction.Updated)
                .SingleAsync(Ct);
            Assert.Equal(Editor, audit.User);
            Assert.Contains($"\"SourceId\":{{\"before\":{a.SourceA},\"after\":{a.SourceE}}}", audit.Changes);
            Assert.Contains("\"Stance\":{\"before\":\"Asserts\",\"after\":\"Denies\"}", audit.Changes);
            var unlinked = await db.AuditEntries.Where(e => e.EntityType == nameof(ClaimMeeting) && e.Action == AuditAction.Deleted && e.User == Editor)
                .Select(e => e.Changes).ToListAsync(Ct);
            Assert.Contains(unlinked, c => c.Contains($"\"MeetingId\":{{\"before\":{a.MeetingId}}}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_correction_made_on_an_old_version_is_refused_naming_the_fields_and_changes_nothing()
    {
        var a = await ArrangeAsync("Golan");
        var seen = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        var first = await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { Credibility = 3, ActorIds = [] }, Ct);
        Assert.True(first.Succeeded);

        var second = await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { SourceId = a.SourceE }, Ct);

        Assert.False(second.Succeeded);
        var message = Assert.Single(second.Errors[Conflicts.Field]);
        Assert.Contains("Credibility to “3”", message);
        Assert.Contains("ActorIds to “”", message);
        Assert.Contains("SourceId", message);
        var now = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.Equal((a.SourceA, 3, first.Value!.Version), (now.Source!.Id, now.Credibility, now.Version));
    }

    [Fact]
    public async Task A_change_of_links_alone_renews_the_version_so_a_stale_link_edit_is_refused()
    {
        var a = await ArrangeAsync("militias");
        var seen = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.True((await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { ActorIds = [] }, Ct)).Succeeded);

        var stale = await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { MeetingIds = [] }, Ct);

        Assert.Contains("ActorIds", Assert.Single(stale.Errors[Conflicts.Field]));
        Assert.Equal([a.MeetingId], (await Corrections.GetAsync(a.ClaimId, Ct))!.Meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task A_correction_naming_what_does_not_exist_is_refused_field_by_field()
    {
        var a = await ArrangeAsync("guarantees");
        var seen = (await Corrections.GetAsync(a.ClaimId, Ct))!;

        var outcome = await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with
        {
            SourceId = 999_991,
            ViaSourceId = 999_992,
            Stance = (Stance)42,
            Credibility = 7,
            MeetingIds = [999_993],
            AgendaItemIds = [999_994],
            ActorIds = [999_995],
        }, Ct);
        var missing = await Corrections.CorrectAsync(999_999, seen.AsCorrection(), Ct);

        Assert.Equal(["ActorIds", "AgendaItemIds", "Credibility", "MeetingIds", "SourceId", "Stance", "ViaSourceId"], outcome.Errors.Keys.Order());
        Assert.Equal("There is no meeting 999993.", outcome.Errors["MeetingIds"][0]);
        Assert.Equal(Describe(seen), Describe((await Corrections.GetAsync(a.ClaimId, Ct))!));
        Assert.Equal([Edits.Missing], missing.Errors.Keys);
    }

    [Fact]
    public async Task A_retracted_claim_leaves_every_page_figure_search_and_export_and_a_restore_brings_all_back()
    {
        var a = await ArrangeAsync("deployments");
        var before = await PictureAsync(a);
        Assert.True(before.Searched);
        Assert.Equal(1, before.TimelineClaims);
        Assert.NotEqual("", before.BoardHistory);
        Assert.Equal(1, before.ClaimLinks);

        Outcome<RetractedClaimView> retracted;
        using (CurrentActor.As(Editor))
        {
            retracted = await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("  Misread: the source denies it.  "), Ct);
        }

        Assert.True(retracted.Succeeded, string.Join("; ", retracted.Errors.SelectMany(e => e.Value)));
        Assert.Equal((Editor, "Misread: the source denies it."), (retracted.Value!.RetractedBy, retracted.Value.Reason));
        Assert.InRange(retracted.Value.RetractedAt, TestClock.Start.UtcDateTime, database.Clock.GetUtcNow().UtcDateTime);
        var gone = await PictureAsync(a);
        Assert.Equal(new Picture(0, 0, "", "", before.TrackClaims - 1, false, null, 0, 0), gone);
        Assert.Null(await Corrections.GetAsync(a.ClaimId, Ct));
        Assert.Contains(a.ClaimId, (await Corrections.RetractedFromReportAsync(a.ReportId, Ct))!.Select(r => r.Id));
        Assert.DoesNotContain((await database.Get<ReportService>().GetAsync(a.ReportId, Ct))!.Claims, c => c.Id == a.ClaimId);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Claim) && e.EntityId == a.ClaimId.ToString()
                                                             && e.Action == AuditAction.Deleted && e.User == Editor, Ct));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RetractedClaim) && e.EntityId == a.ClaimId.ToString()
                                                             && e.Action == AuditAction.Created && e.User == Editor, Ct));
        }

        Outcome<RestoredClaim> restored;
        using (CurrentActor.As("admin@demo.local"))
        {
            restored = await Corrections.RestoreAsync(a.ClaimId, Ct);
        }

        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors.SelectMany(e => e.Value)));
        Assert.Equal(a.ClaimId, restored.Value!.Id);
        Assert.Empty(restored.Value.NotRestored);
        Assert.Equal(before, await PictureAsync(a));
        Assert.Empty((await Corrections.RetractedFromReportAsync(a.ReportId, Ct))!);
        Assert.Equal([Edits.Missing], (await Corrections.RestoreAsync(a.ClaimId, Ct)).Errors.Keys);
    }

    [Fact]
    public async Task A_claim_made_after_a_retraction_and_after_its_restore_gets_a_fresh_id()
    {
        var a = await ArrangeAsync("Russian");
        Assert.True((await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("duplicate"), Ct)).Succeeded);

        var between = await database.Get<ClaimService>().RecordClaimAsync(new NewClaim(a.ReportId, 0, 5, null, Stance.Asserts, 6), Ct);
        Assert.True(between.Value > a.ClaimId, $"claim {between.Value} took the id of retracted claim {a.ClaimId}");
        Assert.True((await Corrections.RestoreAsync(a.ClaimId, Ct)).Succeeded);
        var after = await database.Get<ClaimService>().RecordClaimAsync(new NewClaim(a.ReportId, 0, 5, null, Stance.Asserts, 6), Ct);

        Assert.True(after.Succeeded, string.Join("; ", after.Errors.SelectMany(e => e.Value)));
        Assert.True(after.Value > between.Value);
        Assert.NotNull(await Corrections.GetAsync(a.ClaimId, Ct));
    }

    [Fact]
    public async Task A_restore_after_a_meeting_was_deleted_says_which_link_it_could_not_restore()
    {
        var a = await ArrangeAsync("Israeli");
        Assert.True((await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("wrong report"), Ct)).Succeeded);
        await using (var db = database.NewContext())
        {
            db.Meetings.Remove(await db.Meetings.SingleAsync(m => m.Id == a.MeetingId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        var restored = await Corrections.RestoreAsync(a.ClaimId, Ct);

        Assert.True(restored.Succeeded);
        Assert.Contains(restored.Value!.NotRestored, n => n.Contains($"meeting {a.MeetingId}", StringComparison.Ordinal));
        var claim = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.Empty(claim.Meetings);
        Assert.Equal([a.AgendaItemId], claim.AgendaItems.Select(i => i.Id));
        Assert.Equal([a.ActorId], claim.Actors.Select(x => x.Id));
        await using (var db = database.NewContext())
        {
            Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
            // The status it alone supported is back, without the deleted meeting.
            Assert.Equal(1, await db.AgendaStatusChanges.CountAsync(s => s.AgendaItemId == a.AgendaItemId && s.MeetingId == null && s.Evidence.Any(e => e.ClaimId == a.ClaimId), Ct));
        }
    }

    [Fact]
    public async Task A_restore_follows_an_actor_merged_meanwhile_to_the_one_it_became()
    {
        var a = await ArrangeAsync("Moscow");
        int merged;
        await using (var db = database.NewContext())
        {
            var actor = new Actor { Name = $"Merged away {Guid.NewGuid():N}", Kind = ActorKind.Person };
            db.Actors.Add(actor);
            await db.SaveChangesAsync(Ct);
            merged = actor.Id;
        }

        var seen = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.True((await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { ActorIds = [merged] }, Ct)).Succeeded);
        Assert.True((await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("to be checked"), Ct)).Succeeded);
        await using (var db = database.NewContext())
        {
            // What merging two actors leaves behind: the merged one gone, and where it went.
            db.Actors.Remove(await db.Actors.SingleAsync(x => x.Id == merged, Ct));
            db.MergedRecords.Add(new MergedRecord { Kind = "actor", FromId = merged, FromName = "Merged away", IntoId = a.ActorId, MergedBy = Editor });
            await db.SaveChangesAsync(Ct);
        }

        var restored = await Corrections.RestoreAsync(a.ClaimId, Ct);

        Assert.True(restored.Succeeded);
        Assert.Empty(restored.Value!.NotRestored);
        Assert.Equal([a.ActorId], (await Corrections.GetAsync(a.ClaimId, Ct))!.Actors.Select(x => x.Id));
    }

    [Fact]
    public async Task A_retraction_needs_a_reason_and_a_current_version()
    {
        var a = await ArrangeAsync("Azerbaijan");
        var seen = (await Corrections.GetAsync(a.ClaimId, Ct))!;
        Assert.True((await Corrections.CorrectAsync(a.ClaimId, seen.AsCorrection() with { Credibility = 5 }, Ct)).Succeeded);

        var noReason = await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("   "), Ct);
        var stale = await Corrections.RetractAsync(a.ClaimId, new ClaimRetraction("because", seen.Version), Ct);
        var missing = await Corrections.RetractAsync(999_999, new ClaimRetraction("because"), Ct);

        Assert.Equal(["Reason"], noReason.Errors.Keys);
        Assert.Equal([Conflicts.Field], stale.Errors.Keys);
        Assert.Equal([Edits.Missing], missing.Errors.Keys);
        Assert.NotNull(await Corrections.GetAsync(a.ClaimId, Ct));
    }
}

public sealed class ClaimCorrectionsTestsOnSqlite(SeededDatabase database) : ClaimCorrectionsTests(database), IClassFixture<SeededDatabase>;

public sealed class ClaimCorrectionsTestsOnPostgres(PostgresSeededDatabase database) : ClaimCorrectionsTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

/// <summary>A copy to PostgreSQL (migrate-data) keeps a retracted claim's id free: a claim made after it does not take it.</summary>
public sealed class RetractedClaimCopyTests(SeededDatabase source, PostgresEmptyDatabase target) : IClassFixture<SeededDatabase>, IClassFixture<PostgresEmptyDatabase>
{
    [Fact]
    public async Task A_claim_made_after_copying_a_database_does_not_take_a_retracted_claims_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var postgres = target.OrSkip();
        var reportId = await source.NewContext().Reports.Select(r => r.Id).FirstAsync(ct);
        var newest = await source.Get<ClaimService>().RecordClaimAsync(new NewClaim(reportId, 0, 5, null, Stance.Asserts, 6), ct);
        Assert.True((await source.Get<ClaimCorrections>().RetractAsync(newest.Value, new ClaimRetraction("copied out"), ct)).Succeeded);

        await new Transfer.DatabaseCopier().CopyAsync(source.Contexts, postgres.Contexts, ct: ct);
        var made = await postgres.Get<ClaimService>().RecordClaimAsync(new NewClaim(reportId, 0, 5, null, Stance.Asserts, 6), ct);

        Assert.True(made.Value > newest.Value, $"claim {made.Value} took the id of retracted claim {newest.Value}");
        Assert.True((await postgres.Get<ClaimCorrections>().RestoreAsync(newest.Value, ct)).Succeeded);
    }
}
