using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Tests.Numerics;

public class DistancesAndReductionsTests
{
    private static Matrix Randn(int m, int n, long seed, double offset = 0)
    {
        var r = new RandomSource(seed);
        var x = new Matrix(m, n);
        for (int i = 0; i < x.Storage.Length; i++) x.Storage[i] = offset + r.NextGaussian();
        return x;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 33, 5)]
    [InlineData(257, 70, 33)]
    public void PairwiseSquaredDistancesMatchDirectDifferences(int m, int n, int d)
    {
        var bigX = Randn(m + 2, d + 3, m);
        var x = bigX.Slice(1, 2, m, d); // a view with Stride > Columns
        var y = Randn(n, d, n + 1);
        var dist = Distances.SquaredEuclidean(x, y);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double e = 0;
                for (int t = 0; t < d; t++) e += (x[i, t] - y[j, t]) * (x[i, t] - y[j, t]);
                Assert.Equal(e, dist[i, j], 1e-10);
                Assert.Equal(e, Distances.SquaredEuclidean(x.Row(i), y.Row(j)), 1e-12);
            }
    }

    [Fact]
    public void SelfDistancesHaveExactZeroDiagonalAreSymmetricAndNonNegative()
    {
        // Large offset makes ‖a‖² + ‖b‖² − 2a·b cancel badly; diagonal must still be exactly 0.
        var x = Randn(90, 20, 3, offset: 1e4);
        var d = Distances.SquaredEuclidean(x);
        for (int i = 0; i < 90; i++)
        {
            Assert.Equal(0.0, d[i, i]);
            for (int j = 0; j < 90; j++)
            {
                Assert.Equal(d[i, j], d[j, i]);
                Assert.True(d[i, j] >= 0);
            }
        }
        var dup = Matrix.FromRows(new[] { new[] { 1e8, 1.0 }, new[] { 1e8, 1.0 } });
        Assert.Equal(0.0, Distances.SquaredEuclidean(dup, dup.Clone())[0, 1]); // clamped, never negative
        Assert.Equal(0.0, Distances.SquaredEuclidean(dup)[0, 1], 1e-6);
    }

    [Fact]
    public void RowAndColumnReductionsMatchNaive()
    {
        var big = Randn(40, 12, 9, offset: 1e6);
        var x = big.Slice(3, 1, 31, 9);
        var w = Enumerable.Range(0, 31).Select(i => 0.5 + (i % 4)).ToArray();
        var sqn = Reductions.RowSquaredNorms(x);
        var nrm = Reductions.RowNorms(x);
        var rs = Reductions.RowSums(x);
        for (int i = 0; i < 31; i++)
        {
            double s2 = 0, s = 0;
            for (int j = 0; j < 9; j++) { s2 += x[i, j] * x[i, j]; s += x[i, j]; }
            Assert.Equal(s2, sqn[i], s2 * 1e-14);
            Assert.Equal(Math.Sqrt(s2), nrm[i], 1e-7);
            Assert.Equal(s, rs[i], 1e-7);
        }
        var (mean, var0) = Reductions.ColumnMeanVariance(x);
        var var1 = Reductions.ColumnVariances(x, ddof: 1);
        var (wmean, wvar) = Reductions.ColumnMeanVariance(x, 0, w);
        for (int j = 0; j < 9; j++)
        {
            var col = x.Column(j);
            // Reference with decimal arithmetic (exact enough to judge the 1e6 offset case).
            decimal dm = col.Select(v => (decimal)v).Sum() / 31m;
            decimal ss = col.Select(v => ((decimal)v - dm) * ((decimal)v - dm)).Sum();
            Assert.Equal((double)dm, mean[j], 1e-8);
            Assert.Equal((double)(ss / 31m), var0[j], 1e-9);
            Assert.Equal((double)(ss / 30m), var1[j], 1e-9);
            decimal wsum = w.Select(v => (decimal)v).Sum();
            decimal wm = col.Select((v, i) => (decimal)v * (decimal)w[i]).Sum() / wsum;
            decimal wss = col.Select((v, i) => (decimal)w[i] * ((decimal)v - wm) * ((decimal)v - wm)).Sum();
            Assert.Equal((double)wm, wmean[j], 1e-8);
            Assert.Equal((double)(wss / wsum), wvar[j], 1e-9);
            Assert.Equal((double)col.Select((v, i) => (decimal)v * (decimal)w[i]).Sum(), Reductions.ColumnSums(x, w)[j], 1e-6);
        }
        Assert.Throws<ArgumentException>(() => Reductions.ColumnMeans(x, new double[3]));
    }
}
