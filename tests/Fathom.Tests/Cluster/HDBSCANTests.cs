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
        // Two groups of 6 points on small circles around (0, 0) and (10, 0), and two isolated points far from both.
        var rows = new List<double[]>();
        for (int k = 0; k < 6; k++)
        {
            double a = k * Math.PI / 3;
            rows.Add([0.1 * Math.Cos(a), 0.1 * Math.Sin(a)]);
            rows.Add([10 + 0.1 * Math.Cos(a), 0.1 * Math.Sin(a)]);
        }
        rows.Add([5, 30]);
        rows.Add([-20, -20]);
        var x = new Matrix(rows.Count, 2);
        for (int i = 0; i < rows.Count; i++) { x[i, 0] = rows[i][0]; x[i, 1] = rows[i][1]; }
        var model = new HDBSCAN { MinClusterSize = 3, MinSamples = 2 }.Fit(x);
        Assert.Equal(2, model.ClusterCount);
        var left = Enumerable.Range(0, 6).Select(k => model.Labels[2 * k]).Distinct().ToArray();
        var right = Enumerable.Range(0, 6).Select(k => model.Labels[2 * k + 1]).Distinct().ToArray();
        Assert.Single(left);
        Assert.Single(right);
        Assert.NotEqual(left[0], right[0]);
        Assert.True(left[0] >= 0 && right[0] >= 0);
        Assert.Equal(-1, model.Labels[12]);
        Assert.Equal(-1, model.Labels[13]);
        Assert.Equal(2, model.NoiseCount);
        // Core distance with min_samples = 2: the nearest other point, one side of the hexagon = radius 0.1.
        Assert.Equal(0.1, model.CoreDistances[0], 12);
        // Every row of a hexagon leaves its cluster together (all at λ = 1/0.1), so membership is 1 and the outlier score 0;
        // the isolated rows have probability 0 (noise) and a high outlier score.
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(1.0, model.Probabilities[i], 12);
            Assert.Equal(0.0, model.OutlierScores[i], 12);
        }
        Assert.Equal(0.0, model.Probabilities[12]);
        Assert.True(model.OutlierScores[12] > 0.9);
        // Condensed tree: root 14 splits into clusters 15 and 16 (sizes 6 and 6); the two far rows fall out of the root first.
        var ct = model.CondensedTree;
        Assert.Equal(14, ct.RowCount);
        Assert.Equal(3, ct.ClusterCount);
        Assert.Equal([15, 16], ct.SelectedClusters);
        Assert.Equal(2, ct.Child.Count(c => c >= 14));
        Assert.All(Enumerable.Range(0, ct.Child.Count).Where(e => ct.Child[e] >= 14), e => Assert.Equal(6, ct.ChildSize[e]));
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
