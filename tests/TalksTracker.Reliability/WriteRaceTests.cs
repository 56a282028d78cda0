using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Testing;

namespace TalksTracker.Reliability;

/// <summary>
/// Writers racing for the same new record, on both engines: eight intakes of one text, eight intakes naming one new
/// source, eight creations of one actor. One wins; every other is told it exists (409) — never a 500, never a
/// duplicate. SQLite serialises writers by its one write lock; PostgreSQL by the write gate's advisory lock.
/// </summary>
public abstract class WriteRaceTests(TalksTrackerAppFactory app)
{
    private const int Racers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Report(string marker, int i = 0) =>
        $"Envoys meet in Muscat\nAccording to a Gulf official, envoys met in Muscat on Monday ({marker}, copy {i}). The talks are said to continue.";

    [Fact]
    public async Task Eight_intakes_of_one_text_make_one_report_and_seven_conflicts()
    {
        var text = Report(Guid.NewGuid().ToString("N"));

        var statuses = await RaceAsync(client => client.PostAsJsonAsync("/api/reports", new { text }, Ct));

        Assert.Equal([HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.Conflict, Racers - 1)], statuses.Order());
        await using var db = await ContextAsync();
        Assert.Equal(1, await db.Reports.CountAsync(r => r.Text.Contains(text.Substring(40, 60)), Ct));
    }

    [Fact]
    public async Task Eight_intakes_naming_one_new_source_make_exactly_one_source()
    {
        var marker = Guid.NewGuid().ToString("N");
        var sourceName = $"A new Gulf official {marker[..8]}";

        var statuses = await RaceAsync((client, i) =>
        {
            var text = Report(marker, i);
            return client.PostAsJsonAsync("/api/reports", new
            {
                text,
                claims = new[] { new { start = 22, end = text.IndexOf('.', 22) + 1, sourceName } },
            }, Ct);
        });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        await using var db = await ContextAsync();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name == sourceName, Ct));
        Assert.Equal(Racers, await db.Claims.CountAsync(c => c.Source!.Name == sourceName, Ct));
    }

    [Fact]
    public async Task Eight_creations_of_one_actor_make_one_and_offer_it_to_the_seven_others()
    {
        var name = $"Racing delegation {Guid.NewGuid():N}"[..40];

        var statuses = await RaceAsync(client => client.PostAsJsonAsync("/api/actors", new { name, kind = "Other" }, Ct));

        Assert.Equal([HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.Conflict, Racers - 1)], statuses.Order());
        await using var db = await ContextAsync();
        Assert.Equal(1, await db.Actors.CountAsync(a => a.Name == name, Ct));
    }

    /// <summary>Starts every racer, then lets them go at once.</summary>
    protected virtual async Task<HttpStatusCode[]> RaceAsync(Func<HttpClient, int, Task<HttpResponseMessage>> post)
    {
        var clients = Enumerable.Range(0, Racers).Select(_ => app.CreateClientFor("editor")).ToList();
        using var start = new ManualResetEventSlim();
        var racers = clients.Select((client, i) => Task.Run(async () =>
        {
            start.Wait(Ct);
            using var response = await post(client, i);
            return response.StatusCode;
        }, Ct)).ToList();
        start.Set();
        return await Task.WhenAll(racers);
    }

    private Task<HttpStatusCode[]> RaceAsync(Func<HttpClient, Task<HttpResponseMessage>> post) => RaceAsync((client, _) => post(client));

    private Task<TalksTrackerDbContext> ContextAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
}

public sealed class WriteRaceTestsOnSqlite(TalksTrackerAppFactory app) : WriteRaceTests(app), IClassFixture<TalksTrackerAppFactory>;

public sealed class WriteRaceTestsOnPostgres(PostgresAppFactory app) : WriteRaceTests(app.OrSkip()), IClassFixture<PostgresAppFactory>;
