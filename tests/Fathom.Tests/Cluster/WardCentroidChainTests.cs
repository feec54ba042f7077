using Fathom.Cluster;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Tests.Cluster;

/// <summary>
/// The centroid form of Ward (used above <see cref="AgglomerativeCore.WardMatrixRows"/> rows) against the exact
/// matrix form on the same data: same merge heights, same partitions at every cut when no heights tie.
/// </summary>
public class WardCentroidChainTests
{
    [Fact]
    public void CentroidChainEqualsTheMatrixChainOnUntiedData()
    {
        var r = new RandomSource(11);
        int n = 700, d = 5;
        var x = new Matrix(n, d);
        for (int i = 0; i < n; i++)
        {
            int c = i % 6;
            for (int f = 0; f < d; f++) x[i, f] = 3.0 * ((c + f) % 4) + r.NextGaussian();
        }
        var exact = new AgglomerativeClustering { Linkage = AgglomerativeLinkage.Ward, Clusters = 6 }.Fit(x);
        var centroid = AgglomerativeCore.BuildWardByCentroids(x, FitContext.Default);
        // Continuous data has no tied heights: the same tree, merge for merge.
        Assert.Equal(exact.Tree.Left, centroid.Left);
        Assert.Equal(exact.Tree.Right, centroid.Right);
        Assert.Equal(exact.Tree.Counts, centroid.Counts);
        for (int i = 0; i < n - 1; i++)
            Assert.Equal(exact.Tree.Distances[i], centroid.Distances[i], 1e-12 * (1 + exact.Tree.Distances[i]));
    }

    [Fact]
    public void LargeInputTakesTheCentroidPathAndRecoversWellSeparatedBlobs()
    {
        var r = new RandomSource(3);
        int n = AgglomerativeCore.WardMatrixRows + 500, d = 3, k = 5;
        var x = new Matrix(n, d);
        var truth = new int[n];
        for (int i = 0; i < n; i++)
        {
            truth[i] = i % k;
            for (int f = 0; f < d; f++) x[i, f] = 20.0 * truth[i] * (f == truth[i] % d ? 1 : 0.5) + r.NextGaussian();
        }
        var model = new AgglomerativeClustering { Linkage = AgglomerativeLinkage.Ward, Clusters = k }.Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(truth, model.Labels), 12);
        // Ward's merge height is √(2·ΔSSE): the last merge against the closed form from the two final clusters.
        var tree = model.Tree;
        Assert.Equal(n - 1, tree.Distances.Count);
        Assert.True(tree.Distances.Zip(tree.Distances.Skip(1)).All(p => p.First <= p.Second));
        var halves = tree.Cut(2);
        double Sse(IEnumerable<int> rows)
        {
            var m = x.SelectRows(rows.ToArray());
            var mean = Reductions.ColumnMeans(m);
            double s = 0;
            for (int i = 0; i < m.Rows; i++) s += Distances.SquaredEuclideanInOrder(m.Row(i), mean);
            return s;
        }
        var all = Enumerable.Range(0, n);
        double gain = Sse(all) - Sse(all.Where(i => halves[i] == 0)) - Sse(all.Where(i => halves[i] == 1));
        Assert.Equal(Math.Sqrt(2 * gain), tree.Distances[^1], 1e-9 * tree.Distances[^1]);
    }
}
