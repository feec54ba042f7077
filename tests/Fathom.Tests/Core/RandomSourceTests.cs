using Fathom.Core;

namespace Fathom.Tests.Core;

public class RandomSourceTests
{
    [Fact]
    public void SameSeedGivesSameSequenceAndDifferentSeedsDiffer()
    {
        var a = new RandomSource(42);
        var b = new RandomSource(42);
        var c = new RandomSource(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        var sb = Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray();
        var sc = Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void NextIntIsUniformEnough()
    {
        var r = new RandomSource(1);
        var counts = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) counts[r.NextInt(7)]++;
        // Each bucket expects 10,000 with sd ≈ 93; 5 sd bounds.
        Assert.All(counts, k => Assert.InRange(k, 10_000 - 470, 10_000 + 470));
    }

    [Fact]
    public void NextDoubleHasUniformMoments()
    {
        var r = new RandomSource(7);
        double sum = 0, sumSq = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++) { double u = r.NextDouble(); Assert.InRange(u, 0.0, 1.0 - 1e-17); sum += u; sumSq += u * u; }
        Assert.Equal(0.5, sum / n, 2);
        Assert.Equal(1.0 / 12, sumSq / n - (sum / n) * (sum / n), 3);
    }

    [Fact]
    public void PermutationContainsEveryIndexOnce()
    {
        var p = new RandomSource(3).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), p);
    }
}
