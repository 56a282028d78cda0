using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Export;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Export;

/// <summary>The STIX 2.1 rules an importer (OpenCTI, MISP) relies on, checked in code on the seeded export.</summary>
public abstract partial class StixBundleTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex("^[a-z0-9_]{3,250}$")]
    private static partial Regex PropertyNamePattern();

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["identity"] = ["name"],
        ["location"] = [],
        ["report"] = ["name", "published", "object_refs"],
        ["note"] = ["content", "object_refs"],
        ["grouping"] = ["context", "object_refs"],
        ["relationship"] = ["relationship_type", "source_ref", "target_ref"],
    };

    /// <summary>The bundle as a download writes it.</summary>
    private async Task<JsonObject> ExportAsync(int? track = null)
    {
        var file = await database.Get<ExportService>().ExportAsync(ExportFormat.Stix, track, ct: Ct);
        using var written = new MemoryStream();
        await file!.WriteToAsync(written, Ct);
        return JsonNode.Parse(written.ToArray())!.AsObject();
    }

    [Fact]
    public async Task Writing_the_bundle_an_object_at_a_time_spells_it_as_building_it_whole()
    {
        var snapshot = (await database.Get<ExportService>().SnapshotAsync(null, ct: Ct))!;
        var bundleId = Guid.NewGuid();
        using var written = new MemoryStream();

        await StixBundleBuilder.WriteAsync(written, snapshot, bundleId, Ct);

        Assert.True(snapshot.Claims.Count > 1);
        Assert.Equal(StixBundleBuilder.Build(snapshot, bundleId), System.Text.Encoding.UTF8.GetString(written.ToArray()));
    }

    [Fact]
    public async Task The_bundle_is_well_formed_by_the_STIX_2_1_rules() => AssertWellFormed(await ExportAsync());

    /// <summary>The STIX 2.1 rules every exported bundle keeps: ids, timestamps, required and custom properties, references.</summary>
    internal static void AssertWellFormed(JsonObject bundle)
    {

        Assert.Equal("bundle", (string?)bundle["type"]);
        Assert.Matches(IdPattern(), (string)bundle["id"]!);
        Assert.StartsWith("bundle--", (string)bundle["id"]!);
        Assert.Null(bundle["spec_version"]); // a 2.1 bundle carries no spec_version of its own
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var ids = objects.Select(o => (string)o["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        foreach (var o in objects)
        {
            var type = (string)o["type"]!;
            var id = (string)o["id"]!;
            Assert.Matches(IdPattern(), id);
            Assert.StartsWith($"{type}--", id);
            Assert.Equal("2.1", (string?)o["spec_version"]);
            Assert.True(Required.ContainsKey(type), $"unexpected object type {type}");
            foreach (var property in Required[type])
            {
                Assert.True(o[property] is not null, $"{id} lacks {property}");
            }

            var created = ParseTimestamp((string)o["created"]!);
            var modified = ParseTimestamp((string)o["modified"]!);
            Assert.True(modified >= created, $"{id}: modified before created");
            foreach (var (name, _) in o)
            {
                // Every name is lower-case ASCII with underscores; custom ones also need 3 to 250 characters.
                Assert.Matches("^[a-z0-9_]+$", name);
                if (name.StartsWith("x_", StringComparison.Ordinal))
                {
                    Assert.Matches(PropertyNamePattern(), name);
                }
            }

            if (o["object_refs"] is JsonArray refs)
            {
                Assert.NotEmpty(refs);
                Assert.All(refs, r => Assert.Contains((string)r!, ids));
            }

            switch (type)
            {
                case "relationship":
                    Assert.Contains((string)o["source_ref"]!, ids);
                    Assert.Contains((string)o["target_ref"]!, ids);
                    Assert.Matches("^[a-z0-9-]+$", (string)o["relationship_type"]!);
                    break;
                case "report":
                    ParseTimestamp((string)o["published"]!);
                    break;
                case "note" when o["confidence"] is { } confidence:
                    Assert.InRange((int)confidence, 0, 100);
                    break;
                case "location":
                    Assert.True(o["region"] is not null || o["country"] is not null || (o["latitude"] is not null && o["longitude"] is not null),
                        $"{id}: a location needs a region, a country, or latitude and longitude");
                    if (o["latitude"] is { } lat)
                    {
                        Assert.InRange((double)lat, -90, 90);
                        Assert.InRange((double)o["longitude"]!, -180, 180);
                    }

                    break;
            }
        }
    }

    [Fact]
    public async Task The_seed_is_exported_as_reports_identities_venues_notes_and_relationships()
    {
        var objects = (await ExportAsync())["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        int Count(string type) => objects.Count(o => (string)o["type"]! == type);

        Assert.Equal(1, Count("report"));
        Assert.Equal(18 + 3, Count("note")); // the claims, and the three positions they state
        Assert.Equal(1, Count("location"));
        Assert.Equal(8 + 3, Count("identity")); // eight actors, three sources
        var baku = objects.Single(o => (string)o["type"]! == "location");
        Assert.Equal("Baku", (string?)baku["name"]);

        var redeployment = objects.Single(o => (string)o["type"]! == "note" && ((string)o["content"]!).StartsWith("According to the same source, Russia", StringComparison.Ordinal));
        Assert.Equal("C3", (string?)redeployment["x_talkstracker_grade"]);
        var senior = objects.Single(o => (string?)o["name"] == "a senior Israeli security source");
        var media = objects.Single(o => (string?)o["name"] == "Israeli media");
        Assert.Contains(objects, o => (string?)o["relationship_type"] == "attributed-to" && (string?)o["source_ref"] == (string?)redeployment["id"] && (string?)o["target_ref"] == (string?)senior["id"]);
        Assert.Contains(objects, o => (string?)o["relationship_type"] == "relayed-by" && (string?)o["source_ref"] == (string?)redeployment["id"] && (string?)o["target_ref"] == (string?)media["id"]);
        var israel = objects.Single(o => (string?)o["name"] == "Israel");
        Assert.Contains(objects, o => (string?)o["relationship_type"] == "affiliated-with" && (string?)o["source_ref"] == (string?)senior["id"] && (string?)o["target_ref"] == (string?)israel["id"]);
    }

    [Fact]
    public async Task Ids_are_deterministic_across_exports_and_derive_from_the_record()
    {
        var first = (await ExportAsync())["objects"]!.ToJsonString();
        var second = (await ExportAsync())["objects"]!.ToJsonString();

        Assert.Equal(first, second);

        int claimId;
        await using (var db = database.NewContext())
        {
            claimId = await db.Claims.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        }

        Assert.Contains($"\"{StixBundleBuilder.Id("note", "claim", claimId)}\"", first);
        var trackOnly = (await ExportAsync(track: 1))["objects"]!.ToJsonString();
        Assert.Contains($"\"{StixBundleBuilder.Id("note", "claim", claimId)}\"", trackOnly);
    }

    [Theory]
    // Reference values from Python's uuid.uuid5.
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    [InlineData("5b1f8c52-3d0e-4f4e-9a57-8f0f2b8d6a31", "claim:1", "f5ecee24-84f8-59b5-82dd-4b6ca8227cdb")]
    public void UuidV5_matches_the_reference_implementation(string ns, string name, string expected) =>
        Assert.Equal(expected, StixBundleBuilder.UuidV5(Guid.Parse(ns), name).ToString("D"));

    [Fact]
    public void Timestamps_are_utc_with_milliseconds()
    {
        Assert.Equal("2026-11-26T08:05:03.120Z", StixBundleBuilder.Timestamp(new DateTime(2026, 11, 26, 8, 5, 3, 120, DateTimeKind.Unspecified)));
        Assert.Equal("2026-11-26T00:00:00.000Z", StixBundleBuilder.Timestamp(new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc)));
    }

    private static DateTimeOffset ParseTimestamp(string value)
    {
        Assert.Matches(TimestampPattern(), value);
        var parsed = DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        return parsed;
    }
}

public sealed class StixBundleTestsOnSqlite(SeededDatabase database) : StixBundleTests(database), IClassFixture<SeededDatabase>;

public sealed class StixBundleTestsOnPostgres(PostgresSeededDatabase database) : StixBundleTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
