using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Export;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Export;

/// <summary>The seed's positions in every export, each with the claims it rests on and their sources.</summary>
public abstract class PositionExportTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ExportAsync(ExportFormat format, ExportContent content = ExportContent.Claims)
    {
        var file = await database.Get<ExportService>().ExportAsync(format, 1, content, Ct);
        using var written = new MemoryStream();
        await file!.WriteToAsync(written, Ct);
        return Encoding.UTF8.GetString(written.ToArray()).TrimStart('\uFEFF');
    }

    /// <summary>Israel's preference, which the seed states twice: by the senior source, then in the outlet's own voice.</summary>
    private async Task<(int Id, List<int> ClaimIds)> IsraelsPreferenceAsync()
    {
        await using var db = database.NewContext();
        var p = await db.Positions.Where(p => p.PartyActor!.Name == "Israel" && p.Kind == Domain.Positions.PositionKind.Preference)
            .Select(p => new { p.Id, ClaimIds = p.Evidence.OrderBy(e => e.ClaimId).Select(e => e.ClaimId).ToList() }).SingleAsync(Ct);
        return (p.Id, p.ClaimIds);
    }

    [Fact]
    public async Task The_positions_csv_has_a_row_a_position_with_its_claim_ids_and_sources()
    {
        var (id, claimIds) = await IsraelsPreferenceAsync();

        var lines = (await ExportAsync(ExportFormat.Csv, ExportContent.Positions)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("position_id,track_id,agenda_item_id,agenda_item,party_actor_id,party,kind,wording,as_of", lines[0]);
        Assert.Equal(3, lines.Length - 1);
        var row = Assert.Single(lines, l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains(",Israel,preference,", row);
        Assert.Contains($",{claimIds[0]} {claimIds[1]},", row);
        Assert.Contains("a senior Israeli security source (", row);
        Assert.Contains("outlet", row);
    }

    [Fact]
    public async Task The_json_export_lists_the_positions_with_their_claim_ids_and_sources()
    {
        var (id, claimIds) = await IsraelsPreferenceAsync();

        var positions = JsonNode.Parse(await ExportAsync(ExportFormat.Json))!["positions"]!.AsArray();

        var preference = Assert.Single(positions, p => (int)p!["id"]! == id)!;
        Assert.Equal("preference", (string?)preference["kind"]);
        Assert.Equal(claimIds, preference["claimIds"]!.AsArray().Select(c => (int)c!));
        var sources = preference["sources"]!.AsArray();
        Assert.Contains(sources, x => (string?)x?["name"] == "a senior Israeli security source");
        Assert.Contains(sources, x => x is null); // the outlet's own voice
    }

    [Fact]
    public async Task Stix_writes_each_position_as_a_note_on_its_claims_and_its_party()
    {
        var (id, claimIds) = await IsraelsPreferenceAsync();

        var bundle = JsonNode.Parse(await ExportAsync(ExportFormat.Stix))!.AsObject();

        StixBundleTests.AssertWellFormed(bundle);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var note = objects.Single(o => (string?)o["id"] == StixBundleBuilder.Id("note", "position", id));
        var israel = objects.Single(o => (string?)o["type"] == "identity" && (string?)o["name"] == "Israel");
        var refs = note["object_refs"]!.AsArray().Select(r => (string?)r).ToList();
        Assert.All(claimIds, claimId => Assert.Contains(StixBundleBuilder.Id("note", "claim", claimId), refs));
        Assert.Contains((string?)israel["id"], refs);
        Assert.Equal("preference", (string?)note["x_talkstracker_position_kind"]);
        Assert.Equal(claimIds, note["x_talkstracker_claim_ids"]!.AsArray().Select(c => (int)c!));
    }
}

public sealed class PositionExportTestsOnSqlite(SeededDatabase database) : PositionExportTests(database), IClassFixture<SeededDatabase>;

public sealed class PositionExportTestsOnPostgres(PostgresSeededDatabase database) : PositionExportTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
