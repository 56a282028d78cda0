using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using Xunit;

namespace TalksTracker.Testing;

/// <summary>
/// The real web app over its own temporary SQLite file, seeded on start like a fresh install, with
/// the Development demo accounts. <see cref="WebApplicationFactory{T}.CreateClient()"/> gives a client
/// signed in as the demo admin (by API key); <see cref="CreateClientFor"/> one per role, and
/// <see cref="CreateAnonymousClient"/> one signed in as nobody. Call <see cref="StartKestrel"/> for
/// browser tests that need a real socket.
/// </summary>
public class TalksTrackerAppFactory : WebApplicationFactory<Program>, IAsyncLifetime, INeedPostgres
{
    public const string DemoPassword = "demo-password-2026";

    private readonly ConcurrentDictionary<string, string> _keys = new();

    public TalksTrackerAppFactory() : this("Development")
    {
    }

    protected TalksTrackerAppFactory(string environment, DatabaseProvider provider = DatabaseProvider.Sqlite, string? sharedPostgresDatabase = null)
    {
        Environment = environment;
        Provider = provider;
        Folder = Directory.CreateTempSubdirectory("talkstracker-app-").FullName;
        PostgresConnectionString = sharedPostgresDatabase;
        _ownsDatabase = sharedPostgresDatabase is null;
    }

    private readonly bool _ownsDatabase;

    public string Environment { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>Set when the app's PostgreSQL database could not be made for want of a server.</summary>
    public string? SkipReason { get; private set; }
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "talkstracker.db");

    /// <summary>The app's own PostgreSQL database (made in <see cref="InitializeAsync"/>), or one shared with other instances.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>
    /// The environment a child process (the Cli, another host) needs to work on this app's database, whichever
    /// engine it runs on: written once here so a test starts the same child over SQLite or PostgreSQL.
    /// </summary>
    public Dictionary<string, string> CliEnvironment() => Provider == DatabaseProvider.Postgres
        ? new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__TalksTracker"] = PostgresConnectionString
                                                  ?? throw new InvalidOperationException("The PostgreSQL database is made in InitializeAsync; call it first."),
        }
        : new() { ["ConnectionStrings__TalksTracker"] = $"Data Source={DatabasePath};Pooling=False" };

    /// <summary>The web app on PostgreSQL over a database several instances can share (the one <paramref name="connectionString"/> names).</summary>
    public static TalksTrackerAppFactory OnPostgres(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) =>
        new SharedPostgresAppFactory(connectionString, settings ?? new Dictionary<string, string?>());

    /// <summary>Extra settings a test fixture needs (rate limits, bootstrap admin…).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public static string DemoEmail(string role) => $"{role}@demo.local";

    /// <summary>Serves on a free loopback port with Kestrel and returns the address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>An API key for the demo account of a role (created once per factory).</summary>
    public string ApiKeyFor(string role) => ApiKeyForEmail(DemoEmail(role));

    /// <summary>An API key for any existing account, such as the bootstrap admin (created once per factory).</summary>
    /// <remarks>Synchronous for the callers' convenience; the work runs on the thread pool so blocking here cannot
    /// deadlock with a test framework's synchronisation context (PostgreSQL's driver is truly asynchronous).</remarks>
    public string ApiKeyForEmail(string email) => _keys.GetOrAdd(email, e => Task.Run(async () =>
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(e)
                   ?? throw new InvalidOperationException($"No account {e}.");
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user.Id, $"tests ({e})");
        return key.Value?.Key ?? throw new InvalidOperationException("Could not create a test API key.");
    }).GetAwaiter().GetResult());

    public HttpClient CreateClientFor(string role)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyFor(role));
        return client;
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        // Demo accounts exist in Development only; elsewhere clients start signed in as nobody.
        if (Environment == "Development")
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeyFor(Roles.Admin));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:TalksTracker",
                PostgresConnectionString ?? throw new InvalidOperationException("The PostgreSQL database is made in InitializeAsync; call it first."));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:TalksTracker", $"Data Source={DatabasePath};Pooling=False");
        }

        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Folder, "logs", "talkstracker-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Honoured in Development (and Testing); a Production host ignores it and runs on the system clock, as deployed.
        builder.UseSetting(TalksTracker.Data.Time.ProductClock.StartSettingName, TestClock.Setting);
        // Tests call the API far faster than people do; the limiter has tests of its own.
        builder.UseSetting("RateLimits:ApiPerSecond", "100000");
        builder.UseSetting("RateLimits:ApiBurst", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        // Tests read alerts right after the save that makes them; the settle time has a test of its own (Data tests).
        builder.UseSetting("Alerts:SettleSeconds", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresConnectionString is null)
        {
            if (PostgresServer.Unavailable is { } reason)
            {
                SkipReason = reason; // the tests that ask for this app skip (PostgresServer.OrSkip)
                return;
            }

            PostgresConnectionString = await PostgresServer.CreateDatabaseAsync("talkstracker_app");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && PostgresConnectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(PostgresConnectionString);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind only if something still holds a file open.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app as it runs in production: no developer exception page, no demo accounts, static assets from build output.</summary>
public sealed class ProductionAppFactory() : TalksTrackerAppFactory("Production");

/// <summary>The app (Development, demo accounts) over a database of its own on the tests' PostgreSQL server.</summary>
public sealed class PostgresAppFactory() : TalksTrackerAppFactory("Development", DatabaseProvider.Postgres);

/// <summary>One of several app instances over the same PostgreSQL database (the test owns the database).</summary>
internal sealed class SharedPostgresAppFactory(string connectionString, IReadOnlyDictionary<string, string?> settings)
    : TalksTrackerAppFactory("Development", DatabaseProvider.Postgres, connectionString)
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;
}
