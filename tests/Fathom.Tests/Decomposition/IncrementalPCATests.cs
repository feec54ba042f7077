using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class IncrementalPCATests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "incremental_pca_reference.json")))!);

    private static Matrix M(JsonNode n) => Matrix.FromRows(n.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray());

    private static double[] D(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static void Equal(double[] expected, IReadOnlyList<double> actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tol * Math.Max(1, Math.Abs(expected[i])));
    }

    [Fact]
    public void BatchFitMatchesScikitLearn()
    {
        var r = Reference.Value;
        var x = M(r["x"]!);
        var model = new IncrementalPCA { NComponents = 4, BatchSize = 60 }.Fit(x);
        Equal(M(r["components"]!).Storage, model.Components.Storage, 1e-8);
        Equal(D(r["explained_variance"]!), model.ExplainedVariance, 1e-10);
        Equal(D(r["explained_variance_ratio"]!), model.ExplainedVarianceRatio, 1e-10);
        Equal(D(r["singular_values"]!), model.SingularValues, 1e-10);
        Equal(D(r["mean"]!), model.Mean, 1e-12);
        Equal(D(r["var"]!), model.Variance, 1e-12);
        Assert.Equal(r["noise_variance"]!.GetValue<double>(), model.NoiseVariance, 1e-10);
        Equal(M(r["transform5"]!).Storage, model.Transform(x.RowRange(0, 5)).Storage, 1e-8);
        Assert.Equal(500, model.SamplesSeen);
    }

    [Fact]
    public void PartialFitsMatchScikitLearn()
    {
        var r = Reference.Value;
        var x = M(r["x"]!);
        var model = new IncrementalPCA { NComponents = 4 }.PartialFit(x.RowRange(0, 200)).PartialFit(x.RowRange(200, 300));
        Equal(M(r["partial_components"]!).Storage, model.Components.Storage, 1e-8);
    }

    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameProjection()
    {
        var frame = DataFrame.FromMatrix(M(Reference.Value["x"]!));
        var permuted = frame.Select("x3", "x1", "x4", "x0", "x2", "x7", "x6", "x5");
        var est = new IncrementalPCA { NComponents = 3, BatchSize = 100 };
        var a = est.Fit(frame).Transform(frame).ToMatrix();
        var model = est.Fit(permuted);
        var b = model.Transform(frame).ToMatrix();
        for (int i = 0; i < a.Storage.Length; i++) Assert.Equal(a.Storage[i], b.Storage[i], 1e-9 * Math.Max(1, Math.Abs(a.Storage[i])));
        Assert.Equal(b.Storage, model.Transform(permuted).ToMatrix().Storage);
    }

    [Fact]
    public void SavedModelTransformsTheSameAndBadInputIsRejected()
    {
        var x = M(Reference.Value["x"]!);
        var frame = DataFrame.FromMatrix(x);
        var model = new IncrementalPCA { NComponents = 3, Whiten = true }.Fit(frame);
        var loaded = (IncrementalPCAModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Transform(frame).ToMatrix().Storage, loaded.Transform(frame).ToMatrix().Storage);
        Assert.Equal(new[] { "incrementalpca0", "incrementalpca1", "incrementalpca2" }, model.FeatureNamesOut.ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => model.PartialFit(x.RowRange(0, 2)));
        Assert.Throws<InvalidHyperparameterException>(() => new IncrementalPCA { NComponents = 9 }.Fit(x));
        Assert.Throws<InvalidInputException>(() => model.Transform(new Matrix(1, 3)));
    }
}
