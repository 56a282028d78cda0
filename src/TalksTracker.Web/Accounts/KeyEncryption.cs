using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TalksTracker.Data;
using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Accounts;

/// <summary>
/// The data-protection keys (which sign cookies and antiforgery tokens) are stored in the database; each is encrypted
/// there with a key-encryption key kept outside it, so a copy of the database alone forges nothing. The key is
/// <c>DataProtection:KeyEncryptionKey</c> (32 bytes, base64; the same on every instance sharing a database); without it,
/// a file of its own: <c>DataProtection:KeyEncryptionKeyFile</c>, or <c>dataprotection.key</c> beside the SQLite
/// database, made on first start, readable by its owner only. A Production host on PostgreSQL must be given the key
/// (instances on several machines could not share a file they each made): it does not start without it.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string SettingName = "DataProtection:KeyEncryptionKey";
    public const string FileSettingName = "DataProtection:KeyEncryptionKeyFile";
    public const string DefaultFileName = "dataprotection.key";
    private const int Length = 32;

    private KeyEncryptionKey(byte[] value, string origin) => (Value, Origin) = (value, origin);

    internal byte[] Value { get; }

    /// <summary>Where the key came from, for the start-up log (never the key).</summary>
    public string Origin { get; }

    public static KeyEncryptionKey Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[SettingName] is { Length: > 0 } configured)
        {
            return new KeyEncryptionKey(Decode(configured, SettingName), SettingName);
        }

        var file = configuration[FileSettingName] is { Length: > 0 } path
            ? Path.GetFullPath(path, environment.ContentRootPath)
            : DefaultFile(configuration, environment);
        OwnerOnlyFiles.CreateFolderFor(file);
        if (!File.Exists(file))
        {
            Create(file);
        }

        return new KeyEncryptionKey(Decode(File.ReadAllText(file).Trim(), file), file);
    }

    private static string DefaultFile(IConfiguration configuration, IHostEnvironment environment)
    {
        if (DatabaseProviders.FromConfiguration(configuration) == DatabaseProvider.Sqlite
            && configuration.GetConnectionString(HostingExtensions.ConnectionStringName) is { } connectionString
            && new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.ResolveSqliteConnectionString(connectionString, environment.ContentRootPath)).DataSource
                is { Length: > 0 } database && database != ":memory:")
        {
            return Path.Combine(Path.GetDirectoryName(database)!, DefaultFileName);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"Set {SettingName} (32 random bytes in base64, e.g. `openssl rand -base64 32`; the same on every instance) " +
                $"or {FileSettingName}: the data-protection keys in PostgreSQL are encrypted with it. See docs/deploy.md.");
        }

        // Development and tests on PostgreSQL: instances on this machine share the user's key.
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TalksTracker", DefaultFileName);
    }

    private static void Create(string file)
    {
        // Written whole under another name, then moved into place: an instance starting alongside never reads half a key.
        var draft = $"{file}.{Guid.NewGuid():N}.tmp";
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length));
        using (var stream = OperatingSystem.IsWindows()
                   ? new FileStream(draft, FileMode.CreateNew, FileAccess.Write)
                   : new FileStream(draft, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFiles.FileMode }))
        {
            stream.Write(Encoding.ASCII.GetBytes(text));
        }

        try
        {
            File.Move(draft, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance made it first: use theirs.
            File.Delete(draft);
        }
    }

    private static byte[] Decode(string text, string origin)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            if (bytes.Length == Length)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"The key-encryption key in {origin} is not {Length} bytes in base64.");
    }
}

/// <summary>Encrypts each data-protection key's XML with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
internal sealed class KeyEncryptionXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the key-encryption key (DataProtection:KeyEncryptionKey or its file). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionXmlDecryptor));
    }

    internal static XElement Decrypt(XElement encryptedElement, KeyEncryptionKey key)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted data-protection key is cut short.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            // Throws when the key-encryption key is another one: the key stays unreadable.
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

/// <summary>Made by the key manager (by type, with the service provider) to read keys written by <see cref="KeyEncryptionXmlEncryptor"/>.</summary>
internal sealed class KeyEncryptionXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyEncryptionXmlEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyEncryptionKey>());
}

public static class KeyEncryptionExtensions
{
    /// <summary>Keys written from now on are encrypted; keys written before (unencrypted) stay readable until they expire.</summary>
    public static IServiceCollection AddKeyEncryption(this IServiceCollection services)
    {
        services.AddSingleton(provider => KeyEncryptionKey.Resolve(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlEncryptor = new KeyEncryptionXmlEncryptor(provider.GetRequiredService<KeyEncryptionKey>()));
        return services;
    }
}
