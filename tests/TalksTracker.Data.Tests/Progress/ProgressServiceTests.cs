using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Progress;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Progress;

/// <summary>Each test gets its own seeded database: some add claims.</summary>
public sealed class ProgressServiceTests : IAsyncLifetime
{
    private readonly SeededDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<int> TrackIdAsync()
    {
        await using var db = _database.NewContext();
        return await db.Tracks.Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<int> ItemIdAsync(string title)
    {
        await using var db = _database.NewContext();
        return await db.AgendaItems.Where(a => a.Title == title).Select(a => a.Id).SingleAsync(Ct);
    }

    /// <summary>A claim of the seed report by a source speaking for Israel, a party of the track, denying progress on the items.</summary>
    private async Task<int> RecordPartyDenialAsync(params int[] agendaItemIds)
    {
        int reportId, partySourceId;
        await using (var db = _database.NewContext())
        {
            reportId = await db.Reports.Select(r => r.Id).SingleAsync(Ct);
            partySourceId = await db.Sources.Where(s => s.Name == "a senior Israeli security source").Select(s => s.Id).SingleAsync(Ct);
        }

        var recorded = await _database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 20, partySourceId, Stance.Denies, 3, AgendaItemIds: agendaItemIds), Ct);
        Assert.True(recorded.Succeeded);
        return recorded.Value;
    }

    [Fact]
    public async Task The_seed_board_shows_derived_statuses_open_gaps_and_backing()
    {
        var board = await _database.Get<ProgressService>().BoardAsync(await TrackIdAsync(), Ct);

        Assert.NotNull(board);
        var guarantees = Assert.Single(board.Items, i => i.Title == "Long-term guarantees");
        Assert.Equal(AgendaStatus.GapRemains, guarantees.Current!.Status);
        Assert.False(guarantees.Current.WellSourced); // only the unattributed, hedged s9 (F4) backs it
        Assert.Equal("F4", guarantees.Current.Backing.BestGrade.ToString());

        // The senior source's C3 proposal is the well-sourced report; the F4 gap on the same day is still an open gap.
        var deployments = Assert.Single(board.Items, i => i.Title == "Regulating military deployments near the border");
        Assert.Equal(AgendaStatus.Proposed, deployments.Current!.Status);
        Assert.True(deployments.Current.WellSourced);
        Assert.Equal(AgendaStatus.GapRemains, deployments.OpenGap!.Status);

        Assert.Equal(["Regulating military deployments near the border", "Long-term guarantees"], board.OpenGaps.Select(i => i.Title));
        Assert.Equal(0, board.Disputed);
        Assert.Equal(7, board.Items.Count);
    }

    /// <summary>
    /// The board reads only the changes that can decide a status, a few dates at a time (DecisiveChanges): here a
    /// well-sourced report under 25 newer weak ones, so the reading needs more than one round.
    /// </summary>
    [Fact]
    public async Task A_well_sourced_status_under_many_newer_weak_reports_still_wins_and_the_newest_gap_stays_open()
    {
        var trackId = await TrackIdAsync();
        int itemId, wellSourcedId;
        var before = await _database.Get<ProgressService>().BoardAsync(trackId, Ct);
        await using (var db = _database.NewContext())
        {
            itemId = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(Ct);
            var claims = await db.Claims.Select(c => new { c.Id, c.Credibility, Reliability = c.Source == null ? (Reliability?)null : c.Source.Reliability }).ToListAsync(Ct);
            var strong = claims.First(c => c.Reliability <= Reliability.C && c.Credibility <= 3).Id;
            var weak = claims.First(c => c.Reliability is null or >= Reliability.D || c.Credibility >= 4).Id;
            var agreed = new AgendaStatusChange { AgendaItemId = itemId, Status = AgendaStatus.Agreed, AsOf = new DateOnly(2029, 12, 31), Evidence = [new AgendaStatusEvidence { ClaimId = strong }] };
            db.AgendaStatusChanges.Add(agreed);
            var stalled = Enumerable.Range(1, 25).Select(i => new AgendaStatusChange
            {
                AgendaItemId = itemId, Status = i % 2 == 0 ? AgendaStatus.Stalled : AgendaStatus.Progress, AsOf = new DateOnly(2030, 1, 1).AddDays(i),
                Evidence = [new AgendaStatusEvidence { ClaimId = weak }],
            }).ToList();
            db.AgendaStatusChanges.AddRange(stalled);
            await db.SaveChangesAsync(Ct);
            wellSourcedId = agreed.Id;
        }

        var board = await _database.Get<ProgressService>().BoardAsync(trackId, Ct);

        var item = Assert.Single(board!.Items, i => i.Id == itemId);
        Assert.Equal(AgendaStatus.Agreed, item.Current!.Status);
        Assert.Equal(wellSourcedId, item.Current.ChangeId);
        Assert.True(item.Current.WellSourced);
        // The newest gap report (day 24, stalled) is newer than the status: still an open gap, flagged as weakly sourced.
        Assert.Equal(AgendaStatus.Stalled, item.OpenGap!.Status);
        Assert.Equal(new DateOnly(2030, 1, 25), item.OpenGap.AsOf);
        Assert.False(item.OpenGap.WellSourced);
        Assert.Equal(before!.Items.Single(i => i.Id == itemId).History.Count + 26, item.History.Count);
        Assert.All(board.Items.Where(i => i.Id != itemId), i => Assert.Equivalent(before.Items.Single(b => b.Id == i.Id), i, strict: true));
    }

    [Fact]
    public async Task A_denial_by_a_party_source_marks_the_status_disputed_and_the_summary_counts_it()
    {
        var trackId = await TrackIdAsync();
        var guaranteesId = await ItemIdAsync("Long-term guarantees");
        var recorded = await RecordPartyDenialAsync(guaranteesId);

        var board = await _database.Get<ProgressService>().BoardAsync(trackId, Ct);
        var guarantees = Assert.Single(board!.Items, i => i.Id == guaranteesId);
        Assert.Equal(AgendaStatus.GapRemains, guarantees.Current!.Status);
        Assert.True(guarantees.Current.Disputed);
        Assert.Equal([recorded], guarantees.Current.DisputingClaimIds);

        var summary = Assert.Single(await _database.Get<ProgressService>().SummaryAsync(Ct));
        Assert.Equal(1, summary.Disputed);
        Assert.Equal(2, summary.OpenGaps);
        Assert.Equal(3, summary.CountsByStatus[AgendaStatus.Discussed]);

        var digest = await _database.Get<DigestService>().SinceAsync(trackId, _database.Clock.Today(), DigestBasis.Recorded, Ct);
        Assert.Equal(recorded, Assert.Single(digest!.Denials).Id);
    }

    /// <summary>
    /// A denial counts against an item's status only when it is not older than that status, item by item: one party
    /// denial about two items disputes the one whose status is older and not the one given a newer status since.
    /// </summary>
    [Fact]
    public async Task A_denial_older_than_an_items_status_does_not_dispute_it_though_it_disputes_an_older_one()
    {
        var trackId = await TrackIdAsync();
        var guaranteesId = await ItemIdAsync("Long-term guarantees");
        var deploymentsId = await ItemIdAsync("Regulating military deployments near the border");
        await using (var db = _database.NewContext())
        {
            var strong = await db.Claims.Where(c => c.Source!.Reliability <= Reliability.C && c.Credibility <= 3).Select(c => c.Id).FirstAsync(Ct);
            db.AgendaStatusChanges.Add(new AgendaStatusChange
            {
                AgendaItemId = deploymentsId, Status = AgendaStatus.Progress, AsOf = new DateOnly(2030, 6, 1), Evidence = [new AgendaStatusEvidence { ClaimId = strong }],
            });
            await db.SaveChangesAsync(Ct);
        }

        await RecordPartyDenialAsync(guaranteesId, deploymentsId);

        var board = await _database.Get<ProgressService>().BoardAsync(trackId, Ct);
        Assert.True(board!.Items.Single(i => i.Id == guaranteesId).Current!.Disputed);
        var deployments = board.Items.Single(i => i.Id == deploymentsId).Current!;
        Assert.Equal((AgendaStatus.Progress, false), (deployments.Status, deployments.Disputed));
        Assert.Equal(1, Assert.Single(await _database.Get<ProgressService>().SummaryAsync(Ct)).Disputed);
    }

    /// <summary>
    /// The overview builds every track's board from one set of reads; each must be what the track's own board says.
    /// The same party denial is about an item of each of two tracks: only where its source's state is a party is the
    /// status disputed.
    /// </summary>
    [Fact]
    public async Task The_summary_of_every_track_is_what_each_board_says_and_party_denials_count_only_on_their_track()
    {
        var trackId = await TrackIdAsync();
        int guaranteesId, reportId, partySourceId, otherItemId, otherTrackId;
        await using (var db = _database.NewContext())
        {
            guaranteesId = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(Ct);
            reportId = await db.Reports.Select(r => r.Id).SingleAsync(Ct);
            partySourceId = await db.Sources.Where(s => s.Name == "a senior Israeli security source").Select(s => s.Id).SingleAsync(Ct);
            var strong = await db.Claims.Where(c => c.Source != null && c.Source.Reliability <= Reliability.C && c.Credibility <= 3).Select(c => c.Id).FirstAsync(Ct);
            var other = new Track { Name = "A second track without Israel", AgendaItems = [new AgendaItem { Title = "Prisoner exchange", Category = AgendaCategory.Other }] };
            db.Tracks.Add(other);
            await db.SaveChangesAsync(Ct);
            otherTrackId = other.Id;
            otherItemId = other.AgendaItems[0].Id;
            db.AgendaStatusChanges.Add(new AgendaStatusChange
            {
                AgendaItemId = otherItemId, Status = AgendaStatus.Discussed, AsOf = new DateOnly(2026, 1, 1), Evidence = [new AgendaStatusEvidence { ClaimId = strong }],
            });
            await db.SaveChangesAsync(Ct);
        }

        var denial = await _database.Get<ClaimService>().RecordClaimAsync(
            new NewClaim(reportId, 0, 20, partySourceId, Stance.Denies, 3, AgendaItemIds: [guaranteesId, otherItemId]), Ct);
        Assert.True(denial.Succeeded);

        var service = _database.Get<ProgressService>();
        var summaries = await service.SummaryAsync(Ct);
        Assert.Equal(2, summaries.Count);
        foreach (var summary in summaries)
        {
            var board = (await service.BoardAsync(summary.TrackId, Ct))!;
            Assert.Equal(board.CountsByStatus, summary.CountsByStatus);
            Assert.Equal((board.WithoutStatus, board.OpenGaps.Count, board.Disputed), (summary.WithoutStatus, summary.OpenGaps, summary.Disputed));
        }

        Assert.Equal(1, summaries.Single(s => s.TrackId == trackId).Disputed);
        var second = summaries.Single(s => s.TrackId == otherTrackId);
        Assert.Equal(0, second.Disputed);
        Assert.Equal(1, second.CountsByStatus[AgendaStatus.Discussed]);
    }

    [Fact]
    public async Task The_digest_holds_what_was_recorded_since_the_date_and_nothing_after_it()
    {
        var trackId = await TrackIdAsync();
        var digests = _database.Get<DigestService>();
        var today = _database.Clock.Today();

        var sinceYesterday = await digests.SinceAsync(trackId, today.AddDays(-1), DigestBasis.Recorded, Ct);
        var sinceTomorrow = await digests.SinceAsync(trackId, today.AddDays(1), DigestBasis.Recorded, Ct);

        Assert.Equal("Closed-door security meetings in Baku", Assert.Single(sinceYesterday!.NewMeetings).Title);
        Assert.Equal(8, sinceYesterday.StatusChanges.Count);
        Assert.Equal(["a senior Israeli security source", "Israeli media"], sinceYesterday.NewSources.Select(s => s.Name));
        Assert.Empty(sinceYesterday.Denials);
        Assert.True(sinceTomorrow!.IsEmpty);
        Assert.Null(await digests.SinceAsync(999_999, today, DigestBasis.Recorded, Ct));
    }

    /// <summary>
    /// #23: "since 1 Dec" listed status changes reported on 26 Nov, because it went by when they were entered. By the
    /// reported date (the default) a digest goes by the meeting's date, the status's as-of date and the report's
    /// publication date; everything here was entered today, so by the recorded date all of it is new.
    /// </summary>
    [Fact]
    public async Task The_digest_by_reported_date_goes_by_meeting_as_of_and_publication_dates()
    {
        int trackId, itemId, meetingId, sourceId, reportId;
        await using (var db = _database.NewContext())
        {
            var track = new Track { Name = "Reported dates track", AgendaItems = [new AgendaItem { Title = "Reported dates item", Category = AgendaCategory.Other }] };
            var meeting = new Meeting { Track = track, Title = "Reported dates round", Date = FuzzyDate.Exact(new DateOnly(2025, 3, 9)) };
            var source = new Source { Name = "Reported dates official", Kind = SourceKind.AnonymousOfficial };
            var report = new Report { Title = "Reported dates report", Text = "Officials denied that the talks took place at all.", ContentHash = "reported-dates", PublishedOn = new DateOnly(2025, 3, 10) };
            db.AddRange(meeting, source, report);
            await db.SaveChangesAsync(Ct);
            (trackId, itemId, meetingId, sourceId, reportId) = (track.Id, track.AgendaItems[0].Id, meeting.Id, source.Id, report.Id);
        }

        var claim = await _database.Get<ClaimService>().RecordClaimAsync(new NewClaim(reportId, 0, 20, sourceId, Stance.Denies, 3, MeetingIds: [meetingId]), Ct);
        Assert.True(claim.Succeeded);
        await using (var db = _database.NewContext())
        {
            foreach (var (status, asOf) in new[] { (AgendaStatus.Discussed, new DateOnly(2025, 3, 10)), (AgendaStatus.GapRemains, new DateOnly(2025, 6, 1)) })
            {
                db.AgendaStatusChanges.Add(new AgendaStatusChange
                {
                    AgendaItemId = itemId, Status = status, AsOf = asOf, Evidence = [new AgendaStatusEvidence { ClaimId = claim.Value }],
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var digests = _database.Get<DigestService>();
        var sinceMarch = (await digests.SinceAsync(trackId, new DateOnly(2025, 3, 1), ct: Ct))!;
        var sinceMay = (await digests.SinceAsync(trackId, new DateOnly(2025, 5, 1), ct: Ct))!;
        var recordedToday = (await digests.SinceAsync(trackId, _database.Clock.Today(), DigestBasis.Recorded, Ct))!;

        Assert.Equal(DigestBasis.Reported, sinceMarch.Basis);
        Assert.Equal(("Reported dates round", 2, "Reported dates official", 1),
            (Assert.Single(sinceMarch.NewMeetings).Title, sinceMarch.StatusChanges.Count, Assert.Single(sinceMarch.NewSources).Name, sinceMarch.Denials.Count));
        Assert.Empty(sinceMay.NewMeetings);
        Assert.Equal(AgendaStatus.GapRemains, Assert.Single(sinceMay.StatusChanges).Status);
        Assert.Empty(sinceMay.NewSources);
        Assert.Empty(sinceMay.Denials);
        Assert.Equal((1, 2, 1, 1), (recordedToday.NewMeetings.Count, recordedToday.StatusChanges.Count, recordedToday.NewSources.Count, recordedToday.Denials.Count));
    }

    /// <summary>
    /// A track's activity, digest and export read the claims about it from the track's side (its meetings' and agenda
    /// items' links): a claim linked only to an agenda item counts, a claim about another track does not.
    /// </summary>
    [Fact]
    public async Task Activity_digest_and_export_take_the_claims_about_the_tracks_meetings_or_agenda_items_and_no_other()
    {
        var seedTrackId = await TrackIdAsync();
        int trackId, meetingId, itemId, seedMeetingId, byMeeting, byItem, elsewhere;
        var reports = new List<int>();
        await using (var db = _database.NewContext())
        {
            var track = new Track { Name = "Activity check track", AgendaItems = [new AgendaItem { Title = "Activity check item", Category = AgendaCategory.Other }] };
            var meeting = new Meeting { Track = track, Title = "Activity check round", Date = FuzzyDate.Exact(new DateOnly(2025, 3, 9)) };
            db.Meetings.Add(meeting);
            foreach (var (n, published) in new[] { (1, new DateOnly(2025, 3, 10)), (2, new DateOnly(2025, 5, 2)), (3, new DateOnly(2025, 7, 1)) })
            {
                db.Reports.Add(new Report { Title = $"Activity check report {n}", Text = "Officials denied that the talks took place at all.", ContentHash = $"activity-check-{n}", PublishedOn = published });
            }

            await db.SaveChangesAsync(Ct);
            (trackId, meetingId, itemId) = (track.Id, meeting.Id, track.AgendaItems[0].Id);
            seedMeetingId = await db.Meetings.Where(m => m.TrackId == seedTrackId).Select(m => m.Id).FirstAsync(Ct);
            reports.AddRange(await db.Reports.Where(r => r.ContentHash.StartsWith("activity-check-")).OrderBy(r => r.ContentHash).Select(r => r.Id).ToListAsync(Ct));
        }

        var provenance = _database.Get<ClaimService>();
        byMeeting = (await provenance.RecordClaimAsync(new NewClaim(reports[0], 0, 20, null, Stance.Denies, 3, MeetingIds: [meetingId]), Ct)).Value;
        byItem = (await provenance.RecordClaimAsync(new NewClaim(reports[1], 0, 20, null, Stance.Denies, 3, AgendaItemIds: [itemId]), Ct)).Value;
        elsewhere = (await provenance.RecordClaimAsync(new NewClaim(reports[2], 0, 20, null, Stance.Denies, 3, MeetingIds: [seedMeetingId]), Ct)).Value;
        Assert.All([byMeeting, byItem, elsewhere], id => Assert.True(id > 0));

        var activity = await _database.Get<ProgressService>().ActivityAsync(trackId, Ct);
        Assert.Equal([new MonthlyActivity("2025-03", 1, 1), new MonthlyActivity("2025-05", 0, 1)], activity.Months);
        // What an open board follows: this track's meeting, not another track's.
        Assert.Contains(meetingId, activity.MeetingIds);
        Assert.DoesNotContain(seedMeetingId, activity.MeetingIds);
        var digest = await _database.Get<DigestService>().SinceAsync(trackId, _database.Clock.Today(), DigestBasis.Recorded, Ct);
        Assert.Equal(new[] { byMeeting, byItem }.Order(), digest!.Denials.Select(d => d.Id).Order());
        var export = await _database.Get<TalksTracker.Data.Export.ExportService>().SnapshotAsync(trackId, ct: Ct);
        Assert.Equal(new[] { byMeeting, byItem }.Order(), export!.Claims.Select(c => c.Id).Order());
        Assert.Contains(elsewhere, (await _database.Get<DigestService>().SinceAsync(seedTrackId, _database.Clock.Today(), DigestBasis.Recorded, Ct))!.Denials.Select(d => d.Id));
    }

    [Fact]
    public async Task Over_time_and_monthly_activity_come_from_the_track_only()
    {
        var progress = _database.Get<ProgressService>();
        var board = await progress.BoardAsync(await TrackIdAsync(), Ct);

        var overTime = ProgressService.OverTime(board!);
        var activity = await progress.ActivityAsync(board!.TrackId, Ct);

        Assert.Equal([new DateOnly(2026, 11, 26)], overTime.Dates);
        Assert.Equal([AgendaStatus.GapRemains], overTime.Items.Single(i => i.Item == "Long-term guarantees").Statuses);
        Assert.Equal(new MonthlyActivity("2026-11", 1, 1), Assert.Single(activity.Months));
        Assert.Empty((await progress.ActivityAsync(999_999, Ct)).Months);
        Assert.Null(await progress.BoardAsync(999_999, Ct));
    }
}
