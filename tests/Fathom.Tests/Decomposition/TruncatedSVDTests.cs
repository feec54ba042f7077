using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class TruncatedSVDTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "truncated_svd_reference.json")))!);

    private static double[] D(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static Matrix Digits() => TestDatasets.LoadCsv("digits.csv", "target").X;

    [Fact]
    public void ConvergedRandomizedSvdMatchesScikitLearnArpack()
    {
        var r = Reference.Value;
        var model = new TruncatedSVD { NComponents = 5, NIter = 30 }.Fit(Digits());
        var s = D(r["singular_values"]!);
        for (int t = 0; t < 5; t++) Assert.Equal(s[t], model.SingularValues[t], s[t] * 1e-9);
        var ratio = D(r["explained_variance_ratio"]!);
        for (int t = 0; t < 5; t++) Assert.Equal(ratio[t], model.ExplainedVarianceRatio[t], 1e-8);
        var comps = r["components"]!.AsArray();
        var c = model.Components;
        for (int t = 0; t < 5; t++)
        {
            var expected = D(comps[t]!);
            double dot = 0;
            for (int j = 0; j < expected.Length; j++) dot += expected[j] * c[t, j];
            double sign = dot < 0 ? -1 : 1;
            for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], sign * c[t, j], 1e-7);
        }
    }

    [Fact]
    public void ArpackOnDenseDigitsMatchesScikitLearnArpack()
    {
        var r = Reference.Value;
        var model = new TruncatedSVD { NComponents = 5, Algorithm = TruncatedSvdAlgorithm.Arpack }.Fit(Digits());
        var s = D(r["singular_values"]!);
        var ev = D(r["explained_variance"]!);
        var ratio = D(r["explained_variance_ratio"]!);
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(s[t], model.SingularValues[t], s[t] * 1e-12);
            Assert.Equal(ev[t], model.ExplainedVariance[t], ev[t] * 1e-10);
            Assert.Equal(ratio[t], model.ExplainedVarianceRatio[t], 1e-10);
        }
        var comps = r["components"]!.AsArray();
        var c = model.Components;
        for (int t = 0; t < 5; t++)
        {
            var expected = D(comps[t]!);
            for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], c[t, j], 1e-9); // same signs (svd_flip)
        }
    }

    [Fact]
    public void DefaultIterationsExplainAsMuchAsScikitLearn()
    {
        var model = new TruncatedSVD { NComponents = 5 }.Fit(Digits());
        double expected = D(Reference.Value["randomized_explained_variance_ratio"]!).Sum();
        Assert.Equal(expected, model.ExplainedVarianceRatio.Sum(), 1e-4);
    }

    [Theory]
    [InlineData(TruncatedSvdAlgorithm.Randomized)]
    [InlineData(TruncatedSvdAlgorithm.Arpack)]
    public void RefitOnPermutedColumnsGivesTheSameProjection(TruncatedSvdAlgorithm algorithm)
    {
        var x = Digits().RowRange(0, 300).SelectColumns([10, 20, 30, 43, 50]);
        var frame = DataFrame.FromMatrix(x);
        var permuted = frame.Select("x3", "x1", "x4", "x0", "x2");
        var est = new TruncatedSVD { NComponents = 2, NIter = 20, Algorithm = algorithm };
        var a = est.Fit(frame).Transform(frame).ToMatrix();
        var model = est.Fit(permuted);
        var b = model.Transform(frame).ToMatrix();
        for (int i = 0; i < a.Storage.Length; i++) Assert.Equal(a.Storage[i], b.Storage[i], 1e-9 * Math.Max(1, Math.Abs(a.Storage[i])));
        Assert.Equal(b.Storage, model.Transform(permuted).ToMatrix().Storage);
    }

    [Fact]
    public void TransformIsProjectionWithoutCentringAndSurvivesSaveLoad()
    {
        var x = Digits().RowRange(0, 200).Clone();
        var frame = DataFrame.FromMatrix(x);
        var model = new TruncatedSVD { NComponents = 3 }.Fit(frame);
        var z = model.Transform(frame).ToMatrix();
        var direct = MatrixOps.MultiplyTransposed(x, model.Components);
        Assert.Equal(direct.Storage, z.Storage);
        var loaded = (TruncatedSVDModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(z.Storage, loaded.Transform(frame).ToMatrix().Storage);
        Assert.Equal(new[] { "truncatedsvd0", "truncatedsvd1", "truncatedsvd2" }, model.FeatureNamesOut.ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => new TruncatedSVD { NComponents = 65 }.Fit(x));
    }
}
