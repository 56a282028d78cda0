using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace TalksTracker.Data.Persistence;

/// <summary>
/// Carries a service the context's saves use (the clock, the acting user) in its options; it changes no service EF
/// builds, so contexts with different values still share one internal service provider.
/// </summary>
internal sealed class SavingOptionsExtension<T>(T value) : IDbContextOptionsExtension
    where T : class
{
    private DbContextOptionsExtensionInfo? _info;

    public T Value { get; } = value;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"{typeof(T).Name} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo[$"TalksTracker:{typeof(T).Name}"] = "1";
    }
}
