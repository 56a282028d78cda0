using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TalksTracker.Data.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/TalksTracker.Data.Postgres` build the PostgreSQL model
/// without a server (adding a migration does not connect).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TalksTrackerDbContext>
{
    public TalksTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TalksTrackerDbContext>();
        options.UseTalksTrackerDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=talkstracker_design");
        return new TalksTrackerDbContext(options.Options);
    }
}
