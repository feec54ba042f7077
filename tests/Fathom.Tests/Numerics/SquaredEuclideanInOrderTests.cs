using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class SquaredEuclideanInOrderTests
{
    [Fact]
    public void SumsInIndexOrderBitForBit()
    {
        // Values whose rounding depends on the summation order: the result must equal the plain left-to-right loop.
        var r = new Fathom.Core.RandomSource(3);
        for (int trial = 0; trial < 200; trial++)
        {
            int d = 1 + trial % 19;
            var a = Enumerable.Range(0, d).Select(_ => r.NextGaussian() * 1e3).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => r.NextGaussian()).ToArray();
            double expected = 0;
            for (int i = 0; i < d; i++) expected += (a[i] - b[i]) * (a[i] - b[i]);
            Assert.Equal(expected, Distances.SquaredEuclideanInOrder(a, b));
            Assert.Equal(expected, Distances.SquaredEuclidean(a, b), expected * 1e-14);
        }
        Assert.Throws<ArgumentException>(() => Distances.SquaredEuclideanInOrder([1.0], [1.0, 2.0]));
    }
}

public class SquaredEuclideanToFewTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(20, 16)]
    [InlineData(32, 2)]
    [InlineData(33, 7)]
    [InlineData(8, 300)]
    public void EqualsTheExactPairDistances(int k, int d)
    {
        var r = new Fathom.Core.RandomSource(k * 100 + d);
        var x = new Matrix(37, d);
        var y = new Matrix(k, d);
        for (int i = 0; i < 37; i++) for (int f = 0; f < d; f++) x[i, f] = r.NextGaussian();
        for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) y[j, f] = r.NextGaussian() + 1;
        var dest = new double[37 * (k + 2)];
        Distances.SquaredEuclideanToFew(x, Reductions.RowSquaredNorms(x), y, Reductions.RowSquaredNorms(y), dest, k + 2);
        for (int i = 0; i < 37; i++)
            for (int j = 0; j < k; j++)
            {
                double exact = Distances.SquaredEuclideanInOrder(x.Row(i), y.Row(j));
                Assert.Equal(exact, dest[i * (k + 2) + j], 1e-12 * (1 + exact) * d);
            }
    }

    [Theory]
    [InlineData(5, 3, 1)]
    [InlineData(20, 16, 2)]
    [InlineData(31, 9, 0)]
    public void ParallelBlocksEqualOneBlockAndLeaveThePaddingAlone(int k, int d, int threads)
    {
        var r = new Fathom.Core.RandomSource(k + d);
        int m = 2_500;
        var x = new Matrix(m, d);
        var y = new Matrix(k, d);
        for (int i = 0; i < m; i++) for (int f = 0; f < d; f++) x[i, f] = r.NextGaussian();
        for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) y[j, f] = r.NextGaussian() - 0.5;
        int ld = k + 3;
        var parallel = Enumerable.Repeat(-7.0, m * ld).ToArray();
        Distances.SquaredEuclideanToFew(x, Reductions.RowSquaredNorms(x), y, Reductions.RowSquaredNorms(y), parallel, ld, threads);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < ld; j++)
            {
                double got = parallel[i * ld + j];
                if (j >= k) Assert.Equal(-7.0, got);
                else
                {
                    double exact = Distances.SquaredEuclideanInOrder(x.Row(i), y.Row(j));
                    Assert.Equal(exact, got, 1e-12 * (1 + exact) * d);
                }
            }
    }
}
