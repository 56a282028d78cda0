using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data;
using TalksTracker.Data.Seeding;
using Xunit;

namespace TalksTracker.Testing;

/// <summary>
/// A real SQLite database file in a temporary folder, migrated and (optionally) seeded through the
/// same path the app takes on first start, with the app's data services over it.
/// </summary>
public class SeededDatabase : IAsyncLifetime
{
    private readonly bool _seed;
    private ServiceProvider? _services;

    public SeededDatabase() : this(seed: true)
    {
    }

    protected SeededDatabase(bool seed)
    {
        _seed = seed;
        Folder = Directory.CreateTempSubdirectory("talkstracker-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "talkstracker.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
    }

    public string Folder { get; }
    public string Path { get; }
    public string ConnectionString { get; }

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not initialised yet.");

    public IDbContextFactory<TalksTrackerDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TalksTrackerDbContext NewContext() => Contexts.CreateDbContext();

    public virtual async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddTalksTrackerData(ConnectionString)
            .BuildServiceProvider();
        await Get<DatabaseInitializer>().InitializeAsync(_seed ? Seeder.DefaultFolder : null);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
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
