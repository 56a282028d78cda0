using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalksTracker.Data.Accounts;
using TalksTracker.Testing;
using TalksTracker.Web.Api;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// Issue #27: 6,000 aliases took 33 s of processor time before being refused and 100,000 in a 2 MB body never
/// answered. Every list in a request is now bounded before any work: hostile shapes get a quick 400 naming the list.
/// </summary>
public sealed class HostileBodyTestsOnSqlite(TalksTrackerAppFactory app) : HostileBodyTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class HostileBodyTestsOnPostgres(PostgresAppFactory app) : HostileBodyTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;

public abstract class HostileBodyTests(TalksTrackerAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Hostile = 100_000;

    public static TheoryData<string, string, string> Shapes => new()
    {
        { "/api/actors", JsonSerializer.Serialize(new { name = "Hostile actor", kind = "Other", aliases = Enumerable.Range(0, Hostile).Select(i => $"alias {i}") }), "Aliases" },
        { "/api/meetings", JsonSerializer.Serialize(new { trackId = 1, title = "Hostile meeting", participants = Enumerable.Range(1, Hostile).Select(i => new { actorId = i }) }), "Participants" },
        { "/api/reports", JsonSerializer.Serialize(new { text = "Envoys met.\nEnvoys met in Muscat.", claims = new[] { new { start = 0, end = 5, actorIds = Enumerable.Range(1, Hostile) } } }), "Claims[0].ActorIds" },
        { "/api/reports", JsonSerializer.Serialize(new { text = "Envoys met.\nEnvoys met in Muscat.", claims = Enumerable.Range(0, Hostile).Select(_ => new { start = 0, end = 5 }) }), "Claims" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Security_a_list_of_a_hundred_thousand_items_is_refused_at_once_by_name(string path, string body, string field)
    {
        var client = app.CreateClientFor(Roles.Editor);
        var watch = Stopwatch.StartNew();

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains($"At most {CollectionLimits.MaxItems:N0} items", message);
        // Generous for a loaded 2-core machine; before the limit an alias body ran for half a minute.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task A_list_at_the_limit_is_not_refused_by_it()
    {
        var response = await app.CreateClientFor(Roles.Editor).PostAsJsonAsync("/api/meetings",
            new { trackId = 1, title = $"Busy meeting {Guid.NewGuid():N}", participants = Enumerable.Range(1, CollectionLimits.MaxItems).Select(i => new { actorId = i }) }, Ct);

        // Refused for other reasons (those actors do not exist), not for the count.
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("At most", problem.GetProperty("errors").GetProperty("Participants")[0].GetString());
    }
}
