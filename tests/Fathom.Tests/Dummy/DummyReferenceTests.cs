using System.Text.Json;
using Fathom.Core;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Dummy;

/// <summary>DummyRegressor and DummyClassifier against scikit-learn 1.2.1 (Reference/dummy_reference.json).</summary>
public class DummyReferenceTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestDatasets.TestFilePath("Dummy", "Reference", "dummy_reference.json"))).RootElement);

    public static TheoryData<string> RegressionCases() => Names("regression");

    public static TheoryData<string> ClassificationCases() => Names("classification");

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void RegressorMatchesScikitLearn(string name)
    {
        var c = Case("regression", name);
        double[] y = c.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[]? w = Weights(c);
        var x = new Matrix(y.Length, 2);
        int checkedCount = 0;
        foreach (var r in c.GetProperty("results").EnumerateArray())
        {
            var strategy = Enum.Parse<DummyRegressorStrategy>(r.GetProperty("strategy").GetString()!.Replace("_", ""), ignoreCase: true);
            double? q = r.GetProperty("quantile").ValueKind == JsonValueKind.Null ? null : r.GetProperty("quantile").GetDouble();
            double expected = r.GetProperty("constant").GetDouble();
            var model = new DummyRegressor { Strategy = strategy, Quantile = q }.Fit(x, y, w);
            // numpy's mean sums pairwise, ours sequentially: allow a few ulps; the order statistics are exact.
            double tol = strategy == DummyRegressorStrategy.Mean ? 1e-13 * Math.Abs(expected) : 1e-12 * Math.Max(1, Math.Abs(expected));
            Assert.True(Math.Abs(model.Constant - expected) <= tol,
                $"{name} {strategy} q={q}: got {model.Constant:R}, scikit-learn {expected:R}");
            Assert.Equal(Enumerable.Repeat(model.Constant, 3), model.Predict(x.RowRange(0, 3)));
            checkedCount++;
        }
        Assert.Equal(9, checkedCount);
    }

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void ClassifierMatchesScikitLearn(string name)
    {
        var c = Case("classification", name);
        string[] labels = c.GetProperty("y").EnumerateArray().Select(e => e.GetString()!).ToArray();
        bool numeric = labels.All(l => int.TryParse(l, out _));
        ClassLabels y = numeric ? labels.Select(int.Parse).ToArray() : labels;
        double[]? w = Weights(c);
        var x = new Matrix(labels.Length, 1);
        foreach (var r in c.GetProperty("results").EnumerateArray())
        {
            string s = r.GetProperty("strategy").GetString()!;
            var strategy = Enum.Parse<DummyClassifierStrategy>(s.Replace("_", ""), ignoreCase: true);
            string? constant = strategy == DummyClassifierStrategy.Constant ? ConstantFor(name) : null;
            var model = new DummyClassifier { Strategy = strategy, Constant = constant }.Fit(x, y, w);

            Assert.Equal(r.GetProperty("classes").EnumerateArray().Select(e => e.GetString()!), model.Classes);
            var prior = r.GetProperty("class_prior").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int k = 0; k < prior.Length; k++) Assert.Equal(prior[k], model.ClassPrior[k], 14);
            var proba = r.GetProperty("predict_proba_row").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var ours = model.PredictProba(x.RowRange(0, 1));
            for (int k = 0; k < proba.Length; k++) Assert.Equal(proba[k], ours[0, k], 14);
            if (r.GetProperty("predict").ValueKind != JsonValueKind.Null)
                Assert.Equal(r.GetProperty("predict").EnumerateArray().Select(e => e.GetString()!), model.Predict(x.RowRange(0, 3)));
        }
    }

    private static string ConstantFor(string name) => name switch
    {
        "iris_imbalanced" => "virginica",
        "iris_imbalanced_weighted" => "versicolor",
        _ => "2",
    };

    private static double[]? Weights(JsonElement c) =>
        c.GetProperty("w").ValueKind == JsonValueKind.Null ? null : c.GetProperty("w").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static JsonElement Case(string family, string name) =>
        Reference.Value.GetProperty(family).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static TheoryData<string> Names(string family)
    {
        var data = new TheoryData<string>();
        foreach (var e in Reference.Value.GetProperty(family).EnumerateArray()) data.Add(e.GetProperty("name").GetString()!);
        return data;
    }
}
