using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

/// <summary>L1 / elastic-net penalties and one-vs-rest against scikit-learn 1.2.1 (saga, tol 1e-12; see
/// Reference/make_logistic_l1_reference.py).</summary>
public class LogisticPenaltyTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "logistic_l1_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    internal static (Matrix X, string[] Y, double[]? W, LogisticRegression Est, JsonNode Case) Case(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = LinearTestData.LoadSample(c["file"]!.GetValue<string>());
        x = LinearTestData.Standardize(x);
        double[]? w = null;
        if (c["keep"] is JsonArray keep)
        {
            var rows = keep.Select(v => v!.GetValue<int>()).ToArray();
            x = x.SelectRows(rows);
            y = rows.Select(i => y[i]).ToArray();
            w = LinearTestData.Doubles(c["sample_weight"]);
        }
        var p = c["params"]!.AsObject();
        var est = new LogisticRegression { Tol = 1e-10, MaxIter = 1000, C = p["C"]!.GetValue<double>() };
        est = p["penalty"]!.GetValue<string>() switch
        {
            "l1" => est with { Penalty = LogisticPenalty.L1 },
            "elasticnet" => est with { Penalty = LogisticPenalty.ElasticNet, L1Ratio = p["l1_ratio"]!.GetValue<double>() },
            _ => est with { Penalty = LogisticPenalty.L2 },
        };
        if (p["fit_intercept"] is JsonNode fi) est = est with { FitIntercept = fi.GetValue<bool>() };
        if (p["class_weight"] is not null) est = est with { ClassWeight = ClassWeightMode.Balanced };
        if (p["multi_class"] is JsonNode mc)
            est = est with { MultiClass = mc.GetValue<string>() == "ovr" ? LogisticMultiClass.Ovr : LogisticMultiClass.Multinomial };
        return (x, y, w, est, c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CoefficientsMatchScikitLearn(string name)
    {
        var (x, y, w, est, c) = Case(name);
        var model = est.Fit(x, y, w);
        Assert.True(model.Converged);
        Assert.Equal(c["classes"]!.AsArray().Select(v => v!.GetValue<string>()), model.Classes);
        var coef = LinearTestData.Rows(c["coef"]);
        var intercept = LinearTestData.Doubles(c["intercept"]);
        var fitted = model.Coefficients;
        Assert.Equal(coef.Length, fitted.Rows);
        for (int r = 0; r < coef.Length; r++)
        {
            for (int j = 0; j < coef[r].Length; j++)
            {
                Assert.True(Math.Abs(fitted[r, j] - coef[r][j]) < 1e-4, $"{name} coef[{r},{j}] = {fitted[r, j]} vs sklearn {coef[r][j]}");
                // Exact zeros where sklearn's are zero (saga's proximal step also gives exact zeros).
                if (coef[r][j] == 0 && est.Penalty == LogisticPenalty.L1) Assert.Equal(0.0, fitted[r, j]);
            }
            Assert.True(Math.Abs(model.Intercept[r] - intercept[r]) < 1e-4, $"{name} intercept[{r}] = {model.Intercept[r]} vs {intercept[r]}");
        }
        var proba = model.PredictProba(x.SelectRows([0, 1, 2, 3, 4]));
        var refProba = LinearTestData.Rows(c["proba_first5"]);
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < refProba[i].Length; k++) Assert.Equal(refProba[i][k], proba[i, k], 1e-5);
    }

    [Fact]
    public void L1GivesSparseModelThatRoundTrips()
    {
        var (x, y, w, est, _) = Case("iris_l1_ovr");
        var model = est.Fit(x, y, w);
        Assert.Equal(LogisticMultiClass.Ovr, model.Scheme);
        var path = Path.Combine(Path.GetTempPath(), $"fathom-l1-{Guid.NewGuid():N}.fathom");
        try
        {
            ModelFile.Save(model, path);
            var loaded = (LogisticRegressionModel)ModelFile.Load(path).Model;
            Assert.Equal(LogisticMultiClass.Ovr, loaded.Scheme);
            Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), loaded.PredictProba(x).AsSpan().ToArray());
            Assert.Equal(LogisticPenalty.L1, loaded.Parameters.Penalty);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ElasticNetWithRatioOneEqualsL1AndRatioZeroEqualsL2()
    {
        var (x, y, _, _, _) = Case("breast_cancer_l1");
        var l1 = new LogisticRegression { Penalty = LogisticPenalty.L1, C = 0.3, Tol = 1e-10, MaxIter = 1000 }.Fit(x, y);
        var en1 = new LogisticRegression { Penalty = LogisticPenalty.ElasticNet, L1Ratio = 1, C = 0.3, Tol = 1e-10, MaxIter = 1000 }.Fit(x, y);
        var en0 = new LogisticRegression { Penalty = LogisticPenalty.ElasticNet, L1Ratio = 0, C = 0.3, Tol = 1e-10, MaxIter = 1000 }.Fit(x, y);
        var l2 = new LogisticRegression { C = 0.3, Tol = 1e-10, MaxIter = 10000 }.Fit(x, y);
        for (int j = 0; j < x.Columns; j++)
        {
            Assert.Equal(l1.Coefficients[0, j], en1.Coefficients[0, j], 12);
            // L-BFGS stops on a relative decrease of the objective (as SciPy's), ~1e-5 from the optimum here.
            Assert.True(Math.Abs(l2.Coefficients[0, j] - en0.Coefficients[0, j]) < 1e-4, $"{l2.Coefficients[0, j]} vs {en0.Coefficients[0, j]}");
        }
    }

    [Fact]
    public void ElasticNetWithoutRatioAndBadRatioAreRejected()
    {
        var (x, y, _, _, _) = Case("breast_cancer_l1");
        var e = Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegression { Penalty = LogisticPenalty.ElasticNet }.Fit(x, y));
        Assert.Equal("l1_ratio", e.Parameter);
        e = Assert.Throws<InvalidHyperparameterException>(() =>
            new LogisticRegression { Penalty = LogisticPenalty.ElasticNet, L1Ratio = 1.5 }.Fit(x, y));
        Assert.Equal("l1_ratio", e.Parameter);
        e = Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegression { C = 0 }.Fit(x, y));
        Assert.Equal("c", e.Parameter);
    }
}

public class LogisticModelFormatTests
{
    /// <summary>A file written before the multi_class property existed still loads with the old meaning.</summary>
    [Fact]
    public void FileWithoutSchemePropertyLoadsWithTheOldMeaning()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var model = new LogisticRegression().Fit(x, y);
        bool removed = false;
        var old = Fathom.Tests.Persistence.ModelFileSurgery.WithManifest(ModelFile.Serialize(model), m => removed = RemoveKey(m, "multi_class"), fixHash: true);
        Assert.True(removed);
        var loaded = (LogisticRegressionModel)ModelFile.Deserialize(old).Model;
        Assert.Equal(LogisticMultiClass.Multinomial, loaded.Scheme);
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), loaded.PredictProba(x).AsSpan().ToArray());
    }

    private static bool RemoveKey(JsonNode node, string key)
    {
        if (node is JsonObject o)
        {
            if (o.Remove(key)) return true;
            foreach (var (_, child) in o.ToList()) if (child is not null && RemoveKey(child, key)) return true;
        }
        else if (node is JsonArray a)
            foreach (var child in a) if (child is not null && RemoveKey(child, key)) return true;
        return false;
    }
}

public class LogisticBinaryMultinomialTests
{
    /// <summary>scikit-learn's multinomial model on two classes is the symmetric softmax: its stored row w equals half
    /// the binary model at 2C, and its probabilities σ(2z) equal the binary ones (checked in Python, see the docs).</summary>
    [Fact]
    public void TwoClassMultinomialIsHalfTheBinaryModelAtTwiceC()
    {
        var (x, y) = LinearTestData.LoadSample("breast_cancer.csv");
        x = LinearTestData.Standardize(x);
        var multi = new LogisticRegression { MultiClass = LogisticMultiClass.Multinomial, C = 0.5, Tol = 1e-10, MaxIter = 10000 }.Fit(x, y);
        var binary = new LogisticRegression { C = 1.0, Tol = 1e-10, MaxIter = 10000 }.Fit(x, y);
        Assert.Equal(LogisticMultiClass.Multinomial, multi.Scheme);
        Assert.Equal(1, multi.Coefficients.Rows);
        for (int j = 0; j < x.Columns; j++) Assert.True(Math.Abs(2 * multi.Coefficients[0, j] - binary.Coefficients[0, j]) < 2e-4);
        var pm = multi.PredictProba(x);
        var pb = binary.PredictProba(x);
        for (int i = 0; i < x.Rows; i++) Assert.Equal(pb[i, 1], pm[i, 1], 1e-4);
        Assert.Equal(binary.Predict(x), multi.Predict(x));
    }
}
