using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Optimization;
using Fathom.Persistence;
using Fathom.Tests.Optimization;

namespace Fathom.Tests.Linear;

public class LogisticRegressionTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "logistic_reference.json");

    private static (Matrix X, string[] Y, double[]? W, LogisticRegression Est, JsonNode Case) Case(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        Matrix x;
        string[] y;
        if (name.StartsWith("breast_cancer", StringComparison.Ordinal))
        {
            (x, y) = LinearTestData.LoadSample("breast_cancer.csv");
            x = LinearTestData.Standardize(x);
        }
        else
        {
            (x, y) = LinearTestData.LoadSample("iris.csv");
            if (name.StartsWith("iris_std", StringComparison.Ordinal)) x = LinearTestData.Standardize(x);
            if (name.StartsWith("iris_versicolor_virginica", StringComparison.Ordinal))
            {
                var rows = Enumerable.Range(0, y.Length).Where(i => y[i] != "setosa").ToArray();
                x = x.SelectRows(rows).SelectColumns([0, 1]);
                y = rows.Select(i => y[i]).ToArray();
            }
        }
        var p = c["params"]!.AsObject();
        var est = new LogisticRegression { Tol = 1e-10, MaxIter = 10000 };
        if (p["C"] is JsonNode cn) est = est with { C = cn.GetValue<double>() };
        if (p["fit_intercept"] is JsonNode fi) est = est with { FitIntercept = fi.GetValue<bool>() };
        if (p["class_weight"] is not null) est = est with { ClassWeight = ClassWeightMode.Balanced };
        if (p["penalty"] is not null) est = est with { Penalty = LogisticPenalty.None };
        double[]? w = c["sample_weight"] is JsonArray wa ? LinearTestData.Doubles(wa) : null;
        return (x, y, w, est, c);
    }

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    /// <summary>The estimator (same stopping rules as sklearn's lbfgs, tol = 1e-10) against sklearn and the true optimum.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var (x, y, w, est, c) = Case(name);
        var model = est.Fit(x, y, w);
        Assert.Equal(c["classes"]!.AsArray().Select(v => v!.GetValue<string>()), model.Classes);
        var proba = model.PredictProba(x);
        double loss = Fathom.Metrics.ClassificationMetrics.LogLoss(y, proba, model.Classes.ToArray(), w);

        // Both stop on SciPy's relative-decrease rule (2.2e-9), so both sit within ~1e-7 of the optimal log-loss.
        // On unscaled iris (badly conditioned) both stop early: sklearn 1.3e-5 above the optimal log-loss.
        bool raw = name.StartsWith("iris_raw", StringComparison.Ordinal);
        double optLoss = c["optimum_log_loss"]!.GetValue<double>();
        Assert.True(Math.Abs(loss - optLoss) < (raw ? 2e-5 : 1e-6), $"log-loss {loss} vs optimum {optLoss}");
        if (!raw)
            Assert.True(Math.Abs(loss - c["log_loss"]!.GetValue<double>()) < 1e-6, $"log-loss {loss} vs sklearn {c["log_loss"]}");
        AssertCoefficients(model, c, "optimum_", raw ? 5e-3 : 3e-4);
        AssertCoefficients(model, c, "", raw ? 5e-3 : 1e-4);
    }

    /// <summary>The objective driven to its minimum (ftol = 0) reproduces the true optimum tightly.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void ObjectiveMinimumMatchesOptimum(string name)
    {
        var (x, y, w, est, c) = Case(name);
        var labels = ClassLabels.FromStrings(y);
        int k = labels.ClassCount == 2 ? 1 : labels.ClassCount;
        var sw = w is null ? Enumerable.Repeat(1.0, y.Length).ToArray() : (double[])w.Clone();
        if (est.ClassWeight == ClassWeightMode.Balanced)
        {
            var counts = labels.ClassCounts();
            for (int i = 0; i < sw.Length; i++) sw[i] *= y.Length / (double)(labels.ClassCount * counts[labels.Codes[i]]);
        }
        double l2 = est.Penalty == LogisticPenalty.L2 ? 1 / est.C : 0;
        var f = new LogisticObjective(x, labels.Codes.ToArray(), sw, k, est.FitIntercept, l2, 1);
        var r = new Lbfgs { GradientTolerance = 1e-9, FunctionTolerance = 0, MaxIterations = 100000 }.Minimize(f, new double[f.Dimension]);
        Assert.True(Math.Abs(r.Value - c["optimum_objective"]!.GetValue<double>()) <= 1e-12 * Math.Abs(r.Value) + 1e-13,
            $"objective {r.Value} vs {c["optimum_objective"]}");
        var coef = LinearTestData.Rows(c["optimum_coef"]);
        int p = x.Columns;
        double tol = est.Penalty == LogisticPenalty.None ? 1e-4 : 1e-6;
        for (int a = 0; a < k; a++)
            for (int j = 0; j < p; j++) Assert.Equal(coef[a][j], r.Solution[a * p + j], tol);
    }

    [Theory]
    [InlineData(1, true, 40, 4)]
    [InlineData(1, false, 41, 7)]   // vector kernels' row and column tails
    [InlineData(1, true, 43, 3)]    // fewer columns than a vector: scalar path
    [InlineData(3, true, 40, 4)]
    [InlineData(3, false, 41, 9)]
    public void ObjectiveGradientMatchesFiniteDifferences(int k, bool intercept, int n, int p)
    {
        var rng = new Random(5);
        var x = new Matrix(n, p);
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) x[i, j] = rng.NextDouble() * 4 - 2;
        var y = Enumerable.Range(0, n).Select(i => i % Math.Max(2, k)).ToArray();
        var sw = Enumerable.Range(0, n).Select(i => 0.5 + (i % 3)).ToArray();
        var f = new LogisticObjective(x, y, sw, k, intercept, 0.7, 1);
        var theta = Enumerable.Range(0, f.Dimension).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        Assert.True(GradientCheck.MaxError(f, theta) < 1e-7);
        // Large |z| stays finite and accurate (log1p(exp(-|z|)) and log-sum-exp).
        var big = theta.Select(t => t * 300).ToArray();
        Assert.True(GradientCheck.MaxError(f, big, 1e-7) < 1e-5);
        Assert.True(double.IsFinite(f.Evaluate(big, new double[f.Dimension])));
    }

    [Fact]
    public void ResultDoesNotDependOnThreadCount()
    {
        var rng = new Random(11);
        int n = 20000, p = 12;
        var x = new Matrix(n, p);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < p; j++) { x[i, j] = rng.NextDouble() * 2 - 1; s += x[i, j] * (j - 5); }
            y[i] = s + rng.NextDouble() * 3 > 0 ? 1 : 0;
        }
        var est = new LogisticRegression();
        var m1 = est.Fit(x, y, null, new FitContext { MaxThreads = 1 });
        var m2 = est.Fit(x, y, null, new FitContext { MaxThreads = 2 });
        var m4 = est.Fit(x, y, null, new FitContext { MaxThreads = 4 });
        Assert.Equal(m1.Coefficients.AsSpan().ToArray(), m2.Coefficients.AsSpan().ToArray());
        Assert.Equal(m1.Coefficients.AsSpan().ToArray(), m4.Coefficients.AsSpan().ToArray());
        Assert.Equal(m1.Intercept, m4.Intercept);
        Assert.Equal(m1.Iterations, m4.Iterations);
    }

    [Fact]
    public void BinaryModelHasOneRowAndConsistentPredictions()
    {
        var (x, y, _, est, _) = Case("breast_cancer_std_C1");
        var model = new LogisticRegression().Fit(x, y);
        Assert.Equal(1, model.Coefficients.Rows);
        Assert.Equal(30, model.FeatureCount);
        Assert.True(model.Converged);
        Assert.True(model.Iterations > 5);
        var z = model.DecisionFunction(x);
        var proba = model.PredictProba(x);
        var idx = model.PredictIndex(x);
        var names = model.Predict(x);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.Equal(1.0, proba[i, 0] + proba[i, 1], 12);
            Assert.Equal(1 / (1 + Math.Exp(-z[i, 0])), proba[i, 1], 12);
            Assert.Equal(z[i, 0] > 0 ? 1 : 0, idx[i]);
            Assert.Equal(model.Classes[idx[i]], names[i]);
        }
        double acc = Enumerable.Range(0, y.Length).Count(i => names[i] == y[i]) / (double)y.Length;
        Assert.True(acc > 0.97);
        _ = est;
    }

    [Fact]
    public void UnitWeightsEqualNoWeightsAndIntegerWeightsEqualRepeatedRows()
    {
        var (x, y, _, _, _) = Case("iris_std_C10_no_intercept");
        var est = new LogisticRegression { Tol = 1e-10, MaxIter = 10000 };
        var a = est.Fit(x, y);
        var b = est.Fit(x, y, Enumerable.Repeat(1.0, y.Length).ToArray());
        Assert.Equal(a.Coefficients.AsSpan().ToArray(), b.Coefficients.AsSpan().ToArray());

        var w = Enumerable.Range(0, y.Length).Select(i => (double)(i % 3)).ToArray();
        var rows = Enumerable.Range(0, y.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var c = est.Fit(x, y, w);
        var d = est.Fit(x.SelectRows(rows), rows.Select(i => y[i]).ToArray());
        var cc = c.Coefficients.AsSpan().ToArray();
        var dc = d.Coefficients.AsSpan().ToArray();
        for (int i = 0; i < cc.Length; i++) Assert.Equal(dc[i], cc[i], 3e-4);
    }

    [Fact]
    public void SaveLoadGivesIdenticalPredictions()
    {
        var (x, y, _, _, _) = Case("iris_raw_C1");
        var model = new LogisticRegression { C = 0.5, ClassWeight = ClassWeightMode.Balanced }.Fit(x, y);
        var loaded = (LogisticRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), loaded.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(model.Predict(x), loaded.Predict(x));
        Assert.Equal(model.Classes, loaded.Classes);
        Assert.Equal(model.Parameters, loaded.Parameters);
        Assert.Equal(model.Iterations, loaded.Iterations);
        Assert.Equal(model.LabelKind, loaded.LabelKind);

        var (xb, yb, _, _, _) = Case("breast_cancer_std_C1");
        var binary = new LogisticRegression { FitIntercept = false }.Fit(xb, yb);
        var back = (LogisticRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(binary)).Model;
        Assert.Equal(binary.PredictProba(xb).AsSpan().ToArray(), back.PredictProba(xb).AsSpan().ToArray());
    }

    [Fact]
    public void BadInputAndHyperparametersFailClearly()
    {
        var x = new Matrix(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        Assert.Equal("c", Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegression { C = 0 }.Fit(x, new[] { "a", "b", "a" })).Parameter);
        Assert.Equal("max_iter", Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegression { MaxIter = 0 }.Fit(x, new[] { "a", "b", "a" })).Parameter);
        Assert.Contains("one class", Assert.Throws<InvalidInputException>(() => new LogisticRegression().Fit(x, new[] { "a", "a", "a" })).Message);
        Assert.Throws<InvalidInputException>(() => new LogisticRegression().Fit(x, new[] { "a", "b" }));
        Assert.Throws<InvalidInputException>(() => new LogisticRegression().Fit(x, new[] { "a", "b", "a" }, [1, -1, 1]));
        var bad = x.Clone();
        bad[1, 1] = double.NaN;
        var e = Assert.Throws<InvalidInputException>(() => new LogisticRegression().Fit(bad, new[] { "a", "b", "a" }));
        Assert.Equal(1, e.Row);
        var model = new LogisticRegression().Fit(x, new[] { "a", "b", "a" });
        Assert.Contains("2 features", Assert.Throws<InvalidInputException>(() => model.PredictProba(new Matrix(2, 3))).Message);
    }

    [Fact]
    public void HyperparametersAreDeclaredWithSklearnDefaults()
    {
        var d = Hyperparameters.Describe(typeof(LogisticRegression)).ToDictionary(h => h.Key, h => h.Default);
        Assert.Equal(1.0, d["c"]);
        Assert.Equal(100, d["max_iter"]);
        Assert.Equal(1e-4, d["tol"]);
        Assert.Equal(true, d["fit_intercept"]);
        var e = Hyperparameters.With(new LogisticRegression(), [new("c", "0.25"), new("penalty", "none"), new("class_weight", "balanced")]);
        Assert.Equal(new LogisticRegression { C = 0.25, Penalty = LogisticPenalty.None, ClassWeight = ClassWeightMode.Balanced }, e);
    }

    /// <summary>|fathom − reference| &lt; tol · max(1, |reference|) for every coefficient and intercept.</summary>
    private static void AssertCoefficients(LogisticRegressionModel model, JsonNode c, string prefix, double tol)
    {
        var coef = LinearTestData.Rows(c[prefix + "coef"]);
        var b = LinearTestData.Doubles(c[prefix + "intercept"]);
        var mc = model.Coefficients;
        Assert.Equal(coef.Length, mc.Rows);
        for (int a = 0; a < mc.Rows; a++)
        {
            for (int j = 0; j < mc.Columns; j++) Assert.True(Math.Abs(coef[a][j] - mc[a, j]) < tol * Math.Max(1, Math.Abs(coef[a][j])), $"coef[{a},{j}] {mc[a, j]} vs {coef[a][j]}");
            Assert.True(Math.Abs(b[a] - model.Intercept[a]) < tol * Math.Max(1, Math.Abs(b[a])), $"intercept[{a}] {model.Intercept[a]} vs {b[a]}");
        }
    }
}
