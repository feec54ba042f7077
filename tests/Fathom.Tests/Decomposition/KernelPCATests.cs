using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class KernelPCATests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "kernel_pca_reference.json")))!);

    private static Matrix M(JsonNode n) => Matrix.FromRows(n.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray());

    private static KernelPCA Estimator(JsonNode p)
    {
        var k = p["kernel"]!.GetValue<string>() switch
        {
            "linear" => KernelPcaKernel.Linear,
            "rbf" => KernelPcaKernel.Rbf,
            "poly" => KernelPcaKernel.Poly,
            "cosine" => KernelPcaKernel.Cosine,
            _ => KernelPcaKernel.Sigmoid,
        };
        return new KernelPCA { Kernel = k, NComponents = p["n_components"]?.GetValue<int>(), Gamma = p["gamma"]?.GetValue<double>() };
    }

    /// <summary>Equal to a relative/absolute 1e-8, allowing one sign per column (eigenvector signs are a convention).</summary>
    private static void Close(Matrix expected, Matrix actual)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        for (int c = 0; c < expected.Columns; c++)
        {
            double dot = 0;
            for (int i = 0; i < expected.Rows; i++) dot += expected[i, c] * actual[i, c];
            double s = dot < 0 ? -1 : 1;
            for (int i = 0; i < expected.Rows; i++)
                Assert.True(Math.Abs(expected[i, c] - s * actual[i, c]) <= 1e-8 * Math.Max(1, Math.Abs(expected[i, c])),
                    $"[{i}, {c}]: {expected[i, c]} vs {s * actual[i, c]}");
        }
    }

    public static TheoryData<int> Cases() => new() { 0, 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(int which)
    {
        var r = Reference.Value;
        var c = r["cases"]![which]!;
        var x = M(r["x"]!);
        var model = Estimator(c["params"]!).Fit(x);
        var ev = c["eigenvalues"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(ev.Length, model.Eigenvalues.Count);
        for (int t = 0; t < ev.Length; t++) Assert.Equal(ev[t], model.Eigenvalues[t], Math.Max(1e-10, ev[t] * 1e-10));
        Close(M(c["scores"]!), model.TrainingScores);
        Close(M(c["transform"]!), model.Transform(M(r["new"]!)));
    }

    [Fact]
    public void LinearKernelScoresArePcaScores()
    {
        var x = M(Reference.Value["x"]!);
        var kp = new KernelPCA { NComponents = 3 }.Fit(x).Transform(x);
        var pca = new PCA { NComponents = 3, SvdSolver = PcaSolver.Full }.Fit(x).Transform(x);
        Close(pca, kp);
    }

    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameScores()
    {
        var frame = DataFrame.FromMatrix(M(Reference.Value["x"]!));
        var permuted = frame.Select("x3", "x1", "x4", "x0", "x2");
        var est = new KernelPCA { Kernel = KernelPcaKernel.Rbf, NComponents = 3 };
        var a = est.Fit(frame);
        var b = est.Fit(permuted);
        Close(a.Transform(frame).ToMatrix(), b.Transform(frame).ToMatrix());
        var za = a.Transform(frame).ToMatrix();
        var zb = b.Transform(frame).ToMatrix();
        for (int i = 0; i < za.Storage.Length; i++) Assert.Equal(za.Storage[i], zb.Storage[i], 1e-9);
        Assert.Equal(za.Storage, a.Transform(permuted).ToMatrix().Storage);
    }

    [Fact]
    public void SavedModelTransformsTheSameAndNamesColumns()
    {
        var x = M(Reference.Value["x"]!);
        var frame = DataFrame.FromMatrix(x);
        var model = new KernelPCA { Kernel = KernelPcaKernel.Rbf, NComponents = 2 }.Fit(frame);
        var loaded = (KernelPCAModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Transform(frame).ToMatrix().Storage, loaded.Transform(frame).ToMatrix().Storage);
        Assert.Equal(new[] { "kernelpca0", "kernelpca1" }, model.FeatureNamesOut.ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => new KernelPCA { NComponents = 81 }.Fit(x));
        Assert.Throws<InvalidInputException>(() => model.Transform(new Matrix(2, 3)));
    }
}
