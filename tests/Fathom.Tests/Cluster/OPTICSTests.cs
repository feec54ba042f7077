using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

/// <summary>OPTICS against scikit-learn 1.2.1 (Reference/optics_reference.json, made by Reference/make_optics_reference.py).</summary>
public class OPTICSTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Cluster", "Reference", "optics_reference.json")))!);

    private static Matrix Data(string name)
    {
        var rows = Reference.Value["data"]![name]!.AsArray();
        var x = new Matrix(rows.Count, rows[0]!.AsArray().Count);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                x[i, j] = rows[i]![j]!.GetValue<double>();
        return x;
    }

    private static double[] Doubles(JsonNode node) => node.AsArray().Select(v => v is null ? double.PositiveInfinity : v.GetValue<double>()).ToArray();

    private static OPTICS Estimator(JsonNode p) => new()
    {
        MinSamples = p["min_samples"]?.GetValue<double>() ?? 5,
        MaxEps = p["max_eps"]?.GetValue<double>() ?? double.PositiveInfinity,
        ClusterMethod = p["cluster_method"]?.GetValue<string>() == "dbscan" ? OpticsClusterMethod.Dbscan : OpticsClusterMethod.Xi,
        Eps = p["eps"]?.GetValue<double>(),
        Xi = p["xi"]?.GetValue<double>() ?? 0.05,
        PredecessorCorrection = p["predecessor_correction"]?.GetValue<bool>() ?? true,
        MinClusterSize = p["min_cluster_size"]?.GetValue<double>(),
        Metric = p["metric"]?.GetValue<string>() == "manhattan" ? NeighborMetric.Manhattan : NeighborMetric.Euclidean,
    };

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, 9)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(int caseIndex)
    {
        var c = Reference.Value["cases"]![caseIndex]!;
        var x = Data(c["data"]!.GetValue<string>());
        var model = Estimator(c["params"]!).Fit(x);
        Assert.Equal(ClusterReference.Ints(c["ordering"]!), model.Ordering);
        Assert.Equal(ClusterReference.Ints(c["predecessor"]!), model.Predecessor);
        var reach = Doubles(c["reachability"]!);
        var core = Doubles(c["core_distances"]!);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.Equal(reach[i], model.Reachability[i], 10);
            Assert.Equal(core[i], model.CoreDistances[i], 10);
        }
        Assert.Equal(ClusterReference.Ints(c["labels"]!), model.Labels);
        if (c["cluster_hierarchy"] is JsonArray h)
            Assert.Equal(h.Select(r => new OpticsCluster(r![0]!.GetValue<int>(), r[1]!.GetValue<int>())), model.ClusterHierarchy);
        else Assert.Empty(model.ClusterHierarchy);
    }

    [Fact]
    public void ExtractionsOfTheFittedPlotEqualRefits()
    {
        var x = Data("iris");
        var xi = new OPTICS().Fit(x);
        var dbscan = new OPTICS { ClusterMethod = OpticsClusterMethod.Dbscan, Eps = 0.5 }.Fit(x);
        Assert.Equal(dbscan.Labels, xi.ExtractDbscan(0.5));
        var other = new OPTICS { Xi = 0.1, MinClusterSize = 10 }.Fit(x);
        var (labels, hierarchy) = xi.ExtractXi(0.1, 10);
        Assert.Equal(other.Labels, labels);
        Assert.Equal(other.ClusterHierarchy, hierarchy);
    }

    [Fact]
    public void TwoGroupsOnALineAreReadOffTheReachabilityPlot()
    {
        // Rows 0-3 at 0, 1, 2, 3 and rows 4-7 at 10, 11, 12, 13 on a line; min_samples = 2 → every core distance is 1.
        var x = new Matrix(8, 1);
        double[] at = [0, 1, 2, 3, 10, 11, 12, 13];
        for (int i = 0; i < 8; i++) x[i, 0] = at[i];
        var model = new OPTICS { MinSamples = 2, ClusterMethod = OpticsClusterMethod.Dbscan, Eps = 2 }.Fit(x);
        Assert.All(model.CoreDistances, d => Assert.Equal(1.0, d));
        // Start at row 0 (all ∞, lowest index), walk the first group, jump 7 to the second.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], model.Ordering);
        Assert.Equal([double.PositiveInfinity, 1, 1, 1, 7, 1, 1, 1], model.Reachability);
        Assert.Equal([-1, 0, 1, 2, 3, 4, 5, 6], model.Predecessor);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], model.Labels);
    }

    [Fact]
    public void SegmentedFullScanEqualsTheRadiusQueryPath()
    {
        // 8,200 uniform rows in a 10 × 10 square: with max_eps = ∞ the relax-and-pick pass runs in two parallel segments.
        // A max_eps just above every finite reachability and core distance takes the radius-query path instead; every
        // row picked next has its reachability below it, so the plot must be the same.
        var rng = new RandomSource(9);
        var x = new Matrix(8200, 2);
        for (int i = 0; i < x.Rows; i++) { x[i, 0] = 10 * rng.NextDouble(); x[i, 1] = 10 * rng.NextDouble(); }
        var full = new OPTICS { MinSamples = 12 }.Fit(x);
        double top = full.Reachability.Where(double.IsFinite).Concat(full.CoreDistances).Max();
        var radius = new OPTICS { MinSamples = 12, MaxEps = top * 1.001 }.Fit(x);
        Assert.Equal(full.Ordering, radius.Ordering);
        Assert.Equal(full.Reachability, radius.Reachability);
        Assert.Equal(full.Predecessor, radius.Predecessor);
        Assert.Equal(full.Labels, radius.Labels);
    }

    [Fact]
    public void SaveLoadKeepsThePlotAndLabels()
    {
        var model = new OPTICS { MaxEps = 2.0 }.Fit(Data("iris"));
        var back = (OPTICSModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Ordering, back.Ordering);
        Assert.Equal(model.Reachability, back.Reachability);
        Assert.Equal(model.CoreDistances, back.CoreDistances);
        Assert.Equal(model.Predecessor, back.Predecessor);
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.ClusterHierarchy, back.ClusterHierarchy);
        Assert.Equal(2.0, back.Options.MaxEps);
        var inf = (OPTICSModel)ModelFile.Deserialize(ModelFile.Serialize(new OPTICS().Fit(Data("iris")))).Model;
        Assert.True(double.IsPositiveInfinity(inf.Options.MaxEps));
    }

    [Fact]
    public void BadParametersAndDataAreClearErrors()
    {
        var x = new Matrix(4, 2);
        for (int i = 0; i < 4; i++) { x[i, 0] = i; x[i, 1] = i * i; }
        var rows = Assert.Throws<InvalidHyperparameterException>(() => new OPTICS().Fit(x));
        Assert.Equal("min_samples", rows.Parameter);
        Assert.Contains("4 rows", rows.Message);
        Assert.Equal("min_samples", Assert.Throws<InvalidHyperparameterException>(() => new OPTICS { MinSamples = 2.5 }.Fit(x)).Parameter);
        Assert.Equal("min_cluster_size", Assert.Throws<InvalidHyperparameterException>(() => new OPTICS { MinSamples = 2, MinClusterSize = 9 }.Fit(x)).Parameter);
        Assert.Equal("eps", Assert.Throws<InvalidHyperparameterException>(() =>
            new OPTICS { MinSamples = 2, MaxEps = 1, Eps = 2, ClusterMethod = OpticsClusterMethod.Dbscan }.Fit(x)).Parameter);
        Assert.Equal("xi", Assert.Throws<InvalidHyperparameterException>(() => new OPTICS { MinSamples = 2, Xi = 1.5 }.Fit(x)).Parameter);
        x[3, 0] = double.NaN;
        var nan = Assert.Throws<InvalidInputException>(() => new OPTICS { MinSamples = 2 }.Fit(x));
        Assert.Contains("row 3", nan.Message);
    }
}
