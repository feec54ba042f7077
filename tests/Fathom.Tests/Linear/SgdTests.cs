using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

/// <summary>SGD estimators against scikit-learn 1.2.1 with shuffle = false (same update sequence; see
/// Reference/make_sgd_reference.py), plus convergence and partial-fit identities.</summary>
public class SgdTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "sgd_reference.json");

    public static TheoryData<string> ClassifierCases => new(Ref["classifier"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    public static TheoryData<string> RegressorCases => new(Ref["regressor"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    private static T Enum<T>(string text) where T : struct, System.Enum =>
        System.Enum.GetValues<T>().First(v => Hyperparameters.ToSnakeCase(v.ToString()) == text.Replace("elasticnet", "elastic_net"));

    private static SGDClassifier Classifier(JsonObject p)
    {
        var e = new SGDClassifier { Shuffle = false };
        foreach (var (key, v) in p)
        {
            e = key switch
            {
                "loss" => e with { Loss = Enum<SgdClassifierLoss>(v!.GetValue<string>()) },
                "penalty" => e with { Penalty = Enum<SgdPenalty>(v!.GetValue<string>()) },
                "alpha" => e with { Alpha = v!.GetValue<double>() },
                "learning_rate" => e with { LearningRate = Enum<SgdLearningRate>(v!.GetValue<string>()) },
                "eta0" => e with { Eta0 = v!.GetValue<double>() },
                "tol" => e with { Tol = v?.GetValue<double>() },
                "max_iter" => e with { MaxIter = v!.GetValue<int>() },
                "class_weight" => e with { ClassWeight = ClassWeightMode.Balanced },
                "average" => e with { Average = v!.GetValueKind() == System.Text.Json.JsonValueKind.True ? 1 : v.GetValue<int>() },
                "fit_intercept" => e with { FitIntercept = v!.GetValue<bool>() },
                _ => throw new InvalidOperationException(key),
            };
        }
        return e;
    }

    private static SGDRegressor Regressor(JsonObject p)
    {
        var e = new SGDRegressor { Shuffle = false };
        foreach (var (key, v) in p)
        {
            e = key switch
            {
                "loss" => e with { Loss = Enum<SgdRegressorLoss>(v!.GetValue<string>()) },
                "penalty" => e with { Penalty = v is null ? SgdPenalty.None : Enum<SgdPenalty>(v.GetValue<string>()) },
                "alpha" => e with { Alpha = v!.GetValue<double>() },
                "learning_rate" => e with { LearningRate = Enum<SgdLearningRate>(v!.GetValue<string>()) },
                "eta0" => e with { Eta0 = v!.GetValue<double>() },
                "epsilon" => e with { Epsilon = v!.GetValue<double>() },
                "tol" => e with { Tol = v?.GetValue<double>() },
                "max_iter" => e with { MaxIter = v!.GetValue<int>() },
                "average" => e with { Average = v!.GetValue<int>() },
                _ => throw new InvalidOperationException(key),
            };
        }
        return e;
    }

    private static (Matrix X, string[] Y) Classification(string file)
    {
        var (x, y) = LinearTestData.LoadSample(file);
        return (LinearTestData.Standardize(x), y);
    }

    internal static (Matrix X, double[] Y) Diabetes()
    {
        var (x, y) = LinearTestData.LoadSample("diabetes.csv");
        var t = y.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double mean = t.Average(), sd = Math.Sqrt(t.Select(v => (v - mean) * (v - mean)).Average());
        return (LinearTestData.Standardize(x), t.Select(v => (v - mean) / sd).ToArray());
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-8 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual} vs sklearn {expected}");

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void ClassifierMatchesScikitLearnWithoutShuffling(string name)
    {
        var c = Ref["classifier"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = Classification(c["file"]!.GetValue<string>());
        var p = c["params"]!.AsObject();
        var w = c["sample_weight"] is JsonArray wa ? LinearTestData.Doubles(wa) : null;
        SGDClassifierModel model;
        if (p["estimator"] is not null)
        {
            var per = new Perceptron { Shuffle = false };
            if (p["penalty"] is not null) per = per with { Penalty = SgdPenalty.L2, Alpha = p["alpha"]!.GetValue<double>() };
            model = per.Fit(x, y, w);
        }
        else model = Classifier(p).Fit(x, y, w);
        Assert.Equal(c["classes"]!.AsArray().Select(v => v!.GetValue<string>()), model.Classes);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.Iterations);
        Assert.Equal(c["t"]!.GetValue<double>(), model.SamplesSeen);
        var coef = LinearTestData.Rows(c["coef"]);
        var intercept = LinearTestData.Doubles(c["intercept"]);
        for (int r = 0; r < coef.Length; r++)
        {
            for (int j = 0; j < coef[r].Length; j++) Close(coef[r][j], model.Coefficients[r, j], $"{name} coef[{r},{j}]");
            Close(intercept[r], model.Intercept[r], $"{name} intercept[{r}]");
        }
        if (c["proba_first5"] is JsonArray pa)
        {
            var proba = model.PredictProba(x.SelectRows([0, 1, 2, 3, 4]));
            var refProba = LinearTestData.Rows(pa);
            for (int i = 0; i < 5; i++)
                for (int k = 0; k < refProba[i].Length; k++) Assert.Equal(refProba[i][k], proba[i, k], 1e-8);
        }
    }

    [Theory]
    [MemberData(nameof(RegressorCases))]
    public void RegressorMatchesScikitLearnWithoutShuffling(string name)
    {
        var c = Ref["regressor"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = Diabetes();
        var w = c["sample_weight"] is JsonArray wa ? LinearTestData.Doubles(wa) : null;
        var model = Regressor(c["params"]!.AsObject()).Fit(x, y, w);
        Assert.Equal(c["n_iter"]!.GetValue<int>(), model.Iterations);
        Assert.Equal(c["t"]!.GetValue<double>(), model.SamplesSeen);
        var coef = LinearTestData.Doubles(c["coef"]);
        for (int j = 0; j < coef.Length; j++) Close(coef[j], model.Coefficients[j], $"{name} coef[{j}]");
        Close(c["intercept"]!.GetValue<double>(), model.Intercept, $"{name} intercept");
    }

    [Fact]
    public void PartialFitOverChunksMatchesScikitLearn()
    {
        var (xb, yb) = Classification("breast_cancer.csv");
        var est = new SGDClassifier { Shuffle = false, Loss = SgdClassifierLoss.LogLoss, Alpha = 1e-3 };
        var classes = yb.Distinct().ToArray();
        var m = est.PartialFit(xb.SelectRows(Enumerable.Range(0, 200).ToArray()), yb[..200], classes);
        m = m.PartialFit(xb.SelectRows(Enumerable.Range(200, 200).ToArray()), yb[200..400]);
        m = m.PartialFit(xb.SelectRows(Enumerable.Range(400, yb.Length - 400).ToArray()), yb[400..]);
        var c = Ref["partial"]![0]!;
        var coef = LinearTestData.Rows(c["coef"]);
        for (int j = 0; j < coef[0].Length; j++) Close(coef[0][j], m.Coefficients[0, j], $"coef[{j}]");
        Close(c["intercept"]![0]!.GetValue<double>(), m.Intercept[0], "intercept");
        Assert.Equal(c["t"]!.GetValue<double>(), m.SamplesSeen);

        var (x, y) = Diabetes();
        var r = new SGDRegressor { Shuffle = false }.PartialFit(x.SelectRows(Enumerable.Range(0, 150).ToArray()), y[..150]);
        r = r.PartialFit(x.SelectRows(Enumerable.Range(150, 150).ToArray()), y[150..300]);
        r = r.PartialFit(x.SelectRows(Enumerable.Range(300, y.Length - 300).ToArray()), y[300..]);
        var rc = Ref["partial"]![1]!;
        var rcoef = LinearTestData.Doubles(rc["coef"]);
        for (int j = 0; j < rcoef.Length; j++) Close(rcoef[j], r.Coefficients[j], $"regressor coef[{j}]");
    }

    [Fact]
    public void PartialFitOverChunksEqualsOneEpochOverTheConcatenation()
    {
        var (x, y) = Classification("iris.csv");
        // L2 (not L1): the truncated-gradient L1 accumulators restart with every call, in scikit-learn too.
        var est = new SGDClassifier { Shuffle = false, Loss = SgdClassifierLoss.ModifiedHuber };
        var one = (est with { MaxIter = 1, Tol = null }).Fit(x, y);
        var m = est.PartialFit(x.SelectRows(Enumerable.Range(0, 60).ToArray()), y[..60], ["virginica", "setosa", "versicolor"]);
        m = m.PartialFit(x.SelectRows(Enumerable.Range(60, 90).ToArray()), y[60..]);
        Assert.Equal(one.Classes, m.Classes);
        Assert.Equal(one.SamplesSeen, m.SamplesSeen);
        for (int r = 0; r < 3; r++)
            for (int j = 0; j < x.Columns; j++) Assert.Equal(one.Coefficients[r, j], m.Coefficients[r, j], 12);
    }

    [Fact]
    public void PartialFitRejectsUnknownLabelAndBalancedWeights()
    {
        var (x, y) = Classification("iris.csv");
        var m = new SGDClassifier().PartialFit(x, y, ["setosa", "versicolor", "virginica"]);
        var e = Assert.Throws<InvalidInputException>(() => m.PartialFit(x.SelectRows([0]), new[] { "rose" }));
        Assert.Contains("rose", e.Message, StringComparison.Ordinal);
        var h = Assert.Throws<InvalidHyperparameterException>(() =>
            new SGDClassifier { ClassWeight = ClassWeightMode.Balanced }.PartialFit(x, y, ["setosa", "versicolor", "virginica"]));
        Assert.Equal("class_weight", h.Parameter);
    }

    /// <summary>Squared error + L2 with a slowly decaying rate and averaging converges to the ridge solution with
    /// penalty n·α (SGD minimizes the mean of ½(p − y)² + α/2·‖w‖²), on well-conditioned synthetic data.</summary>
    [Fact]
    public void SquaredErrorWithL2ConvergesToRidge()
    {
        var rng = new RandomSource(11);
        int n = 300, p = 5;
        var x = new Matrix(n, p);
        var y = new double[n];
        double[] beta = [1.5, -2, 0.5, 0, 3];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++) x[i, j] = rng.NextGaussian();
            y[i] = 0.7 + 0.3 * rng.NextGaussian();
            for (int j = 0; j < p; j++) y[i] += beta[j] * x[i, j];
        }
        double alpha = 0.01;
        var sgd = new SGDRegressor { Alpha = alpha, Eta0 = 0.01, PowerT = 0.25, MaxIter = 300, Tol = null, Average = 50 * 300, Seed = 3 }.Fit(x, y);
        var ridge = new Ridge { Alpha = alpha * n }.Fit(x, y);
        for (int j = 0; j < p; j++)
            Assert.True(Math.Abs(sgd.Coefficients[j] - ridge.Coefficients[j]) < 2e-3, $"coef {j}: {sgd.Coefficients[j]} vs ridge {ridge.Coefficients[j]}");
        Assert.True(Math.Abs(sgd.Intercept - ridge.Intercept) < 2e-3, $"intercept {sgd.Intercept} vs ridge {ridge.Intercept}");
    }

    [Fact]
    public void BadSettingsNameTheParameter()
    {
        var (x, y) = Classification("iris.csv");
        Assert.Equal("eta0", Assert.Throws<InvalidHyperparameterException>(() => new SGDClassifier { LearningRate = SgdLearningRate.Constant }.Fit(x, y)).Parameter);
        Assert.Equal("alpha", Assert.Throws<InvalidHyperparameterException>(() => new SGDClassifier { Alpha = 0 }.Fit(x, y)).Parameter);
        Assert.Equal("alpha", Assert.Throws<InvalidHyperparameterException>(() => new SGDClassifier { Alpha = -1 }.Fit(x, y)).Parameter);
        Assert.Equal("l1_ratio", Assert.Throws<InvalidHyperparameterException>(() => new SGDClassifier { L1Ratio = 2 }.Fit(x, y)).Parameter);
        Assert.Equal("loss", Assert.Throws<InvalidHyperparameterException>(() => new SGDClassifier { Loss = (SgdClassifierLoss)42 }.Fit(x, y)).Parameter);
        Assert.Equal("learning_rate", Assert.Throws<InvalidHyperparameterException>(() =>
            Hyperparameters.With(new SGDRegressor(), [new("learning_rate", "fastest")])).Parameter);
    }

    [Fact]
    public void SavedModelContinuesPartialFitIdentically()
    {
        var (x, y) = Diabetes();
        var first = new SGDRegressor { Average = 5 }.PartialFit(x.SelectRows(Enumerable.Range(0, 200).ToArray()), y[..200]);
        var loaded = (SGDRegressorModel)ModelFile.Deserialize(ModelFile.Serialize(first)).Model;
        var rest = x.SelectRows(Enumerable.Range(200, 242).ToArray());
        var a = first.PartialFit(rest, y[200..]);
        var b = loaded.PartialFit(rest, y[200..]);
        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.Equal(a.Intercept, b.Intercept);
    }
}
