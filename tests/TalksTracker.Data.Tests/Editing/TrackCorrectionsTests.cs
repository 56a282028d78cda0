using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Progress;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Editing;

public abstract class TrackCorrectionsTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TrackCorrections Corrections => database.Get<TrackCorrections>();
    private TrackService Tracks => database.Get<TrackService>();

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task A_new_track_keeps_its_parties_and_a_name_the_catalog_has_is_refused()
    {
        var (turkey, russia) = (await ActorAsync("Turkey"), await ActorAsync("Russia"));
        var name = Unique("Turkey–SDF de-escalation track");

        using var acting = CurrentActor.As("editor@demo.local");
        var created = await Catalog.CreateTrackAsync(new NewTrack($" {name} ", "Talks in Baghdad.", true,
            [new(turkey, TrackRole.Party, Acknowledgement.Acknowledged), new(russia, TrackRole.Mediator)]), Ct);
        var again = await Catalog.CreateTrackAsync(new NewTrack(name.ToUpperInvariant()), Ct);
        var bad = await Catalog.CreateTrackAsync(new NewTrack(" ", Parties: [new(999_999, TrackRole.Party), new(turkey, (TrackRole)17)]), Ct);

        Assert.True(created.Succeeded);
        var track = (await Tracks.GetAsync(created.Created!.Id, Ct))!;
        Assert.Equal((name, "Talks in Baghdad.", true), (track.Name, track.Description, track.IsOfficial));
        Assert.Equal([("Turkey", TrackRole.Party, Acknowledgement.Acknowledged), ("Russia", TrackRole.Mediator, Acknowledgement.Unknown)],
            track.Roles.Select(r => (r.Actor.Name, r.Role, r.Acknowledgement)).OrderBy(r => r.Role));
        Assert.Equal(created.Created.Id, again.Existing!.Id);
        Assert.Equal(["Name", "Parties"], bad.Errors.Keys.Order());
        await using var db = database.NewContext();
        Assert.Equal("editor@demo.local", (await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Track) && a.EntityId == track.Id.ToString(), Ct)).User);
    }

    [Fact]
    public async Task A_track_is_corrected_and_a_stale_edit_is_refused_naming_the_parties_that_changed()
    {
        var (turkey, russia, us) = (await ActorAsync("Turkey"), await ActorAsync("Russia"), await ActorAsync("United States"));
        var id = (await Catalog.CreateTrackAsync(new NewTrack(Unique("Ankara channel"), Parties: [new(turkey, TrackRole.Party)]), Ct)).Created!.Id;
        var opened = (await Tracks.GetAsync(id, Ct))!;
        var name = Unique("Ankara-Damascus channel");

        using var acting = CurrentActor.As("editor@demo.local");
        // Only the parties change: the track's version is renewed all the same.
        var first = await Corrections.EditAsync(id, new TrackEdit(opened.Version, opened.Name, null, false,
            [new(turkey, TrackRole.Party, Acknowledgement.Denied), new(russia, TrackRole.Mediator)]), Ct);
        var stale = await Corrections.EditAsync(id, new TrackEdit(opened.Version, name, null, false, [new(turkey, TrackRole.Party)]), Ct);
        var current = (await Tracks.GetAsync(id, Ct))!;
        var second = await Corrections.EditAsync(id, new TrackEdit(current.Version, name, "Reopened.", true, [new(us, TrackRole.Observer)]), Ct);

        Assert.True(first.Succeeded);
        Assert.Contains("Parties to “Russia: mediator, Turkey: party (denied)”", Assert.Single(stale.Errors[Conflicts.Field]));
        Assert.Equal(opened.Name, current.Name);
        Assert.True(second.Succeeded);
        var after = (await Tracks.GetAsync(id, Ct))!;
        Assert.Equal((name, "Reopened.", true), (after.Name, after.Description, after.IsOfficial));
        var observer = Assert.Single(after.Roles);
        Assert.Equal(("United States", TrackRole.Observer), (observer.Actor.Name, observer.Role));
        await using var db = database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Track) && a.EntityId == id.ToString() && a.Action == AuditAction.Updated)
            .OrderBy(a => a.Id).Select(a => new { a.User, a.Changes }).ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal("editor@demo.local", a.User));
        Assert.Contains(audit, a => a.Changes.Contains(name) && a.Changes.Contains(opened.Name));
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == nameof(TrackParticipant)).Select(a => a.Action).ToListAsync(Ct), a => a == AuditAction.Deleted);
    }

    [Fact]
    public async Task A_name_another_track_has_is_refused_and_an_unknown_track_is_not_found()
    {
        var seedTrack = (await Tracks.ListAsync(Ct)).Single(t => t.Name == "Syria–Israel security track");
        var id = (await Catalog.CreateTrackAsync(new NewTrack(Unique("Second channel")), Ct)).Created!.Id;
        var opened = (await Tracks.GetAsync(id, Ct))!;

        var taken = await Corrections.EditAsync(id, new TrackEdit(opened.Version, " syria–israel  SECURITY track"), Ct);
        var missing = await Corrections.EditAsync(999_999, new TrackEdit(opened.Version, "Anything"), Ct);

        Assert.Contains(seedTrack.Name, Assert.Single(taken.Errors["Name"]));
        Assert.Equal([Edits.Missing], missing.Errors.Keys);
    }

    [Fact]
    public async Task An_archived_track_leaves_pickers_and_current_lists_stays_readable_and_can_be_restored()
    {
        var name = Unique("Finished channel");
        var id = (await Catalog.CreateTrackAsync(new NewTrack(name), Ct)).Created!.Id;
        var opened = (await Tracks.GetAsync(id, Ct))!;

        var before = database.Clock.GetUtcNow().UtcDateTime;
        var archived = await Corrections.ArchiveAsync(id, new TrackArchival(opened.Version), Ct);
        var staleRestore = await Corrections.RestoreAsync(id, new TrackArchival(opened.Version), Ct);

        Assert.True(archived.Succeeded);
        Assert.Contains(Conflicts.Field, staleRestore.Errors.Keys);
        Assert.DoesNotContain(await Tracks.NamesAsync(Ct), t => t.Id == id);
        Assert.DoesNotContain(await Tracks.ListAsync(Ct), t => t.Id == id);
        Assert.Contains(await Tracks.ListAsync(Ct, archived: true), t => t.Id == id);
        Assert.InRange((await Tracks.GetAsync(id, Ct))!.ArchivedAt!.Value.Ticks, before.Ticks, database.Clock.GetUtcNow().UtcDateTime.Ticks);
        Assert.NotNull(await database.Get<ProgressService>().BoardAsync(id, Ct));
        var meeting = await Catalog.CreateMeetingAsync(new NewMeeting(id, Unique("Late round")), Ct);
        Assert.Contains("archived", Assert.Single(meeting.Errors["TrackId"]));

        var restored = await Corrections.RestoreAsync(id, new TrackArchival(archived.Value!.Version), Ct);

        Assert.True(restored.Succeeded);
        Assert.Contains(await Tracks.NamesAsync(Ct), t => t.Id == id);
        Assert.Null((await Tracks.GetAsync(id, Ct))!.ArchivedAt);
    }

    private CatalogService Catalog => database.Get<CatalogService>();

    private async Task<int> ActorAsync(string name)
    {
        await using var db = database.NewContext();
        return await db.Actors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(Ct);
    }
}

public sealed class TrackCorrectionsTestsOnSqlite(SeededDatabase database) : TrackCorrectionsTests(database), IClassFixture<SeededDatabase>;

public sealed class TrackCorrectionsTestsOnPostgres(PostgresSeededDatabase database) : TrackCorrectionsTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
