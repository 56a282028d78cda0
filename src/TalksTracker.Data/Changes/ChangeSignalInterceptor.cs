using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalksTracker.Data.Changes;

/// <summary>
/// Wakes the <see cref="ChangeFeed"/> when a transaction that wrote audit entries commits — the save pipeline's own
/// or the caller's, whichever ends the save — so this process's pages learn of a save without waiting for a poll.
/// </summary>
/// <remarks>The feed is found when first needed: it reads through the same context factory this interceptor is part of.</remarks>
internal sealed class ChangeSignalInterceptor(Lazy<ChangeFeed> feed) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalIfWritten(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalIfWritten(eventData);
        return Task.CompletedTask;
    }

    // Nothing was written: the context (pooled, so handed out again) must not signal at a later commit.
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is TalksTrackerDbContext db)
        {
            db.WroteAuditEntries = false;
        }
    }

    private void SignalIfWritten(TransactionEndEventData eventData)
    {
        if (eventData.Context is TalksTrackerDbContext { WroteAuditEntries: true } db)
        {
            db.WroteAuditEntries = false;
            feed.Value.Signal();
        }
    }
}
