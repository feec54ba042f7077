using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

/// <summary>LogisticRegressionCV against scikit-learn 1.2.1 (Reference/make_logistic_cv_reference.py).</summary>
public class LogisticRegressionCVTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "logistic_cv_reference.json");

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoosesScikitLearnsC(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = LinearTestData.LoadSample(c["file"]!.GetValue<string>());
        x = LinearTestData.Standardize(x);
        var p = c["params"]!.AsObject();
        // tol 1e-6 (sklearn: 1e-10) keeps the nearly unpenalized fits at C = 1e4 short; the fold accuracies are unaffected.
        var est = new LogisticRegressionCV { Tol = 1e-6, MaxIter = 10000 };
        if (p["Cs"] is JsonArray explicitGrid) est = est with { CGrid = LinearTestData.Doubles(explicitGrid) };
        else if (p["Cs"] is JsonNode cs) est = est with { Cs = cs.GetValue<int>() };
        if (p["cv"] is JsonNode cv) est = est with { Cv = cv.GetValue<int>() };
        if (p["multi_class"] is not null) est = est with { MultiClass = LogisticMultiClass.Ovr };
        if (p["class_weight"] is not null) est = est with { ClassWeight = ClassWeightMode.Balanced };
        var model = est.Fit(x, y);

        var grid = LinearTestData.Doubles(c["Cs"]);
        var ours = est.Grid();
        for (int i = 0; i < grid.Length; i++) Assert.True(Math.Abs(grid[i] - ours[i]) <= 1e-12 * grid[i]);
        var chosen = LinearTestData.Doubles(c["C"]);
        // scikit-learn reports one C per class for multinomial too (all equal).
        for (int q = 0; q < model.C.Count; q++) Assert.Equal(chosen[q], model.C[q], 1e-12);
        var scores = c["scores_mean"]!.AsObject().Select(kv => LinearTestData.Doubles(kv.Value)).ToArray();
        var s = model.Scores;
        for (int q = 0; q < s.Rows; q++)
            for (int g = 0; g < grid.Length; g++) Assert.Equal(scores[q][g], s[q, g], 1e-12);
        var coef = LinearTestData.Rows(c["coef"]);
        var intercept = LinearTestData.Doubles(c["intercept"]);
        // Both refits are L-BFGS runs that stop on SciPy's relative-decrease rule, a few 1e-4 from the optimum on
        // these correlated features (the same allowance as LogisticRegressionTests); the choice of C above is exact.
        for (int r = 0; r < coef.Length; r++)
        {
            for (int j = 0; j < coef[r].Length; j++)
                Assert.True(Math.Abs(coef[r][j] - model.Coefficients[r, j]) < 5e-4, $"coef[{r},{j}] {model.Coefficients[r, j]} vs {coef[r][j]}");
            Assert.True(Math.Abs(intercept[r] - model.Intercept[r]) < 5e-4);
        }

        var loaded = (LogisticRegressionCVModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.C, loaded.C);
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), loaded.PredictProba(x).AsSpan().ToArray());
    }

    [Fact]
    public void NonPositiveGridValueNamesTheParameter()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        Assert.Equal("c_grid", Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegressionCV { CGrid = [1, 0] }.Fit(x, y)).Parameter);
        Assert.Equal("cv", Assert.Throws<InvalidHyperparameterException>(() => new LogisticRegressionCV { Cv = 1 }.Fit(x, y)).Parameter);
    }
}
