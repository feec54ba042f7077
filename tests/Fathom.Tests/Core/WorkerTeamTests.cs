using Fathom.Core;

namespace Fathom.Tests.Core;

public class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryItemOfEveryRegionRunsExactlyOnce(int threads)
    {
        using var team = new WorkerTeam(threads);
        var rng = new Random(5);
        for (int region = 0; region < 3000; region++)
        {
            int items = rng.Next(0, 40);
            var hits = new int[items];
            team.For(items, i => Interlocked.Increment(ref hits[i]));
            // For returns only after every item has finished: all counts are final here.
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void RegionsAfterAnIdleSleepStillRun()
    {
        using var team = new WorkerTeam(2);
        long sum = 0;
        for (int round = 0; round < 3; round++)
        {
            // Longer than the spin budget: the worker is asleep when the next region starts.
            Thread.Sleep(WorkerTeam.SpinMicroseconds / 1000 + 20);
            team.For(64, i => Interlocked.Add(ref sum, i));
        }
        Assert.Equal(3L * 64 * 63 / 2, sum);
    }

    [Fact]
    public void AnItemsExceptionReachesTheCallerAndTheTeamStaysUsable()
    {
        using var team = new WorkerTeam(2);
        var error = Assert.Throws<InvalidOperationException>(() =>
            team.For(100, i => { if (i == 37) throw new InvalidOperationException("item 37"); }));
        Assert.Equal("item 37", error.Message);
        int count = 0;
        team.For(10, _ => Interlocked.Increment(ref count));
        Assert.Equal(10, count);
    }

    [Fact]
    public void ItemsRunOnMoreThanOneThreadWhenTheTeamHasTwo()
    {
        using var team = new WorkerTeam(2);
        var seen = new HashSet<int>();
        // Items long enough that the spinning worker joins before the caller runs out of them.
        for (int attempt = 0; attempt < 50 && seen.Count < 2; attempt++)
            team.For(8, _ =>
            {
                lock (seen) seen.Add(Environment.CurrentManagedThreadId);
                Thread.Sleep(2);
            });
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void ForAfterDisposeIsRefused()
    {
        var team = new WorkerTeam(2);
        team.Dispose();
        team.Dispose();
        Assert.Throws<ObjectDisposedException>(() => team.For(3, _ => { }));
    }
}
