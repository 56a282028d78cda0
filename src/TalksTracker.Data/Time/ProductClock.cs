using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalksTracker.Data.Time;

/// <summary>
/// Where the product reads "now": the one <see cref="TimeProvider"/> registered here, injected into services, pages,
/// the command line and the database context (audit times, intake times). Nothing else in <c>src/</c> reads the
/// system clock (a test scans for it), so tests can run the whole product at any instant.
/// </summary>
/// <remarks>
/// <para>The setting <c>Clock:Start</c> (an ISO 8601 instant, e.g. <c>2026-12-31T23:59:00Z</c>) starts the clock at that
/// instant when the host starts; from there it runs forward at the real pace, so timeouts, lockouts and the order of
/// saves behave as they do in production. Only the Development and Testing environments honour it: elsewhere it is
/// ignored and <see cref="ClockChoice.Note"/> says so, for the host to log.</para>
/// <para>The framework (cookie authentication, the security-stamp check) takes its <see cref="TimeProvider"/> from the
/// same registration, so a session's issue and expiry times agree with the product's.</para>
/// </remarks>
public static class ProductClock
{
    public const string StartSettingName = "Clock:Start";

    private static readonly string[] HonouredIn = ["Development", "Testing"];

    /// <summary>
    /// Registers the product's clock for a host, chosen when first asked for from <c>Clock:Start</c> and the host's
    /// environment (both read then, so test hosts can set them late); <see cref="ClockChoice"/> says which clock it is.
    /// </summary>
    public static IServiceCollection AddProductClock(this IServiceCollection services, Func<IServiceProvider, string> environmentName)
    {
        services.RemoveAll<TimeProvider>();
        services.RemoveAll<ClockChoice>();
        services.AddSingleton(provider => Choose(provider.GetService<IConfiguration>()?[StartSettingName], environmentName(provider)));
        services.AddSingleton(provider => provider.GetRequiredService<ClockChoice>().Clock);
        return services;
    }

    /// <summary>The system clock, unless a host registered another (hosts that never call <see cref="AddProductClock"/>).</summary>
    public static IServiceCollection AddSystemClockUnlessSet(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>The clock a host in <paramref name="environmentName"/> uses when <c>Clock:Start</c> is <paramref name="start"/>.</summary>
    public static ClockChoice Choose(string? start, string environmentName)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            return new ClockChoice(TimeProvider.System, null);
        }

        if (!HonouredIn.Contains(environmentName, StringComparer.OrdinalIgnoreCase))
        {
            return new ClockChoice(TimeProvider.System,
                $"{StartSettingName} is set but ignored in the {environmentName} environment: the system clock is used (only Development and Testing honour it).");
        }

        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new InvalidOperationException($"{StartSettingName} '{start}' is not an instant: write it as 2026-12-31T23:59:00Z.");
        }

        return new ClockChoice(new StartedClock(instant.ToUniversalTime(), TimeProvider.System),
            $"{StartSettingName}: the clock starts at {instant.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} ({environmentName}).");
    }

    /// <summary>Today's date in UTC, the calendar every stored date of the product uses.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Now, as the UTC <see cref="DateTime"/> the records store.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Gives the contexts made with these options the product's clock (audit and save times).</summary>
    public static DbContextOptionsBuilder UseProductClock(this DbContextOptionsBuilder options, TimeProvider clock)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Persistence.SavingOptionsExtension<TimeProvider>(clock));
        return options;
    }

    /// <summary>The clock given to <paramref name="options"/> by <see cref="UseProductClock"/>, if any.</summary>
    internal static TimeProvider? ClockOf(DbContextOptions options) => options.FindExtension<Persistence.SavingOptionsExtension<TimeProvider>>()?.Value;
}

/// <summary>The clock a host runs on, and a line for its log when a setting chose it (or was ignored).</summary>
public sealed record ClockChoice(TimeProvider Clock, string? Note);

/// <summary>A clock that starts at a given instant and then runs forward with <paramref name="pace"/>.</summary>
public sealed class StartedClock(DateTimeOffset start, TimeProvider pace) : TimeProvider
{
    private readonly long _started = pace.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + pace.GetElapsedTime(_started);

    public override TimeZoneInfo LocalTimeZone => pace.LocalTimeZone;

    public override long TimestampFrequency => pace.TimestampFrequency;

    public override long GetTimestamp() => pace.GetTimestamp();
}
