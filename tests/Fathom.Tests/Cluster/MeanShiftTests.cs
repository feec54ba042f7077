using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Cluster;

/// <summary>MeanShift against scikit-learn 1.2.1 (Reference/make_mean_shift_reference.py).</summary>
public class MeanShiftTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Cluster", "mean_shift_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));

    private static Matrix Data(string name) => name.StartsWith("iris", StringComparison.Ordinal)
        ? LinearTestData.LoadSample("iris.csv").X
        : Matrix.FromRows(LinearTestData.Rows(Ref["blobs"]));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var p = c["params"]!;
        var est = new MeanShift
        {
            Bandwidth = p["bandwidth"]?.GetValue<double>(),
            BinSeeding = p["bin_seeding"]?.GetValue<bool>() ?? false,
            ClusterAll = p["cluster_all"]?.GetValue<bool>() ?? true,
        };
        var x = Data(name);
        var model = est.Fit(x);
        Assert.Equal(c["bandwidth"]!.GetValue<double>(), model.Bandwidth, 1e-12);
        var centers = LinearTestData.Rows(c["centers"]);
        Assert.Equal(centers.Length, model.ClusterCount);
        var mine = model.ClusterCenters;
        for (int k = 0; k < centers.Length; k++)
            for (int j = 0; j < centers[k].Length; j++) Assert.Equal(centers[k][j], mine[k, j], 1e-10);
        Assert.Equal(c["labels"]!.AsArray().Select(v => v!.GetValue<int>()), model.Labels);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.Iterations);
    }

    [Fact]
    public void PredictAssignsTheNearestModeAndSurvivesSaving()
    {
        var x = Data("blobs");
        var model = new MeanShift().Fit(x);
        Assert.Equal(model.Labels, model.Predict(x));
        var loaded = Assert.IsType<MeanShiftModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(model.Predict(x), loaded.Predict(x));
        Assert.Equal(model.Bandwidth, loaded.Bandwidth);
    }

    [Fact]
    public void BadInputIsAClearError()
    {
        var x = Data("blobs");
        Assert.Throws<InvalidHyperparameterException>(() => new MeanShift { Bandwidth = -1 }.Fit(x));
        Assert.Throws<InvalidInputException>(() => new MeanShift().Fit(x, Enumerable.Repeat(1.0, x.Rows).ToArray()));
        var bad = x.Clone();
        bad[3, 1] = double.NaN;
        Assert.Throws<InvalidInputException>(() => new MeanShift().Fit(bad));
    }
}
