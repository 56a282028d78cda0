using TalksTracker.Web.Extensions;

namespace TalksTracker.Web.Tests;

public class InteractiveLoadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // The component's InvokeAsync, as a page passes it: here the action simply runs.
    private static Task Invoke(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Shows_the_answer_when_the_work_ends_and_asks_the_page_to_render()
    {
        using var load = new InteractiveLoad<string>();
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(load.IsPending);
        await load.Start(_ => answer.Task, Invoke, () => rendered.TrySetResult());
        Assert.True(load.IsPending);
        answer.SetResult("weighed");
        await rendered.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal("weighed", load.Value);
        Assert.False(load.IsPending);
        Assert.False(load.Failed);
    }

    [Fact]
    public async Task A_newer_start_wins_even_when_the_earlier_work_ends_last()
    {
        using var load = new InteractiveLoad<string>();
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var renders = 0;
        var secondShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken firstToken = default;
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await load.Start(ct => { firstToken = ct; firstStarted.TrySetResult(); return first.Task; }, Invoke, () => Interlocked.Increment(ref renders));
        await firstStarted.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        await load.Start(_ => second.Task, Invoke, () => { Interlocked.Increment(ref renders); secondShown.TrySetResult(); });
        second.SetResult("new subject");
        await secondShown.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        first.SetResult("old subject");
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.Equal("new subject", load.Value);
        Assert.Equal(1, renders);
        Assert.True(firstToken.IsCancellationRequested);
    }

    [Fact]
    public async Task A_failure_is_reported_once_and_shown_not_waited_for()
    {
        using var load = new InteractiveLoad<string>();
        Exception? reported = null;
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await load.Start(_ => Task.FromException<string>(new InvalidOperationException("database gone")), Invoke,
            () => rendered.TrySetResult(), e => reported = e);
        await rendered.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.True(load.Failed);
        Assert.False(load.IsPending);
        Assert.Null(load.Value);
        Assert.Equal("database gone", reported?.Message);
    }

    [Fact]
    public async Task Once_disposed_the_answer_never_lands()
    {
        var load = new InteractiveLoad<string>();
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendered = false;

        await load.Start(_ => { started.TrySetResult(); return answer.Task; }, Invoke, () => rendered = true);
        await started.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        load.Dispose();
        answer.SetResult("too late");
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.False(rendered);
        Assert.Null(load.Value);
    }

    [Fact]
    public async Task When_the_circuit_is_gone_as_the_work_reports_leaving_the_page_is_quiet()
    {
        var load = new InteractiveLoad<string>();
        var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await load.Start(_ => Task.FromResult("done"), _ =>
        {
            reported.TrySetResult();
            throw new ObjectDisposedException("circuit");
        }, () => { });
        await reported.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        load.Dispose();
        Assert.Null(load.Value);
    }

    [Fact]
    public async Task Worked_out_again_for_the_same_subject_the_last_answer_stays_until_the_new_one()
    {
        using var load = new InteractiveLoad<string>();
        var firstShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await load.Start(_ => Task.FromResult("before the edit"), Invoke, () => firstShown.TrySetResult());
        await firstShown.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        var again = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await load.Start(_ => again.Task, Invoke, () => secondShown.TrySetResult(), keepShown: true);
        Assert.Equal("before the edit", load.Value);

        again.SetResult("after the edit");
        await secondShown.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.Equal("after the edit", load.Value);

        // A different subject: nothing of the last one is shown while the new one is worked out.
        await load.Start(_ => new TaskCompletionSource<string>().Task, Invoke, () => { });
        Assert.True(load.IsPending);
        Assert.Null(load.Value);
    }

    [Fact]
    public async Task The_work_runs_off_the_callers_thread()
    {
        using var load = new InteractiveLoad<string>();
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = false;

        // Work that blocks (as SQLite's "async" calls do) must not hold up the page that started it: the work waits for
        // a signal given only once Start has returned (run inline, it would wait out its time and see no signal).
        using var release = new ManualResetEventSlim();
        await load.Start(_ =>
        {
            released = release.Wait(Wait);
            return Task.FromResult("done");
        }, Invoke, () => rendered.TrySetResult());
        Assert.True(load.IsPending);
        release.Set();
        await rendered.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.True(released);
        Assert.Equal("done", load.Value);
    }
}
