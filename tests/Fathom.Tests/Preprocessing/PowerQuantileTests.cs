using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

/// <summary>PowerTransformer (λ to 1e−6) and QuantileTransformer (to 1e−8) against scikit-learn 1.2.1.</summary>
public class PowerQuantileTests
{
    private static DataFrame Data(string name) => name switch { "iris" => Iris, "peng" => Penguins, _ => Diabetes };

    [Theory]
    [InlineData("power_yj_diab", "diab", PowerMethod.YeoJohnson, true)]
    [InlineData("power_yj_peng_nan", "peng", PowerMethod.YeoJohnson, true)]
    [InlineData("power_bc_iris", "iris", PowerMethod.BoxCox, true)]
    [InlineData("power_bc_peng_nan", "peng", PowerMethod.BoxCox, true)]
    [InlineData("power_yj_nostd", "diab", PowerMethod.YeoJohnson, false)]
    [InlineData("power_bc_nostd", "iris", PowerMethod.BoxCox, false)]
    public void PowerTransformerMatchesScikitLearn(string key, string data, PowerMethod method, bool standardize)
    {
        var x = Data(data);
        var model = new PowerTransformer { Method = method, Standardize = standardize }.Fit(x);
        var expected = Values(Trans(key + "_lambdas"));
        AssertClose(expected, model.Lambdas, 1e-6, "lambda");
        // The output moves with λ: at the fitted λ (within 1e-6) the values agree to about 1e-6 too.
        AssertFrame(Trans(key), model.Transform(x), tol: 1e-5);
        var back = model.InverseTransform(model.Transform(x));
        AssertClose(((NumericColumn)x[1]).Values.ToArray(), ((NumericColumn)back[1]).Values.ToArray(), 1e-9, "inverse");
    }

    [Fact]
    public void PowerTransformAtScikitLearnsLambdasMatchesTo1e10()
    {
        // Isolates the transform from the optimizer: the model is built with scikit-learn's λ.
        var x = Diabetes;
        var lambdas = Values(Trans("power_yj_nostd_lambdas"));
        var names = x.ColumnNames.ToArray();
        var model = new PowerTransformerModel(new PowerTransformer { Standardize = false }, names,
            Enumerable.Repeat(ColumnKind.Numeric, names.Length).ToArray(), lambdas, null);
        AssertFrame(Trans("power_yj_nostd"), model.Transform(x));
        var bc = new PowerTransformerModel(new PowerTransformer { Method = PowerMethod.BoxCox, Standardize = false }, Iris.ColumnNames.ToArray(),
            Enumerable.Repeat(ColumnKind.Numeric, 4).ToArray(), Values(Trans("power_bc_nostd_lambdas")), null);
        AssertFrame(Trans("power_bc_nostd"), bc.Transform(Iris));
    }

    [Fact]
    public void BoxCoxRejectsNonPositiveValuesByColumnAndRow()
    {
        var e = Assert.Throws<InvalidInputException>(() => new PowerTransformer { Method = PowerMethod.BoxCox }.Fit(Diabetes));
        Assert.Equal("age", e.Column);
        Assert.Contains("yeo_johnson", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quantile_uniform_diab", "diab", 100, QuantileOutput.Uniform)]
    [InlineData("quantile_normal_diab", "diab", 100, QuantileOutput.Normal)]
    [InlineData("quantile_uniform_peng_nan", "peng", 1000, QuantileOutput.Uniform)]
    [InlineData("quantile_normal_iris", "iris", 50, QuantileOutput.Normal)]
    public void QuantileTransformerMatchesScikitLearn(string key, string data, int nq, QuantileOutput output)
    {
        var x = Data(data);
        var model = new QuantileTransformer { NQuantiles = nq, OutputDistribution = output }.Fit(x);
        var q = Columns(Trans(key + "_quantiles"));
        for (int j = 0; j < q.Length; j++) AssertClose(q[j], model.Quantiles[j], 1e-10, "quantiles");
        AssertFrame(Trans(key), model.Transform(x), tol: 1e-8);
    }

    [Fact]
    public void QuantileTransformerOnUnseenRowsAndInverse()
    {
        var x = Iris;
        var even = x.Take(Enumerable.Range(0, 75).Select(i => 2 * i).ToArray());
        var odd = x.Take(Enumerable.Range(0, 75).Select(i => 2 * i + 1).ToArray());
        var normal = new QuantileTransformer { NQuantiles = 30, OutputDistribution = QuantileOutput.Normal }.Fit(even);
        AssertFrame(Trans("quantile_normal_unseen"), normal.Transform(odd), tol: 1e-8);
        var uniform = new QuantileTransformer { NQuantiles = 30 }.Fit(even);
        AssertFrame(Trans("quantile_uniform_unseen"), uniform.Transform(odd), tol: 1e-8);
        AssertFrame(Trans("quantile_uniform_unseen_inverse"), uniform.InverseTransform(uniform.Transform(odd)), tol: 1e-8);
    }

    [Fact]
    public void NormalQuantileFunctionMatchesKnownValues()
    {
        // scipy.stats.norm.ppf / cdf values.
        Assert.Equal(-5.1993375821928165, Normal.Quantile(1e-7), 12);
        Assert.Equal(1.959963984540054, Normal.Quantile(0.975), 13);
        Assert.Equal(-0.6744897501960817, Normal.Quantile(0.25), 13);
        Assert.Equal(0.9750021048517795, Normal.Cdf(1.96), 14);
        Assert.True(Math.Abs(Normal.Cdf(-5) / 2.866515718791939e-07 - 1) < 1e-13);
    }

    [Fact]
    public void SubsampleIsDeterministicPerSeed()
    {
        var x = Diabetes;
        var a = new QuantileTransformer { NQuantiles = 50, Subsample = 200, Seed = 4 }.Fit(x);
        var b = new QuantileTransformer { NQuantiles = 50, Subsample = 200, Seed = 4 }.Fit(x);
        var c = new QuantileTransformer { NQuantiles = 50, Subsample = 200, Seed = 5 }.Fit(x);
        AssertSameFrame(a.Transform(x), b.Transform(x));
        Assert.NotEqual(a.Quantiles[0], c.Quantiles[0]);
        Assert.Throws<InvalidHyperparameterException>(() => new QuantileTransformer { NQuantiles = 500, Subsample = 200 }.Fit(x));
    }

    [Fact]
    public void SaveLoadAndColumnChecks()
    {
        var x = Penguins;
        ITransformerModel[] models =
        [
            new PowerTransformer().Fit(x), new PowerTransformer { Method = PowerMethod.BoxCox, Standardize = false }.Fit(x),
            new QuantileTransformer { OutputDistribution = QuantileOutput.Normal }.Fit(x),
        ];
        foreach (var m in models)
        {
            AssertSameFrame(m.Transform(x), Reload(m).Transform(x));
            Assert.Equal("Body Mass (g)", Assert.Throws<InvalidInputException>(() => m.Transform(x.Drop("Body Mass (g)"))).Column);
        }
    }
}
