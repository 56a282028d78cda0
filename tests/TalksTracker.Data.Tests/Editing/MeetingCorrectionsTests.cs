using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

public abstract class MeetingCorrectionsTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MeetingCorrections Corrections => database.Get<MeetingCorrections>();
    private CatalogService Catalog => database.Get<CatalogService>();

    // The fixture's database is shared by the tests of a class: each test makes names of its own.
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Moving_a_meeting_to_another_track_moves_its_agenda_claims_to_that_board_and_the_claim_counts_follow()
    {
        var seedTrack = await IdAsync(db => db.Tracks.Where(t => t.Name == "Syria–Israel security track"));
        var guarantees = await IdAsync(db => db.AgendaItems.Where(a => a.Title == "Long-term guarantees"));
        var turkey = await ActorAsync("Turkey");
        var other = (await Catalog.CreateTrackAsync(new NewTrack(Unique("Turkey–SDF track"), Parties: [new(turkey, TrackRole.Party)]), Ct)).Created!.Id;
        var meeting = await NewMeetingAsync(seedTrack, Unique("Turkey–SDF talks"), [new NewParticipant(turkey, "officials", ParticipantRole.Party)]);
        var withdrawal = (await Catalog.CreateAgendaItemAsync(new NewAgendaItem(seedTrack, Unique("SDF withdrawal"), AgendaCategory.Deployments), Ct)).Created!.Id;
        var reportId = await ReportAsync("Turkey and the SDF met. They spoke of guarantees.");
        var provenance = database.Get<ClaimService>();
        var aboutWithdrawal = (await provenance.RecordClaimAsync(new NewClaim(reportId, 0, 23, null, Stance.Asserts, 2, MeetingIds: [meeting], AgendaItemIds: [withdrawal]), Ct)).Value;
        var aboutGuarantees = (await provenance.RecordClaimAsync(new NewClaim(reportId, 24, 49, null, Stance.Asserts, 2, MeetingIds: [meeting], AgendaItemIds: [guarantees]), Ct)).Value;
        Assert.NotEqual(0, aboutWithdrawal * aboutGuarantees);
        var tracks = database.Get<TrackService>();
        var seedClaimsBefore = (await tracks.GetAsync(seedTrack, Ct))!.ClaimCount;
        Assert.Contains(await BoardItemsAsync(seedTrack), i => i.Id == withdrawal);
        var dossier = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;

        using var acting = CurrentActor.As("editor@demo.local");
        var outcome = await Corrections.EditAsync(meeting, Edit(dossier) with { TrackId = other }, Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        Assert.Equal([withdrawal], outcome.Value!.MovedAgendaItems.Select(i => i.Id));
        Assert.Contains("Long-term guarantees", Assert.Single(outcome.Value.AgendaItemsKept));
        Assert.NotEqual(dossier.Version, outcome.Value.Version);
        // The withdrawal item and its claim are on the other track's board now; the shared item stays on the seed's.
        var otherBoard = await BoardItemsAsync(other);
        Assert.Equal([withdrawal], otherBoard.Select(i => i.Id));
        Assert.DoesNotContain(await BoardItemsAsync(seedTrack), i => i.Id == withdrawal);
        Assert.Contains(await BoardItemsAsync(seedTrack), i => i.Id == guarantees);
        Assert.Contains(aboutWithdrawal, (await provenance.ForAgendaItemAsync(withdrawal, Ct)).Select(c => c.Id));
        // Both claims are about the other track (through the meeting); the seed track keeps the one naming its item.
        Assert.Equal(2, (await tracks.GetAsync(other, Ct))!.ClaimCount);
        Assert.Equal(seedClaimsBefore - 1, (await tracks.GetAsync(seedTrack, Ct))!.ClaimCount);
        var entry = (await database.Get<MeetingService>().TimelineAsync(new TimelineQuery { TrackId = other }, Ct)).Entries.Single();
        Assert.Equal((meeting, other), (entry.Id, entry.Track.Id));

        await using var db = database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Meeting) && a.EntityId == meeting.ToString() && a.Action == AuditAction.Updated).SingleAsync(Ct);
        Assert.Equal("editor@demo.local", audit.User);
        Assert.Contains($"\"TrackId\":{{\"before\":{seedTrack},\"after\":{other}}}", audit.Changes.Replace(" ", ""));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AgendaItem) && a.EntityId == withdrawal.ToString() && a.Action == AuditAction.Updated, Ct));
    }

    [Fact]
    public async Task Every_field_is_corrected_and_the_dossier_shows_participants_with_their_roles()
    {
        var track = await IdAsync(db => db.Tracks.Where(t => t.Name == "Syria–Israel security track"));
        var baku = await IdAsync(db => db.Venues.Where(v => v.Name == "Baku"));
        var (syria, russia, turkey) = (await ActorAsync("Syria"), await ActorAsync("Russia"), await ActorAsync("Turkey"));
        var meeting = await NewMeetingAsync(track, Unique("Second round"), [new NewParticipant(syria, "officials")]);
        var dossier = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;
        var title = Unique("Second round, announced for Baghdad");

        var outcome = await Corrections.EditAsync(meeting, new MeetingEdit(dossier.Version, track, $" {title} ", baku,
            new MeetingDateInput(DatePrecision.Month, "2027-01"), MeetingFormat.Direct, MeetingStatus.Planned, true,
            [new NewParticipant(syria, "ministers"), new NewParticipant(russia, null, ParticipantRole.Mediator), new NewParticipant(turkey, "", ParticipantRole.Guarantor)],
            "Announced, not held."), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        var after = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;
        Assert.Equal((title, "Baku", "Jan 2027", MeetingFormat.Direct, MeetingStatus.Planned, true, "Announced, not held."),
            (after.Title, after.Venue!.Name, after.Date.Display, after.Format, after.Status, after.IsSeries, after.Summary));
        Assert.Equal([("Syria", ParticipantRole.Party, "ministers"), ("Russia", ParticipantRole.Mediator, null), ("Turkey", ParticipantRole.Guarantor, null)],
            after.Participants.Select(p => (p.Actor.Name, p.Role, p.Level)));
        Assert.Equal(outcome.Value!.Version, after.Version);
        // The exports say the same: the status, each participant's role, and in STIX that the meeting has not been held.
        var exports = database.Get<TalksTracker.Data.Export.ExportService>();
        var exported = (await exports.SnapshotAsync(track, ct: Ct))!.Meetings.Single(m => m.Id == meeting);
        Assert.Equal((MeetingStatus.Planned, "Jan 2027"), (exported.Status, exported.Date));
        Assert.Equal([ParticipantRole.Party, ParticipantRole.Mediator, ParticipantRole.Guarantor], exported.Participants.Select(p => p.Role));
        using var stix = new MemoryStream();
        await (await exports.ExportAsync(TalksTracker.Data.Export.ExportFormat.Stix, track, ct: Ct))!.WriteToAsync(stix, Ct);
        Assert.Contains($"Meeting (Planned, not held, Direct), Jan 2027.", System.Text.Encoding.UTF8.GetString(stix.ToArray()));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_naming_what_changed_and_nothing_is_overwritten()
    {
        var track = await IdAsync(db => db.Tracks.Where(t => t.Name == "Syria–Israel security track"));
        var syria = await ActorAsync("Syria");
        var meeting = await NewMeetingAsync(track, Unique("Contested round"), [new NewParticipant(syria, "officials")]);
        var opened = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;

        // The first editor changes only a participant's role: the meeting's version is renewed all the same.
        var first = await Corrections.EditAsync(meeting, Edit(opened) with { Participants = [new NewParticipant(syria, "officials", ParticipantRole.Host)] }, Ct);
        var second = await Corrections.EditAsync(meeting, Edit(opened) with { Title = Unique("Renamed round"), Status = MeetingStatus.Cancelled }, Ct);

        Assert.True(first.Succeeded, Problems(first));
        var message = Assert.Single(second.Errors[Conflicts.Field]);
        Assert.Contains("Participants to “Syria: host, officials”", message);
        Assert.Contains("Status to “Reported”", message);
        var stored = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;
        Assert.Equal((opened.Title, MeetingStatus.Reported, ParticipantRole.Host), (stored.Title, stored.Status, Assert.Single(stored.Participants).Role));
    }

    [Fact]
    public async Task Each_field_problem_is_named_an_unknown_meeting_is_not_found_and_an_archived_track_is_refused()
    {
        var track = await IdAsync(db => db.Tracks.Where(t => t.Name == "Syria–Israel security track"));
        var meeting = await NewMeetingAsync(track, Unique("Checked round"), []);
        var opened = (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!;
        var archived = (await Catalog.CreateTrackAsync(new NewTrack(Unique("Ended track")), Ct)).Created!.Id;
        var version = (await database.Get<TrackService>().GetAsync(archived, Ct))!.Version;
        Assert.True((await database.Get<TrackCorrections>().ArchiveAsync(archived, new TrackArchival(version), Ct)).Succeeded);

        var bad = await Corrections.EditAsync(meeting, Edit(opened) with
        {
            Title = " ", VenueId = 999_999, Date = new MeetingDateInput(DatePrecision.Exact, "2026-13-40"), Status = (MeetingStatus)42,
            Participants = [new NewParticipant(999_998, null, (ParticipantRole)9)],
        }, Ct);
        var toArchived = await Corrections.EditAsync(meeting, Edit(opened) with { TrackId = archived }, Ct);
        var missing = await Corrections.EditAsync(999_999, Edit(opened), Ct);

        Assert.Equal(["Date.Start", "Participants", "Status", "Title", "VenueId"], bad.Errors.Keys.Order());
        Assert.Contains("archived", Assert.Single(toArchived.Errors["TrackId"]));
        Assert.Equal([Edits.Missing], missing.Errors.Keys);
        Assert.Equal(opened.Version, (await database.Get<MeetingService>().DossierAsync(meeting, Ct))!.Version);
    }

    [Fact]
    public async Task The_meeting_record_read_alone_after_an_edit_makes_the_dossier_read_whole()
    {
        var track = await IdAsync(db => db.Tracks.Where(t => t.Name == "Syria–Israel security track"));
        var syria = await ActorAsync("Syria");
        var meeting = await NewMeetingAsync(track, Unique("Live round"), [new NewParticipant(syria, "officials")]);
        var meetings = database.Get<MeetingService>();
        var opened = (await meetings.DossierAsync(meeting, Ct))!;
        var edited = await Corrections.EditAsync(meeting, Edit(opened) with { Title = Unique("Renamed round"), Status = MeetingStatus.Confirmed }, Ct);
        Assert.True(edited.Succeeded, Problems(edited));

        // What an open dossier does after a save of its meeting alone (MeetingDossierPage): its lists kept as they are.
        var applied = opened.WithFacts((await meetings.FactsAsync(meeting, Ct))!);

        var whole = (await meetings.DossierAsync(meeting, Ct))!;
        Assert.Equal(whole, applied with { Participants = whole.Participants, TrackRoles = whole.TrackRoles, AgendaItems = whole.AgendaItems, Claims = whole.Claims });
        Assert.Equal(MeetingStatus.Confirmed, applied.Status);
        Assert.Same(opened.Claims, applied.Claims);
        Assert.Null(await meetings.FactsAsync(999_999, Ct));
    }

    [Fact]
    public async Task A_planned_meeting_is_not_counted_as_held()
    {
        var track = (await Catalog.CreateTrackAsync(new NewTrack(Unique("Planning track")), Ct)).Created!.Id;
        var held = await NewMeetingAsync(track, Unique("Held round"), [], new MeetingDateInput(DatePrecision.Exact, "2026-09-01"));
        var planned = await NewMeetingAsync(track, Unique("Next round"), [], new MeetingDateInput(DatePrecision.Exact, "2027-03-01"));
        var opened = (await database.Get<MeetingService>().DossierAsync(planned, Ct))!;

        Assert.True((await Corrections.EditAsync(planned, Edit(opened) with { Status = MeetingStatus.Planned }, Ct)).Succeeded);

        var summary = (await database.Get<TrackService>().GetAsync(track, Ct))!;
        Assert.Equal((2, new DateOnly(2026, 9, 1)), (summary.MeetingCount, summary.LatestMeeting!.Value.Start));
        var meetings = database.Get<MeetingService>();
        Assert.Equal([held], (await meetings.TimelineAsync(new TimelineQuery { TrackId = track, HeldOnly = true }, Ct)).Entries.Select(e => e.Id));
        Assert.Equal([planned], (await meetings.TimelineAsync(new TimelineQuery { TrackId = track, Status = MeetingStatus.Planned }, Ct)).Entries.Select(e => e.Id));
        Assert.Equal(["2026-09"], (await database.Get<ProgressService>().ActivityAsync(track, Ct)).Months.Where(a => a.Meetings > 0).Select(a => a.Month));
    }

    private static MeetingEdit Edit(MeetingDossier d) => new(d.Version, d.Track.Id, d.Title, d.Venue?.Id,
        d.Date.Precision switch
        {
            DatePrecision.Exact => new MeetingDateInput(DatePrecision.Exact, d.Date.Start!.Value.ToString("yyyy-MM-dd")),
            DatePrecision.Unknown => MeetingDateInput.Unknown,
            _ => throw new NotSupportedException("The tests' meetings have an exact or unknown date."),
        },
        d.Format, d.Status, d.IsSeries, d.Participants.Select(p => new NewParticipant(p.Actor.Id, p.Level, p.Role)).ToList(), d.Summary);

    private async Task<int> NewMeetingAsync(int track, string title, IReadOnlyList<NewParticipant> participants, MeetingDateInput? date = null)
    {
        var outcome = await Catalog.CreateMeetingAsync(new NewMeeting(track, title, Date: date, Participants: participants), Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Created!.Id;
    }

    private async Task<int> ReportAsync(string text)
    {
        await using var db = database.NewContext();
        var report = new Report { Title = Unique("Correction check"), Text = text, ContentHash = Unique("correction-check"), Outlet = "Check Daily" };
        db.Reports.Add(report);
        await db.SaveChangesAsync(Ct);
        return report.Id;
    }

    private async Task<IReadOnlyList<BoardItem>> BoardItemsAsync(int track) => (await database.Get<ProgressService>().BoardAsync(track, Ct))!.Items;

    private static string Problems<T>(Outcome<T> outcome) => string.Join(" ", outcome.Errors.SelectMany(e => e.Value));

    private Task<int> ActorAsync(string name) => IdAsync(db => db.Actors.Where(a => a.Name == name));

    private async Task<int> IdAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }
}

public sealed class MeetingCorrectionsTestsOnSqlite(SeededDatabase database) : MeetingCorrectionsTests(database), IClassFixture<SeededDatabase>;

public sealed class MeetingCorrectionsTestsOnPostgres(PostgresSeededDatabase database) : MeetingCorrectionsTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
