using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TalksTracker.Data.Tests.Model;

/// <summary>The database settings a deployment chooses: the engine and, on SQLite, memory-mapped reads.</summary>
public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("SQLite", DatabaseProvider.Sqlite)]
    [InlineData(" postgres ", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    public void The_engine_is_read_by_name_case_aside(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(value));

    [Fact]
    public void An_unknown_engine_is_refused_by_name() =>
        Assert.Contains("'Oracle' is not known", Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse("Oracle")).Message);

    [Theory]
    [InlineData(null, SqlitePragmaInterceptor.DefaultMmapSize)]
    [InlineData(" ", SqlitePragmaInterceptor.DefaultMmapSize)]
    [InlineData("0", 0L)]
    [InlineData(" 268435456 ", 268_435_456L)]
    public void Memory_mapped_reads_are_on_unless_the_setting_says_how_much_or_zero(string? value, long expected) =>
        Assert.Equal(expected, DatabaseProviders.ParseMmapSize(value));

    [Theory]
    [InlineData("-1")]
    [InlineData("2GB")]
    [InlineData("off")]
    public void A_memory_map_size_that_is_not_a_number_of_bytes_is_refused(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.ParseMmapSize(value));
        Assert.Contains("Database:SqliteMmapSize", refused.Message);
        Assert.Contains("use 0 to turn memory-mapped reads off", refused.Message);
    }

    [Theory]
    [InlineData(null, TalksTracker.Data.Export.ExportOptions.DefaultMaxClaimsWithLinks)]
    [InlineData(" ", TalksTracker.Data.Export.ExportOptions.DefaultMaxClaimsWithLinks)]
    [InlineData(" 200000 ", 200_000)]
    public void The_export_limit_is_the_default_unless_the_setting_gives_a_number_of_claims(string? value, int expected) =>
        Assert.Equal(expected, TalksTracker.Data.Export.ExportOptions.FromSetting(value).MaxClaimsWithLinks);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("50k")]
    public void An_export_limit_that_is_not_a_number_of_claims_is_refused_by_name(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TalksTracker.Data.Export.ExportOptions.FromSetting(value));
        Assert.Contains("Export:MaxClaimsWithLinks", refused.Message);
    }

    [Fact]
    public void The_export_limit_setting_reaches_the_export_service()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TalksTracker.Data.Export.ExportOptions.MaxClaimsWithLinksSettingName] = "1234" })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTalksTrackerData("Data Source=:memory:").BuildServiceProvider();

        Assert.Equal(1234, services.GetRequiredService<TalksTracker.Data.Export.ExportOptions>().MaxClaimsWithLinks);
    }

    [Theory]
    [InlineData(null, SqlitePragmaInterceptor.DefaultMmapSize)]
    [InlineData("0", 0L)]
    public async Task The_setting_reaches_every_connection_the_product_opens(string? setting, long expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"talkstracker-mmap-{Guid.NewGuid():N}.db");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseProviders.SqliteMmapSizeSettingName] = setting })
                .Build();
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddTalksTrackerData($"Data Source={path};Pooling=False")
                .BuildServiceProvider();
            await using var db = await services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size;";

            Assert.Equal(expected, (long?)await command.ExecuteScalarAsync(ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
