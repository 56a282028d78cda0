using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Time;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Time;

public sealed partial class ProductClockTests
{
    [Fact]
    public void No_source_file_reads_the_system_clock_except_the_clocks_own_registration()
    {
        var src = RepoPaths.Src;
        var own = Path.Combine(src, "TalksTracker.Data", "Time", "ProductClock.cs");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => f != own)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Read the clock through the injected TimeProvider:\n" + string.Join('\n', offenders));
        // The scan itself finds what it looks for (the clock's own file names the system clock once).
        Assert.Contains(File.ReadLines(own), line => SystemClock().IsMatch(line));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void Development_and_testing_hosts_start_their_clock_at_the_setting_and_let_it_run(string environment)
    {
        var choice = ProductClock.Choose("2028-02-29T12:00:00Z", environment);

        var first = choice.Clock.GetUtcNow();
        Assert.InRange(first, DateTimeOffset.Parse("2028-02-29T12:00:00Z"), DateTimeOffset.Parse("2028-02-29T12:01:00Z"));
        Assert.Equal(new DateOnly(2028, 2, 29), choice.Clock.Today());
        Thread.Sleep(20);
        Assert.True(choice.Clock.GetUtcNow() > first, "The clock runs on from its start.");
        Assert.Contains("2028-02-29T12:00:00Z", choice.Note);
    }

    [Fact]
    public void A_production_host_ignores_the_setting_and_says_so()
    {
        var choice = ProductClock.Choose("2028-02-29T12:00:00Z", "Production");

        Assert.Same(TimeProvider.System, choice.Clock);
        Assert.Contains("ignored in the Production environment", choice.Note);
        Assert.Null(ProductClock.Choose(null, "Production").Note);
    }

    [Fact]
    public void A_start_that_is_not_an_instant_stops_the_host_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ProductClock.Choose("next tuesday", "Development"));
        Assert.Contains(ProductClock.StartSettingName, refused.Message);
    }

    [Fact]
    public async Task Services_and_the_contexts_saves_read_the_registered_clock()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ProductClock.StartSettingName] = "2027-01-01T00:00:30Z",
            }).Build())
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>))
            .AddProductClock(_ => "Testing");
        await using var database = new EmptyDatabaseWith(services);
        await database.InitializeAsync();

        var receipt = await database.Get<IntakeService>().TakeInAsync(
            new ReportSubmission { Title = "Clock check", Text = "An official said the talks resumed in Baku." }, TestContext.Current.CancellationToken);

        await using var db = database.NewContext();
        var report = await db.Reports.FindAsync([receipt.Value!.ReportId], TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2027, 1, 1), DateOnly.FromDateTime(report!.TakenInAt));
        var audit = db.AuditEntries.Where(a => a.EntityType == "Report").Select(a => a.At).ToList();
        Assert.All(audit, at => Assert.Equal(new DateOnly(2027, 1, 1), DateOnly.FromDateTime(at)));
        Assert.NotEmpty(audit);
    }

    [Fact]
    public void The_test_clock_is_fixed_and_fakes_move_only_a_millisecond_a_read()
    {
        FakeTimeProvider fake = TestClock.NewFake();
        var first = fake.GetUtcNow();
        Assert.Equal(TestClock.Start, first);
        Assert.Equal(TimeSpan.FromMilliseconds(1), fake.GetUtcNow() - first);
    }

    /// <summary>An empty database whose services also have <paramref name="extra"/>'s registrations, added last.</summary>
    private sealed class EmptyDatabaseWith(IServiceCollection extra) : SeededDatabase(seed: false)
    {
        protected override IServiceCollection ConfigureServices(IServiceCollection services)
        {
            foreach (var descriptor in extra)
            {
                services.Add(descriptor);
            }

            return services;
        }
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b|\bTimeProvider\s*\.\s*System\b|\bEnvironment\s*\.\s*TickCount")]
    private static partial Regex SystemClock();
}
