using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Boosting;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Boosting;

/// <summary>
/// Native categorical splits against scikit-learn 1.2.1's HistGradientBoosting with categorical_features
/// (Reference/make_boosting_reference_categorical.py: penguins with ordinal-encoded species, island and sex).
/// </summary>
public class CategoricalBoostingTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Boosting", "Reference", "boosting_reference_categorical.json")))!);

    private static readonly Lazy<double[][]> Penguins = new(() =>
        File.ReadAllLines(TestDatasets.TestFilePath("Boosting", "Reference", "penguins_encoded.csv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray());

    private static int[] Ints(JsonNode node) => node.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    private static (Matrix XTrain, double[] YTrain, Matrix XTest, double[] YTest) Data(string key, int[] columns, int target)
    {
        var r = Ref.Value[key]!;
        var rows = Ints(r["rows"]!);
        var test = Ints(r["test"]!);
        var isTest = new bool[rows.Length];
        foreach (int i in test) isTest[i] = true;
        var train = Enumerable.Range(0, rows.Length).Where(i => !isTest[i]).ToArray();
        Matrix X(int[] idx) => Matrix.FromRows(idx.Select(i => columns.Select(c => Penguins.Value[rows[i]][c]).ToArray()).ToArray());
        double[] Y(int[] idx) => idx.Select(i => Penguins.Value[rows[i]][target]).ToArray();
        return (X(train), Y(train), X(test), Y(test));
    }

    [Fact]
    public void RegressionWithCategoricalFeaturesMatchesScikitLearn()
    {
        var (xtr, ytr, xte, yte) = Data("regression", [0, 1, 2, 3, 4, 5], 6);
        var est = new GradientBoostingRegressor { CategoricalFeatures = "0,1,2" };
        foreach (int it in new[] { 1, 2, 3, 100 })
        {
            var p = (est with { MaxIter = it }).Fit(xtr, ytr).Predict(xte);
            var e = Ref.Value["regression"]![it.ToString(CultureInfo.InvariantCulture)]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            // Early iterations agree to rounding; after 100 a near-tied split may differ, so compare the test R².
            if (it < 100)
                for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - p[i]) <= 1e-6 * Math.Abs(e[i]), $"iteration {it} row {i}: {p[i]} vs {e[i]}");
            else
                Assert.InRange(Fathom.Metrics.RegressionMetrics.R2(yte, p), Ref.Value["regression"]!["r2"]!.GetValue<double>() - 0.005, 1);
        }
        // The categorical model is not the numeric one (its splits group categories).
        var numeric = new GradientBoostingRegressor().Fit(xtr, ytr).Predict(xte);
        Assert.NotEqual(numeric, est.Fit(xtr, ytr).Predict(xte));
    }

    [Fact]
    public void MulticlassWithACategoricalFeatureMatchesScikitLearn()
    {
        var (xtr, ytr, xte, yte) = Data("classification", [1, 3, 4, 5, 6], 0);
        var labels = ytr.Select(v => (int)v).ToArray();
        foreach (int it in new[] { 1, 2, 3 })
        {
            var raw = new GradientBoostingClassifier { MaxIter = it, CategoricalFeatures = "0" }.Fit(xtr, labels).DecisionFunction(xte);
            var e = Ref.Value["classification"]![it.ToString(CultureInfo.InvariantCulture)]!.AsArray();
            for (int i = 0; i < xte.Rows; i++)
                for (int k = 0; k < 3; k++)
                {
                    double ev = e[i]![k]!.GetValue<double>();
                    Assert.True(Math.Abs(ev - raw[i, k]) <= 1e-6 * Math.Max(1, Math.Abs(ev)), $"iteration {it} row {i} class {k}: {raw[i, k]} vs {ev}");
                }
        }
        var m = new GradientBoostingClassifier { CategoricalFeatures = "0" }.Fit(xtr, labels);
        double acc = Fathom.Metrics.ClassificationMetrics.Accuracy(yte.Select(v => (int)v).ToArray(), m.PredictIndex(xte).Select(i => int.Parse(m.Classes[i], CultureInfo.InvariantCulture)).ToArray());
        Assert.InRange(acc, Ref.Value["classification"]!["accuracy"]!.GetValue<double>() - 0.005, 1);
    }

    [Fact]
    public void UnknownCategoriesFollowMissingValuesAndSurviveSaveLoad()
    {
        var (xtr, ytr, xte, _) = Data("regression", [0, 1, 2, 3, 4, 5], 6);
        var m = new GradientBoostingRegressor { CategoricalFeatures = "0,1,2", MaxIter = 20 }.Fit(xtr, ytr);
        var unknown = xte.Clone();
        var missing = xte.Clone();
        for (int i = 0; i < xte.Rows; i++)
        {
            unknown[i, 0] = 7; // species codes seen in training are 0..2
            missing[i, 0] = double.NaN;
        }
        Assert.Equal(m.Predict(missing), m.Predict(unknown));
        var loaded = (GradientBoostingRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
        Assert.Equal(m.Predict(xte), loaded.Predict(xte));
        Assert.Equal(m.Predict(unknown), loaded.Predict(unknown));
    }

    [Fact]
    public void CategoricalValuesAndIndicesAreChecked()
    {
        var x = Matrix.FromArray(new double[,] { { 0, 1 }, { 1.5, 2 }, { 2, 3 } });
        var e = Assert.Throws<InvalidInputException>(() => new GradientBoostingRegressor { CategoricalFeatures = "0" }.Fit(x, [1, 2, 3]));
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
        var h = Assert.Throws<InvalidHyperparameterException>(() => new GradientBoostingRegressor { CategoricalFeatures = "2" }.Fit(x, [1, 2, 3]));
        Assert.Equal("categorical_features", h.Parameter);
        Assert.Throws<InvalidHyperparameterException>(() => new GradientBoostingRegressor { CategoricalFeatures = "1", MonotonicCst = "0,1" }.Fit(x, [1, 2, 3]));
    }

    [Fact]
    public void BlockPredictionEqualsTheTreeByTreeWalk()
    {
        // Multiclass with a categorical feature and missing values; the test rows add unseen categories (7, −1, 2.5)
        // and missing values, and sit in a wider matrix so that the rows are strided. Every raw value must equal
        // baseline + Σ tree.Predict(row), added in iteration order, to the bit.
        var (xtr, ytr, xte, _) = Data("classification", [1, 3, 4, 5, 6], 0);
        var labels = ytr.Select(v => (int)v).ToArray();
        var m = new GradientBoostingClassifier { MaxIter = 30, CategoricalFeatures = "0" }.Fit(xtr, labels);
        int n = xte.Rows + 600, p = xte.Columns;
        var wide = new Matrix(n, p + 3);
        var rng = new Random(4);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                wide[i, j] = i < xte.Rows ? xte[i, j] : xte[rng.Next(xte.Rows), j];
        for (int i = xte.Rows; i < n; i += 3) wide[i, 0] = new[] { 7, -1, 2.5, double.NaN }[rng.Next(4)];
        for (int i = xte.Rows + 1; i < n; i += 5) wide[i, 1 + rng.Next(p - 1)] = double.NaN;
        var x = wide.Slice(0, 0, n, p);
        var raw = m.DecisionFunction(x);
        var e = m.Ensemble;
        int K = e.TreesPerIteration;
        Assert.True(K > 1);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < K; k++)
            {
                double s = e.Baseline[k];
                for (int t = 0; t < e.Iterations; t++) s += e.Trees[t * K + k].Predict(x.Row(i));
                Assert.Equal(BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(raw[i, k]));
            }
        // Staged predictions end at the same values.
        var last = e.StagedRaw(x).Last();
        for (int i = 0; i < n; i++)
            for (int k = 0; k < K; k++) Assert.Equal(raw[i, k], last[i, k]);
    }
}
