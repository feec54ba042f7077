using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Tests.Linear;

public class LassoElasticNetTests
{
    public static TheoryData<string> LassoCases => PenalizedTestData.Names("lasso");

    public static TheoryData<string> ElasticNetCases => PenalizedTestData.Names("elastic_net");

    [Theory]
    [MemberData(nameof(LassoCases))]
    public void LassoMatchesScikitLearn(string name)
    {
        var (x, y, w, c) = PenalizedTestData.Case("lasso", name);
        foreach (bool gram in new[] { true, false })
        {
            var est = new Lasso
            {
                Alpha = PenalizedTestData.P(c, "alpha", 1.0),
                Tol = PenalizedTestData.P(c, "tol", 1e-4),
                MaxIter = (int)PenalizedTestData.P(c, "max_iter", 1000),
                Positive = PenalizedTestData.B(c, "positive", false),
                FitIntercept = PenalizedTestData.B(c, "fit_intercept", true),
                Precompute = gram,
            };
            var model = est.Fit(x, y, w);
            // At the default tolerance both stop near, not at, the optimum: compare at 1e-3 there.
            PenalizedTestData.AssertCoefficients(c, model.Coefficients, model.Intercept, est.Tol < 1e-6 ? 1e-6 : 1e-3);
            Assert.True(model.Converged);
            if (est.Positive) Assert.All(model.Coefficients, v => Assert.True(v >= 0));
        }
    }

    [Theory]
    [MemberData(nameof(ElasticNetCases))]
    public void ElasticNetMatchesScikitLearn(string name)
    {
        var (x, y, w, c) = PenalizedTestData.Case("elastic_net", name);
        foreach (bool gram in new[] { true, false })
        {
            var est = new ElasticNet
            {
                Alpha = PenalizedTestData.P(c, "alpha", 1.0),
                L1Ratio = PenalizedTestData.P(c, "l1_ratio", 0.5),
                Tol = PenalizedTestData.P(c, "tol", 1e-4),
                MaxIter = (int)PenalizedTestData.P(c, "max_iter", 1000),
                Positive = PenalizedTestData.B(c, "positive", false),
                Precompute = gram,
            };
            var model = est.Fit(x, y, w);
            PenalizedTestData.AssertCoefficients(c, model.Coefficients, model.Intercept, 1e-6);
        }
    }

    [Fact]
    public void PathsMatchScikitLearnGridAndCoefficients()
    {
        var (x, y, _, _) = PenalizedTestData.Case("lasso", "a0.1");
        foreach (var pc in PenalizedTestData.Ref["paths"]!.AsArray())
        {
            double l1 = pc!["l1_ratio"]!.GetValue<double>();
            var path = l1 == 1.0
                ? LassoPath.Compute(x, y, new Lasso { Tol = 1e-12, MaxIter = 100000 })
                : ElasticNetPath.Compute(x, y, new ElasticNet { L1Ratio = l1, Tol = 1e-12, MaxIter = 100000 });
            var alphas = LinearTestData.Doubles(pc["alphas"]);
            Assert.Equal(alphas.Length, path.Alphas.Count);
            for (int k = 0; k < alphas.Length; k++) Assert.Equal(alphas[k], path.Alphas[k], 1e-12 * alphas[k]);
            var picks = pc["picks"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
            var coefs = LinearTestData.Rows(pc["coefs"]);
            var mine = path.Coefficients;
            for (int t = 0; t < picks.Length; t++)
            {
                double scale = Math.Max(1, coefs[t].Max(Math.Abs));
                for (int j = 0; j < x.Columns; j++)
                    Assert.True(Math.Abs(coefs[t][j] - mine[picks[t], j]) <= 1e-6 * scale, $"path {l1} alpha #{picks[t]} coef {j}");
            }
            Assert.All(mine.Row(0).ToArray(), v => Assert.Equal(0.0, v)); // α_max zeroes everything
        }
    }

    [Fact]
    public void WarmStartFromTheSolutionStopsAtOnce()
    {
        var (x, y, _, _) = PenalizedTestData.Case("lasso", "a0.1");
        var est = new Lasso { Alpha = 0.1, Tol = 1e-10, MaxIter = 100000 };
        var cold = est.Fit(x, y);
        var warm = est.WarmFit(x, y, cold.Coefficients);
        Assert.True(warm.Iterations <= 2, $"warm start took {warm.Iterations} sweeps");
        Assert.True(cold.Iterations > warm.Iterations);
        for (int j = 0; j < x.Columns; j++) Assert.Equal(cold.Coefficients[j], warm.Coefficients[j], 1e-6 * Math.Max(1, Math.Abs(cold.Coefficients[j])));
        Assert.Throws<InvalidInputException>(() => est.WarmFit(x, y, new double[3]));
    }

    [Fact]
    public void ElasticNetWithL1RatioOneIsTheLasso()
    {
        var (x, y, _, _) = PenalizedTestData.Case("lasso", "a0.1");
        var lasso = new Lasso { Alpha = 0.2, Tol = 1e-10 }.Fit(x, y);
        var enet = new ElasticNet { Alpha = 0.2, L1Ratio = 1, Tol = 1e-10 }.Fit(x, y);
        Assert.Equal(lasso.Coefficients, enet.Coefficients);
    }

    [Fact]
    public void BadHyperparametersNameTheParameter()
    {
        var (x, y, _, _) = PenalizedTestData.Case("lasso", "a0.1");
        Assert.Contains("alpha", Assert.Throws<InvalidHyperparameterException>(() => new Lasso { Alpha = -0.1 }.Fit(x, y)).Message, StringComparison.Ordinal);
        Assert.Contains("l1_ratio", Assert.Throws<InvalidHyperparameterException>(() => new ElasticNet { L1Ratio = 1.5 }.Fit(x, y)).Message, StringComparison.Ordinal);
        Assert.Equal("l1_ratio", Assert.Throws<InvalidHyperparameterException>(() => ElasticNetPath.Compute(x, y, new ElasticNet { L1Ratio = 0 })).Parameter);
    }
}
