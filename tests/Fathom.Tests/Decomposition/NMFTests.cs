using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Decomposition;

/// <summary>NMF against scikit-learn 1.2.1's coordinate descent (Reference/make_nmf_reference.py).</summary>
public class NMFTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Decomposition", "nmf_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var p = c["params"]!;
        var est = new NMF
        {
            NComponents = p["n_components"]!.GetValue<int>(),
            Init = p["init"]!.GetValue<string>() == "nndsvd" ? NmfInit.Nndsvd : NmfInit.Nndsvda,
            Tol = p["tol"]?.GetValue<double>() ?? 1e-4,
            MaxIter = p["max_iter"]?.GetValue<int>() ?? 200,
        };
        var x = LinearTestData.LoadSample("iris.csv").X;
        var model = est.Fit(x);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.Iterations);
        var h = LinearTestData.Rows(c["components"]);
        var mine = model.Components;
        for (int k = 0; k < h.Length; k++)
            for (int j = 0; j < h[k].Length; j++)
                Assert.True(Math.Abs(h[k][j] - mine[k, j]) <= 1e-6 * Math.Max(1, Math.Abs(h[k][j])), $"H[{k},{j}] {mine[k, j]} vs {h[k][j]}");
        Assert.Equal(c["reconstruction_err"]!.GetValue<double>(), model.ReconstructionError, 1e-6);
        var t = LinearTestData.Rows(c["transform_first5"]);
        var w = model.Transform(x.RowRange(0, 5));
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < t[i].Length; k++) Assert.Equal(t[i][k], w[i, k], 1e-5);
    }

    [Fact]
    public void FactorsAreNonNegativeAndSurviveSaving()
    {
        var x = LinearTestData.LoadSample("iris.csv").X;
        var model = new NMF { NComponents = 2, Init = NmfInit.Random, Seed = 3 }.Fit(x);
        Assert.All(model.Components.AsSpan().ToArray(), v => Assert.True(v >= 0));
        var w = model.Transform(x);
        Assert.All(w.AsSpan().ToArray(), v => Assert.True(v >= 0));
        var loaded = Assert.IsType<NMFModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(w.AsSpan().ToArray(), loaded.Transform(x).AsSpan().ToArray());
        var rebuilt = model.InverseTransform(w);
        double err = 0;
        for (int i = 0; i < x.Rows; i++) for (int j = 0; j < x.Columns; j++) err += Math.Pow(x[i, j] - rebuilt[i, j], 2);
        Assert.True(Math.Sqrt(err) < 0.2 * Math.Sqrt(x.AsSpan().ToArray().Sum(v => v * v)));
    }

    [Fact]
    public void NegativeDataIsAClearError()
    {
        var x = Matrix.FromRows([[1.0, 2.0], [0.5, -1.0], [3.0, 1.0]]);
        var e = Assert.Throws<InvalidInputException>(() => new NMF { NComponents = 1 }.Fit(x));
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefitOnPermutedColumnsGivesTheSameFactors()
    {
        var x = LinearTestData.LoadSample("iris.csv").X;
        int[] order = [2, 0, 3, 1];
        var permuted = new Matrix(x.Rows, 4);
        for (int i = 0; i < x.Rows; i++) for (int j = 0; j < 4; j++) permuted[i, j] = x[i, order[j]];
        var a = new NMF { NComponents = 2 }.Fit(x);
        var b = new NMF { NComponents = 2 }.Fit(permuted);
        var wa = a.Transform(x);
        var wb = b.Transform(permuted);
        for (int i = 0; i < wa.Rows; i++) for (int k = 0; k < 2; k++) Assert.Equal(wa[i, k], wb[i, k], 1e-9);
    }
}
