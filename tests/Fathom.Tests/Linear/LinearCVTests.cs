using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

/// <summary>RidgeClassifier, RidgeCV, LassoCV and ElasticNetCV against scikit-learn 1.2.1
/// (Reference/make_linear_cv_reference.py).</summary>
public class LinearCVTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "linear_cv_reference.json");

    private static JsonNode Case(string section, string name) =>
        Ref[section]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;

    public static TheoryData<string> RidgeClassifierCases => new(Ref["ridge_classifier"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    public static TheoryData<string> RidgeCVCases => new(Ref["ridge_cv"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    public static TheoryData<string> SparseCVCases => new(Ref["sparse_cv"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    private static (Matrix X, double[] Y) Diabetes()
    {
        var (x, y) = LinearTestData.LoadSample("diabetes.csv");
        return (LinearTestData.Standardize(x), y.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    [Theory]
    [MemberData(nameof(RidgeClassifierCases))]
    public void RidgeClassifierMatchesScikitLearn(string name)
    {
        var c = Case("ridge_classifier", name);
        var (x, y) = LinearTestData.LoadSample(c["file"]!.GetValue<string>());
        x = LinearTestData.Standardize(x);
        if (c["keep"] is JsonArray keep)
        {
            var rows = keep.Select(v => v!.GetValue<int>()).ToArray();
            x = x.SelectRows(rows);
            y = rows.Select(i => y[i]).ToArray();
        }
        var p = c["params"]!.AsObject();
        var est = new RidgeClassifier();
        if (p["alpha"] is JsonNode a) est = est with { Alpha = a.GetValue<double>() };
        if (p["class_weight"] is not null) est = est with { ClassWeight = ClassWeightMode.Balanced };
        if (p["fit_intercept"] is JsonNode fi) est = est with { FitIntercept = fi.GetValue<bool>() };
        var model = est.Fit(x, y);
        var coef = LinearTestData.Rows(c["coef"]);
        var intercept = LinearTestData.Doubles(c["intercept"]);
        for (int r = 0; r < coef.Length; r++)
        {
            for (int j = 0; j < coef[r].Length; j++) Assert.Equal(coef[r][j], model.Coefficients[r, j], 1e-8);
            Assert.Equal(intercept[r], model.Intercept[r], 1e-8);
        }
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<string>()), model.Predict(x));
    }

    [Theory]
    [MemberData(nameof(RidgeCVCases))]
    public void RidgeCVChoosesScikitLearnsAlpha(string name)
    {
        var c = Case("ridge_cv", name);
        var (x, y) = Diabetes();
        int rows = c["rows"]!.GetValue<int>();
        if (rows < x.Rows)
        {
            x = x.SelectRows(Enumerable.Range(0, rows).ToArray());
            y = y[..rows];
        }
        var p = c["params"]!.AsObject();
        var est = new RidgeCV();
        if (p["alphas"] is JsonArray al) est = est with { Alphas = LinearTestData.Doubles(al) };
        if (p["fit_intercept"] is JsonNode fi) est = est with { FitIntercept = fi.GetValue<bool>() };
        if (p["cv"] is JsonNode cv) est = est with { Cv = cv.GetValue<int>() };
        double[]? w = c["weighted"]!.GetValue<bool>() ? Enumerable.Range(0, y.Length).Select(i => 0.5 + i % 3 * 0.75).ToArray() : null;
        var model = est.Fit(x, y, w);
        Assert.Equal(c["alpha"]!.GetValue<double>(), model.Alpha);
        double best = c["best_score"]!.GetValue<double>();
        Assert.True(Math.Abs(model.BestScore - best) <= 1e-8 * Math.Abs(best), $"best score {model.BestScore} vs sklearn {best}");
        var coef = LinearTestData.Doubles(c["coef"]);
        for (int j = 0; j < coef.Length; j++) Assert.Equal(coef[j], model.Coefficients[j], 1e-6);
        Assert.Equal(c["intercept"]!.GetValue<double>(), model.Intercept, 1e-6);
    }

    [Theory]
    [MemberData(nameof(SparseCVCases))]
    public void SparseCVChoosesScikitLearnsAlpha(string name)
    {
        var c = Case("sparse_cv", name);
        var (x, y) = Diabetes();
        SparseLinearCVModel model = name switch
        {
            "lasso_cv" => new LassoCV { Tol = 1e-10, MaxIter = 100000 }.Fit(x, y),
            "lasso_cv_n20" => new LassoCV { Cv = 4, NAlphas = 20, Eps = 1e-2, Tol = 1e-10, MaxIter = 100000 }.Fit(x, y),
            _ => new ElasticNetCV { L1Ratio = 0.5, Tol = 1e-10, MaxIter = 100000 }.Fit(x, y),
        };
        var alphas = LinearTestData.Doubles(c["alphas"]);
        Assert.Equal(alphas.Length, model.Alphas.Count);
        for (int a = 0; a < alphas.Length; a++) Assert.True(Math.Abs(alphas[a] - model.Alphas[a]) <= 1e-12 * alphas[a]);
        Assert.True(Math.Abs(c["alpha"]!.GetValue<double>() - model.Alpha) <= 1e-12 * model.Alpha, $"alpha {model.Alpha} vs {c["alpha"]}");
        var mse = LinearTestData.Doubles(c["mse_path_mean"]);
        var path = model.MsePath;
        for (int a = 0; a < mse.Length; a++)
        {
            double mean = Enumerable.Range(0, path.Columns).Average(f => path[a, f]);
            Assert.True(Math.Abs(mean - mse[a]) <= 1e-6 * mse[a], $"mse[{a}] {mean} vs {mse[a]}");
        }
        var coef = LinearTestData.Doubles(c["coef"]);
        for (int j = 0; j < coef.Length; j++) Assert.Equal(coef[j], model.Coefficients[j], 1e-6);
        Assert.Equal(c["intercept"]!.GetValue<double>(), model.Intercept, 1e-6);
    }

    [Fact]
    public void CvModelsRoundTripWithTheirGrid()
    {
        var (x, y) = Diabetes();
        var ridge = new RidgeCV { Alphas = [0.5, 5] }.Fit(x, y);
        var loaded = (RidgeCVModel)ModelFile.Deserialize(ModelFile.Serialize(ridge)).Model;
        Assert.Equal([0.5, 5], loaded.Parameters.Alphas);
        Assert.Equal(ridge.Predict(x), loaded.Predict(x));
        var lasso = new LassoCV { NAlphas = 10, Cv = 3 }.Fit(x, y);
        var l2 = (LassoCVModel)ModelFile.Deserialize(ModelFile.Serialize(lasso)).Model;
        Assert.Equal(lasso.Alpha, l2.Alpha);
        Assert.Equal(lasso.Predict(x), l2.Predict(x));
    }

    [Fact]
    public void BadGridsAndFoldsNameTheParameter()
    {
        var (x, y) = Diabetes();
        Assert.Equal("alphas", Assert.Throws<InvalidHyperparameterException>(() => new RidgeCV { Alphas = [1, -1] }.Fit(x, y)).Parameter);
        Assert.Equal("alphas", Assert.Throws<InvalidHyperparameterException>(() => new RidgeCV { Alphas = [] }.Fit(x, y)).Parameter);
        Assert.Equal("cv", Assert.Throws<InvalidHyperparameterException>(() => new RidgeCV { Cv = 1 }.Fit(x, y)).Parameter);
        Assert.Equal("alphas", Assert.Throws<InvalidHyperparameterException>(() => new LassoCV { Alphas = [double.NaN] }.Fit(x, y)).Parameter);
        Assert.Equal("l1_ratio", Assert.Throws<InvalidHyperparameterException>(() => new ElasticNetCV { L1Ratio = 1.5 }.Fit(x, y)).Parameter);
        Assert.Equal("alpha", Assert.Throws<InvalidHyperparameterException>(() => new RidgeClassifier { Alpha = -1 }.Fit(x, y.Select(v => v > 140 ? "a" : "b").ToArray())).Parameter);
    }
}
