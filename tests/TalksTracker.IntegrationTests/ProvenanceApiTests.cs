using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// A second report, taken in through the API, in which a party's spokesman denies the Baku meetings and Western
/// diplomats confirm them: the claim provenance endpoint and the JSON and STIX exports show the same links.
/// </summary>
public abstract class ProvenanceApiTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Text = "Damascus denies Baku talks\nA Syrian foreign ministry spokesman denied that any meeting with Israeli officials took place in Baku. "
                                + "Western diplomats said the meetings in Baku did take place.";

    /// <summary>The ids of the redeployment claim, the denial and the diplomats' claim, after taking the report in (once).</summary>
    private async Task<(int Redeployment, int Denial, int Diplomats)> ClaimsAsync(HttpClient client)
    {
        var meetings = await client.GetFromJsonAsync<JsonElement>("/api/meetings", Ct);
        var meeting = meetings.GetProperty("entries")[0].GetProperty("id").GetInt32();
        var denial = Text.IndexOf("A Syrian", StringComparison.Ordinal);
        var diplomats = Text.IndexOf("Western", StringComparison.Ordinal);
        var posted = await client.PostAsJsonAsync("/api/reports", new
        {
            text = Text,
            outlet = "Damascus daily",
            claims = new object[]
            {
                new { start = denial, end = diplomats - 1, sourceName = "Syrian foreign ministry spokesman", stance = "Denies", credibility = 2, meetingIds = new[] { meeting } },
                new { start = diplomats, end = Text.Length, sourceName = "Western diplomats", stance = "Asserts", credibility = 3, meetingIds = new[] { meeting } },
            },
        }, Ct);
        Assert.True(posted.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"posting the report answered {posted.StatusCode}");

        var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting}", Ct);
        int Id(string quote) => dossier.GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("quote").GetString()!.StartsWith(quote, StringComparison.Ordinal)).GetProperty("id").GetInt32();
        return (Id("According to the same source, Russia has proposed"), Id("A Syrian foreign ministry spokesman denied"), Id("Western diplomats said"));
    }

    private static IEnumerable<int> Ids(JsonElement links, string idPath) =>
        links.EnumerateArray().Select(l => idPath == "claim.id" ? l.GetProperty("claim").GetProperty("id").GetInt32() : l.GetProperty(idPath).GetInt32());

    [Fact]
    public async Task Claim_provenance_gives_relay_chain_origin_links_and_the_confidence_derivation()
    {
        var client = app.CreateClient();
        var (redeployment, denial, diplomats) = await ClaimsAsync(client);

        var provenance = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{redeployment}/provenance", Ct);

        Assert.Equal(["a senior Israeli security source", "via Israeli media"], provenance.GetProperty("relayChain").EnumerateArray().Take(2).Select(x => x.GetString()));
        Assert.Equal("a senior Israeli security source", provenance.GetProperty("origin").GetString());
        Assert.Contains(denial, Ids(provenance.GetProperty("contradicting"), "claim.id"));
        Assert.Contains(diplomats, Ids(provenance.GetProperty("corroborating"), "claim.id"));
        var contradiction = provenance.GetProperty("contradicting").EnumerateArray().Single(l => l.GetProperty("claim").GetProperty("id").GetInt32() == denial);
        Assert.Equal("Contradicts", contradiction.GetProperty("kind").GetString());
        Assert.False(contradiction.GetProperty("confirmed").GetBoolean());
        Assert.Equal("Syrian foreign ministry spokesman", contradiction.GetProperty("claim").GetProperty("source").GetProperty("name").GetString());

        var confidence = provenance.GetProperty("confidence");
        Assert.Equal(2, confidence.GetProperty("originsFor").GetInt32());
        Assert.Equal(1, confidence.GetProperty("originsAgainst").GetInt32());
        Assert.Matches(@"−\d\.\d\d Syrian foreign ministry spokesman \([A-F]2\)", confidence.GetProperty("derivation").GetString());
        Assert.Contains(confidence.GetProperty("evidence").EnumerateArray(), e => !e.GetProperty("for").GetBoolean() && e.GetProperty("grade").ValueKind != JsonValueKind.Undefined);

        // The denial's own standing: the spokesman for it, the others against.
        var denied = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{denial}/provenance", Ct);
        Assert.Equal("Syrian foreign ministry spokesman", denied.GetProperty("origin").GetString());
        Assert.Equal(1, denied.GetProperty("confidence").GetProperty("originsFor").GetInt32());
        Assert.Contains(redeployment, Ids(denied.GetProperty("contradicting"), "claim.id"));
    }

    [Fact]
    public async Task The_json_export_carries_each_claims_provenance_with_the_same_links()
    {
        var client = app.CreateClient();
        var (redeployment, denial, diplomats) = await ClaimsAsync(client);

        var export = await client.GetFromJsonAsync<JsonElement>("/api/export/json?track=1", Ct);

        var claims = export.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt32());
        Assert.All(claims.Values, c =>
        {
            var p = c.GetProperty("provenance");
            Assert.NotEmpty(p.GetProperty("relayChain").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("origin").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("derivation").GetString()));
            Assert.Equal(JsonValueKind.Array, p.GetProperty("corroborating").ValueKind);
        });
        var provenance = claims[redeployment].GetProperty("provenance");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{redeployment}/provenance", Ct);
        Assert.Equal(Ids(api.GetProperty("contradicting"), "claim.id"), Ids(provenance.GetProperty("contradicting"), "claimId"));
        Assert.Equal(Ids(api.GetProperty("corroborating"), "claim.id"), Ids(provenance.GetProperty("corroborating"), "claimId"));
        Assert.Equal(Ids(api.GetProperty("refining"), "claim.id"), Ids(provenance.GetProperty("refining"), "claimId"));
        Assert.Contains(denial, Ids(provenance.GetProperty("contradicting"), "claimId"));
        Assert.Contains(diplomats, Ids(provenance.GetProperty("corroborating"), "claimId"));
        Assert.Equal(api.GetProperty("confidence").GetProperty("derivation").GetString(), provenance.GetProperty("derivation").GetString());
        Assert.Equal("Contradicts", provenance.GetProperty("contradicting")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_stix_export_relates_the_claims_notes()
    {
        var client = app.CreateClient();
        var (redeployment, denial, diplomats) = await ClaimsAsync(client);

        var bundle = await client.GetFromJsonAsync<JsonElement>("/api/export/stix?track=1", Ct);

        var objects = bundle.GetProperty("objects").EnumerateArray().ToList();
        string Note(int claim) => Data.Export.StixBundleBuilder.Id("note", "claim", claim);
        bool Linked(string type, int from, int to) => objects.Any(o =>
            o.GetProperty("type").GetString() == "relationship" && o.GetProperty("relationship_type").GetString() == type
            && o.GetProperty("source_ref").GetString() == Note(from) && o.GetProperty("target_ref").GetString() == Note(to));
        Assert.True(Linked("contradicts", redeployment, denial));
        Assert.True(Linked("corroborates", redeployment, diplomats));
        var note = objects.Single(o => o.GetProperty("id").GetString() == Note(redeployment));
        Assert.InRange(note.GetProperty("confidence").GetInt32(), 0, 100);
        Assert.Equal("a senior Israeli security source", note.GetProperty("x_talkstracker_origin").GetString());
    }
}

public sealed class ProvenanceApiTestsOnSqlite(TalksTrackerAppFactory app) : ProvenanceApiTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class ProvenanceApiTestsOnPostgres(PostgresAppFactory app) : ProvenanceApiTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
