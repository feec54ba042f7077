using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class AgglomerativeClusteringTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "agglomerative_reference.json")))!);

    private static readonly Lazy<Matrix> TwoD = new(() =>
    {
        var lines = File.ReadAllLines(TestDatasets.TestFilePath("Cluster", "Reference", "dbscan_2d_sub.csv")).Skip(1).ToArray();
        var rows = lines.Where((_, i) => i % 3 == 0)
            .Select(l => l.Split(',').Take(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return Matrix.FromRows(rows);
    });

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static TheoryData<AgglomerativeLinkage> Linkages() => new(Enum.GetValues<AgglomerativeLinkage>());

    private static string Key(AgglomerativeLinkage l) => l.ToString().ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Linkages))]
    public void IrisTreeEqualsScipysLinkageMatrix(AgglomerativeLinkage linkage)
    {
        var x = TestDatasets.Iris().X;
        var z = Reference.Value["iris"]!["linkage"]![Key(linkage)]!.AsArray().Select(Doubles).ToArray();
        var model = new AgglomerativeClustering { Linkage = linkage }.Fit(x);
        var tree = model.Tree;
        Assert.Equal(z.Length, tree.Distances.Count);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(z[i][2], tree.Distances[i], 1e-10);
            Assert.Equal((int)z[i][0], tree.Left[i]);
            Assert.Equal((int)z[i][1], tree.Right[i]);
            Assert.Equal((int)z[i][3], tree.Counts[i]);
        }
        var lm = tree.ToLinkageMatrix();
        Assert.Equal(z[^1][2], lm[z.Length - 1, 2], 1e-10);
    }

    [Theory]
    [MemberData(nameof(Linkages))]
    public void IrisLabelsEqualScikitLearnsForThreeClustersAndForADistanceThreshold(AgglomerativeLinkage linkage)
    {
        var x = TestDatasets.Iris().X;
        var expected = ClusterReference.Ints(Reference.Value["iris"]!["labels"]![Key(linkage)]!);
        var model = new AgglomerativeClustering { Clusters = 3, Linkage = linkage }.Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(expected, model.Labels), 12);
        // scikit-learn builds its own single-linkage MST, whose equal-distance merges come in another order than
        // SciPy's (which Fathom's tree equals), so only the partition, not the label numbers, is compared there.
        if (linkage != AgglomerativeLinkage.Single) Assert.Equal(expected, model.Labels);

        var t = Reference.Value["iris"]!["threshold"]![Key(linkage)]!;
        var byDistance = new AgglomerativeClustering { Clusters = null, DistanceThreshold = t["threshold"]!.GetValue<double>(), Linkage = linkage }.Fit(x);
        Assert.Equal(t["n_clusters"]!.GetValue<int>(), byDistance.ClusterCount);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(ClusterReference.Ints(t["labels"]!), byDistance.Labels), 12);
        if (linkage != AgglomerativeLinkage.Single) Assert.Equal(ClusterReference.Ints(t["labels"]!), byDistance.Labels);
    }

    [Theory]
    [MemberData(nameof(Linkages))]
    public void DbscanBenchSubsetGivesScikitLearnsPartitionAndScipysDistances(AgglomerativeLinkage linkage)
    {
        var x = TwoD.Value;
        Assert.Equal(Reference.Value["2d"]!["rows"]!.GetValue<int>(), x.Rows);
        var expected = ClusterReference.Ints(Reference.Value["2d"]!["labels"]![Key(linkage)]!);
        var model = new AgglomerativeClustering { Clusters = 5, Linkage = linkage }.Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(expected, model.Labels), 12);
        var d = Doubles(Reference.Value["2d"]!["distances"]![Key(linkage)]);
        for (int i = 0; i < d.Length; i++) Assert.Equal(d[i], model.Tree.Distances[i], 1e-10);
    }

    [Fact]
    public void WardMergeDistanceIsTheSquareRootOfTwiceTheInertiaIncrease()
    {
        // Independent answer: for Ward, d² = 2·(SSE(A∪B) − SSE(A) − SSE(B)), checked on every merge of a small set.
        var (x, _) = Synthetic.Blobs(40, 3, 3, seed: 9);
        var tree = new AgglomerativeClustering { Linkage = AgglomerativeLinkage.Ward }.Fit(x).Tree;
        int n = x.Rows;
        var members = new List<int>[2 * n - 1];
        for (int i = 0; i < n; i++) members[i] = [i];
        double Sse(List<int> rows)
        {
            var m = Reductions.ColumnMeans(x.SelectRows(rows.ToArray()));
            return rows.Sum(r => Distances.SquaredEuclidean(x.Row(r), m));
        }
        for (int i = 0; i < n - 1; i++)
        {
            var a = members[tree.Left[i]];
            var b = members[tree.Right[i]];
            members[n + i] = [.. a, .. b];
            double delta = Sse(members[n + i]) - Sse(a) - Sse(b);
            Assert.Equal(Math.Sqrt(2 * delta), tree.Distances[i], 1e-9);
            Assert.Equal(a.Count + b.Count, tree.Counts[i]);
        }
    }

    [Fact]
    public void SingleLinkageDistancesAreTheMinimumSpanningTreeEdges()
    {
        // Independent answer: Kruskal on all pairs gives the same multiset of edge lengths.
        var (x, _) = Synthetic.Blobs(60, 2, 3, seed: 4);
        int n = x.Rows;
        var edges = new List<(double D, int I, int J)>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) edges.Add((Math.Sqrt(Distances.SquaredEuclidean(x.Row(i), x.Row(j))), i, j));
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int v) => parent[v] == v ? v : parent[v] = Find(parent[v]);
        var mst = new List<double>();
        foreach (var e in edges.OrderBy(e => e.D))
        {
            int a = Find(e.I), b = Find(e.J);
            if (a == b) continue;
            parent[a] = b;
            mst.Add(e.D);
        }
        var tree = new AgglomerativeClustering { Linkage = AgglomerativeLinkage.Single }.Fit(x).Tree;
        for (int i = 0; i < n - 1; i++) Assert.Equal(mst[i], tree.Distances[i], 12);
    }

    [Fact]
    public void CutsAreNestedAndCountsAddUp()
    {
        var x = TestDatasets.Iris().X;
        var tree = new AgglomerativeClustering { Linkage = AgglomerativeLinkage.Average }.Fit(x).Tree;
        Assert.Equal(150, tree.Counts[^1]);
        Assert.All(tree.Cut(1), l => Assert.Equal(0, l));
        Assert.Equal(150, tree.Cut(150).Distinct().Count());
        var five = tree.Cut(5);
        var six = tree.Cut(6);
        // Every 6-cluster is inside one 5-cluster.
        foreach (var g in Enumerable.Range(0, 150).GroupBy(i => six[i]))
            Assert.Single(g.Select(i => five[i]).Distinct());
        for (int i = 1; i < tree.Distances.Count; i++) Assert.True(tree.Distances[i] >= tree.Distances[i - 1]);
    }

    [Fact]
    public void BadParametersNameTheParameter()
    {
        var x = TestDatasets.Iris().X;
        Assert.Equal("distance_threshold", Assert.Throws<InvalidHyperparameterException>(() =>
            new AgglomerativeClustering { Clusters = 3, DistanceThreshold = 1 }.Fit(x)).Parameter);
        Assert.Equal("clusters", Assert.Throws<InvalidHyperparameterException>(() =>
            new AgglomerativeClustering { Clusters = null }.Fit(x)).Parameter);
        Assert.Equal("clusters", Assert.Throws<InvalidHyperparameterException>(() =>
            new AgglomerativeClustering { Clusters = 0 }.Fit(x)).Parameter);
        Assert.Equal("clusters", Assert.Throws<InvalidHyperparameterException>(() =>
            new AgglomerativeClustering { Clusters = 3 }.Fit(new double[,] { { 1 }, { 2 } })).Parameter);
        var nan = x.Clone();
        nan[3, 1] = double.NaN;
        Assert.Equal(3, Assert.Throws<InvalidInputException>(() => new AgglomerativeClustering().Fit(nan)).Row);
    }

    [Fact]
    public void SaveLoadKeepsLabelsAndTree()
    {
        var x = TestDatasets.Iris().X;
        var model = new AgglomerativeClustering { Clusters = 4, Linkage = AgglomerativeLinkage.Complete }.Fit(x);
        var back = (AgglomerativeClusteringModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.Tree.Distances, back.Tree.Distances);
        Assert.Equal(model.Tree.Cut(7), back.Tree.Cut(7));
        Assert.Equal(AgglomerativeLinkage.Complete, back.Options.Linkage);
    }
}
