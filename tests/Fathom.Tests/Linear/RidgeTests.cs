using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Linear;

public class RidgeTests
{
    public static TheoryData<string> Cases => PenalizedTestData.Names("ridge");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var (x, y, w, c) = PenalizedTestData.Case("ridge", name);
        string solver = c["params"]!["solver"]?.GetValue<string>() ?? "auto";
        var est = new Ridge
        {
            Alpha = PenalizedTestData.P(c, "alpha", 1.0),
            FitIntercept = PenalizedTestData.B(c, "fit_intercept", true),
            Solver = solver == "svd" ? RidgeSolver.Svd : solver == "cholesky" ? RidgeSolver.Cholesky : RidgeSolver.Auto,
        };
        var model = est.Fit(x, y, w);
        PenalizedTestData.AssertCoefficients(c, model.Coefficients, model.Intercept, 1e-6);
        var pred = model.Predict(x.RowRange(0, 5));
        var refPred = LinearTestData.Doubles(c["pred_first5"]);
        for (int i = 0; i < 5; i++) Assert.Equal(refPred[i], pred[i], 1e-6 * Math.Abs(refPred[i]));
    }

    [Fact]
    public void BothSolversAgreeAndAlphaZeroIsLeastSquares()
    {
        var (x, y, _, _) = PenalizedTestData.Case("ridge", "a1.0_svd");
        var chol = new Ridge { Alpha = 0.3, Solver = RidgeSolver.Cholesky }.Fit(x, y);
        var svd = new Ridge { Alpha = 0.3, Solver = RidgeSolver.Svd }.Fit(x, y);
        for (int j = 0; j < x.Columns; j++) Assert.Equal(chol.Coefficients[j], svd.Coefficients[j], 1e-8);
        var ols = new LinearRegression().Fit(x, y);
        var r0 = new Ridge { Alpha = 0 }.Fit(x, y);
        for (int j = 0; j < x.Columns; j++) Assert.Equal(ols.Coefficients[j], r0.Coefficients[j], 1e-7);
    }

    [Fact]
    public void CollinearFeaturesWithAlphaZeroFallBackToSvd()
    {
        var x = new Matrix(6, 2);
        double[] y = [1, 2, 3, 4, 5, 7];
        for (int i = 0; i < 6; i++) { x[i, 0] = i; x[i, 1] = 2 * i; }
        var model = new Ridge { Alpha = 0 }.Fit(x, y);
        // Minimum-norm solution: β ∝ (1, 2), β₁ + 2β₂ = OLS slope of y on i.
        Assert.Equal(2 * model.Coefficients[0], model.Coefficients[1], 1e-9);
        var pred = model.Predict(x);
        var ols = new LinearRegression().Fit(x, y).Predict(x);
        for (int i = 0; i < 6; i++) Assert.Equal(ols[i], pred[i], 1e-9);
    }

    [Theory]
    [InlineData(RidgeSolver.Auto, 442)]
    [InlineData(RidgeSolver.Svd, 442)]
    [InlineData(RidgeSolver.Cholesky, 8)]
    public void MultipleTargetsEqualSeparateFits(RidgeSolver solver, int rows)
    {
        var (x0, y0, _, _) = PenalizedTestData.Case("ridge", "a1.0_svd");
        var x = x0.RowRange(0, rows).Clone();
        var y = new Matrix(rows, 3);
        for (int i = 0; i < rows; i++) { y[i, 0] = y0[i]; y[i, 1] = x[i, 2] * 10 - 3; y[i, 2] = -y0[i] + i % 7; }
        var w = Enumerable.Range(0, rows).Select(i => 1.0 + i % 3).ToArray();
        var est = new Ridge { Alpha = 0.2, Solver = solver };
        var many = est.FitTargets(x, y, w);
        Assert.Equal(3, many.Length);
        for (int t = 0; t < 3; t++)
        {
            var one = est.Fit(x, y.Column(t), w);
            for (int j = 0; j < x.Columns; j++) Assert.Equal(one.Coefficients[j], many[t].Coefficients[j], 1e-8 * Math.Max(1, Math.Abs(one.Coefficients[j])));
            Assert.Equal(one.Intercept, many[t].Intercept, 1e-8 * Math.Max(1, Math.Abs(one.Intercept)));
        }
    }

    [Fact]
    public void NegativeAlphaIsRejectedNamingTheParameter()
    {
        var (x, y, _, _) = PenalizedTestData.Case("ridge", "a1.0_svd");
        var e = Assert.Throws<InvalidHyperparameterException>(() => new Ridge { Alpha = -1 }.Fit(x, y));
        Assert.Contains("alpha", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoadKeepsCoefficients()
    {
        var (x, y, _, _) = PenalizedTestData.Case("ridge", "a1.0_svd");
        var model = new Ridge { Alpha = 0.5 }.Fit(x, y);
        var back = Assert.IsType<RidgeModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(model.Coefficients, back.Coefficients);
        Assert.Equal(model.Intercept, back.Intercept);
        Assert.Equal(0.5, back.Parameters.Alpha);
    }
}
