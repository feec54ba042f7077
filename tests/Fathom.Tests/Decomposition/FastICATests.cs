using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Decomposition;

/// <summary>FastICA against scikit-learn 1.2.1 from the same start (Reference/make_fastica_reference.py).</summary>
public class FastICATests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Decomposition", "fastica_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));

    private static void Close(double[][] expected, Matrix actual, string what, double tol)
    {
        for (int i = 0; i < expected.Length; i++)
            for (int j = 0; j < expected[i].Length; j++)
                Assert.True(Math.Abs(expected[i][j] - actual[i, j]) <= tol * Math.Max(1, Math.Abs(expected[i][j])), $"{what}[{i},{j}] {actual[i, j]} vs {expected[i][j]}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearnFromTheSameStart(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var est = new FastICA
        {
            NComponents = c["k"]!.GetValue<int>(),
            Whiten = c["whiten"]!.GetValue<string>() == "unit-variance" ? IcaWhitening.UnitVariance : IcaWhitening.ArbitraryVariance,
            Fun = c["fun"]!.GetValue<string>() switch { "exp" => IcaFunction.Exp, "cube" => IcaFunction.Cube, _ => IcaFunction.Logcosh },
            WInit = Matrix.FromRows(LinearTestData.Rows(c["w_init"])),
            MaxIter = 1000,
            Tol = 1e-8,
        };
        var x = LinearTestData.LoadSample("iris.csv").X;
        var model = est.Fit(x);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.Iterations);
        Close(LinearTestData.Rows(c["components"]), model.Components, "components", 1e-6);
        Close(LinearTestData.Rows(c["mixing"]), model.Mixing, "mixing", 1e-6);
        Close(LinearTestData.Rows(c["sources_first5"]), model.Transform(x.RowRange(0, 5)), "sources", 1e-6);
    }

    [Fact]
    public void UnitVarianceSourcesAreUncorrelatedAndTheModelSurvivesSaving()
    {
        var x = LinearTestData.LoadSample("iris.csv").X;
        var model = new FastICA { NComponents = 3, Seed = 1 }.Fit(x);
        var s = model.Transform(x);
        var (mean, variance) = Reductions.ColumnMeanVariance(s);
        for (int c = 0; c < 3; c++) { Assert.Equal(0, mean[c], 10); Assert.Equal(1, variance[c], 8); }
        double cov01 = 0;
        for (int i = 0; i < s.Rows; i++) cov01 += s[i, 0] * s[i, 1];
        Assert.Equal(0, cov01 / s.Rows, 8);
        var loaded = Assert.IsType<FastICAModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(s.AsSpan().ToArray(), loaded.Transform(x).AsSpan().ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => new FastICA { NComponents = 9 }.Fit(x));
    }
}
