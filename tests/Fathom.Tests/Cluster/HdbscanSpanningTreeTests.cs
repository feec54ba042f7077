using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

/// <summary>
/// HDBSCAN's Borůvka/KD-tree spanning tree against Prim's O(n²) scan (a second, independent solver) and against the
/// SciPy spanning-tree totals in Reference/hdbscan_reference.json: equal weights bit for bit, and the same condensed
/// tree, labels, probabilities and outlier scores, on data with many exact ties (grids, duplicates) and several metrics.
/// </summary>
public class HdbscanSpanningTreeTests
{
    private sealed record Fitted(double[] Weights, int[] Parent, int[] Child, double[] Lambda, int[] Size, double[] Stability, int[] Selected,
        int[] Labels, double[] Probabilities, double[] Outlier);

    /// <summary>HDBSCAN.Fit's pipeline after the core distances, with the spanning tree from the chosen algorithm.</summary>
    private static Fitted Run(Matrix x, int minClusterSize, int minSamples, bool boruvka, NeighborMetric metric = NeighborMetric.Euclidean,
        double p = 2, double alpha = 1, int threads = 2, HdbscanSelection method = HdbscanSelection.Eom)
    {
        int n = x.Rows;
        var context = new FitContext { MaxThreads = threads };
        var index = NearestNeighbors.Create(x, metric, NeighborAlgorithm.Auto, minSamples, p);
        var coreSquared = new double[n];
        var core = HdbscanCore.CoreDistances(x, index, minSamples, threads, coreSquared);
        var (a, b, w) = boruvka
            ? MutualReachabilityBoruvka.MinimumSpanningTree(x, index, core, coreSquared, alpha, context)
            : HdbscanCore.PrimMinimumSpanningTree(x, index, core, coreSquared, alpha, context);
        AssertSpanningTree(a, b, n);
        (a, b, w) = HdbscanCore.CanonicalOrder(a, b, w, n);
        var tree = AgglomerativeCore.SortAndLabel(a, b, w, n);
        var (parent, child, lambda, size, clusters) = HdbscanCore.Condense(tree, minClusterSize);
        var stability = HdbscanCore.Stabilities(n, clusters, parent, child, lambda, size);
        var selected = HdbscanCore.Select(n, clusters, parent, child, lambda, size, stability, method, false, 0, null);
        var (labels, prob, outlier) = HdbscanCore.Label(n, clusters, parent, child, lambda, selected, false, 0);
        var sorted = (double[])w.Clone();
        Array.Sort(sorted);
        return new Fitted(sorted, [.. parent], [.. child], [.. lambda], [.. size], stability, selected, labels, prob, outlier);
    }

    /// <summary>n − 1 edges joining all n rows (no cycle).</summary>
    private static void AssertSpanningTree(int[] a, int[] b, int n)
    {
        Assert.Equal(n - 1, a.Length);
        var uf = Enumerable.Range(0, n).ToArray();
        int Find(int v) { while (uf[v] != v) v = uf[v] = uf[uf[v]]; return v; }
        for (int e = 0; e < a.Length; e++)
        {
            int ra = Find(a[e]), rb = Find(b[e]);
            Assert.NotEqual(ra, rb);
            uf[ra] = rb;
        }
    }

    private static void AssertSame(Fitted prim, Fitted boruvka)
    {
        Assert.Equal(prim.Weights, boruvka.Weights); // bit for bit: same multiset of edge weights
        Assert.Equal(prim.Weights.Sum(), boruvka.Weights.Sum());
        Assert.Equal(prim.Parent, boruvka.Parent);
        Assert.Equal(prim.Child, boruvka.Child);
        Assert.Equal(prim.Lambda, boruvka.Lambda);
        Assert.Equal(prim.Size, boruvka.Size);
        Assert.Equal(prim.Stability, boruvka.Stability);
        Assert.Equal(prim.Selected, boruvka.Selected);
        Assert.Equal(prim.Labels, boruvka.Labels);
        Assert.Equal(prim.Probabilities, boruvka.Probabilities);
        Assert.Equal(prim.Outlier, boruvka.Outlier);
    }

    /// <summary>An integer grid (every neighbour at distance exactly 1 or √2: masses of tied weights), with a denser patch.</summary>
    private static Matrix Grid(int side)
    {
        var rows = new List<double[]>();
        for (int i = 0; i < side; i++)
            for (int j = 0; j < side; j++) rows.Add([i, j]);
        for (int i = 0; i < side / 2; i++)
            for (int j = 0; j < side / 2; j++) rows.Add([100 + 0.5 * i, 0.5 * j]);
        return ToMatrix(rows);
    }

    /// <summary>Blobs where every row appears 1–4 times (zero distances, tied core distances).</summary>
    private static Matrix Duplicates()
    {
        var (x, _) = Synthetic.Blobs(500, 3, 3, seed: 21);
        var rng = new RandomSource(4);
        var rows = new List<double[]>();
        for (int i = 0; i < x.Rows; i++)
        {
            int copies = 1 + rng.NextInt(4);
            for (int c = 0; c < copies; c++) rows.Add(x.Row(i).ToArray());
        }
        // Rounding to a coarse lattice adds exact ties between distinct rows too.
        foreach (var r in rows)
            for (int j = 0; j < r.Length; j++) r[j] = Math.Round(r[j] * 4) / 4;
        return ToMatrix(rows);
    }

    private static Matrix ToMatrix(List<double[]> rows)
    {
        var x = new Matrix(rows.Count, rows[0].Length);
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < rows[i].Length; j++) x[i, j] = rows[i][j];
        return x;
    }

    [Fact]
    public void BlobsGiveThePrimTree()
    {
        var (x, _) = Synthetic.Blobs(2500, 2, 5, seed: 8);
        AssertSame(Run(x, 25, 10, false), Run(x, 25, 10, true));
        AssertSame(Run(x, 10, 3, false, method: HdbscanSelection.Leaf), Run(x, 10, 3, true, method: HdbscanSelection.Leaf));
    }

    [Fact]
    public void GridWithExactTiesGivesThePrimCondensedTree()
    {
        var x = Grid(36);
        var prim = Run(x, 20, 5, false);
        var boruvka = Run(x, 20, 5, true);
        Assert.True(prim.Weights.Distinct().Count() < prim.Weights.Length / 20); // mostly ties
        AssertSame(prim, boruvka);
        Assert.True(prim.Selected.Length >= 2);
        AssertSame(Run(x, 5, 1, false), Run(x, 5, 1, true)); // min_samples 1: core distance 0, plain single linkage
        AssertSame(Run(x, 8, 4, false, NeighborMetric.Manhattan), Run(x, 8, 4, true, NeighborMetric.Manhattan));
        AssertSame(Run(x, 8, 4, false, NeighborMetric.Chebyshev), Run(x, 8, 4, true, NeighborMetric.Chebyshev));
    }

    [Fact]
    public void DuplicatesGiveThePrimCondensedTree()
    {
        var x = Duplicates();
        AssertSame(Run(x, 15, 6, false), Run(x, 15, 6, true));
        AssertSame(Run(x, 15, 6, false, alpha: 0.7), Run(x, 15, 6, true, alpha: 0.7));
        AssertSame(Run(x, 10, 5, false, NeighborMetric.Minkowski, p: 3), Run(x, 10, 5, true, NeighborMetric.Minkowski, p: 3));
    }

    [Fact]
    public void OneRepeatedRowAndOneDimensionGiveThePrimTree()
    {
        // 600 copies of one row (one unsplittable tree leaf, all weights 0 there) plus 300 rows on a line.
        var rows = new List<double[]>();
        for (int i = 0; i < 600; i++) rows.Add([1.0]);
        for (int i = 0; i < 300; i++) rows.Add([2.0 + 0.25 * (i % 150)]);
        var x = ToMatrix(rows);
        AssertSame(Run(x, 10, 4, false), Run(x, 10, 4, true));
        AssertSame(Run(x, 10, 4, false, NeighborMetric.Manhattan, alpha: 2), Run(x, 10, 4, true, NeighborMetric.Manhattan, alpha: 2));
    }

    [Fact]
    public void HigherDimensionsAndOtherMetricsGiveThePrimTree()
    {
        var (x, _) = Synthetic.Blobs(1200, 6, 4, seed: 30);
        AssertSame(Run(x, 12, 5, false), Run(x, 12, 5, true));
        AssertSame(Run(x, 12, 5, false, NeighborMetric.Manhattan, alpha: 1.3), Run(x, 12, 5, true, NeighborMetric.Manhattan, alpha: 1.3));
        AssertSame(Run(x, 12, 5, false, NeighborMetric.Chebyshev), Run(x, 12, 5, true, NeighborMetric.Chebyshev));
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheBoruvkaEdges()
    {
        var x = Grid(30);
        var index = NearestNeighbors.Create(x, NeighborMetric.Euclidean, NeighborAlgorithm.Auto, 4, 2);
        var sq = new double[x.Rows];
        var core = HdbscanCore.CoreDistances(x, index, 4, 1, sq);
        var one = MutualReachabilityBoruvka.MinimumSpanningTree(x, index, core, sq, 1, new FitContext { MaxThreads = 1 });
        var two = MutualReachabilityBoruvka.MinimumSpanningTree(x, index, core, sq, 1, new FitContext { MaxThreads = 2 });
        var four = MutualReachabilityBoruvka.MinimumSpanningTree(x, index, core, sq, 1, new FitContext { MaxThreads = 4 });
        Assert.Equal(one.A, two.A);
        Assert.Equal(one.B, two.B);
        Assert.Equal(one.W, two.W);
        Assert.Equal(one.A, four.A);
        Assert.Equal(one.W, four.W);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    public void BoruvkaTotalsMatchTheSciPyReference(int caseIndex)
    {
        // The reference's spanning tree is SciPy's minimum_spanning_tree of the dense mutual-reachability matrix.
        var reference = JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "hdbscan_reference.json")))!;
        var c = reference["cases"]![caseIndex]!;
        var rows = reference["data"]![c["data"]!.GetValue<string>()]!.AsArray();
        var x = new Matrix(rows.Count, rows[0]!.AsArray().Count);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++) x[i, j] = rows[i]![j]!.GetValue<double>();
        var prm = c["params"]!;
        int mcs = prm["min_cluster_size"]?.GetValue<int>() ?? 5;
        int ms = prm["min_samples"]?.GetValue<int>() ?? mcs;
        double alpha = prm["alpha"]?.GetValue<double>() ?? 1.0;
        var method = prm["method"]?.GetValue<string>() == "leaf" ? HdbscanSelection.Leaf : HdbscanSelection.Eom;
        var boruvka = Run(x, mcs, ms, true, alpha: alpha, method: method);
        Assert.Equal(c["mst_total"]!.GetValue<double>(), boruvka.Weights.Sum(), 9);
        Assert.Equal(1.0, Fathom.Metrics.ClusteringMetrics.AdjustedRand(ClusterReference.Ints(c["labels"]!), boruvka.Labels), 12);
        AssertSame(Run(x, mcs, ms, false, alpha: alpha, method: method), boruvka);
    }

    [Fact]
    public void FitUsesTheTreeAboveTheRowThresholdWithTheSameResult()
    {
        Assert.True(MutualReachabilityBoruvka.Applies(NeighborMetric.Euclidean, MutualReachabilityBoruvka.MinRows, 2));
        Assert.False(MutualReachabilityBoruvka.Applies(NeighborMetric.Euclidean, MutualReachabilityBoruvka.MinRows - 1, 2));
        Assert.False(MutualReachabilityBoruvka.Applies(NeighborMetric.Cosine, 50_000, 2));
        Assert.False(MutualReachabilityBoruvka.Applies(NeighborMetric.Manhattan, 5_000, 6));
        Assert.True(MutualReachabilityBoruvka.Applies(NeighborMetric.Manhattan, 20_000, 6));
        Assert.False(MutualReachabilityBoruvka.Applies(NeighborMetric.Euclidean, 1_000_000, 8));
        var (x, _) = Synthetic.Blobs(MutualReachabilityBoruvka.MinRows + 100, 2, 4, seed: 12);
        var model = new HDBSCAN { MinClusterSize = 30, MinSamples = 8 }.Fit(x);
        var prim = Run(x, 30, 8, false);
        Assert.Equal(prim.Labels, model.Labels);
        Assert.Equal(prim.Weights, model.SingleLinkageTree.Distances);
        Assert.Equal(prim.Child, model.CondensedTree.Child);
    }
}
