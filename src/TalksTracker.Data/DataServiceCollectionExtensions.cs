using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Search;
using TalksTracker.Data.Seeding;
using TalksTracker.Data.Catalog;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Meetings;
using TalksTracker.Data.Progress;
using TalksTracker.Data.Reading;
using TalksTracker.Data.Time;

namespace TalksTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (a context factory: one short-lived context per operation) and the
    /// services pages, the API and the command line share.
    /// </summary>
    public static IServiceCollection AddTalksTrackerData(this IServiceCollection services, string connectionString) =>
        services.AddTalksTrackerData(_ => connectionString);

    /// <summary>As above, reading the connection string when the first context is made (so hosts and tests can set it late).</summary>
    public static IServiceCollection AddTalksTrackerData(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddTalksTrackerData(_ => DatabaseProvider.Sqlite, connectionString);

    /// <summary>As above, on the database engine <paramref name="database"/> says (<c>Database:Provider</c>), also read late.</summary>
    public static IServiceCollection AddTalksTrackerData(
        this IServiceCollection services, Func<IServiceProvider, DatabaseProvider> database, Func<IServiceProvider, string> connectionString)
    {
        services.AddSystemClockUnlessSet();
        services.AddSingleton<ICurrentActor, CurrentActor>();
        // Pooled: a context is reset and reused rather than built, so a page's read does not pay EF's set-up of a
        // context (its internal services, its connection and the functions EF registers on it), about 0.2-0.4 ms a
        // call, most of a sub-millisecond query's time (docs/query-shapes.md). The options are built once either way.
        services.AddPooledDbContextFactory<TalksTrackerDbContext>((provider, options) => options
            .UseTalksTrackerDatabase(database(provider), connectionString(provider), DatabaseProviders.SqliteMmapSize(provider.GetService<IConfiguration>()))
            .UseProductClock(provider.GetRequiredService<TimeProvider>())
            .UseCurrentActor(provider.GetRequiredService<ICurrentActor>())
            .AddInterceptors(new Changes.ChangeSignalInterceptor(new Lazy<Changes.ChangeFeed>(provider.GetRequiredService<Changes.ChangeFeed>))));
        services.AddSingleton<Changes.ChangeFeed>();

        // One model per process (about 100 MB once loaded), for intake and the seeder alike.
        services.AddSingleton<Domain.Positions.ITextEmbedder>(Meaning.MiniLmEmbedder.Shared);
        services.AddSingleton<Seeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ClaimService>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<SourceService>();
        services.AddSingleton<ActorService>();
        services.AddSingleton<VenueService>();
        services.AddSingleton<TrackService>();
        services.AddSingleton<AgendaItemService>();
        services.AddSingleton<Intake.GazetteerService>();
        services.AddSingleton<Intake.IntakeService>();
        services.AddSingleton<Intake.ReviewService>();
        services.AddSingleton<Editing.CatalogService>();
        services.AddSingleton<Editing.TrackCorrections>();
        services.AddSingleton<Editing.MeetingCorrections>();
        services.AddSingleton<Editing.CatalogCorrections>();
        services.AddSingleton<Editing.Merges>();
        services.AddSingleton<Editing.ClaimCorrections>();
        services.AddSingleton<Editing.ReportWithdrawals>();
        services.AddSingleton<Analysis.AssessmentService>();
        services.AddSingleton<Accounts.ApiKeyService>();
        services.AddSingleton<Auditing.AuditTrailService>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<Positions.PositionService>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<Export.ExportService>();
        services.AddSingleton(new SearchOptions());
        services.AddSingleton(provider => Export.ExportOptions.FromSetting(provider.GetService<IConfiguration>()?[Export.ExportOptions.MaxClaimsWithLinksSettingName]));
        services.AddSingleton(new Intake.IntakeOptions());
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<Alerts.AlertProcessor>();
        services.AddSingleton<Alerts.WatchlistService>();
        services.AddSingleton<Alerts.AlertDigests>();
        services.AddSingleton<ISearchService>(provider => database(provider) == DatabaseProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresSearchService>(provider)
            : ActivatorUtilities.CreateInstance<SqliteSearchService>(provider));
        return services;
    }

    /// <summary>
    /// Makes a relative SQLite file path absolute against <paramref name="baseDirectory"/> and
    /// creates its folder, so the database lands in the same place whatever the working directory. A new folder is
    /// owner-only (0700 on Unix); the file is made 0600 when first opened (<see cref="SqlitePragmaInterceptor"/>).
    /// </summary>
    public static string ResolveSqliteConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        if (!Path.IsPathRooted(dataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, dataSource));
        }

        OwnerOnlyFiles.CreateFolderFor(builder.DataSource);

        return builder.ToString();
    }
}
