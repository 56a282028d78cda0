using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace TalksTracker.Testing;

/// <summary>
/// The instant every test runs at, so no test depends on the day it is run. <c>TALKSTRACKER_TEST_CLOCK</c> (an ISO 8601
/// instant) moves it: tests/run.sh runs the date-sensitive projects again at the end of a month, across a new year and
/// on 29 February (docs/testing.md). Data and unit tests get a <see cref="FakeTimeProvider"/> at that instant; the hosts
/// the integration, browser and reliability tests start get it as <c>Clock:Start</c>, from which their clock runs on.
/// </summary>
public static class TestClock
{
    public const string Variable = "TALKSTRACKER_TEST_CLOCK";

    /// <summary>The default: one minute before a new year, so a host started at it crosses midnight, a month's and a year's end.</summary>
    public const string DefaultInstant = "2026-12-31T23:59:00Z";

    public static DateTimeOffset Start { get; } = Parse(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : DefaultInstant);

    /// <summary>The setting that starts a Development or Testing host's clock at <see cref="Start"/>.</summary>
    public static string Setting => Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A fake clock at <see cref="Start"/> that moves a millisecond each time it is read, so saves keep their order.</summary>
    public static FakeTimeProvider NewFake() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };


    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : throw new InvalidOperationException($"{Variable} '{value}' is not an instant: write it as 2028-02-29T12:00:00Z.");
}
