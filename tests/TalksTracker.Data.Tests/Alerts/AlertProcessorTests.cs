using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Alerts;
using TalksTracker.Domain;
using TalksTracker.Domain.Alerts;
using TalksTracker.Domain.Provenance;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Alerts;

/// <summary>
/// The alert processor over a real database: the audit trail in, alerts and notifications out, relays folded by
/// independent origin, only to followers who may read, and never twice however many instances pass at once.
/// </summary>
public abstract class AlertProcessorTests(SeededDatabase database)
{
    private AlertProcessor Processor => database.Get<AlertProcessor>();

    /// <summary>A meeting on a track, an official and an analyst, and Israeli media sharing the official's affiliation.</summary>
    private sealed record World(int Track, int Meeting, int Official, int Analyst, int Media, string Reader, string Editor, string NoRole);

    private async Task<World> WorldAsync(string name)
    {
        await using var db = database.NewContext();
        var israel = db.Actors.Add(new Actor { Name = $"Israel {name}" }).Entity;
        var track = db.Tracks.Add(new Track { Name = $"Track {name}" }).Entity;
        await db.SaveChangesAsync();
        var meeting = db.Meetings.Add(new Meeting { Title = $"Meeting {name}", TrackId = track.Id, Status = MeetingStatus.Reported }).Entity;
        var official = db.Sources.Add(new Source { Name = $"Senior official {name}", AffiliationActorId = israel.Id }).Entity;
        var analyst = db.Sources.Add(new Source { Name = $"Analyst {name}" }).Entity;
        var media = db.Sources.Add(new Source { Name = $"Israeli media {name}", AffiliationActorId = israel.Id }).Entity;
        await db.SaveChangesAsync();

        var users = new List<string>();
        foreach (var role in new[] { Roles.Analyst, Roles.Editor, null })
        {
            var user = db.Users.Add(new AppUser { UserName = $"{role ?? "none"}-{name}", Email = $"{role ?? "none"}-{name}@example.org" }).Entity;
            if (role is not null)
            {
                var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
                await db.SaveChangesAsync();
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
            }

            users.Add(user.Id);
        }

        await db.SaveChangesAsync();
        db.Follows.AddRange(
            new Follow { UserId = users[0], Kind = FollowKind.Meeting, SubjectId = meeting.Id, Label = meeting.Title },
            new Follow { UserId = users[1], Kind = FollowKind.Track, SubjectId = track.Id, Label = track.Name },
            new Follow { UserId = users[2], Kind = FollowKind.Meeting, SubjectId = meeting.Id, Label = meeting.Title });
        await db.SaveChangesAsync();
        await Processor.CatchUpAsync();
        return new World(track.Id, meeting.Id, official.Id, analyst.Id, media.Id, users[0], users[1], users[2]);
    }

    private async Task ReportAsync(World world, string name, int number, int source, int? via, Stance stance = Stance.Asserts)
    {
        await using var db = database.NewContext();
        var text = $"Report {number} of {name}: the talks went ahead as planned.";
        var report = db.Reports.Add(new Report { Title = $"Report {number} {name}", Outlet = $"Outlet {number}", Text = text, ContentHash = $"{name}-{number}-{Guid.NewGuid():N}" }).Entity;
        var claim = new Claim { Report = report, Start = 0, End = text.Length, Quote = text, SourceId = source, ViaSourceId = via, Stance = stance };
        claim.Meetings.Add(new ClaimMeeting { MeetingId = world.Meeting });
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
    }

    /// <summary>The issue's scenario: reports 1 and 2 are the origins, 3–8 relay them, 9 and 10 repeat them, and the meeting is confirmed.</summary>
    private async Task TenReportsAsync(World w, string name)
    {
        await ReportAsync(w, name, 1, w.Official, null);
        await ReportAsync(w, name, 2, w.Analyst, null);
        await ReportAsync(w, name, 3, w.Official, w.Media);
        await ReportAsync(w, name, 4, w.Official, w.Media);
        await ReportAsync(w, name, 5, w.Media, null);
        await ReportAsync(w, name, 6, w.Analyst, w.Media);
        await ReportAsync(w, name, 7, w.Analyst, w.Media);
        await ReportAsync(w, name, 8, w.Analyst, w.Media);
        await ReportAsync(w, name, 9, w.Official, null);
        await ReportAsync(w, name, 10, w.Analyst, null);
        await using var db = database.NewContext();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == w.Meeting);
        meeting.Status = MeetingStatus.Confirmed;
        await db.SaveChangesAsync();
    }

    private async Task<List<Notification>> NotificationsAsync(string user)
    {
        await using var db = database.NewContext();
        return await db.Notifications.AsNoTracking().Include(n => n.Alert).Where(n => n.UserId == user).OrderBy(n => n.AlertId).ToListAsync();
    }

    [Fact]
    public async Task Ten_reports_six_of_them_relays_of_two_origins_alert_twice_plus_the_status_change()
    {
        var w = await WorldAsync("ten");
        await TenReportsAsync(w, "ten");

        var pass = await Processor.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, pass.NewAlerts);
        var mine = await NotificationsAsync(w.Reader);
        Assert.Equal([AlertKind.NewOrigin, AlertKind.NewOrigin, AlertKind.StatusChange], mine.Select(n => n.Alert!.Kind));
        Assert.Equal([$"source:{w.Official}", $"source:{w.Analyst}"], mine.Take(2).Select(n => n.Alert!.Origin));
        Assert.Equal([4, 4, 0], mine.Select(n => n.Alert!.Relays));
        Assert.Contains("Reported → Confirmed", mine[2].Alert!.Summary);
        Assert.Equal(mine.Select(n => n.AlertId), (await NotificationsAsync(w.Editor)).Select(n => n.AlertId));
        Assert.Empty(await NotificationsAsync(w.NoRole));
    }

    [Fact]
    public async Task Relays_arriving_in_later_passes_fold_into_the_alert_and_notify_nobody()
    {
        var w = await WorldAsync("later");
        await ReportAsync(w, "later", 1, w.Official, null);
        await Processor.CatchUpAsync(TestContext.Current.CancellationToken);

        await ReportAsync(w, "later", 2, w.Official, w.Media);
        await ReportAsync(w, "later", 3, w.Media, null);
        var pass = await Processor.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 2), (pass.NewAlerts, pass.RelaysFolded));
        var only = Assert.Single(await NotificationsAsync(w.Reader));
        Assert.Equal(2, only.Alert!.Relays);

        await ReportAsync(w, "later", 4, w.Official, null, Stance.Denies);
        await Processor.CatchUpAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AlertKind.Denial, (await NotificationsAsync(w.Reader))[^1].Alert!.Kind);
    }

    [Fact]
    public async Task Several_instances_passing_at_once_alert_each_follower_once()
    {
        var w = await WorldAsync("race");
        await TenReportsAsync(w, "race");

        var instances = Enumerable.Range(0, 4).Select(_ => new AlertProcessor(database.Contexts, database.Clock)).ToList();
        var passes = await Task.WhenAll(instances.Select(p => p.CatchUpAsync(TestContext.Current.CancellationToken)));
        Assert.True(passes.Sum(p => p.NewAlerts) <= 3, "no two instances commit the same alerts");
        await Processor.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, (await NotificationsAsync(w.Reader)).Count);
        Assert.Equal(3, (await NotificationsAsync(w.Editor)).Count);
    }
}

public sealed class AlertProcessorTestsOnSqlite(EmptyDatabase database) : AlertProcessorTests(database), IClassFixture<EmptyDatabase>;

public sealed class AlertProcessorTestsOnPostgres(PostgresEmptyDatabase database) : AlertProcessorTests(database.OrSkip()), IClassFixture<PostgresEmptyDatabase>;
