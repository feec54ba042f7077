using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.NaiveBayes;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.NaiveBayes;

public class GaussianNBTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("NaiveBayes", "gaussian_nb_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    private static GaussianNBModel FitCase(JsonNode c, out Matrix x)
    {
        string name = c["name"]!.GetValue<string>();
        var (xx, y) = LinearTestData.LoadSample(name.StartsWith("iris", StringComparison.Ordinal) ? "iris.csv" : "breast_cancer.csv");
        x = xx;
        int n = y.Length;
        var w = Enumerable.Range(0, n).Select(i => 1.0 + i % 3).ToArray();
        bool weighted = name.EndsWith("weighted", StringComparison.Ordinal);
        if (name.Contains("partial", StringComparison.Ordinal))
        {
            var order = c["order"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
            int chunk = Ref["chunk"]!.GetValue<int>();
            ClassLabels all = y;
            GaussianNBModel? model = null;
            for (int start = 0; start < n; start += chunk)
            {
                var rows = order.Skip(start).Take(chunk).ToArray();
                var xc = xx.SelectRows(rows);
                string[] yc = rows.Select(i => y[i]).ToArray();
                double[]? wc = weighted ? rows.Select(i => w[i]).ToArray() : null;
                model = model is null ? new GaussianNB().PartialFit(xc, yc, all, wc) : model.PartialFit(xc, yc, wc);
            }
            return model!;
        }
        var est = c["priors"] is JsonNode p ? new GaussianNB { Priors = LinearTestData.Doubles(p) } : new GaussianNB();
        return est.Fit(xx, y, weighted ? w : null);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var model = FitCase(c, out var x);
        Assert.Equal(c["classes"]!.AsArray().Select(v => v!.GetValue<string>()), model.Classes);
        AssertRel(LinearTestData.Rows(c["theta"]), model.Theta, 1e-10, "theta");
        AssertRel(LinearTestData.Rows(c["var"]), model.Var, 1e-10, "var");
        var prior = LinearTestData.Doubles(c["class_prior"]);
        for (int k = 0; k < prior.Length; k++) Assert.Equal(prior[k], model.ClassPrior[k], 1e-12);
        var counts = LinearTestData.Doubles(c["class_count"]);
        for (int k = 0; k < counts.Length; k++) Assert.Equal(counts[k], model.ClassCount[k], 1e-9);
        double eps = c["epsilon"]!.GetValue<double>();
        Assert.Equal(eps, model.Epsilon, 1e-10 * eps);
        var proba = LinearTestData.Rows(c["proba"]);
        var mine = model.PredictProba(x);
        for (int i = 0; i < proba.Length; i++)
            for (int k = 0; k < proba[i].Length; k++)
                Assert.True(Math.Abs(proba[i][k] - mine[i, k]) <= 1e-10, $"proba[{i},{k}] {mine[i, k]:R} vs {proba[i][k]:R}");
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<string>()), model.Predict(x));
    }

    private static void AssertRel(double[][] expected, Matrix actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Rows);
        for (int i = 0; i < expected.Length; i++)
            for (int j = 0; j < expected[i].Length; j++)
                Assert.True(Math.Abs(expected[i][j] - actual[i, j]) <= tol * Math.Max(1e-300, Math.Abs(expected[i][j])),
                    $"{what}[{i},{j}] {actual[i, j]:R} vs {expected[i][j]:R}");
    }

    [Fact]
    public void PartialFitInOneChunkEqualsFit()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var fit = new GaussianNB().Fit(x, y);
        var partial = new GaussianNB().PartialFit(x, y, y);
        Assert.Equal(fit.Theta.AsSpan().ToArray(), partial.Theta.AsSpan().ToArray());
        Assert.Equal(fit.Var.AsSpan().ToArray(), partial.Var.AsSpan().ToArray());
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var bad = Assert.Throws<InvalidHyperparameterException>(() => new GaussianNB { Priors = [0.5, 0.6, 0.1] }.Fit(x, y));
        Assert.Equal("priors", bad.Parameter);
        Assert.Contains("sum to 1", bad.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => new GaussianNB { Priors = [0.5, 0.5] }.Fit(x, y));
        Assert.Throws<InvalidHyperparameterException>(() => new GaussianNB { VarSmoothing = -1 }.Fit(x, y));
        var model = new GaussianNB().PartialFit(x.RowRange(0, 10), y[..10], new[] { "setosa", "versicolor" });
        var e = Assert.Throws<InvalidInputException>(() => model.PartialFit(x.RowRange(140, 5), y[140..145]));
        Assert.Contains("virginica", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => new GaussianNB().Fit(x.RowRange(0, 10), y[..10]));
    }

    [Fact]
    public void SaveLoadThenPartialFitContinuesTheSame()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var order = Enumerable.Range(0, 150).Select(i => i * 7 % 150).ToArray();
        var first = order[..75];
        var second = order[75..];
        var model = new GaussianNB().PartialFit(x.SelectRows(first), first.Select(i => y[i]).ToArray(), y);
        var back = Assert.IsType<GaussianNBModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        var a = model.PartialFit(x.SelectRows(second), second.Select(i => y[i]).ToArray());
        var b = back.PartialFit(x.SelectRows(second), second.Select(i => y[i]).ToArray());
        Assert.Equal(a.Var.AsSpan().ToArray(), b.Var.AsSpan().ToArray());
        Assert.Equal(a.PredictProba(x).AsSpan().ToArray(), b.PredictProba(x).AsSpan().ToArray());
    }
}
