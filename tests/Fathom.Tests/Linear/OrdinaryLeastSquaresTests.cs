using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

/// <summary>OLS statistics, VIF and stepwise selection against statsmodels on diabetes (Reference/make_ols_reference.py).</summary>
public class OrdinaryLeastSquaresTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Linear", "ols_reference.json");

    private static (Matrix X, double[] Y) Diabetes()
    {
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        return (x, t.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    private static void Close(double expected, double actual, string what, double rtol = 1e-6)
    {
        Assert.True(Math.Abs(expected - actual) <= rtol * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R} vs statsmodels {expected:R}");
    }

    private static void AssertSummary(JsonNode r, OlsSummary s)
    {
        var table = s.Coefficients;
        foreach (var (key, pick) in new (string, Func<OlsCoefficient, double>)[]
        {
            ("params", c => c.Estimate), ("bse", c => c.StandardError), ("tvalues", c => c.TStatistic), ("pvalues", c => c.PValue),
            ("ci_lower", c => c.Lower), ("ci_upper", c => c.Upper),
        })
        {
            var expected = LinearTestData.Doubles(r[key]);
            Assert.Equal(expected.Length, table.Count);
            for (int j = 0; j < expected.Length; j++) Close(expected[j], pick(table[j]), $"{key}[{j}]");
        }
        Close(r["rsquared"]!.GetValue<double>(), s.RSquared, "R²");
        Close(r["rsquared_adj"]!.GetValue<double>(), s.AdjustedRSquared, "adjusted R²");
        Close(r["fvalue"]!.GetValue<double>(), s.FStatistic, "F");
        Close(r["f_pvalue"]!.GetValue<double>(), s.FPValue, "Prob(F)");
        Close(r["llf"]!.GetValue<double>(), s.LogLikelihood, "log-likelihood");
        Close(r["aic"]!.GetValue<double>(), s.Aic, "AIC");
        Close(r["bic"]!.GetValue<double>(), s.Bic, "BIC");
        Close(r["scale"]!.GetValue<double>(), s.ResidualVariance, "scale");
        Close(r["df_model"]!.GetValue<double>(), s.DfModel, "df_model");
        Close(r["df_resid"]!.GetValue<double>(), s.DfResidual, "df_resid");
        Close(r["nobs"]!.GetValue<double>(), s.Observations, "nobs");
        Close(r["omnibus"]!.GetValue<double>(), s.Omnibus.Statistic, "omnibus");
        Close(r["omnibus_p"]!.GetValue<double>(), s.Omnibus.PValue, "omnibus p");
        Close(r["jarque_bera"]!.GetValue<double>(), s.JarqueBera.Statistic, "JB");
        Close(r["jarque_bera_p"]!.GetValue<double>(), s.JarqueBera.PValue, "JB p");
        Close(r["skew"]!.GetValue<double>(), s.Skew, "skew");
        Close(r["kurtosis"]!.GetValue<double>(), s.Kurtosis, "kurtosis");
        Close(r["durbin_watson"]!.GetValue<double>(), s.DurbinWatson, "Durbin-Watson");
        Close(r["condition_number"]!.GetValue<double>(), s.ConditionNumber, "condition number");
    }

    [Fact]
    public void SummaryMatchesStatsmodelsOnDiabetes()
    {
        var (x, y) = Diabetes();
        var model = new OrdinaryLeastSquares().Fit(x, y);
        AssertSummary(Ref["ols"]!, model.Summary);
        Assert.Equal(model.Summary.Coefficients[0].Estimate, model.Intercept);
        Assert.Equal(model.Summary.Coefficients[3].Estimate, model.Coefficients[2]);
    }

    [Fact]
    public void WithoutInterceptMatchesStatsmodels()
    {
        var (x, y) = Diabetes();
        var model = new OrdinaryLeastSquares { FitIntercept = false }.Fit(x, y);
        AssertSummary(Ref["ols_no_intercept"]!, model.Summary);
        Assert.Equal(0, model.Intercept);
    }

    [Fact]
    public void WeightedMatchesStatsmodelsWls()
    {
        var (x, y) = Diabetes();
        var w = Enumerable.Range(0, y.Length).Select(i => 1.0 + i % 3).ToArray();
        AssertSummary(Ref["wls"]!, new OrdinaryLeastSquares().Fit(x, y, w).Summary);
    }

    [Fact]
    public void ConfidenceLevelSetsTheIntervals()
    {
        var (x, y) = Diabetes();
        var s = new OrdinaryLeastSquares { ConfidenceLevel = 0.90 }.Fit(x, y).Summary;
        var lo = LinearTestData.Doubles(Ref["ci90_lower"]);
        var hi = LinearTestData.Doubles(Ref["ci90_upper"]);
        for (int j = 0; j < lo.Length; j++)
        {
            Close(lo[j], s.Coefficients[j].Lower, $"90% lower[{j}]");
            Close(hi[j], s.Coefficients[j].Upper, $"90% upper[{j}]");
        }
    }

    [Fact]
    public void CoefficientsEqualLinearRegression()
    {
        var (x, y) = Diabetes();
        var ols = new OrdinaryLeastSquares().Fit(x, y);
        var lr = new LinearRegression().Fit(x, y);
        for (int j = 0; j < x.Columns; j++) Assert.Equal(lr.Coefficients[j], ols.Coefficients[j], 1e-8 * Math.Abs(lr.Coefficients[j]));
        var residuals = ols.Residuals(x, y);
        var fitted = ols.Predict(x);
        Assert.Equal(y[7] - fitted[7], residuals[7], 1e-12);
        Assert.Equal(0, residuals.Average(), 1e-9);
    }

    [Fact]
    public void VarianceInflationMatchesStatsmodels()
    {
        var (x, _) = Diabetes();
        var vif = VarianceInflation.Factors(x);
        var expected = LinearTestData.Doubles(Ref["vif"]);
        for (int j = 0; j < expected.Length; j++) Close(expected[j], vif[j], $"VIF[{j}]", 1e-8);
    }

    [Fact]
    public void VarianceInflationOfAnExactCombinationIsInfinite()
    {
        var (x, _) = Diabetes();
        var wide = new Matrix(x.Rows, 3);
        for (int i = 0; i < x.Rows; i++) { wide[i, 0] = x[i, 0]; wide[i, 1] = x[i, 1]; wide[i, 2] = 2 * x[i, 0] - x[i, 1]; }
        Assert.All(VarianceInflation.Factors(wide), v => Assert.True(double.IsPositiveInfinity(v)));
    }

    [Theory]
    [InlineData(StepwiseDirection.Forward, StepwiseCriterion.Aic, "stepwise_forward_aic")]
    [InlineData(StepwiseDirection.Forward, StepwiseCriterion.Bic, "stepwise_forward_bic")]
    [InlineData(StepwiseDirection.Backward, StepwiseCriterion.Aic, "stepwise_backward_aic")]
    [InlineData(StepwiseDirection.Backward, StepwiseCriterion.Bic, "stepwise_backward_bic")]
    public void StepwiseMatchesGreedySearchWithStatsmodels(StepwiseDirection direction, StepwiseCriterion criterion, string key)
    {
        var (x, y) = Diabetes();
        var result = StepwiseSelection.Run(x, y, direction, criterion);
        var r = Ref[key]!;
        Assert.Equal(r["selected"]!.AsArray().Select(v => v!.GetValue<int>()), result.Selected);
        Close(r["criterion"]!.GetValue<double>(), result.Criterion, "criterion", 1e-9);
        var steps = r["steps"]!.AsArray();
        Assert.Equal(steps.Count, result.Steps.Count);
        for (int s = 0; s < steps.Count; s++)
        {
            Assert.Equal(steps[s]![0]!.GetValue<int>(), result.Steps[s].Column);
            Close(steps[s]![1]!.GetValue<double>(), result.Steps[s].Criterion, $"step {s}", 1e-9);
        }
        Assert.True(result.Criterion <= result.InitialCriterion);
    }

    [Fact]
    public void SummaryTextNamesTermsAndStatistics()
    {
        var (x, y) = Diabetes();
        var s = new OrdinaryLeastSquares().Fit(x, y).Summary;
        var names = new[] { "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6" };
        string text = s.ToText(names, "target");
        Assert.Contains("const", text, StringComparison.Ordinal);
        Assert.Contains("bmi", text, StringComparison.Ordinal);
        Assert.Contains(s.RSquared.ToString("F3", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("Durbin-Watson", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => s.ToText(["a"]));
    }

    [Fact]
    public void SaveAndLoadKeepTheSummary()
    {
        var (x, y) = Diabetes();
        var model = new OrdinaryLeastSquares { ConfidenceLevel = 0.9 }.Fit(x, y);
        var loaded = Assert.IsType<OrdinaryLeastSquaresModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(model.Predict(x), loaded.Predict(x));
        Assert.Equal(model.Summary.Coefficients, loaded.Summary.Coefficients);
        Assert.Equal(model.Summary.Aic, loaded.Summary.Aic);
        Assert.Equal(model.Summary.JarqueBera, loaded.Summary.JarqueBera);
        Assert.Equal(0.9, loaded.Summary.ConfidenceLevel);
    }

    [Fact]
    public void TooFewRowsAndBadLevelsAreClearErrors()
    {
        var x = Matrix.FromRows([[1.0, 2.0], [2.0, 1.0], [3.0, 5.0]]);
        var e = Assert.Throws<InvalidInputException>(() => new OrdinaryLeastSquares().Fit(x, [1, 2, 3]));
        Assert.Contains("more rows than coefficients", e.Message, StringComparison.Ordinal);
        var h = Assert.Throws<InvalidHyperparameterException>(() => new OrdinaryLeastSquares { ConfidenceLevel = 1 }.Fit(x, [1, 2, 3]));
        Assert.Contains("confidence_level", h.Message, StringComparison.Ordinal);
    }
}
