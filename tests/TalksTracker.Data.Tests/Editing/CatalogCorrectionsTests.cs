using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Export;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

/// <summary>Correcting, deleting and merging catalog records: actors, sources, venues, agenda items.</summary>
public abstract class CatalogCorrectionsTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogService Catalog => database.Get<CatalogService>();
    private CatalogCorrections Corrections => database.Get<CatalogCorrections>();
    private Merges Merges => database.Get<Merges>();

    // The fixture's database is shared by the tests of a class: each test makes names of its own.
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task An_actor_edit_shows_on_its_page_and_in_exports_and_is_audited_before_and_after()
    {
        var syria = await IdAsync(db => db.Actors.Where(a => a.Name == "Syria"));
        var created = await NewActorAsync(Unique("Mukhabarat"), ActorKind.Other, [Unique("GID")]);
        await using (var db = database.NewContext())
        {
            // Exports carry the actors claims name.
            db.ClaimActors.Add(new ClaimActor { ClaimId = await db.Claims.Select(c => c.Id).FirstAsync(Ct), ActorId = created });
            await db.SaveChangesAsync(Ct);
        }

        var opened = (await database.Get<ActorService>().GetAsync(created, Ct))!;
        var name = Unique("General Intelligence Directorate");
        var alias = Unique("Idarat al-Mukhabarat al-Amma");

        using var acting = CurrentActor.As("editor@demo.local");
        var outcome = await Corrections.EditActorAsync(created, new ActorEdit($" {name} ", ActorKind.StateBody, [alias], syria, "Civilian intelligence.", opened.Version), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        var actor = (await database.Get<ActorService>().GetAsync(created, Ct))!;
        Assert.Equal((name, ActorKind.StateBody, "Syria", "Civilian intelligence."), (actor.Name, actor.Kind, actor.Parent!.Name, actor.Description));
        Assert.Equal([alias], actor.Aliases);
        Assert.Equal(outcome.Value!.Version, actor.Version);
        Assert.NotEqual(opened.Version, actor.Version);
        Assert.Contains(created, (await database.Get<ActorService>().SearchNamesAsync(alias, ct: Ct)).Select(a => a.Id));
        var exported = (await database.Get<ExportService>().SnapshotAsync(null, ct: Ct))!.Actors.Single(a => a.Id == created);
        Assert.Equal((name, syria), (exported.Name, exported.ParentActorId));

        var changes = await AuditedChangesAsync(nameof(Actor), created, AuditAction.Updated, "editor@demo.local");
        Assert.Equal(opened.Name, changes.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal(name, changes.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal("StateBody", changes.GetProperty("Kind").GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_stale_actor_edit_is_refused_naming_what_the_other_editor_changed()
    {
        var created = await NewActorAsync(Unique("Hezbollah"), ActorKind.NonStateArmedGroup);
        var opened = (await database.Get<ActorService>().GetAsync(created, Ct))!;
        var theirs = Unique("Hizballah");
        Assert.True((await Corrections.EditActorAsync(created, Edit(opened) with { Name = theirs }, Ct)).Succeeded);

        var mine = await Corrections.EditActorAsync(created, Edit(opened) with { Description = "Lebanese group." }, Ct);

        var message = Assert.Single(mine.Errors[Conflicts.Field]);
        Assert.Contains($"Name to “{theirs}”", message);
        Assert.DoesNotContain("Kind", message);
        Assert.Null((await database.Get<ActorService>().GetAsync(created, Ct))!.Description);
    }

    [Fact]
    public async Task An_edit_of_the_aliases_alone_renews_the_version_so_an_editor_who_read_the_old_ones_is_refused()
    {
        var created = await NewActorAsync(Unique("Quds Force"), ActorKind.StateBody, [Unique("IRGC-QF")]);
        var opened = (await database.Get<ActorService>().GetAsync(created, Ct))!;
        var theirs = Unique("Sepah-e Quds");

        var first = await Corrections.EditActorAsync(created, Edit(opened) with { Aliases = [theirs] }, Ct);
        Assert.True(first.Succeeded, Problems(first));
        Assert.NotEqual(opened.Version, first.Value!.Version);

        var mine = await Corrections.EditActorAsync(created, Edit(opened) with { Description = "The IRGC's foreign arm." }, Ct);
        Assert.Contains(theirs, Assert.Single(mine.Errors[Conflicts.Field]));
        Assert.Equal([theirs], (await database.Get<ActorService>().GetAsync(created, Ct))!.Aliases);
    }

    [Fact]
    public async Task An_actor_may_keep_its_own_names_but_not_take_another_actors_and_not_be_part_of_its_parts()
    {
        var parent = await NewActorAsync(Unique("Ministry"), ActorKind.StateBody);
        var part = await NewActorAsync(Unique("Directorate"), ActorKind.StateBody);
        var partView = (await database.Get<ActorService>().GetAsync(part, Ct))!;
        Assert.True((await Corrections.EditActorAsync(part, Edit(partView) with { ParentActorId = parent }, Ct)).Succeeded);
        var opened = (await database.Get<ActorService>().GetAsync(parent, Ct))!;

        var same = await Corrections.EditActorAsync(parent, Edit(opened) with { Name = opened.Name.ToUpperInvariant() }, Ct);
        opened = (await database.Get<ActorService>().GetAsync(parent, Ct))!;
        var moscow = await Corrections.EditActorAsync(parent, Edit(opened) with { Aliases = ["moscow"] }, Ct);
        var circle = await Corrections.EditActorAsync(parent, Edit(opened) with { ParentActorId = part }, Ct);
        var itself = await Corrections.EditActorAsync(parent, Edit(opened) with { ParentActorId = parent }, Ct);

        Assert.True(same.Succeeded, Problems(same));
        Assert.Contains("use Russia instead", Assert.Single(moscow.Errors["Aliases"]));
        Assert.Contains("cannot also be part of it", Assert.Single(circle.Errors["ParentActorId"]));
        Assert.Equal("An actor cannot be part of itself.", Assert.Single(itself.Errors["ParentActorId"]));
        Assert.Empty((await database.Get<ActorService>().GetAsync(parent, Ct))!.Aliases);
    }

    [Fact]
    public async Task A_renamed_venue_shows_on_the_timeline_of_its_meetings_and_a_country_must_be_a_state()
    {
        var azerbaijan = await IdAsync(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var army = await IdAsync(db => db.Actors.Where(a => a.Name == "Syrian Arab Army"));
        var venue = (await Catalog.CreateVenueAsync(new NewVenue(Unique("Ganja"), azerbaijan), Ct)).Created!.Id;
        var meeting = await NewMeetingAsync(venue);
        var opened = (await database.Get<VenueService>().GetAsync(venue, Ct))!;
        var name = Unique("Gəncə");

        var notAState = await Corrections.EditVenueAsync(venue, new VenueEdit(name, army, null, null, opened.Version), Ct);
        var baku = await Corrections.EditVenueAsync(venue, new VenueEdit("baku", azerbaijan, null, null, opened.Version), Ct);
        var outcome = await Corrections.EditVenueAsync(venue, new VenueEdit(name, azerbaijan, 40.68, 46.36, opened.Version), Ct);

        Assert.Contains("not a state", Assert.Single(notAState.Errors["CountryActorId"]));
        Assert.Contains("already a venue “Baku”", Assert.Single(baku.Errors["Name"]));
        Assert.True(outcome.Succeeded, Problems(outcome));
        var timeline = await database.Get<MeetingService>().TimelineAsync(new TimelineQuery { VenueId = venue }, Ct);
        Assert.Equal(name, timeline.Entries.Single(e => e.Id == meeting).Venue!.Name);
        Assert.Equal((40.68, 46.36), ((await database.Get<VenueService>().GetAsync(venue, Ct))!.Latitude, (await database.Get<VenueService>().GetAsync(venue, Ct))!.Longitude));
    }

    [Fact]
    public async Task A_source_edit_keeps_its_grade_and_refuses_another_sources_name()
    {
        var israel = await IdAsync(db => db.Actors.Where(a => a.Name == "Israel"));
        var id = (await Catalog.CreateSourceAsync(new NewSource(Unique("a Western diplomat"), SourceKind.AnonymousOfficial, Reliability.B), Ct)).Value;
        var opened = (await database.Get<SourceService>().GetAsync(id, Ct))!;
        var name = Unique("a senior Western diplomat");

        var taken = await Corrections.EditSourceAsync(id, new SourceEdit("Israeli media", SourceKind.MediaOutlet, null, null, opened.Version), Ct);
        using var acting = CurrentActor.As("editor");
        var outcome = await Corrections.EditSourceAsync(id, new SourceEdit(name, SourceKind.NamedOfficial, israel, "Speaks for a mediator.", opened.Version), Ct);
        var stale = await Corrections.EditSourceAsync(id, new SourceEdit(name, SourceKind.Analyst, null, null, opened.Version), Ct);

        Assert.Contains("already exists", Assert.Single(taken.Errors["Name"]));
        Assert.True(outcome.Succeeded, Problems(outcome));
        var source = (await database.Get<SourceService>().GetAsync(id, Ct))!;
        Assert.Equal((name, SourceKind.NamedOfficial, "Israel", Reliability.B), (source.Name, source.Kind, source.Affiliation!.Name, source.Reliability));
        Assert.Contains("AffiliationActorId", Assert.Single(stale.Errors[Conflicts.Field]));
        await AuditedChangesAsync(nameof(Source), id, AuditAction.Updated, "editor");
    }

    [Fact]
    public async Task An_agenda_item_moved_to_another_track_leaves_one_board_for_the_other_and_the_figures_stay_right()
    {
        var (item, from) = await FirstAsync(db => db.AgendaItems.Where(a => db.ClaimAgendaItems.Any(c => c.AgendaItemId == a.Id)).Select(a => new Tuple<int, int>(a.Id, a.TrackId)));
        var to = await NewTrackAsync();
        var opened = (await database.Get<AgendaItemService>().GetAsync(item, Ct))!;

        var outcome = await Corrections.EditAgendaItemAsync(item, new AgendaItemEdit(to, opened.Title, opened.Category, opened.Description, opened.Version), Ct);

        Assert.True(outcome.Succeeded, Problems(outcome));
        var progress = database.Get<ProgressService>();
        Assert.DoesNotContain((await progress.BoardAsync(from, Ct))!.Items, i => i.Id == item);
        Assert.Contains((await progress.BoardAsync(to, Ct))!.Items, i => i.Id == item);
        await AssertFiguresRightAsync();

        // and back, so the seeded board is whole for the other tests
        var back = await Corrections.EditAgendaItemAsync(item, new AgendaItemEdit(from, opened.Title, opened.Category, opened.Description, outcome.Value!.Version), Ct);
        Assert.True(back.Succeeded, Problems(back));
        await AssertFiguresRightAsync();
    }

    [Fact]
    public async Task An_agenda_items_aliases_are_kept_once_each_shown_on_its_page_audited_and_deleted_with_it()
    {
        var track = await NewTrackAsync();
        var title = Unique("Syrian army redeployment near the border");
        var created = await Catalog.CreateAgendaItemAsync(
            new NewAgendaItem(track, title, AgendaCategory.Deployments, null, ["army redeployment", " Army  Redeployment ", title.ToUpperInvariant(), "troops near the frontier"]), Ct);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var item = created.Created!.Id;
        var opened = (await database.Get<AgendaItemService>().GetAsync(item, Ct))!;
        Assert.Equal(["army redeployment", "troops near the frontier"], opened.Aliases);

        using var acting = CurrentActor.As("editor@demo.local");
        var edited = await Corrections.EditAgendaItemAsync(item, Edit(opened) with { Aliases = ["Army redeployment", "Syrian troops at the border"] }, Ct);

        Assert.True(edited.Succeeded, Problems(edited));
        Assert.NotEqual(opened.Version, edited.Value!.Version);
        Assert.Equal(["Army redeployment", "Syrian troops at the border"], (await database.Get<AgendaItemService>().GetAsync(item, Ct))!.Aliases);
        Assert.Equal(["Army redeployment", "Syrian troops at the border"], (await database.Get<TalksTracker.Data.Positions.PositionService>().MatrixAsync(item, ct: Ct))!.Aliases);
        var stale = await Corrections.EditAgendaItemAsync(item, Edit(opened) with { Description = "Where the army stands." }, Ct);
        Assert.Contains("Syrian troops at the border", Assert.Single(stale.Errors[Conflicts.Field]));

        var renamed = await IdAsync(db => db.AgendaItemAliases.Where(a => a.AgendaItemId == item && a.Alias == "Army redeployment"));
        var changes = await AuditedChangesAsync(nameof(AgendaItemAlias), renamed, AuditAction.Updated, "editor@demo.local");
        Assert.Equal("army redeployment", changes.GetProperty("Alias").GetProperty("before").GetString());
        var added = await IdAsync(db => db.AgendaItemAliases.Where(a => a.AgendaItemId == item && a.Alias == "Syrian troops at the border"));
        await AuditedChangesAsync(nameof(AgendaItemAlias), added, AuditAction.Created, "editor@demo.local");

        var deleted = await Corrections.DeleteAgendaItemAsync(item, ct: Ct);
        Assert.True(deleted.Succeeded, Problems(deleted));
        Assert.Equal(0, await CountAsync(db => db.AgendaItemAliases.Where(a => a.AgendaItemId == item)));
        await AuditedChangesAsync(nameof(AgendaItemAlias), added, AuditAction.Deleted, "editor@demo.local");
    }

    [Fact]
    public async Task Agenda_item_aliases_too_long_or_too_many_are_refused_by_the_field_and_nothing_changes()
    {
        var track = await NewTrackAsync();
        var title = Unique("Turkish military role");
        var tooLong = new string('x', FieldLimits.AgendaItemAliasAlias + 1);
        var tooMany = Enumerable.Range(1, 51).Select(i => $"role {i}").ToList();

        var longOne = await Catalog.CreateAgendaItemAsync(new NewAgendaItem(track, title, AgendaCategory.Other, null, [tooLong]), Ct);
        var manyOnCreate = await Catalog.CreateAgendaItemAsync(new NewAgendaItem(track, title, AgendaCategory.Other, null, tooMany), Ct);
        var item = (await Catalog.CreateAgendaItemAsync(new NewAgendaItem(track, title, AgendaCategory.Other, null, ["Turkey's role"]), Ct)).Created!.Id;
        var opened = (await database.Get<AgendaItemService>().GetAsync(item, Ct))!;
        var manyOnEdit = await Corrections.EditAgendaItemAsync(item, Edit(opened) with { Aliases = tooMany }, Ct);
        var thousands = await Corrections.EditAgendaItemAsync(item, Edit(opened) with { Aliases = Enumerable.Repeat("same", 5_000).ToList() }, Ct);

        Assert.Contains("characters", Assert.Single(longOne.Errors["Aliases"]));
        Assert.Equal("At most 50 aliases (51 given).", Assert.Single(manyOnCreate.Errors["Aliases"]));
        Assert.Equal("At most 50 aliases (51 given).", Assert.Single(manyOnEdit.Errors["Aliases"]));
        Assert.Equal("At most 50 aliases (5000 given).", Assert.Single(thousands.Errors["Aliases"]));
        Assert.Equal(["Turkey's role"], (await database.Get<AgendaItemService>().GetAsync(item, Ct))!.Aliases);
    }

    [Fact]
    public async Task Deleting_is_refused_with_the_reason_while_something_depends_on_the_record_and_audited_otherwise()
    {
        var baku = await IdAsync(db => db.Venues.Where(v => v.Name == "Baku"));
        var syria = await IdAsync(db => db.Actors.Where(a => a.Name == "Syria"));
        var usedItem = await IdAsync(db => db.AgendaItems.Where(a => db.ClaimAgendaItems.Any(c => c.AgendaItemId == a.Id)));
        var meetings = await CountAsync(db => db.Meetings.Where(m => m.VenueId == baku));

        var venue = await Corrections.DeleteVenueAsync(baku, ct: Ct);
        var actor = await Corrections.DeleteActorAsync(syria, ct: Ct);
        var item = await Corrections.DeleteAgendaItemAsync(usedItem, ct: Ct);

        Assert.Equal($"Baku cannot be deleted while it has meetings ({meetings}): move them to another venue first.", Assert.Single(venue.Errors[Edits.InUse]));
        Assert.StartsWith("Syria cannot be deleted while it has claims naming it (", Assert.Single(actor.Errors[Edits.InUse]));
        Assert.Contains("merge it into the actor it duplicates", actor.Errors[Edits.InUse][0]);
        Assert.Contains("claims about it (", Assert.Single(item.Errors[Edits.InUse]));
        Assert.Equal(1, await CountAsync(db => db.Venues.Where(v => v.Id == baku)));

        var unused = await NewActorAsync(Unique("Nobody"), ActorKind.Person, [Unique("Nemo")]);
        using var acting = CurrentActor.As("editor");
        var deleted = await Corrections.DeleteActorAsync(unused, ct: Ct);
        var again = await Corrections.DeleteActorAsync(unused, ct: Ct);

        Assert.True(deleted.Succeeded, Problems(deleted));
        Assert.Equal(0, await CountAsync(db => db.ActorAliases.Where(a => a.ActorId == unused)));
        await AuditedChangesAsync(nameof(Actor), unused, AuditAction.Deleted, "editor");
        Assert.Equal($"There is no actor {unused}.", Assert.Single(again.Errors[Edits.Missing]));
    }

    [Fact]
    public async Task Merging_two_actors_keeps_every_link_collapses_duplicates_and_redirects_the_old_address()
    {
        var keep = await NewActorAsync(Unique("Syrian Interim Government"), ActorKind.State, [Unique("SIG")]);
        var dup = await NewActorAsync(Unique("Interim Government of Syria"), ActorKind.State, [Unique("IGS")]);
        var part = await NewActorAsync(Unique("Interim Ministry of Defence"), ActorKind.StateBody);
        var claims = await IdsAsync(db => db.Claims.Where(c => db.ClaimMeetings.Any(m => m.ClaimId == c.Id)).OrderBy(c => c.Id).Take(4));
        var meetingA = await NewMeetingAsync(null);
        var meetingB = await NewMeetingAsync(null);
        var track = await IdAsync(db => db.Tracks);
        var venue = (await Catalog.CreateVenueAsync(new NewVenue(Unique("Idlib"), dup), Ct)).Created!.Id;
        var source = (await Catalog.CreateSourceAsync(new NewSource(Unique("an interim government spokesman"), SourceKind.NamedOfficial, Reliability.C, dup), Ct)).Value;
        await using (var db = database.NewContext())
        {
            // Claims 0 and 1 name both, 2 only the duplicate, 3 only the kept one; meeting A has both, B only the duplicate.
            db.ClaimActors.AddRange(
                new ClaimActor { ClaimId = claims[0], ActorId = keep }, new ClaimActor { ClaimId = claims[0], ActorId = dup },
                new ClaimActor { ClaimId = claims[1], ActorId = keep }, new ClaimActor { ClaimId = claims[1], ActorId = dup },
                new ClaimActor { ClaimId = claims[2], ActorId = dup }, new ClaimActor { ClaimId = claims[3], ActorId = keep });
            db.MeetingParticipants.AddRange(
                new MeetingParticipant { MeetingId = meetingA, ActorId = keep }, new MeetingParticipant { MeetingId = meetingA, ActorId = dup, Level = "ministers" },
                new MeetingParticipant { MeetingId = meetingB, ActorId = dup, Level = "officials" });
            db.TrackParticipants.Add(new TrackParticipant { TrackId = track, ActorId = dup, Role = TrackRole.Observer });
            (await db.Actors.SingleAsync(a => a.Id == part, Ct)).ParentActorId = dup;
            await db.SaveChangesAsync(Ct);
        }

        var links = await ActorLinksAsync(keep, dup);
        var dupName = (await database.Get<ActorService>().NameOfAsync(dup, Ct))!.Name;
        var plan = await Merges.PlanActorMergeAsync(dup, keep, Ct);
        Assert.True(plan.Succeeded, Problems(plan));
        Assert.Contains(new DependentCount("claims naming it", 3), plan.Value!.Moves);
        Assert.Contains(new DependentCount("meeting participations", 2), plan.Value.Moves);
        Assert.Equal(1, await CountAsync(db => db.Actors.Where(a => a.Id == dup)));

        var mergedAt = database.Clock.GetUtcNow().UtcDateTime;
        using (CurrentActor.As("editor@demo.local"))
        {
            var merged = await Merges.MergeActorAsync(dup, keep, Ct);
            Assert.True(merged.Succeeded, Problems(merged));
        }

        var after = await ActorLinksAsync(keep, dup);
        Assert.Equal(links.Claims, after.Claims);
        Assert.Equal(links.Meetings, after.Meetings);
        Assert.Equal(links.Tracks, after.Tracks);
        Assert.Equal((links.Venues, links.Sources, links.Parts), (after.Venues, after.Sources, after.Parts));
        Assert.Equal(links.Names, after.Names);
        Assert.Equal(0, await CountAsync(db => db.Actors.Where(a => a.Id == dup)));
        Assert.Equal("ministers", await FirstAsync(db => db.MeetingParticipants.Where(p => p.MeetingId == meetingA && p.ActorId == keep).Select(p => p.Level)));
        Assert.Contains(keep, (await database.Get<ActorService>().SearchNamesAsync(dupName, ct: Ct)).Select(a => a.Id));
        Assert.Equal(keep, (await Merges.MergedIntoAsync(Merges.Actor, dup, Ct))!.Id);
        await using (var db = database.NewContext())
        {
            var record = await db.MergedRecords.SingleAsync(m => m.Kind == "actor" && m.FromId == dup, Ct);
            Assert.Equal((dupName, keep, "editor@demo.local"), (record.FromName, record.IntoId, record.MergedBy));
            Assert.InRange(record.MergedAt, mergedAt.AddMilliseconds(-1), database.Clock.GetUtcNow().UtcDateTime);
        }

        await AuditedChangesAsync(nameof(Actor), dup, AuditAction.Deleted, "editor@demo.local");
        await AssertFiguresRightAsync();
        var edit = await Corrections.EditActorAsync(dup, new ActorEdit("x", ActorKind.State, null, null, null, Guid.NewGuid()), Ct);
        Assert.Contains($"was merged into {(await database.Get<ActorService>().NameOfAsync(keep, Ct))!.Name}", Assert.Single(edit.Errors[Edits.Missing]));
    }

    [Fact]
    public async Task Merging_two_sources_moves_claims_relays_proposals_and_grade_history_and_redirects()
    {
        var keep = (await Catalog.CreateSourceAsync(new NewSource(Unique("a Russian diplomatic source"), SourceKind.AnonymousOfficial, Reliability.C), Ct)).Value;
        var dup = (await Catalog.CreateSourceAsync(new NewSource(Unique("a diplomatic source in Moscow"), SourceKind.AnonymousOfficial, Reliability.D), Ct)).Value;
        var claims = await IdsAsync(db => db.Claims.Where(c => db.ClaimMeetings.Any(m => m.ClaimId == c.Id)).OrderByDescending(c => c.Id).Take(3));
        var originals = new Dictionary<int, (int? Source, int? Via)>();
        await using (var db = database.NewContext())
        {
            foreach (var claim in await db.Claims.Where(c => claims.Contains(c.Id)).ToListAsync(Ct))
            {
                originals[claim.Id] = (claim.SourceId, claim.ViaSourceId);
            }

            // One claim the duplicate made, one it relayed, one the kept source made relayed by the duplicate (the same voice twice).
            var byId = await db.Claims.Where(c => claims.Contains(c.Id)).ToDictionaryAsync(c => c.Id, Ct);
            (byId[claims[0]].SourceId, byId[claims[0]].ViaSourceId) = (dup, null);
            byId[claims[1]].ViaSourceId = dup;
            (byId[claims[2]].SourceId, byId[claims[2]].ViaSourceId) = (keep, dup);
            db.SourceGradeChanges.Add(new SourceGradeChange { SourceId = dup, From = Reliability.F, To = Reliability.D, Reason = "Seen twice.", ChangedBy = "editor", ChangedAt = database.Clock.GetUtcNow().UtcDateTime });
            var report = await db.Reports.Select(r => r.Id).FirstAsync(Ct);
            db.ClaimProposals.Add(new ClaimProposal { ReportId = report, Start = 0, End = 5, SourceId = dup, ViaSourceId = dup });
            await db.SaveChangesAsync(Ct);
        }

        var attributed = await CountAsync(db => db.Claims.Where(c => c.SourceId == keep || c.SourceId == dup));
        var history = await CountAsync(db => db.SourceGradeChanges.Where(g => g.SourceId == keep || g.SourceId == dup));

        using (CurrentActor.As("editor"))
        {
            var merged = await Merges.MergeSourceAsync(dup, keep, Ct);
            Assert.True(merged.Succeeded, Problems(merged));
            Assert.Contains(new DependentCount("claims it relayed", 2), merged.Value!.Moves);
        }

        Assert.Equal(attributed, await CountAsync(db => db.Claims.Where(c => c.SourceId == keep)));
        Assert.Equal(history, await CountAsync(db => db.SourceGradeChanges.Where(g => g.SourceId == keep)));
        Assert.Equal(0, await CountAsync(db => db.Claims.Where(c => c.SourceId == dup || c.ViaSourceId == dup)));
        Assert.Equal(keep, await FirstAsync(db => db.Claims.Where(c => c.Id == claims[1]).Select(c => c.ViaSourceId)));
        Assert.Null(await FirstAsync(db => db.Claims.Where(c => c.Id == claims[2]).Select(c => c.ViaSourceId)));
        Assert.Equal(1, await CountAsync(db => db.ClaimProposals.Where(p => p.SourceId == keep && p.ViaSourceId == keep)));
        Assert.Equal(Reliability.C, (await database.Get<SourceService>().GetAsync(keep, Ct))!.Reliability);
        Assert.Equal(keep, (await Merges.MergedIntoAsync(Merges.Source, dup, Ct))!.Id);
        await AssertFiguresRightAsync();

        await using (var db = database.NewContext())
        {
            // Give the seed's claims their sources back for the other tests; the save keeps the figures.
            foreach (var claim in await db.Claims.Where(c => claims.Contains(c.Id)).ToListAsync(Ct))
            {
                (claim.SourceId, claim.ViaSourceId) = originals[claim.Id];
            }

            await db.SaveChangesAsync(Ct);
        }

        await AssertFiguresRightAsync();
    }

    [Fact]
    public async Task A_merge_into_itself_into_a_missing_record_or_of_a_country_into_a_non_state_is_refused()
    {
        var actor = await NewActorAsync(Unique("Someone"), ActorKind.State);
        var person = await NewActorAsync(Unique("A spokesman"), ActorKind.Person);
        var azerbaijan = await IdAsync(db => db.Actors.Where(a => a.Name == "Azerbaijan"));
        var source = await IdAsync(db => db.Sources);

        var itself = await Merges.MergeActorAsync(actor, actor, Ct);
        var missing = await Merges.MergeActorAsync(actor, 999_999, Ct);
        var missingSource = await Merges.MergeSourceAsync(999_998, source, Ct);
        var country = await Merges.MergeActorAsync(azerbaijan, person, Ct);

        Assert.Equal("The actor cannot be merged into itself: choose the actor to keep.", Assert.Single(itself.Errors["IntoId"]));
        Assert.Contains("There is no actor 999999", Assert.Single(missing.Errors[Edits.Missing]));
        Assert.Equal("There is no source 999998.", Assert.Single(missingSource.Errors[Edits.Missing]));
        Assert.Contains("is not a state", Assert.Single(country.Errors["IntoId"]));
        Assert.Equal(2, await CountAsync(db => db.Actors.Where(a => a.Id == actor || a.Id == azerbaijan)));
    }

    [Theory]
    [InlineData(typeof(Actor))]
    [InlineData(typeof(Source))]
    [InlineData(typeof(Venue))]
    [InlineData(typeof(AgendaItem))]
    public async Task Every_reference_to_a_corrected_record_in_the_model_is_one_deleting_and_merging_know(Type record)
    {
        await using var db = database.NewContext();

        Assert.Empty(Dependents.Unhandled(db, record));
    }

    private static ActorEdit Edit(ActorView a) => new(a.Name, a.Kind, a.Aliases, a.Parent?.Id, a.Description, a.Version);

    private static AgendaItemEdit Edit(AgendaItemView a) => new(a.Track.Id, a.Title, a.Category, a.Description, a.Version, a.Aliases);

    private sealed record ActorLinks(string Claims, string Meetings, string Tracks, int Venues, int Sources, int Parts, string Names);

    // What refers to either actor, as the kept one should hold it after a merge: computed here, not by the merge.
    private async Task<ActorLinks> ActorLinksAsync(int keep, int dup)
    {
        await using var db = database.NewContext();
        int[] both = [keep, dup];
        var claims = await db.ClaimActors.Where(x => both.Contains(x.ActorId)).Select(x => x.ClaimId).Distinct().OrderBy(x => x).ToListAsync(Ct);
        var meetings = await db.MeetingParticipants.Where(x => both.Contains(x.ActorId)).Select(x => x.MeetingId).Distinct().OrderBy(x => x).ToListAsync(Ct);
        var tracks = await db.TrackParticipants.Where(x => both.Contains(x.ActorId)).Select(x => x.TrackId + ":" + x.Role).Distinct().ToListAsync(Ct);
        var names = await db.Actors.Where(a => both.Contains(a.Id)).Select(a => a.Name)
            .Concat(db.ActorAliases.Where(x => both.Contains(x.ActorId)).Select(x => x.Alias)).ToListAsync(Ct);
        var keptName = await db.Actors.Where(a => a.Id == keep).Select(a => a.Name).SingleAsync(Ct);
        return new ActorLinks(
            string.Join(",", claims), string.Join(",", meetings), string.Join(",", tracks.Order(StringComparer.Ordinal)),
            await db.Venues.CountAsync(v => both.Contains(v.CountryActorId!.Value), Ct),
            await db.Sources.CountAsync(s => both.Contains(s.AffiliationActorId!.Value), Ct),
            await db.Actors.CountAsync(a => both.Contains(a.ParentActorId!.Value), Ct),
            string.Join("|", names.Where(n => n != keptName).Order(StringComparer.Ordinal)));
    }

    private async Task AssertFiguresRightAsync()
    {
        await using var db = database.NewContext();
        Assert.Empty(await DerivedFiguresCheck.MismatchesAsync(db, Ct));
    }

    private async Task<int> NewActorAsync(string name, ActorKind kind, IReadOnlyList<string>? aliases = null)
    {
        var outcome = await Catalog.CreateActorAsync(new NewActor(name, kind, aliases), Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Created!.Id;
    }

    private async Task<int> NewMeetingAsync(int? venue) =>
        (await Catalog.CreateMeetingAsync(new NewMeeting(await IdAsync(db => db.Tracks), Unique("Round"), venue), Ct)).Created!.Id;

    private async Task<int> NewTrackAsync()
    {
        await using var db = database.NewContext();
        var track = db.Tracks.Add(new Track { Name = Unique("Turkey–SDF track") }).Entity;
        await db.SaveChangesAsync(Ct);
        return track.Id;
    }

    private async Task<JsonElement> AuditedChangesAsync(string entityType, int id, AuditAction action, string user)
    {
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == id.ToString() && a.Action == action)
            .OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal(user, entry.User);
        return JsonDocument.Parse(entry.Changes).RootElement;
    }

    private static string Problems<T>(Outcome<T> outcome) => string.Join(" ", outcome.Errors.SelectMany(e => e.Value));

    private async Task<int> CountAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query)
    {
        await using var db = database.NewContext();
        return await query(db).CountAsync(Ct);
    }

    private async Task<T> FirstAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query)
    {
        await using var db = database.NewContext();
        return await query(db).FirstAsync(Ct);
    }

    private async Task<List<int>> IdsAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).ToListAsync(Ct);
    }

    private async Task<int> IdAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }
}

public sealed class CatalogCorrectionsTestsOnSqlite(SeededDatabase database) : CatalogCorrectionsTests(database), IClassFixture<SeededDatabase>;

public sealed class CatalogCorrectionsTestsOnPostgres(PostgresSeededDatabase database) : CatalogCorrectionsTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

/// <summary>
/// PostgreSQL runs writers side by side: a reference added by another writer while a deletion starts must be waited
/// for and counted, not removed by the deletion's cascade. (SQLite's one write lock already keeps them apart.)
/// </summary>
public sealed class CatalogDeletionRaceOnPostgres(PostgresSeededDatabase database) : IClassFixture<PostgresSeededDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reference_being_added_while_a_deletion_starts_is_waited_for_and_the_deletion_refused()
    {
        database.OrSkip();
        var actor = (await database.Get<CatalogService>().CreateActorAsync(new NewActor("Almost unused", ActorKind.Person), Ct)).Created!.Id;
        await using var other = database.NewContext();
        await using (var adding = await other.Database.BeginTransactionAsync(Ct))
        {
            other.ClaimActors.Add(new ClaimActor { ClaimId = await other.Claims.Select(c => c.Id).FirstAsync(Ct), ActorId = actor });
            await other.SaveChangesAsync(Ct);

            // Without a lock on the actor, the deletion would not see the uncommitted link and its cascade would remove it.
            var deleting = database.Get<CatalogCorrections>().DeleteActorAsync(actor, ct: Ct);
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            Assert.False(deleting.IsCompleted);
            await adding.CommitAsync(Ct);

            var outcome = await deleting;
            Assert.StartsWith("Almost unused cannot be deleted while it has claims naming it (1)", Assert.Single(outcome.Errors[Edits.InUse]));
        }

        await using var db = database.NewContext();
        Assert.Equal(1, await db.ClaimActors.CountAsync(a => a.ActorId == actor, Ct));
    }
}
