using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalksTracker.Domain;

namespace TalksTracker.Data.Persistence;

/// <summary>
/// Renews the concurrency token of every changed record (SQLite cannot generate row versions)
/// and refuses any change to a report's text, which claims point into.
/// </summary>
public sealed class VersioningInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is Report
                && (entry.Property(nameof(Report.Text)).IsModified || entry.Property(nameof(Report.ContentHash)).IsModified))
            {
                throw new ImmutableReportTextException();
            }

            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }
}

public sealed class ImmutableReportTextException()
    : InvalidOperationException("A report's text cannot change after intake: claims point into it. Take in a new report instead.");
