using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

public class FactorAnalysisTests
{
    private static readonly Lazy<JsonNode> Reference = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Decomposition", "Reference", "factor_analysis_reference.json")))!);

    private static Matrix M(JsonNode n) => Matrix.FromRows(n.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray());

    private static double[] D(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MatchesScikitLearnLapack(int which)
    {
        var c = Reference.Value["cases"]![which]!;
        var x = TestDatasets.Diabetes().X;
        var model = new FactorAnalysis { NComponents = c["n_components"]?.GetValue<int>() }.Fit(x);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.IterationCount);
        var ll = D(c["loglike"]!);
        Assert.Equal(ll.Length, model.LogLikelihoods.Count);
        for (int i = 0; i < ll.Length; i++) Assert.Equal(ll[i], model.LogLikelihoods[i], Math.Abs(ll[i]) * 1e-6);
        var psi = D(c["noise_variance"]!);
        for (int j = 0; j < psi.Length; j++) Assert.Equal(psi[j], model.NoiseVariance[j], Math.Max(psi[j] * 1e-6, 1e-12));
        Assert.Equal(c["score"]!.GetValue<double>(), model.Score(x), 1e-6);
        // loadings and factor scores are determined up to a sign per factor
        var w = M(c["components"]!);
        var mw = model.Components;
        var z = M(c["transform5"]!);
        var mz = model.Transform(x.RowRange(0, 5));
        for (int t = 0; t < w.Rows; t++)
        {
            double dot = 0, norm = 0;
            for (int j = 0; j < w.Columns; j++)
            {
                dot += w[t, j] * mw[t, j];
                norm += w[t, j] * w[t, j];
            }
            if (norm < 1e-12) continue; // a zero factor (s² ≤ 1) has no direction
            double s = dot < 0 ? -1 : 1;
            for (int j = 0; j < w.Columns; j++) Assert.Equal(w[t, j], s * mw[t, j], 1e-6);
            for (int i = 0; i < 5; i++) Assert.Equal(z[i, t], s * mz[i, t], 1e-5);
        }
    }

    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameFactors()
    {
        var frame = DataFrame.FromMatrix(TestDatasets.Diabetes().X);
        var permuted = frame.Select("x3", "x1", "x4", "x0", "x2", "x9", "x8", "x7", "x6", "x5");
        var est = new FactorAnalysis { NComponents = 2 };
        var a = est.Fit(frame).Transform(frame).ToMatrix();
        var model = est.Fit(permuted);
        var b = model.Transform(frame).ToMatrix();
        for (int t = 0; t < 2; t++)
        {
            double dot = 0;
            for (int i = 0; i < a.Rows; i++) dot += a[i, t] * b[i, t];
            double s = dot < 0 ? -1 : 1;
            for (int i = 0; i < a.Rows; i++) Assert.Equal(a[i, t], s * b[i, t], 1e-8);
        }
        Assert.Equal(b.Storage, model.Transform(permuted).ToMatrix().Storage);
    }

    [Fact]
    public void SavedModelTransformsTheSame()
    {
        var x = TestDatasets.Diabetes().X;
        var frame = DataFrame.FromMatrix(x);
        var model = new FactorAnalysis { NComponents = 2 }.Fit(frame);
        var loaded = (FactorAnalysisModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Transform(frame).ToMatrix().Storage, loaded.Transform(frame).ToMatrix().Storage);
        Assert.Equal(new[] { "factoranalysis0", "factoranalysis1" }, model.FeatureNamesOut.ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => new FactorAnalysis { NComponents = 11 }.Fit(x));
    }
}
