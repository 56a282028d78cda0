using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TalksTracker.Data.Persistence;

/// <summary>Who the changes being saved are made by: the name the audit trail and a grade's history record.</summary>
public interface ICurrentActor
{
    string Name { get; }
}

/// <summary>
/// The acting user of the operation under way, carried with its asynchronous flow, so every save made for it — by a
/// service, by Identity's user store, by the data-protection key ring — is recorded against that user without a
/// parameter threaded through each method. Hosts say who acts where an operation starts: the web app per request
/// (<c>HttpContext.User</c>) and per circuit activity (the circuit's authentication state), the Cli once (<c>--as</c>
/// or the operating-system user), the seeder as "seed". Outside any of them the actor is "system".
/// </summary>
public sealed class CurrentActor : ICurrentActor
{
    public const string System = "system";

    private static readonly AsyncLocal<string?> Acting = new();

    public string Name => Acting.Value ?? System;

    /// <summary>Acts as <paramref name="name"/> until the result is disposed (then as before).</summary>
    public static IDisposable As(string name)
    {
        var before = Acting.Value;
        Acting.Value = string.IsNullOrWhiteSpace(name) ? System : name;
        return new Restore(before);
    }

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => Acting.Value = before;
    }
}

/// <summary>How a context learns who acts: the <see cref="ICurrentActor"/> given in its options.</summary>
public static class CurrentActorOptions
{
    /// <summary>Records the saves of the contexts made with these options against <paramref name="actor"/>.</summary>
    public static DbContextOptionsBuilder UseCurrentActor(this DbContextOptionsBuilder options, ICurrentActor actor)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new SavingOptionsExtension<ICurrentActor>(actor));
        return options;
    }

    /// <summary>The acting user given to <paramref name="options"/> by <see cref="UseCurrentActor"/>, if any.</summary>
    internal static ICurrentActor? ActorOf(DbContextOptions options) => options.FindExtension<SavingOptionsExtension<ICurrentActor>>()?.Value;
}
