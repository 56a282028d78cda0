using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace TalksTracker.Testing;

/// <summary>
/// The real web app over its own temporary SQLite file, seeded on start like a fresh install.
/// Call <see cref="StartKestrel"/> for browser tests that need a real socket.
/// </summary>
public class TalksTrackerAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TalksTrackerAppFactory() : this("Development")
    {
    }

    protected TalksTrackerAppFactory(string environment)
    {
        Environment = environment;
        Folder = Directory.CreateTempSubdirectory("talkstracker-app-").FullName;
    }

    public string Environment { get; }
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "talkstracker.db");

    /// <summary>Serves on a free loopback port with Kestrel and returns the address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:TalksTracker", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Folder, "logs", "talkstracker-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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

/// <summary>The app as it runs in production: no developer exception page, static assets from build output.</summary>
public sealed class ProductionAppFactory() : TalksTrackerAppFactory("Production");
