using System.Runtime.CompilerServices;

namespace TalksTracker.Web.Tests;

/// <summary>
/// Component tests wait on the renderer's dispatcher, which needs a free pool thread: with the other test projects
/// running on the same two cores the pool grew too slowly and a wait timed out before its check ever ran (seen once
/// in a full run). More threads from the start, and a longer wait, keep the tests about the components.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }
}
