using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TalksTracker.Data;

namespace TalksTracker.Web.Extensions;

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<TalksTrackerDbContext> contextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var reports = await db.Reports.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")}: {reports} report(s)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>
/// Anyone may ask whether the app is up (load balancers, monitors) but only a signed-in user (or API key) learns
/// which host and port answered, which engine it runs on and how many reports it holds.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.User.Identity?.IsAuthenticated != true
            ? context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() })
            : context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                instance = InstanceName.From(context.RequestServices.GetRequiredService<IConfiguration>()),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            });
}
