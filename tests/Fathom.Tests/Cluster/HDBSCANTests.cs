using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Metrics;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

/// <summary>
/// HDBSCAN against Reference/hdbscan_reference.json: an independent brute-force implementation of the definitions
/// (dense mutual reachability, SciPy's minimum spanning tree, top-down condensing, stabilities, EOM/leaf selection)
/// made by Reference/make_hdbscan_reference.py; plus hand-checkable cases and properties.
/// </summary>
public class HDBSCANTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "hdbscan_reference.json")))!);

    private static Matrix Data(string name)
    {
        var rows = Reference.Value["data"]![name]!.AsArray();
        var x = new Matrix(rows.Count, rows[0]!.AsArray().Count);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = rows[i]![j]!.GetValue<double>();
        return x;
    }

    private static HDBSCAN Estimator(JsonNode p) => new()
    {
        MinClusterSize = p["min_cluster_size"]?.GetValue<int>() ?? 5,
        MinSamples = p["min_samples"]?.GetValue<int>(),
        ClusterSelectionMethod = p["method"]?.GetValue<string>() == "leaf" ? HdbscanSelection.Leaf : HdbscanSelection.Eom,
        ClusterSelectionEpsilon = p["epsilon"]?.GetValue<double>() ?? 0,
        MaxClusterSize = p["max_cluster_size"]?.GetValue<int>(),
        AllowSingleCluster = p["allow_single"]?.GetValue<bool>() ?? false,
        Alpha = p["alpha"]?.GetValue<double>() ?? 1.0,
    };

    private static double[] Doubles(JsonNode node) => node.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, 12)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheBruteForceReference(int caseIndex)
    {
        var c = Reference.Value["cases"]![caseIndex]!;
        var x = Data(c["data"]!.GetValue<string>());
        var model = Estimator(c["params"]!).Fit(x);
        var expected = ClusterReference.Ints(c["labels"]!);
        var labels = model.Labels.ToArray();
        Assert.Equal(c["clusters"]!.GetValue<int>(), model.ClusterCount);
        Assert.Equal(expected.Select((l, i) => (l, i)).Where(t => t.l < 0).Select(t => t.i), labels.Select((l, i) => (l, i)).Where(t => t.l < 0).Select(t => t.i));
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(expected, labels), 12);
        var core = Doubles(c["core_distances"]!);
        for (int i = 0; i < x.Rows; i++) Assert.Equal(core[i], model.CoreDistances[i], 12);
        Assert.Equal(c["mst_total"]!.GetValue<double>(), model.SingleLinkageTree.Distances.Sum(), 9);
        var prob = Doubles(c["probabilities"]!);
        var outlier = Doubles(c["outlier_scores"]!);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.Equal(prob[i], model.Probabilities[i], 12);
            Assert.Equal(outlier[i], model.OutlierScores[i], 12);
        }
    }

    [Fact]
    public void TwoTightGroupsAndFarPointsGiveTwoClustersAndNoise()
    {
        // Two unit squares, corners at (0, 0)…(1, 1) (rows 0-3) and (100, 0)…(101, 1) (rows 4-7), and two isolated rows.
        double[,] points =
        {
            { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 },
            { 100, 0 }, { 101, 0 }, { 100, 1 }, { 101, 1 },
            { 50, 300 }, { -200, -200 },
        };
        var model = new HDBSCAN { MinClusterSize = 3, MinSamples = 2 }.Fit(points);
        // min_samples = 2: the core distance is the nearest other row, 1 for every corner; mutual reachability 1 along
        // the sides, so each square is a cluster born when the 99-long gap between them is cut (λ = 1/99) and whose four
        // rows all leave at once at λ = 1.
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, -1, -1], model.Labels);
        Assert.Equal(2, model.NoiseCount);
        Assert.Equal([1.0, 1, 1, 1, 1, 1, 1, 1], model.CoreDistances.Take(8));
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(1.0, model.Probabilities[i]);
            Assert.Equal(0.0, model.OutlierScores[i]);
        }
        Assert.Equal(0.0, model.Probabilities[8]);
        // Row 8 falls out of the root at λ = 1 / its mutual reachability to the nearest square, the root's deepest λ is 1.
        double d8 = Math.Sqrt(49 * 49 + 299 * 299);
        Assert.Equal(1 - 1 / d8, model.OutlierScores[8], 12);
        // Condensed tree: root 10 splits into clusters 11 and 12 of 4 rows each at λ = 1/99; stability 4 · (1 − 1/99) each.
        var ct = model.CondensedTree;
        Assert.Equal(10, ct.RowCount);
        Assert.Equal(3, ct.ClusterCount);
        Assert.Equal([11, 12], ct.SelectedClusters);
        var splits = Enumerable.Range(0, ct.Child.Count).Where(e => ct.Child[e] >= 10).ToArray();
        Assert.Equal(2, splits.Length);
        Assert.All(splits, e => Assert.Equal(4, ct.ChildSize[e]));
        Assert.All(splits, e => Assert.Equal(1.0 / 99, ct.LambdaValue[e], 15));
        Assert.Equal(4 * (1 - 1.0 / 99), ct.Stability[1], 12);
        Assert.Equal(4 * (1 - 1.0 / 99), ct.Stability[2], 12);
        // The single-linkage tree's last merges are the isolated rows: row 9 at 200√2 from (0, 0), row 8 at d8 from (1, 1).
        Assert.Equal(200 * Math.Sqrt(2), model.SingleLinkageTree.Distances[^2], 9);
        Assert.Equal(d8, model.SingleLinkageTree.Distances[^1], 9);
    }

    [Fact]
    public void LabelsDoNotDependOnRowOrderBeyondRenumbering()
    {
        var x = Data("blobs_noise");
        var model = new HDBSCAN { MinClusterSize = 10 }.Fit(x);
        var perm = new RandomSource(11).Permutation(x.Rows);
        var permuted = new HDBSCAN { MinClusterSize = 10 }.Fit(x.SelectRows(perm));
        var back = new int[x.Rows];
        for (int i = 0; i < perm.Length; i++) back[perm[i]] = permuted.Labels[i];
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(model.Labels.ToArray(), back), 12);
        Assert.Equal(model.Labels.Select(l => l < 0), back.Select(l => l < 0));
    }

    [Fact]
    public void SegmentedSpanningTreeIsInvariantToRowOrder()
    {
        // 9,000 rows: Prim scans the packed rows in two parallel segments. The spanning tree's total weight and the
        // partition must not depend on which rows land in which segment.
        var (x, _) = Synthetic.Blobs(9000, 2, 4, seed: 3);
        var model = new HDBSCAN { MinClusterSize = 40, MinSamples = 8 }.Fit(x);
        var perm = new RandomSource(5).Permutation(x.Rows);
        var permuted = new HDBSCAN { MinClusterSize = 40, MinSamples = 8 }.Fit(x.SelectRows(perm));
        Assert.Equal(model.SingleLinkageTree.Distances.Sum(), permuted.SingleLinkageTree.Distances.Sum(), 9);
        Assert.Equal(model.SingleLinkageTree.Distances, permuted.SingleLinkageTree.Distances);
        var back = new int[x.Rows];
        for (int i = 0; i < perm.Length; i++) back[perm[i]] = permuted.Labels[i];
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRand(model.Labels.ToArray(), back), 12);
        Assert.True(model.ClusterCount >= 2);
    }

    [Fact]
    public void ThreadCountAndSearchAlgorithmDoNotChangeTheResult()
    {
        var x = Data("varying_density");
        var one = new HDBSCAN().Fit(x, context: new FitContext { MaxThreads = 1 });
        var two = new HDBSCAN().Fit(x, context: new FitContext { MaxThreads = 2 });
        var brute = new HDBSCAN { Algorithm = NeighborAlgorithm.Brute }.Fit(x);
        var ball = new HDBSCAN { Algorithm = NeighborAlgorithm.BallTree }.Fit(x);
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Labels, brute.Labels);
        Assert.Equal(one.Labels, ball.Labels);
        Assert.Equal(one.CoreDistances, brute.CoreDistances);
    }

    [Fact]
    public void ManhattanMetricUsesManhattanCoreDistances()
    {
        double[,] points = { { 0, 0 }, { 1, 1 }, { 3, 0 }, { 0, 5 } };
        var model = new HDBSCAN { MinClusterSize = 2, MinSamples = 2, Metric = NeighborMetric.Manhattan }.Fit(points);
        // Nearest other row in L1: row 0 → row 1 at 2; row 2 → row 1 at 3; row 3 → row 0 at 5.
        Assert.Equal([2.0, 2.0, 3.0, 5.0], model.CoreDistances);
    }

    [Fact]
    public void DbscanClusteringCutsTheSingleLinkageTree()
    {
        var x = Data("blobs_noise");
        var model = new HDBSCAN { MinClusterSize = 10 }.Fit(x);
        // Cut above the largest merge: one component.
        var all = model.DbscanClustering(model.SingleLinkageTree.Distances.Max() * 1.01, 5);
        Assert.All(all, l => Assert.Equal(0, l));
        // Cut below every merge: singletons, all noise with min size 2.
        Assert.All(model.DbscanClustering(model.SingleLinkageTree.Distances.Min(), 2), l => Assert.Equal(-1, l));
        // An independent count: components of the spanning tree edges < cut.
        double cut = 0.6;
        var labels = model.DbscanClustering(cut, 5);
        var kept = Enumerable.Range(0, x.Rows - 1).Where(m => model.SingleLinkageTree.Distances[m] < cut).Count();
        int components = x.Rows - kept;
        int clustered = labels.Where(l => l >= 0).Distinct().Count();
        Assert.True(clustered <= components);
        Assert.Equal(3, clustered);
    }

    [Fact]
    public void SaveLoadKeepsEverything()
    {
        var x = Data("blobs_noise");
        var model = new HDBSCAN { MinClusterSize = 8, ClusterSelectionMethod = HdbscanSelection.Leaf }.Fit(x);
        var back = (HDBSCANModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.Probabilities, back.Probabilities);
        Assert.Equal(model.OutlierScores, back.OutlierScores);
        Assert.Equal(model.CoreDistances, back.CoreDistances);
        Assert.Equal(model.SingleLinkageTree.Distances, back.SingleLinkageTree.Distances);
        Assert.Equal(model.CondensedTree.Child, back.CondensedTree.Child);
        Assert.Equal(model.CondensedTree.Stability, back.CondensedTree.Stability);
        Assert.Equal(model.CondensedTree.SelectedClusters, back.CondensedTree.SelectedClusters);
        Assert.Equal(HdbscanSelection.Leaf, back.Options.ClusterSelectionMethod);
        Assert.Equal(model.DbscanClustering(0.5), back.DbscanClustering(0.5));
    }

    [Fact]
    public void BadParametersAndDataAreClearErrors()
    {
        var x = new Matrix(4, 2);
        for (int i = 0; i < 4; i++) { x[i, 0] = i; x[i, 1] = i * i; }
        var small = Assert.Throws<InvalidHyperparameterException>(() => new HDBSCAN { MinClusterSize = 1 }.Fit(x));
        Assert.Equal("min_cluster_size", small.Parameter);
        var samples = Assert.Throws<InvalidHyperparameterException>(() => new HDBSCAN { MinClusterSize = 2, MinSamples = 5 }.Fit(x));
        Assert.Equal("min_samples", samples.Parameter);
        Assert.Contains("4 rows", samples.Message);
        var fromSize = Assert.Throws<InvalidHyperparameterException>(() => new HDBSCAN().Fit(x));
        Assert.Equal("min_cluster_size", fromSize.Parameter);
        x[2, 1] = double.NaN;
        var nan = Assert.Throws<InvalidInputException>(() => new HDBSCAN { MinClusterSize = 2 }.Fit(x));
        Assert.Contains("row 2", nan.Message);
        Assert.Throws<InvalidHyperparameterException>(() => new HDBSCAN { Metric = NeighborMetric.NanEuclidean }.Fit(x));
        Assert.Throws<InvalidHyperparameterException>(() => new HDBSCAN { Alpha = 0 }.Fit(x));
    }
}
