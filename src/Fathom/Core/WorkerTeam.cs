using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Fathom.Core;

/// <summary>
/// A fixed team of threads for algorithms that run thousands of short parallel regions (a boosting fit runs two per
/// tree split, each lasting tens of microseconds). <see cref="For"/> hands out the items of one region to the calling
/// thread and to whichever workers are awake; a worker that finds no region spins for a short while
/// (<see cref="SpinMicroseconds"/>) before it sleeps, so consecutive regions start without a thread wake-up, which on
/// the thread pool costs as much as a small region itself. The caller never waits for a worker that has not joined:
/// it runs every item nobody else took, then waits only for items in progress.
/// </summary>
/// <remarks>
/// Protocol: each region is a fresh object published with a full fence; a worker registers in it before claiming
/// items and leaves after, and the caller returns once the items are exhausted and no worker is registered. A worker
/// that registers late claims nothing (the item counter only grows), so no item runs after <see cref="For"/> returns.
/// Sleeping uses the Dekker pattern (sleeper count, full fences on both sides), so a wake-up cannot be lost. One
/// caller at a time; dispose to stop the workers.
/// </remarks>
internal sealed class WorkerTeam : IDisposable
{
    /// <summary>How long an idle worker spins before it sleeps, in microseconds.</summary>
    public const int SpinMicroseconds = 2000;

    private sealed class Region(Action<int> body, int items)
    {
        public readonly Action<int> Body = body;
        public readonly int Items = items;
        public int Next;
        public int Registered;
        public Exception? Error;
    }

    private readonly Thread[] _workers;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly long _spinTicks = Stopwatch.Frequency * SpinMicroseconds / 1_000_000;
    private Region? _current;
    private int _sleepers;
    private volatile bool _stopping;

    /// <summary>A team of <paramref name="threads"/> threads in all: the caller of <see cref="For"/> and
    /// threads − 1 background workers (none when threads ≤ 1).</summary>
    public WorkerTeam(int threads)
    {
        Threads = Math.Max(1, threads);
        _workers = new Thread[Threads - 1];
        for (int t = 0; t < _workers.Length; t++)
        {
            _workers[t] = new Thread(WorkerLoop) { IsBackground = true, Name = "Fathom worker " + (t + 1) };
            _workers[t].Start();
        }
    }

    /// <summary>Threads in the team, the caller included.</summary>
    public int Threads { get; }

    /// <summary>Runs body(0) … body(items − 1), each exactly once, on the team; returns when all have finished. The
    /// first exception thrown by a body is rethrown here (items not yet started are skipped).</summary>
    public void For(int items, Action<int> body)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (items <= 0) return;
        if (_workers.Length == 0 || items == 1)
        {
            for (int i = 0; i < items; i++) body(i);
            return;
        }
        var region = new Region(body, items);
        Interlocked.Exchange(ref _current, region);
        int sleepers = Volatile.Read(ref _sleepers);
        if (sleepers > 0) _wake.Release(sleepers);
        Work(region);
        var spin = new SpinWait();
        while (Volatile.Read(ref region.Registered) != 0) spin.SpinOnce(sleep1Threshold: -1);
        if (region.Error is Exception error) ExceptionDispatchInfo.Capture(error).Throw();
    }

    private static void Work(Region region)
    {
        while (true)
        {
            int i = Interlocked.Increment(ref region.Next) - 1;
            if (i >= region.Items) return;
            try
            {
                region.Body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref region.Error, e, null);
                Volatile.Write(ref region.Next, region.Items);
            }
        }
    }

    private void WorkerLoop()
    {
        Region? last = null;
        while (!_stopping)
        {
            var region = Volatile.Read(ref _current);
            if (region is not null && region != last)
            {
                last = region;
                Interlocked.Increment(ref region.Registered);
                Work(region);
                Interlocked.Decrement(ref region.Registered);
                continue;
            }
            long idleSince = Stopwatch.GetTimestamp();
            bool found = false;
            while (Stopwatch.GetTimestamp() - idleSince < _spinTicks)
            {
                if (Volatile.Read(ref _current) != last || _stopping) { found = true; break; }
                Thread.SpinWait(20);
            }
            if (found) continue;
            Interlocked.Increment(ref _sleepers);
            if (Volatile.Read(ref _current) == last && !_stopping) _wake.Wait();
            Interlocked.Decrement(ref _sleepers);
        }
    }

    /// <summary>Stops the workers (they finish any item in progress first).</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        if (_workers.Length > 0) _wake.Release(_workers.Length);
        foreach (var worker in _workers) worker.Join();
        _wake.Dispose();
    }
}
