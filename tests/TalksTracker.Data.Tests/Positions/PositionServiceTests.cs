using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Positions;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Positions;

/// <summary>
/// Positions recorded, corrected and removed by editors on the seeded track: listed with their backing, the item's gap
/// derived as of a date, bad input refused field by field, every change audited, and a position whose only claim is
/// retracted stops counting until the claim is restored.
/// </summary>
public abstract class PositionServiceTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PositionService Positions => database.Get<PositionService>();

    /// <summary>An agenda item of its own on the track, so a test's positions meet no other test's.</summary>
    private async Task<int> NewItemAsync(int trackId, string title)
    {
        await using var db = database.NewContext();
        var item = new AgendaItem { TrackId = trackId, Title = $"{title} {Guid.NewGuid():N}", Category = AgendaCategory.Other };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }

    private async Task<(int ItemId, int TrackId, int Israel, int Syria, int MediaOutlet, int ClaimId)> SeedAsync()
    {
        await using var db = database.NewContext();
        var item = await db.AgendaItems.Where(a => a.Title == "Expanded Turkish military role").Select(a => new { a.Id, a.TrackId }).SingleAsync(Ct);
        var israel = await db.Actors.Where(a => a.Name == "Israel").Select(a => a.Id).SingleAsync(Ct);
        var syria = await db.Actors.Where(a => a.Name == "Syria").Select(a => a.Id).SingleAsync(Ct);
        var outlet = new Actor { Name = $"Outlet {Guid.NewGuid():N}", Kind = ActorKind.MediaOutlet };
        db.Actors.Add(outlet);
        await db.SaveChangesAsync(Ct);
        var claim = await db.Claims.Where(c => c.Quote.Contains("Turkish")).Select(c => c.Id).FirstAsync(Ct);
        return (item.Id, item.TrackId, israel, syria, outlet.Id, claim);
    }

    /// <summary>A claim of its own on the seed report (so retracting it touches no other test), quoting <paramref name="word"/>.</summary>
    private async Task<int> OwnClaimAsync(string word)
    {
        int reportId, start;
        await using (var db = database.NewContext())
        {
            var report = await db.Reports.OrderBy(r => r.Id).Select(r => new { r.Id, r.Text }).FirstAsync(Ct);
            (reportId, start) = (report.Id, report.Text.IndexOf(word, StringComparison.Ordinal));
        }

        var recorded = await database.Get<ClaimService>().RecordClaimAsync(new NewClaim(reportId, start, start + word.Length, null, Stance.Asserts, 3), Ct);
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors.SelectMany(e => e.Value)));
        return recorded.Value;
    }

    private static MeetingDateInput Day(string day) => new(DatePrecision.Exact, day);

    [Fact]
    public async Task Should_record_a_position_and_list_it_with_its_backing_by_item_and_track()
    {
        var s = await SeedAsync();

        var recorded = await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Objection, "  objects to an expanded Turkish role ", Day("2026-11-12"), [s.ClaimId, s.ClaimId]), Ct);

        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors.SelectMany(e => e.Value)));
        var view = recorded.Value!;
        Assert.Equal(("Israel", PositionKind.Objection, "objection", "objects to an expanded Turkish role"), (view.Party.Name, view.Kind, view.KindName, view.Wording));
        Assert.Equal("12 Nov 2026", view.AsOfDisplay);
        Assert.Equal([s.ClaimId], view.ClaimIds);
        Assert.True(view.Counts);
        Assert.Equal(1, view.Backing.Claims);
        Assert.NotNull(view.BestGrade);

        var byItem = await Positions.ForAgendaItemAsync(s.ItemId, new DateOnly(2026, 11, 30), Ct);
        Assert.Contains(byItem!.Positions, p => p.Id == view.Id);
        // The seeded database is shared by this class's tests, and another may already have moved Israel on this item
        // ("moved from an objection to a concession"): the explanation names the party and this stance either way.
        Assert.Contains("Israel", byItem.Gap.Explanation);
        Assert.Contains("objection", byItem.Gap.Explanation);

        var byTrack = await Positions.ForTrackAsync(s.TrackId, new DateOnly(2026, 11, 30), Ct);
        Assert.Contains(byTrack!.Items.Single(i => i.AgendaItem.Id == s.ItemId).Positions, p => p.Id == view.Id);

        await using var db = database.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Position) && a.EntityId == view.Id.ToString() && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task Should_derive_the_gap_from_the_parties_lines_as_of_the_date_asked()
    {
        var s = await SeedAsync();
        s = s with { ItemId = await NewItemAsync(s.TrackId, "Buffer zone") };

        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Rejection, "rejected it", Day("2026-09-01"), [s.ClaimId]), Ct);
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Condition, "would accept it only if", Day("2026-11-12"), [s.ClaimId]), Ct);
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Syria, PositionKind.Demand, "demands it", new MeetingDateInput(DatePrecision.Month, "2026-10"), [s.ClaimId]), Ct);

        var gap = (await Positions.ForAgendaItemAsync(s.ItemId, new DateOnly(2026, 11, 30), Ct))!.Gap;
        Assert.Equal(GapState.Converging, gap.State);
        Assert.Equal("Israel moved from rejection to a condition on 12 Nov 2026; Syria's demand unchanged since Oct 2026.", gap.Explanation);

        var before = (await Positions.ForAgendaItemAsync(s.ItemId, new DateOnly(2026, 11, 1), Ct))!.Gap;
        Assert.Equal(new DateOnly(2026, 11, 1), before.AsOf);
        Assert.DoesNotContain("condition", before.Explanation);
    }

    [Fact]
    public async Task The_boards_standings_read_the_same_gap_and_latest_stances_as_the_full_read()
    {
        var s = await SeedAsync();
        s = s with { ItemId = await NewItemAsync(s.TrackId, "Standings") };

        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Rejection, "rejected it", Day("2026-09-01"), [s.ClaimId]), Ct);
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Condition, "would accept it only if", Day("2026-11-12"), [s.ClaimId]), Ct);
        // Undated and recorded last: background, never the party's latest stance.
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.RedLine, "has always said", MeetingDateInput.Unknown, [s.ClaimId]), Ct);
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Syria, PositionKind.Demand, "demands it", new MeetingDateInput(DatePrecision.Month, "2026-10"), [s.ClaimId]), Ct);
        // Not yet taken on the day asked.
        await Positions.RecordAsync(s.ItemId, new NewPosition(s.Syria, PositionKind.Acceptance, "accepted it", Day("2026-12-20"), [s.ClaimId]), Ct);

        var asOf = new DateOnly(2026, 11, 30);
        var full = (await Positions.ForAgendaItemAsync(s.ItemId, asOf, Ct))!;
        var standings = await Positions.StandingsForTrackAsync(s.TrackId, asOf, Ct);
        var item = Assert.Single(standings!.Items, i => i.AgendaItem.Id == s.ItemId);
        Assert.Equal(full.Gap, item.Gap);
        Assert.Equal([new PartyStance("Israel", PositionKind.Condition), new PartyStance("Syria", PositionKind.Demand)], item.Latest);
        Assert.Equal(5, item.PositionCount);
        Assert.Null(await Positions.StandingsForTrackAsync(int.MaxValue, asOf, Ct));

        // A track with no items yet is there, with nothing on its panel (the items' outer join gives one empty row).
        await using var db = database.NewContext();
        var empty = new Track { Name = $"Empty track {Guid.NewGuid():N}" };
        db.Tracks.Add(empty);
        await db.SaveChangesAsync(Ct);
        var none = await Positions.StandingsForTrackAsync(empty.Id, asOf, Ct);
        Assert.Equal(new NamedRef(empty.Id, empty.Name), none!.Track);
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task The_boards_standings_agree_with_every_full_line_after_random_records_edits_and_removals()
    {
        // The board reads only the positions the gap rules need of each line; on many lines of every shape (undated
        // background, runs of one kind, months and ranges straddling the window, positions after the day asked) it must
        // give exactly what the rules give on the whole line.
        var s = await SeedAsync();
        var items = new[] { await NewItemAsync(s.TrackId, "Lines A"), await NewItemAsync(s.TrackId, "Lines B") };
        var random = new Random(24);
        var kinds = new[] { PositionKind.Demand, PositionKind.Demand, PositionKind.Rejection, PositionKind.Condition, PositionKind.Acceptance, PositionKind.Proposal };
        var first = new DateOnly(2026, 3, 1);
        MeetingDateInput RandomDate() => random.Next(8) switch
        {
            0 => MeetingDateInput.Unknown,
            1 => new MeetingDateInput(DatePrecision.Month, first.AddMonths(random.Next(9)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
            2 => new MeetingDateInput(DatePrecision.ApproximateRange, Iso(first.AddDays(random.Next(250))), Iso(first.AddDays(250 + random.Next(40)))),
            _ => Day(Iso(first.AddDays(random.Next(280)))),
        };
        // Some rest on a claim retracted below: they stop counting wherever they sit in a line.
        var retractedClaim = await OwnClaimAsync("Turkish");
        var ids = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            var claim = i % 9 == 4 ? retractedClaim : s.ClaimId;
            var recorded = await Positions.RecordAsync(items[i % 2], new NewPosition(random.Next(3) == 0 ? s.Syria : s.Israel, kinds[random.Next(kinds.Length)], "says so", RandomDate(), [claim]), Ct);
            Assert.True(recorded.Succeeded);
            ids.Add(recorded.Value!.Id);
        }

        foreach (var id in ids.Where((_, i) => i % 7 == 3))
        {
            var p = (await Positions.GetAsync(id, Ct))!;
            Assert.True((await Positions.EditAsync(id, new PositionEdit(p.Version, p.Party.Id, kinds[random.Next(kinds.Length)], p.Wording, RandomDate(), p.ClaimIds), Ct)).Succeeded);
        }

        foreach (var id in ids.Where((_, i) => i % 11 == 5))
        {
            Assert.True((await Positions.RemoveAsync(id, null, Ct)).Succeeded);
        }

        Assert.True((await database.Get<ClaimCorrections>().RetractAsync(retractedClaim, new ClaimRetraction("misread the report"), Ct)).Succeeded);
        for (var day = new DateOnly(2026, 2, 1); day < new DateOnly(2027, 1, 31); day = day.AddDays(17))
        {
            var standings = (await Positions.StandingsForTrackAsync(s.TrackId, day, Ct))!;
            foreach (var itemId in items)
            {
                var full = (await Positions.ForAgendaItemAsync(itemId, day, Ct))!;
                var lines = GapRules.Derive(full.Positions.Select(v => new PartyPosition(v.Id, v.Party.Name, v.AgendaItem.Name, v.Kind, v.Wording,
                    FuzzyDate.FromParts(v.AsOfPrecision, v.AsOfStart, v.AsOfEnd, v.AsOfLabel), v.ClaimIds)), day).Lines;
                var item = Assert.Single(standings.Items, i => i.AgendaItem.Id == itemId);
                Assert.Equal(full.Gap, item.Gap);
                Assert.Equal([.. lines.Select(l => new PartyStance(l.Party, l.Latest.Kind))], item.Latest);
                Assert.Equal(full.Positions.Count, item.PositionCount);
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_refuse_bad_input_field_by_field_and_store_nothing()
    {
        var s = await SeedAsync();
        int count;
        await using (var db = database.NewContext())
        {
            count = await db.Positions.CountAsync(Ct);
        }

        var refused = await Positions.RecordAsync(s.ItemId, new NewPosition(s.MediaOutlet, null, "  ", new MeetingDateInput(DatePrecision.Exact, "2026-13-45"), [int.MaxValue]), Ct);

        Assert.False(refused.Succeeded);
        Assert.Contains("not by who reports or voices it", refused.Errors[nameof(NewPosition.PartyActorId)][0]);
        Assert.Contains(nameof(NewPosition.Kind), refused.Errors.Keys);
        Assert.Contains(nameof(NewPosition.Wording), refused.Errors.Keys);
        Assert.Contains(refused.Errors.Keys, k => k.StartsWith("AsOf.", StringComparison.Ordinal));
        Assert.Contains($"No claim {int.MaxValue}", refused.Errors[nameof(NewPosition.ClaimIds)][0]);

        var noClaims = await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Demand, "demands", null, []), Ct);
        Assert.Contains("at least one claim", noClaims.Errors[nameof(NewPosition.ClaimIds)][0]);

        var tooLong = await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Demand, new string('x', FieldLimits.PositionWording + 1), null, [s.ClaimId]), Ct);
        Assert.Contains("At most", tooLong.Errors[nameof(NewPosition.Wording)][0]);

        var noItem = await Positions.RecordAsync(int.MaxValue, new NewPosition(s.Israel, PositionKind.Demand, "demands", null, [s.ClaimId]), Ct);
        Assert.Contains(Edits.Missing, noItem.Errors.Keys);

        await using var read = database.NewContext();
        Assert.Equal(count, await read.Positions.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_edit_with_the_version_read_and_refuse_a_stale_edit_naming_what_changed()
    {
        var s = await SeedAsync();
        var view = (await Positions.RecordAsync(s.ItemId, new NewPosition(s.Israel, PositionKind.Objection, "objects", Day("2026-11-01"), [s.ClaimId]), Ct)).Value!;

        var edited = await Positions.EditAsync(view.Id, new PositionEdit(view.Version, s.Israel, PositionKind.Concession, "no longer objects", Day("2026-11-20"), [s.ClaimId]), Ct);
        Assert.True(edited.Succeeded, string.Join("; ", edited.Errors.SelectMany(e => e.Value)));
        Assert.Equal(PositionKind.Concession, edited.Value!.Kind);
        Assert.NotEqual(view.Version, edited.Value.Version);

        var stale = await Positions.EditAsync(view.Id, new PositionEdit(view.Version, s.Israel, PositionKind.RedLine, "never", Day("2026-11-20"), [s.ClaimId]), Ct);
        Assert.False(stale.Succeeded);
        Assert.Contains(nameof(PositionEdit.Kind), string.Join(" ", stale.Errors.SelectMany(e => e.Value)));
        Assert.Equal(PositionKind.Concession, (await Positions.GetAsync(view.Id, Ct))!.Kind);

        var missing = await Positions.EditAsync(int.MaxValue, new PositionEdit(view.Version, s.Israel, PositionKind.Demand, "x", null, [s.ClaimId]), Ct);
        Assert.Contains(Edits.Missing, missing.Errors.Keys);
    }

    [Fact]
    public async Task Should_remove_a_position_and_audit_the_removal()
    {
        var s = await SeedAsync();
        var view = (await Positions.RecordAsync(s.ItemId, new NewPosition(s.Syria, PositionKind.Demand, "demands", null, [s.ClaimId]), Ct)).Value!;

        var removed = await Positions.RemoveAsync(view.Id, view.Version, Ct);

        Assert.True(removed.Succeeded, string.Join("; ", removed.Errors.SelectMany(e => e.Value)));
        Assert.Equal("Syria: demand", removed.Value!.Name);
        Assert.Null(await Positions.GetAsync(view.Id, Ct));
        await using var db = database.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Position) && a.EntityId == view.Id.ToString() && a.Action == AuditAction.Deleted, Ct));
        Assert.False(await db.PositionEvidence.AnyAsync(e => e.PositionId == view.Id, Ct));
    }

    [Fact]
    public async Task Should_stop_counting_a_position_whose_only_claim_is_retracted_until_it_is_restored()
    {
        var s = await SeedAsync();
        var claimId = await OwnClaimAsync("Tel Aviv");
        var item = await SeparateItemAsync(s.TrackId);
        var view = (await Positions.RecordAsync(item, new NewPosition(s.Israel, PositionKind.Objection, "objects", Day("2026-11-01"), [claimId]), Ct)).Value!;

        var retracted = await database.Get<ClaimCorrections>().RetractAsync(claimId, new ClaimRetraction("misread the report"), Ct);
        Assert.True(retracted.Succeeded, string.Join("; ", retracted.Errors.SelectMany(e => e.Value)));

        var after = (await Positions.ForAgendaItemAsync(item, new DateOnly(2026, 11, 30), Ct))!;
        var kept = Assert.Single(after.Positions);
        Assert.False(kept.Counts);
        Assert.Equal(0, kept.Backing.Claims);
        Assert.Equal(GapState.NoPositions, after.Gap.State);

        var restored = await database.Get<ClaimCorrections>().RestoreAsync(claimId, Ct);
        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors.SelectMany(e => e.Value)));
        var back = (await Positions.GetAsync(view.Id, Ct))!;
        Assert.Equal([claimId], back.ClaimIds);
        Assert.True(back.Counts);
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_agenda_item_or_an_actor_that_positions_rest_on_and_move_them_with_a_merge()
    {
        var s = await SeedAsync();
        var item = await SeparateItemAsync(s.TrackId);
        await Positions.RecordAsync(item, new NewPosition(s.Israel, PositionKind.Demand, "demands", null, [s.ClaimId]), Ct);

        var deleteItem = await database.Get<CatalogCorrections>().DeleteAgendaItemAsync(item, null, Ct);

        Assert.Contains(Edits.InUse, deleteItem.Errors.Keys);
        Assert.Contains("party positions on it", string.Join(" ", deleteItem.Errors[Edits.InUse]));
        await using var db = database.NewContext();
        Assert.Empty(Dependents.Unhandled(db, typeof(Actor)));
        Assert.Empty(Dependents.Unhandled(db, typeof(AgendaItem)));
    }

    private async Task<int> SeparateItemAsync(int trackId)
    {
        await using var db = database.NewContext();
        var item = new AgendaItem { TrackId = trackId, Title = $"Separate item {Guid.NewGuid():N}", Category = AgendaCategory.Other };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }
}

public sealed class PositionServiceTestsOnSqlite(SeededDatabase database) : PositionServiceTests(database), IClassFixture<SeededDatabase>;

public sealed class PositionServiceTestsOnPostgres(PostgresSeededDatabase database) : PositionServiceTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
