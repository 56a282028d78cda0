using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Time;
using TalksTracker.Testing;

namespace TalksTracker.IntegrationTests;

/// <summary>The hosts the tests start run at the test instant; a Production host ignores the setting and logs that it did.</summary>
public sealed class ClockTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_development_host_records_what_is_taken_in_at_the_test_instant()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/reports",
            new { text = $"Clock check\nA Gulf official said envoys met in Muscat. Ref {Guid.NewGuid():N}." }, Ct);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetInt32();

        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
        var takenIn = (await db.Reports.FindAsync([id], Ct))!.TakenInAt;
        // The host's clock started at the instant and runs on: the report is no older than it and within the test run.
        Assert.InRange(takenIn, TestClock.Start.UtcDateTime, TestClock.Start.UtcDateTime.AddHours(1));
    }

    [Fact]
    public async Task A_production_host_ignores_the_clock_setting_and_has_a_note_for_its_log()
    {
        await using var production = new ProductionAppFactory();

        Assert.Same(TimeProvider.System, production.Services.GetRequiredService<TimeProvider>());
        // Written to the log by HostingExtensions.CheckSettings at start.
        Assert.StartsWith($"{ProductClock.StartSettingName} is set but ignored in the Production environment",
            production.Services.GetRequiredService<ClockChoice>().Note);
    }
}
