using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Analysis;
using TalksTracker.Data.Export;
using TalksTracker.Data.Tests.Analysis;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Export;

/// <summary>Claims linked across reports: the export carries each claim's origin, links and confidence, in JSON and in STIX.</summary>
public abstract class StixClaimLinkTests(DeniedMeetingDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_exported_claim_carries_the_provenance_the_api_gives_for_it()
    {
        var snapshot = (await database.Get<ExportService>().SnapshotAsync(null, ct: Ct))!;
        var analysis = database.Get<AssessmentService>();

        foreach (var claim in snapshot.Claims)
        {
            var alone = (await analysis.AssessClaimAsync(claim.Id, Ct))!;
            var p = claim.Provenance!;
            Assert.Equal(alone.RelayChain, p.RelayChain);
            Assert.Equal(alone.Origin, p.Origin);
            Assert.Equal(alone.Corroborating.Select(r => r.Claim.Id), p.Corroborating.Select(l => l.ClaimId));
            Assert.Equal(alone.Contradicting.Select(r => r.Claim.Id), p.Contradicting.Select(l => l.ClaimId));
            Assert.Equal(alone.Refining.Select(r => r.Claim.Id), p.Refining.Select(l => l.ClaimId));
            Assert.Equal((alone.Confidence.Label, alone.Confidence.Derivation), (p.Confidence, p.Derivation));
        }
    }

    [Fact]
    public async Task The_stix_bundle_links_claims_that_corroborate_contradict_and_refine_each_other()
    {
        var snapshot = (await database.Get<ExportService>().SnapshotAsync(null, ct: Ct))!;
        var bundle = JsonNode.Parse(StixBundleBuilder.Build(snapshot))!.AsObject();
        StixBundleTests.AssertWellFormed(bundle);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        int denial, redeployment, repeat;
        await using (var db = database.NewContext())
        {
            denial = await db.Claims.Where(c => c.Stance == Stance.Denies).Select(c => c.Id).SingleAsync(Ct);
            redeployment = await db.Claims.Where(c => c.Quote.Contains("Russia has proposed")).Select(c => c.Id).SingleAsync(Ct);
            repeat = await db.Claims.Where(c => c.Quote.StartsWith("Israeli sources repeated")).Select(c => c.Id).SingleAsync(Ct);
        }

        string Note(int claim) => StixBundleBuilder.Id("note", "claim", claim);
        JsonObject? Link(string type, int from, int to) => objects.SingleOrDefault(o =>
            (string?)o["relationship_type"] == type && (string?)o["source_ref"] == Note(from) && (string?)o["target_ref"] == Note(to));

        Assert.NotNull(Link("contradicts", redeployment, denial));
        Assert.NotNull(Link("refines", repeat, redeployment)); // the later claim refines the earlier, from the same origin
        Assert.Contains(objects, o => (string?)o["relationship_type"] == "corroborates");
        var claimLinks = objects.Where(o => (string?)o["relationship_type"] is "contradicts" or "corroborates" or "refines").ToList();
        var pairs = claimLinks.Select(o => string.Join('|', new[] { (string)o["source_ref"]!, (string)o["target_ref"]! }.Order(StringComparer.Ordinal))).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count()); // each pair once
        var expected = snapshot.Claims.Sum(c => c.Provenance!.Corroborating.Count + c.Provenance.Contradicting.Count + c.Provenance.Refining.Count) / 2;
        Assert.Equal(expected, claimLinks.Count);
        Assert.Contains(claimLinks, o => (bool?)o["x_talkstracker_confirmed"] == true && ((string)o["description"]!).EndsWith("(confirmed by an editor)", StringComparison.Ordinal));

        var denialNote = objects.Single(o => (string?)o["id"] == Note(denial));
        var standing = (await database.Get<AssessmentService>().AssessClaimsAsync([denial], Ct))[denial];
        Assert.Equal((int)Math.Round(standing.Confidence.Probability * 100, MidpointRounding.AwayFromZero), (int)denialNote["confidence"]!);
        Assert.Equal(standing.Confidence.Label, (string?)denialNote["x_talkstracker_confidence"]);
        Assert.Equal("Syrian foreign ministry spokesman", (string?)denialNote["x_talkstracker_origin"]);
        Assert.Equal(["Syrian foreign ministry spokesman", "in “Damascus denies Baku talks”"], denialNote["x_talkstracker_relay_chain"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task An_export_lists_a_few_links_of_each_kind_confirmed_first_and_gives_every_kinds_total()
    {
        var analysis = database.Get<AssessmentService>();
        List<int> ids;
        await using (var db = database.NewContext())
        {
            ids = await db.Claims.Select(c => c.Id).ToListAsync(Ct);
        }

        var full = await analysis.AssessClaimsAsync(ids, Ct);
        Assert.Contains(full.Values, s => s.OfKind(ClaimLinkKind.Corroborates).Count() > 1); // the cap below is tested
        foreach (var standing in full.Values)
        {
            var listed = ExportProvenance.Of(["chain"], standing, linksPerKind: 1);
            foreach (var (kind, links, total) in new[]
                     {
                         (ClaimLinkKind.Corroborates, listed.Corroborating, listed.CorroboratingTotal),
                         (ClaimLinkKind.Contradicts, listed.Contradicting, listed.ContradictingTotal),
                         (ClaimLinkKind.Refines, listed.Refining, listed.RefiningTotal),
                     })
            {
                var all = standing.OfKind(kind).ToList();
                Assert.Equal(all.Count, total);
                Assert.Equal(Math.Min(1, all.Count), links.Count);
                if (all.Count > 0)
                {
                    var first = all.OrderByDescending(r => r.Confirmed).ThenBy(r => r.OtherClaimId).First();
                    Assert.Equal(first.OtherClaimId, links[0].ClaimId);
                }
            }

            // The confidence weighs every link, listed or not.
            Assert.Equal(standing.Confidence.Derivation, listed.Derivation);
        }

        // Made as each standing is worked out, the export's form is the same as from the whole standing.
        var kept = await analysis.AssessClaimsAsync(ids, s => ExportProvenance.Of(["chain"], s), Ct);
        Assert.Equal(full.Keys.Order(), kept.Keys.Order());
        Assert.All(full, f => Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(ExportProvenance.Of(["chain"], f.Value)), System.Text.Json.JsonSerializer.Serialize(kept[f.Key])));
    }

    [Fact]
    public async Task A_stix_bundle_of_capped_links_names_each_listed_pair_once_whichever_claim_lists_it()
    {
        var exports = database.Get<ExportService>();
        var analysis = database.Get<AssessmentService>();
        var snapshot = (await exports.SnapshotAsync(null, ct: Ct))!;
        var standings = await analysis.AssessClaimsAsync(snapshot.Claims.Select(c => c.Id).ToList(), Ct);
        // Claims with even ids list no links, the others all theirs: a pair with an even lower id is listed by its higher claim only.
        var capped = snapshot with
        {
            Claims = snapshot.Claims.Select(c => c with
            {
                Provenance = ExportProvenance.Of(c.Provenance!.RelayChain, standings[c.Id], linksPerKind: c.Id % 2 == 0 ? 0 : ExportProvenance.LinksListedPerKind),
            }).ToList(),
        };

        var objects = JsonNode.Parse(StixBundleBuilder.Build(capped))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var noteOf = capped.Claims.ToDictionary(c => StixBundleBuilder.Id("note", "claim", c.Id), c => c.Id);
        var emitted = objects.Where(o => (string?)o["relationship_type"] is "contradicts" or "corroborates" or "refines")
            .Select(o => (noteOf[(string)o["source_ref"]!], noteOf[(string)o["target_ref"]!])).Select(p => (Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))).ToList();
        var listed = capped.Claims.SelectMany(c => c.Provenance!.Corroborating.Concat(c.Provenance.Contradicting).Concat(c.Provenance.Refining)
            .Select(l => (Math.Min(c.Id, l.ClaimId), Math.Max(c.Id, l.ClaimId)))).ToHashSet();

        Assert.Equal(emitted.Count, emitted.Distinct().Count());
        Assert.Equal(listed.Order(), emitted.Order());
        Assert.Contains(listed, pair => pair.Item1 % 2 == 0); // listed by the higher claim only
        Assert.True(listed.Count < standings.Values.Sum(s => s.Relations.Count) / 2, "the cap leaves some pairs out");
    }

    [Fact]
    public async Task Links_for_more_claims_than_the_limit_are_refused_before_any_work_and_the_csvs_are_not_limited()
    {
        int claims;
        await using (var db = database.NewContext())
        {
            claims = await db.Claims.CountAsync(Ct);
        }

        ExportService Limited(int limit) => new(database.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<TalksTracker.Data.TalksTrackerDbContext>>(),
            database.Get<TalksTracker.Data.Progress.ProgressService>(), database.Get<AssessmentService>(), new ExportOptions { MaxClaimsWithLinks = limit }, database.Clock);

        var refused = await Assert.ThrowsAsync<ExportTooLargeException>(() => Limited(claims - 1).ExportAsync(ExportFormat.Json, null, ct: Ct));
        Assert.Equal((claims, claims - 1), (refused.Claims, refused.Limit));
        Assert.Contains("Export the claims as CSV", refused.Message);
        await Assert.ThrowsAsync<ExportTooLargeException>(() => Limited(claims - 1).ExportAsync(ExportFormat.Stix, null, ct: Ct));
        Assert.NotNull(await Limited(claims - 1).ExportAsync(ExportFormat.Csv, null, ExportContent.Claims, Ct));
        Assert.NotNull(await Limited(1).ExportAsync(ExportFormat.Csv, null, ExportContent.Board, Ct));
        Assert.NotNull(await Limited(claims).ExportAsync(ExportFormat.Json, null, ct: Ct));
    }

    [Theory]
    [InlineData(ExportFormat.Csv, ExportContent.Board, ExportParts.Boards)]
    [InlineData(ExportFormat.Csv, ExportContent.Claims, ExportParts.BoardsAndClaims)]
    [InlineData(ExportFormat.Json, ExportContent.Claims, ExportParts.Everything)]
    [InlineData(ExportFormat.Stix, ExportContent.Claims, ExportParts.Everything)]
    public void Each_format_reads_only_what_it_writes(ExportFormat format, ExportContent content, ExportParts parts) =>
        Assert.Equal(parts, ExportService.PartsFor(format, content));

    [Fact]
    public async Task A_csv_snapshot_has_the_same_boards_and_claims_without_weighing_their_provenance()
    {
        var exports = database.Get<ExportService>();
        var everything = (await exports.SnapshotAsync(null, ExportParts.Everything, Ct))!;
        var claims = (await exports.SnapshotAsync(null, ExportParts.BoardsAndClaims, Ct))!;
        var boards = (await exports.SnapshotAsync(null, ExportParts.Boards, Ct))!;

        Assert.All(everything.Claims, c => Assert.NotNull(c.Provenance));
        Assert.All(claims.Claims, c => Assert.Null(c.Provenance));
        Assert.Empty(boards.Claims);
        // What each CSV writes is the same as from the whole snapshot.
        Assert.Equal(await CsvAsync(w => CsvExport.WriteClaimsAsync(w, everything, Ct)), await CsvAsync(w => CsvExport.WriteClaimsAsync(w, claims, Ct)));
        Assert.Equal(await CsvAsync(w => CsvExport.WriteBoardAsync(w, everything, Ct)), await CsvAsync(w => CsvExport.WriteBoardAsync(w, boards, Ct)));
        Assert.NotEmpty(everything.Claims);
        Assert.Contains(everything.Boards, b => b.Items.Count > 0);
    }

    private static async Task<string> CsvAsync(Func<TextWriter, Task> write)
    {
        await using var csv = new StringWriter();
        await write(csv);
        return csv.ToString();
    }
}

public sealed class StixClaimLinkTestsOnSqlite(DeniedMeetingDatabase database) : StixClaimLinkTests(database), IClassFixture<DeniedMeetingDatabase>;

public sealed class StixClaimLinkTestsOnPostgres(PostgresDeniedMeetingDatabase database) : StixClaimLinkTests(database.OrSkip()), IClassFixture<PostgresDeniedMeetingDatabase>;
