using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data;
using TalksTracker.Data.Seeding;
using Xunit;

namespace TalksTracker.Testing;

/// <summary>
/// A real SQLite database file in a temporary folder (or, for <see cref="DatabaseProvider.Postgres"/>, a
/// fresh database on the tests' PostgreSQL server), migrated and (optionally) seeded through the same
/// path the app takes on first start, with the app's data services over it.
/// </summary>
public class SeededDatabase : IAsyncLifetime, INeedPostgres
{
    private readonly bool _seed;
    private ServiceProvider? _services;

    public SeededDatabase() : this(seed: true)
    {
    }

    protected SeededDatabase(bool seed, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _seed = seed;
        Provider = provider;
        Folder = Directory.CreateTempSubdirectory("talkstracker-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "talkstracker.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Set when the PostgreSQL database could not be made for want of a server.</summary>
    public string? SkipReason { get; private set; }
    public string Folder { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path { get; }

    public string ConnectionString { get; private set; }

    /// <summary>The clock the data services read: <see cref="TestClock.Start"/>, moved only by the tests.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = TestClock.NewFake();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not initialised yet.");

    public IDbContextFactory<TalksTrackerDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TalksTrackerDbContext NewContext() => Contexts.CreateDbContext();

    public virtual async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (PostgresServer.Unavailable is { } reason)
            {
                SkipReason = reason; // the tests that ask for this fixture skip (PostgresServer.OrSkip)
                return;
            }

            ConnectionString = await PostgresServer.CreateDatabaseAsync();
        }

        _services = ConfigureServices(new ServiceCollection()
                .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
                .AddSingleton<TimeProvider>(Clock)
                .AddTalksTrackerData(_ => Provider, _ => ConnectionString))
            .BuildServiceProvider();
        await Get<DatabaseInitializer>().InitializeAsync(_seed ? Seeder.DefaultFolder : null);
    }

    /// <summary>Registrations a fixture adds or replaces after the data services' own.</summary>
    protected virtual IServiceCollection ConfigureServices(IServiceCollection services) => services;

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Provider == DatabaseProvider.Postgres && ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that still holds the file open leaves a temp folder behind; nothing else is at stake.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A migrated database with nothing in it.</summary>
public sealed class EmptyDatabase() : SeededDatabase(seed: false);

/// <summary>A seeded database of its own on the tests' PostgreSQL server.</summary>
public sealed class PostgresSeededDatabase() : SeededDatabase(seed: true, DatabaseProvider.Postgres);

/// <summary>A migrated, empty database of its own on the tests' PostgreSQL server.</summary>
public sealed class PostgresEmptyDatabase() : SeededDatabase(seed: false, DatabaseProvider.Postgres);
