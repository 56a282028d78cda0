using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalksTracker.Data;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Time;
using TalksTracker.Data.Transfer;

namespace TalksTracker.Cli.Commands;

/// <summary>
/// <c>migrate-data --to postgres --connection "Host=…;Database=…;Username=…;Password=…"</c>: copies the
/// configured (SQLite) database into an empty PostgreSQL one — every table, ids kept, sequences moved
/// past them — then compares the row counts per table and spot-checks records. A target with any row
/// in it is refused and left as it was.
/// </summary>
internal sealed class MigrateDataCommand : ICliCommand
{
    public string Name => "migrate-data";
    public string Summary => "Copy this (SQLite) database into an empty PostgreSQL one and compare them.";

    public CliSyntax Syntax { get; } = new(
        "migrate-data --to postgres --connection CONNECTION [--with-demo-accounts]",
        null,
        [
            new("--to", "postgres", "The kind of the target database (only postgres)."),
            new("--connection", "CONNECTION", "The target's connection string: \"Host=...;Database=...;Username=...;Password=...\"."),
            new("--with-demo-accounts", null, "Copy the Development demo accounts (@demo.local, published password) too; refused otherwise."),
        ],
        "this database is not a current SQLite one, holds the demo accounts, the target is not empty, or the copy differs from it.");

    public async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var to = CliArguments.Option(args, "--to") ?? throw new CliUsageException("migrate-data needs --to postgres.");
        if (DatabaseProviders.Parse(to) != DatabaseProvider.Postgres)
        {
            throw new CliUsageException("migrate-data copies into PostgreSQL only: --to postgres.");
        }

        var connection = CliArguments.Option(args, "--connection") ?? throw new CliUsageException("migrate-data needs --connection \"Host=...;Database=...\".");
        var source = services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>();
        await using (var db = await source.CreateDbContextAsync())
        {
            if (db.Database.IsNpgsql())
            {
                throw new CliRefusalException("The configured database is already PostgreSQL; migrate-data copies from SQLite.");
            }

            if (!(await db.Database.GetAppliedMigrationsAsync()).Any())
            {
                throw new CliRefusalException("The configured database has no TalksTracker schema; there is nothing to copy.");
            }

            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                throw new CliRefusalException("The configured database is behind the current schema: run `migrate` first.");
            }

            // Their password is in the README: in the target they would open it to anyone who read it.
            var demo = (await db.Users.AsNoTracking().Select(u => u.Email).ToListAsync()).Where(DemoAccounts.IsDemo).Order().ToList();
            if (demo.Count > 0 && !CliArguments.Flag(args, "--with-demo-accounts"))
            {
                throw new CliRefusalException(
                    $"The database holds the Development demo accounts ({string.Join(", ", demo)}), whose password is published; " +
                    "they would work in the target. Delete them first (as an admin: Users, Delete), or pass --with-demo-accounts to copy them anyway.");
            }
        }

        IDbContextFactory<TalksTrackerDbContext> target = new Factory(DatabaseProvider.Postgres, connection, services.GetRequiredService<TimeProvider>());
        await using (var db = await target.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        IReadOnlyList<TableCopy> copies;
        try
        {
            copies = await new DatabaseCopier().CopyAsync(source, target, line => stdout.WriteLine($"  copied {line}"));
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("The target database is not empty", StringComparison.Ordinal))
        {
            throw new CliRefusalException(e.Message);
        }

        var problems = copies.Where(c => !c.Matches).Select(c => $"{c.Table}: {c.Source} row(s) in the source, {c.Target} in the target").ToList();
        problems.AddRange(await DatabaseCopier.SpotCheckAsync(source, target));
        stdout.WriteLine($"{copies.Sum(c => c.Target)} row(s) in {copies.Count} tables; counts {(copies.All(c => c.Matches) ? "match" : "differ")}.");
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }

            return 1;
        }

        stdout.WriteLine("Spot checks passed: the first and last record of every table are the same in both databases.");
        return 0;
    }

    private sealed class Factory(DatabaseProvider provider, string connectionString, TimeProvider clock) : IDbContextFactory<TalksTrackerDbContext>
    {
        public TalksTrackerDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
            options.UseTalksTrackerDatabase(provider, connectionString).UseProductClock(clock);
            return new TalksTrackerDbContext(options.Options);
        }
    }
}
