using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TalksTracker.Data;
using TalksTracker.Testing;
using TalksTracker.Web.Accounts;

namespace TalksTracker.IntegrationTests;

/// <summary>
/// The data-protection keys in the database are encrypted with a key kept outside it (issue #27: with the database
/// file alone an admin cookie was forged offline).
/// </summary>
public sealed class KeyEncryptionTests(TalksTrackerAppFactory app) : IClassFixture<TalksTrackerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Purpose = "key-encryption-test";

    [Fact]
    public async Task Security_keys_in_the_database_are_encrypted_and_useless_without_the_key_file()
    {
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("admin cookie");

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml!);
                Assert.DoesNotContain("<masterKey", xml!);
            });
        }

        var keyFile = Path.Combine(app.Folder, KeyEncryptionKey.DefaultFileName);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(keyFile));
        }

        // The same database read with the right key-encryption key opens the payload; with any other it cannot.
        Assert.Equal("admin cookie", ReaderOverTheDatabase(File.ReadAllText(keyFile).Trim()).CreateProtector(Purpose).Unprotect(payload));
        var stranger = ReaderOverTheDatabase(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() => stranger.CreateProtector(Purpose).Unprotect(payload));
    }

    [Fact]
    public void Security_a_production_host_on_postgresql_needs_the_key_and_a_bad_key_is_named()
    {
        var postgres = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:TalksTracker"] = "Host=db;Database=talkstracker",
        }).Build();
        var missing = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Resolve(postgres, new Environment(Environments.Production, app.Folder)));
        Assert.Contains(KeyEncryptionKey.SettingName, missing.Message);

        postgres[KeyEncryptionKey.SettingName] = "too short";
        var bad = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Resolve(postgres, new Environment(Environments.Production, app.Folder)));
        Assert.Contains("not 32 bytes in base64", bad.Message);

        postgres[KeyEncryptionKey.SettingName] = Convert.ToBase64String(new byte[32]);
        Assert.Equal(KeyEncryptionKey.SettingName, KeyEncryptionKey.Resolve(postgres, new Environment(Environments.Production, app.Folder)).Origin);
    }

    /// <summary>A second data-protection system over the app's database (as someone holding a copy of the file would build).</summary>
    private IDataProtectionProvider ReaderOverTheDatabase(string keyEncryptionKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryptionKey.SettingName] = keyEncryptionKey,
        }).Build());
        services.AddSingleton<IHostEnvironment>(new Environment(Environments.Development, app.Folder));
        services.AddDbContextFactory<TalksTrackerDbContext>(o => o.UseSqlite($"Data Source={app.DatabasePath};Pooling=False"));
        services.AddDbContext<TalksTrackerDbContext>(o => o.UseSqlite($"Data Source={app.DatabasePath};Pooling=False"));
        services.AddDataProtection().SetApplicationName("TalksTracker").PersistKeysToDbContext<TalksTrackerDbContext>();
        services.AddKeyEncryption();
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "TalksTracker";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
