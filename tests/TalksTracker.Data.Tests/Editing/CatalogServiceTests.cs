using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

public abstract class CatalogServiceTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogService Catalog => database.Get<CatalogService>();

    // The fixture's database is shared by the tests of a class: each test makes names of its own.
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task A_new_venue_is_stored_at_once_with_its_country_and_coordinates_and_audited()
    {
        var azerbaijan = await IdAsync(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var name = Unique("Ganja");

        using var acting = CurrentActor.As("editor@demo.local");
        var outcome = await Catalog.CreateVenueAsync(new NewVenue($"  {name} ", azerbaijan, 40.68, 46.36), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        Assert.Equal(new CatalogRecord(outcome.Created!.Id, name, "Azerbaijan"), outcome.Created);
        var venue = await database.Get<VenueService>().GetAsync(outcome.Created.Id, Ct);
        Assert.Equal((name, "Azerbaijan", 40.68, 46.36), (venue!.Name, venue.Country!.Name, venue.Latitude!.Value, venue.Longitude!.Value));
        await AssertAuditedAsync(nameof(Venue), outcome.Created.Id, "editor@demo.local");
    }

    [Theory]
    [InlineData("Baku")]
    [InlineData("  bAKU ")]
    public async Task A_venue_name_the_catalog_has_is_refused_and_the_existing_venue_offered(string name)
    {
        var azerbaijan = await IdAsync(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var before = await CountAsync(db => db.Venues);

        var outcome = await Catalog.CreateVenueAsync(new NewVenue(name, azerbaijan), Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Baku", outcome.Existing!.Name);
        Assert.Contains("already a venue “Baku”", outcome.Errors["Name"][0]);
        Assert.Equal(outcome.Existing, (await Catalog.FindVenueAsync(name, Ct))!.Record);
        Assert.Equal(before, await CountAsync(db => db.Venues));
    }

    [Fact]
    public async Task Every_venue_field_problem_is_named_and_nothing_is_stored()
    {
        var russia = await IdAsync(db => db.Actors.Where(a => a.Name == "Russia"));
        var army = await IdAsync(db => db.Actors.Where(a => a.Name == "Syrian Arab Army"));
        var before = await CountAsync(db => db.Venues);

        var empty = await Catalog.CreateVenueAsync(new NewVenue("  ", null, 95, null), Ct);
        var notAState = await Catalog.CreateVenueAsync(new NewVenue(Unique("Sochi"), army, null, 39.7), Ct);
        var unknownCountry = await Catalog.CreateVenueAsync(new NewVenue(Unique("Sochi"), 999_999, 43.6, 200), Ct);
        var controlCharacters = await Catalog.CreateVenueAsync(new NewVenue("So\u0007chi", russia), Ct);

        Assert.Equal(["CountryActorId", "Latitude", "Longitude", "Name"], empty.Errors.Keys.Order());
        Assert.Equal(["CountryActorId", "Latitude"], notAState.Errors.Keys.Order());
        Assert.Contains("Syrian Arab Army is not a state", notAState.Errors["CountryActorId"][0]);
        Assert.Equal("There is no actor 999999.", unknownCountry.Errors["CountryActorId"][0]);
        Assert.Equal(["Longitude"], unknownCountry.Errors.Keys.Where(k => k != "CountryActorId"));
        Assert.Equal(["Name"], controlCharacters.Errors.Keys);
        Assert.Equal(before, await CountAsync(db => db.Venues));
    }

    [Fact]
    public async Task A_new_actor_is_stored_with_its_aliases_once_each_and_its_parent()
    {
        var syria = await IdAsync(db => db.Actors.Where(a => a.Name == "Syria"));
        var name = Unique("Syrian General Intelligence Directorate");
        var alias = Unique("Idarat al-Mukhabarat");

        using var acting = CurrentActor.As("editor");
        var outcome = await Catalog.CreateActorAsync(
            new NewActor(name, ActorKind.StateBody, [alias, $" {alias.ToUpperInvariant()} ", "", name], syria, "The civilian intelligence service."), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        var actor = await database.Get<ActorService>().GetAsync(outcome.Created!.Id, Ct);
        Assert.Equal([alias], actor!.Aliases);
        Assert.Equal("Syria", actor.Parent!.Name);
        Assert.Equal(ActorKind.StateBody, actor.Kind);
        Assert.Contains(outcome.Created.Id, (await database.Get<ActorService>().SearchNamesAsync(alias, ct: Ct)).Select(a => a.Id));
        await AssertAuditedAsync(nameof(Actor), outcome.Created.Id, "editor");
    }

    [Theory]
    [InlineData("Damascus", "Aliases", "Syria")]
    [InlineData("moscow", "Aliases", "Russia")]
    [InlineData("Russia", "Aliases", "Russia")]
    public async Task An_alias_another_actor_already_has_is_refused_and_that_actor_offered(string alias, string field, string existing)
    {
        var before = await CountAsync(db => db.Actors);

        var outcome = await Catalog.CreateActorAsync(new NewActor(Unique("Someone"), ActorKind.State, [alias]), Ct);

        Assert.Equal(existing, outcome.Existing!.Name);
        Assert.Contains($"use {existing} instead", Assert.Single(outcome.Errors[field]));
        Assert.Equal(before, await CountAsync(db => db.Actors));
    }

    [Fact]
    public async Task A_name_that_is_another_actors_alias_is_refused_on_the_name()
    {
        var outcome = await Catalog.CreateActorAsync(new NewActor("tel aviv", ActorKind.State), Ct);
        var match = await Catalog.FindActorAsync("Tel  Aviv", [], Ct);

        Assert.Equal("Israel", outcome.Existing!.Name);
        Assert.Equal("“tel aviv” is already a name of Israel (alias “Tel Aviv”): use Israel instead.", outcome.Errors["Name"][0]);
        Assert.Equal(("Israel", "Name"), (match!.Record.Name, match.Field));
    }

    [Fact]
    public async Task Bad_actor_fields_are_refused_field_by_field()
    {
        var outcome = await Catalog.CreateActorAsync(new NewActor(new string('x', 201), (ActorKind)42, [new string('y', 201)], 999_999, new string('z', 2001)), Ct);

        Assert.Equal(["Aliases", "Description", "Kind", "Name", "ParentActorId"], outcome.Errors.Keys.Order());
        Assert.Null(outcome.Existing);
    }

    [Fact]
    public async Task A_new_agenda_item_belongs_to_its_track_and_a_title_the_track_has_is_refused()
    {
        var track = await IdAsync(db => db.Tracks);
        var title = Unique("Prisoner exchanges");

        var created = await Catalog.CreateAgendaItemAsync(new NewAgendaItem(track, title, AgendaCategory.Other, "Exchanges of detainees."), Ct);
        var again = await Catalog.CreateAgendaItemAsync(new NewAgendaItem(track, title.ToLowerInvariant(), AgendaCategory.Guarantees), Ct);
        var noTrack = await Catalog.CreateAgendaItemAsync(new NewAgendaItem(null, "", (AgendaCategory)99), Ct);

        Assert.True(created.Succeeded, Problems(created));
        Assert.Equal("Syria–Israel security track", created.Created!.Detail);
        var view = await database.Get<AgendaItemService>().GetAsync(created.Created.Id, Ct);
        Assert.Equal((title, AgendaCategory.Other, track), (view!.Title, view.Category, view.Track.Id));
        Assert.Equal(created.Created.Id, again.Existing!.Id);
        Assert.Equal(["Title"], again.Errors.Keys);
        Assert.Equal(["Category", "Title", "TrackId"], noTrack.Errors.Keys.Order());
        Assert.Equal(1, await CountAsync(db => db.AgendaItems.Where(a => a.Title == title)));
    }

    [Fact]
    public async Task A_new_meeting_keeps_its_date_precision_venue_format_and_participants_and_shows_in_its_dossier()
    {
        var track = await IdAsync(db => db.Tracks);
        var baku = await IdAsync(db => db.Venues.Where(v => v.Name == "Baku"));
        var (syria, israel) = (await IdAsync(db => db.Actors.Where(a => a.Name == "Syria")), await IdAsync(db => db.Actors.Where(a => a.Name == "Israel")));
        var title = Unique("Follow-up round in Baku");

        using var acting = CurrentActor.As("editor");
        var outcome = await Catalog.CreateMeetingAsync(new NewMeeting(track, title, baku, new MeetingDateInput(DatePrecision.Month, "2026-12"),
            MeetingFormat.Indirect, MeetingStatus.Reported, IsSeries: false,
            [new NewParticipant(syria, "senior security officials"), new NewParticipant(israel, " senior security officials ")], "A second round."), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        var dossier = await database.Get<MeetingService>().DossierAsync(outcome.Created!.Id, Ct);
        Assert.Equal("Dec 2026", dossier!.Date.Display);
        Assert.Equal(("Baku", MeetingFormat.Indirect, MeetingStatus.Reported), (dossier.Venue!.Name, dossier.Format, dossier.Status));
        Assert.Equal(["Israel", "Syria"], dossier.Participants.Select(p => p.Actor.Name).Order());
        Assert.All(dossier.Participants, p => Assert.Equal("senior security officials", p.Level));
        await AssertAuditedAsync(nameof(Meeting), outcome.Created.Id, "editor");
    }

    [Fact]
    public async Task A_meeting_without_a_date_is_of_unknown_date_and_one_with_its_tracks_title_is_refused()
    {
        var track = await IdAsync(db => db.Tracks);

        var unknown = await Catalog.CreateMeetingAsync(new NewMeeting(track, Unique("Contacts in Moscow")), Ct);
        var duplicate = await Catalog.CreateMeetingAsync(new NewMeeting(track, "closed-door security meetings in baku"), Ct);

        Assert.False((await database.Get<MeetingService>().DossierAsync(unknown.Created!.Id, Ct))!.Date.IsKnown);
        Assert.Equal("Closed-door security meetings in Baku", duplicate.Existing!.Name);
        Assert.Equal(duplicate.Existing, (await Catalog.FindMeetingAsync(track, " Closed-door  security meetings in Baku", Ct))!.Record);
    }

    [Theory]
    [InlineData(DatePrecision.Exact, "2026-13-01", null, "Date.Start")]
    [InlineData(DatePrecision.Exact, null, null, "Date.Start")]
    [InlineData(DatePrecision.Month, "Nov 2026", null, "Date.Start")]
    [InlineData(DatePrecision.ApproximateRange, "2026-11-20", "2026-11-01", "Date.End")]
    [InlineData(DatePrecision.ApproximateRange, "1850-01-01", "2026-11-01", "Date.Start")]
    [InlineData((DatePrecision)7, null, null, "Date.Precision")]
    public async Task A_meeting_date_that_does_not_read_is_refused_beside_its_field(DatePrecision precision, string? start, string? end, string field)
    {
        var track = await IdAsync(db => db.Tracks);
        var title = Unique("Dated meeting");

        var outcome = await Catalog.CreateMeetingAsync(new NewMeeting(track, title, Date: new MeetingDateInput(precision, start, end)), Ct);

        Assert.Equal([field], outcome.Errors.Keys);
        Assert.Equal(0, await CountAsync(db => db.Meetings.Where(m => m.Title == title)));
    }

    [Fact]
    public async Task Bad_meeting_references_are_refused_and_nothing_is_stored()
    {
        var syria = await IdAsync(db => db.Actors.Where(a => a.Name == "Syria"));
        var before = await CountAsync(db => db.Meetings);

        var outcome = await Catalog.CreateMeetingAsync(new NewMeeting(999_999, Unique("Nowhere"), 999_999, null, (MeetingFormat)9, (MeetingStatus)9, false,
            [new NewParticipant(syria), new NewParticipant(syria), new NewParticipant(999_999, new string('l', 301))]), Ct);

        Assert.Equal(["Format", "Participants", "Status", "TrackId", "VenueId"], outcome.Errors.Keys.Order());
        Assert.Equal(3, outcome.Errors["Participants"].Length);
        Assert.Equal(before, await CountAsync(db => db.Meetings));
    }

    [Fact]
    public async Task Two_editors_creating_the_same_venue_at_once_make_one_venue_and_the_other_is_offered_it()
    {
        var azerbaijan = await IdAsync(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var name = Unique("Sumqayit");

        var outcomes = await Task.WhenAll(
            Catalog.CreateVenueAsync(new NewVenue(name, azerbaijan), Ct),
            Catalog.CreateVenueAsync(new NewVenue(name.ToUpperInvariant(), azerbaijan), Ct));

        var created = Assert.Single(outcomes, o => o.Succeeded);
        var refused = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(created.Created!.Id, refused.Existing!.Id);
        Assert.Equal(1, await CountAsync(db => db.Venues.Where(v => v.Id == created.Created.Id || v.Name == name.ToUpperInvariant())));
    }

    [Fact]
    public async Task A_record_created_from_a_review_is_suggested_on_the_undecided_claims_that_name_it()
    {
        const string text = "Envoys prepare a round in Muscat\n" +
                            "Officials said envoys would meet in Muscat next month. " +
                            "A diplomat said the Muscat venue was chosen by Oman. " +
                            "Analysts said the talks remain fragile.";
        var receipt = (await database.Get<IntakeService>().TakeInAsync(new ReportSubmission { Text = $"{text} Ref {Guid.NewGuid():N}." }, Ct)).Value!;
        var review = database.Get<ReviewService>();
        var proposals = (await review.OpenAsync(receipt.ReportId, Ct))!.Proposals;
        var meetIn = proposals.Single(p => p.Quote.Contains("meet in Muscat"));
        var chosen = proposals.Single(p => p.Quote.Contains("venue was chosen"));
        var fragile = proposals.Single(p => p.Quote.Contains("remain fragile"));
        Assert.True((await review.UpdateAsync(chosen, Edit(chosen) with { Decision = ProposalDecision.Rejected }, Ct)).Succeeded);
        var oman = (await Catalog.CreateActorAsync(new NewActor(Unique("Sultanate of Oman"), ActorKind.State, ["Muscat"]), Ct)).Created!;
        var muscat = (await Catalog.CreateVenueAsync(new NewVenue("Muscat", oman.Id), Ct)).Created!;
        var meeting = (await Catalog.CreateMeetingAsync(new NewMeeting(await IdAsync(db => db.Tracks), Unique("Next round"), muscat.Id), Ct)).Created!;

        // The editor links the new meeting, then the new actor, on the "fragile" claim: the other claims
        // naming the meeting's venue, or the actor by its alias, are suggested them — except the rejected one.
        var meetingLinked = await review.LinkAsync(fragile, ProposalLink.Meeting, meeting.Id, Ct);
        var stale = await review.LinkAsync(fragile, ProposalLink.Actor, oman.Id, Ct);
        var actorLinked = await review.LinkAsync(await ProposalAsync(fragile.Id), ProposalLink.Actor, oman.Id, Ct);
        var again = await review.LinkAsync(await ProposalAsync(fragile.Id), ProposalLink.Actor, oman.Id, Ct);

        Assert.Equal((1, 1, 0), (meetingLinked.Value, actorLinked.Value, again.Value));
        Assert.Contains(Conflicts.Field, stale.Errors.Keys);
        var after = (await review.OpenAsync(receipt.ReportId, Ct))!.Proposals.ToDictionary(p => p.Id);
        Assert.Equal([meeting.Id], after[meetIn.Id].MeetingIds);
        Assert.Equal([meeting.Id], after[fragile.Id].MeetingIds);
        Assert.Contains(oman.Id, after[meetIn.Id].ActorIds);
        Assert.Contains(oman.Id, after[fragile.Id].ActorIds);
        Assert.DoesNotContain(meeting.Id, after[chosen.Id].MeetingIds);
        Assert.DoesNotContain(oman.Id, after[chosen.Id].ActorIds);
        Assert.All(after.Values.Where(p => p.Id != meetIn.Id && p.Id != fragile.Id), p => Assert.DoesNotContain(meeting.Id, p.MeetingIds));

        async Task<ProposalView> ProposalAsync(int id) => (await review.OpenAsync(receipt.ReportId, Ct))!.Proposals.Single(p => p.Id == id);
    }

    private static ProposalEdit Edit(ProposalView p) => ProposalEdit.From(p);

    private static string Problems(CatalogOutcome outcome) => string.Join(" ", outcome.Errors.SelectMany(e => e.Value));

    private async Task AssertAuditedAsync(string entityType, int id, string user)
    {
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == entityType && a.EntityId == id.ToString(), Ct);
        Assert.Equal((AuditAction.Created, user), (entry.Action, entry.User));
    }

    private async Task<int> CountAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query)
    {
        await using var db = database.NewContext();
        return await query(db).CountAsync(Ct);
    }

    private async Task<int> IdAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }
}

public sealed class CatalogServiceTestsOnSqlite(SeededDatabase database) : CatalogServiceTests(database), IClassFixture<SeededDatabase>;

public sealed class CatalogServiceTestsOnPostgres(PostgresSeededDatabase database) : CatalogServiceTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
