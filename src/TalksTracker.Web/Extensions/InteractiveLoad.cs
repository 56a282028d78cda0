namespace TalksTracker.Web.Extensions;

/// <summary>
/// Work a page shows once it is interactive, such as weighing the evidence behind its claims (slow for a busy source,
/// docs/provenance.md). A page opened by its address is rendered twice, first on the server for the first
/// response (prerendering), then again when its interactive circuit starts; work started only from the interactive
/// render is done once, and the first response does not wait for it. It runs on the thread pool, so the page stays
/// usable meanwhile, and shows when it ends. Starting again (the page's subject changed, or an edit asks for a fresh
/// answer) abandons the earlier run: its answer is never shown.
/// On a static render (a reader's reading page, no circuit to follow, #26) the page streams instead
/// (<c>[StreamRendering]</c>): the run starts from that render and the page awaits it, so the first bytes go at once
/// and the answer streams into the same response.
/// </summary>
/// <remarks>
/// Every member is used from the component's own render thread (its parameters, events and the
/// <c>invokeAsync</c> given to <see cref="Start"/>), so no locking is needed.
/// </remarks>
public sealed class InteractiveLoad<T> : IDisposable
    where T : class
{
    private CancellationTokenSource? _running;

    /// <summary>The answer of the latest run, once it ended well; null before and while it runs.</summary>
    public T? Value { get; private set; }

    /// <summary>Nothing to show yet: not started (the page is prerendering) or the latest run still going.</summary>
    public bool IsPending => Value is null && !Failed;

    /// <summary>The latest run failed (the page says so instead of waiting for ever).</summary>
    public bool Failed { get; private set; }

    /// <summary>
    /// Runs <paramref name="load"/> on the thread pool; when it ends, its answer is kept through
    /// <paramref name="invokeAsync"/> (the component's own) and <paramref name="changed"/> asks the page to render.
    /// With <paramref name="keepShown"/> (the same subject worked out again after an edit) the last answer stays
    /// on the page until the new one replaces it; otherwise the page shows that it is pending.
    /// The task ends at once on an interactive page; on a static render (<paramref name="context"/>, the page's
    /// HttpContext) it ends with the run, so the page's lifecycle awaits it and the response streams its answer (what
    /// the page rendered before it awaited goes out first; <see cref="StreamingOptions.WriteOnceAsync"/> waits a moment
    /// so a quick answer goes out with the page, written once).
    /// </summary>
    public Task Start(Func<CancellationToken, Task<T>> load, Func<Action, Task> invokeAsync, Action changed,
        Action<Exception>? onError = null, bool keepShown = false, HttpContext? context = null)
    {
        Cancel();
        var run = new CancellationTokenSource();
        _running = run;
        if (!keepShown || Failed)
        {
            Value = null;
            Failed = false;
        }

        var running = RunAsync(load, invokeAsync, changed, onError, run);
        return context.RendersStatically() ? running : Task.CompletedTask;
    }

    /// <summary>Forgets the answer and abandons any run (nothing more to show).</summary>
    public void Reset()
    {
        Cancel();
        Value = null;
        Failed = false;
    }

    public void Dispose() => Cancel();

    private void Cancel()
    {
        if (_running is { } running)
        {
            _running = null;
            try
            {
                running.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended (its circuit went away while it reported): nothing left to stop.
            }
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task<T>> load, Func<Action, Task> invokeAsync, Action changed, Action<Exception>? onError, CancellationTokenSource run)
    {
        T? value = null;
        Exception? error = null;
        try
        {
            value = await Task.Run(() => load(run.Token), run.Token);
        }
        catch (Exception e) when (run.IsCancellationRequested && e is OperationCanceledException)
        {
            // Abandoned: a newer run, or the page left.
        }
        catch (Exception e)
        {
            error = e;
        }

        if (run.IsCancellationRequested)
        {
            run.Dispose();
            return;
        }

        try
        {
            await invokeAsync(() =>
            {
                if (!ReferenceEquals(_running, run))
                {
                    return;
                }

                _running = null;
                Value = error is null ? value : null;
                Failed = error is not null;
                if (error is not null)
                {
                    onError?.Invoke(error);
                }

                changed();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while the work ran: nobody is left to show it to.
        }
        finally
        {
            run.Dispose();
        }
    }
}
