using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

public class DBSCANTests
{
    private static Matrix Sub2d()
    {
        var lines = File.ReadAllLines(TestDatasets.TestFilePath("Cluster", "Reference", "dbscan_2d_sub.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var x = new Matrix(lines.Length, 2);
        for (int i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            x[i, 0] = double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            x[i, 1] = double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return x;
    }

    [Fact]
    public void TextbookCaseHasCoreBorderAndNoise()
    {
        // A B C D on a line 1 apart, E F far away: eps-neighbourhoods A:{B} B:{A,C} C:{B,D} D:{C} E:{F} F:{E}.
        double[,] points = { { 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { 10, 0 }, { 11, 0 } };
        var model = new DBSCAN { Eps = 1.5, MinSamples = 3 }.Fit(points);
        Assert.Equal([0, 0, 0, 0, -1, -1], model.Labels);
        Assert.Equal([1, 2], model.CoreSampleIndices);
        Assert.Equal(1, model.ClusterCount);
        Assert.Equal(2, model.NoiseCount);
        Assert.Equal(new[] { 1.0, 0, 2, 0 }, model.Components.AsSpan().ToArray());
    }

    [Fact]
    public void IrisMatchesScikitLearn()
    {
        var r = ClusterReference.Get("dbscan_iris");
        var model = new DBSCAN { Eps = r["eps"]!.GetValue<double>(), MinSamples = r["min_samples"]!.GetValue<int>() }.Fit(TestDatasets.Iris().X);
        // Same cluster numbering too: both expand clusters in order of their lowest-index core row.
        Assert.Equal(ClusterReference.Ints(r["labels"]!), model.Labels);
        Assert.Equal(ClusterReference.Ints(r["core_sample_indices"]!), model.CoreSampleIndices);
    }

    [Fact]
    public void Dbscan2dSubsampleMatchesScikitLearn()
    {
        var r = ClusterReference.Get("dbscan_2d");
        var x = Sub2d();
        Assert.Equal(r["rows"]!.GetValue<int>(), x.Rows);
        var model = new DBSCAN { Eps = r["eps"]!.GetValue<double>(), MinSamples = r["min_samples"]!.GetValue<int>() }.Fit(x);
        var expected = ClusterReference.Ints(r["labels"]!);
        Assert.Equal(1.0, Fathom.Metrics.ClusteringMetrics.AdjustedRand(expected, model.Labels.ToArray()), 12);
        Assert.Equal(expected, model.Labels);
    }

    [Fact]
    public void GridAndGemmRegionQueriesAgree()
    {
        var x = Sub2d().RowRange(0, 1500);
        var grid = RadiusNeighbors.Build(x, 0.15, 2, forceGrid: true);
        var brute = RadiusNeighbors.Build(x, 0.15, 2, forceGrid: false);
        for (int i = 0; i < x.Rows; i++)
            Assert.Equal(grid.Of(i).ToArray().Order(), brute.Of(i).ToArray().Order());
        // Independent check of a few neighbourhoods by direct distances.
        foreach (int i in new[] { 0, 77, 1499 })
        {
            var direct = Enumerable.Range(0, x.Rows).Where(j => Distances.SquaredEuclidean(x.Row(i), x.Row(j)) <= 0.15 * 0.15);
            Assert.Equal(direct, grid.Of(i).ToArray().Order());
        }
    }

    [Fact]
    public void WeightsCountAsRepeatedRows()
    {
        double[,] points = { { 0 }, { 1 }, { 5 }, { 9 } };
        // Row 0 weighs 2: its neighbourhood {0, 1} weighs 3 ≥ 3, so it is core and pulls in row 1.
        var weighted = new DBSCAN { Eps = 1.0, MinSamples = 3 }.Fit(points, [2, 1, 1, 1]);
        Assert.Equal([0, 0, -1, -1], weighted.Labels);
        Assert.Equal([0, 1], weighted.CoreSampleIndices);
        var unweighted = new DBSCAN { Eps = 1.0, MinSamples = 3 }.Fit(points);
        Assert.Equal([-1, -1, -1, -1], unweighted.Labels);
        Assert.Empty(unweighted.CoreSampleIndices);
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheResult()
    {
        var x = Sub2d();
        var one = new DBSCAN { Eps = 0.1, MinSamples = 6 }.Fit(x, context: new FitContext { MaxThreads = 1 });
        var two = new DBSCAN { Eps = 0.1, MinSamples = 6 }.Fit(x, context: new FitContext { MaxThreads = 2 });
        Assert.Equal(one.Labels, two.Labels);
    }

    [Fact]
    public void SaveLoadKeepsLabelsAndCoreSamples()
    {
        var model = new DBSCAN { Eps = 0.45 }.Fit(TestDatasets.Iris().X);
        var back = (DBSCANModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.CoreSampleIndices, back.CoreSampleIndices);
        Assert.Equal(model.Components.AsSpan().ToArray(), back.Components.AsSpan().ToArray());
        var none = new DBSCAN { Eps = 1e-3, MinSamples = 3 }.Fit(new double[,] { { 0, 0 }, { 1, 1 } });
        var noneBack = (DBSCANModel)ModelFile.Deserialize(ModelFile.Serialize(none)).Model;
        Assert.Equal([-1, -1], noneBack.Labels);
        Assert.Equal(2, noneBack.FeatureCount);
    }

    [Fact]
    public void BadEpsIsAClearError()
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new DBSCAN { Eps = 0 }.Fit(new double[,] { { 1 } }));
        Assert.Equal("eps", e.Parameter);
    }
}
