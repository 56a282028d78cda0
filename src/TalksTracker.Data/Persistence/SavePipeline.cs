using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Auditing;

namespace TalksTracker.Data.Persistence;

/// <summary>
/// What every save of <see cref="TalksTrackerDbContext"/> does around the framework's own save (see docs/persistence.md):
/// the audit notes and the derived figures are collected from the change tracker first; the changes, the figures and
/// the audit entries (made after the save, so new records carry the ids they got) are then written in one transaction —
/// the caller's, or one of its own — all or none. Versions are renewed by <see cref="VersioningInterceptor"/> within the
/// framework's save. A copy between databases moves the audit trail itself and records nothing new. The audit entries
/// are the change feed open pages follow (<see cref="Changes.ChangeFeed"/>): the save tells it once committed.
/// </summary>
/// <remarks>
/// Kept as the context's save rather than a save interceptor: the audit entries are a second write through the same
/// context, which would run the interceptor again.
/// </remarks>
internal static class SavePipeline
{
    public static async Task<int> SaveAsync(TalksTrackerDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var (now, notes, figures) = Collect(db);
        if (notes.Count == 0 && (figures is null || figures.IsEmpty))
        {
            return await save();
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (figures is not null)
            {
                await figures.BeforeSaveAsync(db, ct);
            }

            var saved = await save();
            if (figures is not null)
            {
                await figures.AfterSaveAsync(db, ct);
            }

            if (notes.Count > 0)
            {
                db.AuditEntries.AddRange(notes.Select(n => n.ToEntry(db.AuditUser, now)));
                await save();
                await Changes.ChangeNotice.SendAsync(db, ct);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The synchronous twin, for framework code that saves synchronously (data-protection keys).</summary>
    public static int Save(TalksTrackerDbContext db, Func<int> save)
    {
        var (now, notes, figures) = Collect(db);
        if (notes.Count == 0 && (figures is null || figures.IsEmpty))
        {
            return save();
        }

        using var ownTransaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        figures?.BeforeSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        var saved = save();
        figures?.AfterSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        if (notes.Count > 0)
        {
            db.AuditEntries.AddRange(notes.Select(n => n.ToEntry(db.AuditUser, now)));
            save();
            Changes.ChangeNotice.SendAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        ownTransaction?.Commit();
        return saved;
    }

    private static (DateTime Now, List<AuditTrail.Note> Notes, Derived.DerivedFigures? Figures) Collect(TalksTrackerDbContext db)
    {
        if (db.CopyingDatabase)
        {
            return (default, [], null);
        }

        var now = db.Now();
        return (now, AuditTrail.Collect(db.ChangeTracker, now), Derived.DerivedFigures.Collect(db.ChangeTracker));
    }
}
