using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TalksTracker.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TalksTrackerDbContext>
{
    public TalksTrackerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TalksTrackerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
