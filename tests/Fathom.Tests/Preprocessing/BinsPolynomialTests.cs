using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

/// <summary>KBinsDiscretizer, PolynomialFeatures, LogTransformer and Winsorizer against scikit-learn 1.2.1 / NumPy.</summary>
public class BinsPolynomialTests
{
    [Theory]
    [InlineData(BinStrategy.Uniform, "uniform")]
    [InlineData(BinStrategy.Quantile, "quantile")]
    [InlineData(BinStrategy.KMeans, "kmeans")]
    public void KBinsMatchesScikitLearn(BinStrategy strategy, string label)
    {
        var x = strategy == BinStrategy.KMeans ? Diabetes.Drop("sex") : Diabetes;
        var ordinal = new KBinsDiscretizer { NBins = 4, Strategy = strategy, Encode = BinEncoding.Ordinal }.Fit(x);
        AssertFrame(Trans($"kbins_{label}_ordinal"), ordinal.Transform(x));
        AssertClose(Values(Trans($"kbins_{label}_edges")), ordinal.BinEdges.SelectMany(e => e).ToArray(), what: "edges");
        AssertClose(Values(Trans($"kbins_{label}_counts")), ordinal.BinCounts.Select(c => (double)c).ToArray());
        var onehot = new KBinsDiscretizer { NBins = 4, Strategy = strategy }.Fit(x);
        AssertFrame(Trans($"kbins_{label}_onehot-dense"), onehot.Transform(x));
    }

    [Fact]
    public void KBinsRemovesNarrowQuantileBinsAndRunsKMeansLikeScikitLearn()
    {
        var model = new KBinsDiscretizer { NBins = 10, Encode = BinEncoding.Ordinal }.Fit(Iris);
        AssertClose(Values(Trans("kbins_quantile_ties_counts")), model.BinCounts.Select(c => (double)c).ToArray());
        AssertFrame(Trans("kbins_quantile_ties"), model.Transform(Iris));
        var peng = Penguins.Take(Enumerable.Range(0, Penguins.RowCount).Where(i => !double.IsNaN(((NumericColumn)Penguins[0])[i])).ToArray());
        var km = new KBinsDiscretizer { NBins = 6, Strategy = BinStrategy.KMeans, Encode = BinEncoding.Ordinal }.Fit(peng);
        AssertClose(Values(Trans("kbins_kmeans_peng_edges")), km.BinEdges.SelectMany(e => e).ToArray(), 1e-10, "edges");
        AssertFrame(Trans("kbins_kmeans_peng"), km.Transform(peng));
    }

    [Fact]
    public void KBinsConstantColumnGetsOneBinAndMissingIsRejected()
    {
        var x = new DataFrame([new NumericColumn("c", [2.0, 2, 2]), new NumericColumn("v", [1.0, 2, 3])]);
        var model = new KBinsDiscretizer { NBins = 3 }.Fit(x);
        Assert.Equal(1, model.BinCounts[0]);
        Assert.Equal(["c_0.0", "v_0.0", "v_1.0", "v_2.0"], model.FeatureNamesOut);
        Assert.Equal(3, Assert.Throws<InvalidInputException>(() => new KBinsDiscretizer().Fit(Penguins)).Row);
    }

    [Theory]
    [InlineData("poly_2", 2, false, true)]
    [InlineData("poly_3", 3, false, true)]
    [InlineData("poly_interaction", 3, true, true)]
    [InlineData("poly_nobias", 2, false, false)]
    public void PolynomialMatchesScikitLearnIncludingNames(string key, int degree, bool interaction, bool bias)
    {
        var x = Iris.Select("sepal length (cm)", "sepal width (cm)", "petal length (cm)");
        var model = new PolynomialFeatures { Degree = degree, InteractionOnly = interaction, IncludeBias = bias }.Fit(x);
        AssertFrame(Trans(key), model.Transform(x));
        Assert.Equal(Names(Trans(key)), model.FeatureNamesOut);
    }

    [Fact]
    public void PolynomialNamesAreLikeScikitLearn()
    {
        var x = new DataFrame([new NumericColumn("x0", [1.0, 2]), new NumericColumn("x1", [3.0, 4])]);
        var model = new PolynomialFeatures().Fit(x);
        Assert.Equal(["1", "x0", "x1", "x0^2", "x0 x1", "x1^2"], model.FeatureNamesOut);
        Assert.Equal([0, 1], model.Powers[2]);
        Assert.Equal([2, 0], model.Powers[3]);
        var z = model.Transform(x);
        Assert.Equal(8.0, ((NumericColumn)z["x0 x1"])[1]);
    }

    [Fact]
    public void PolynomialTransformOfReorderedFrameIsIdentical()
    {
        var x = Iris;
        var model = new PolynomialFeatures { Degree = 3 }.Fit(x);
        var reordered = x.Select("petal width (cm)", "sepal width (cm)", "petal length (cm)", "sepal length (cm)");
        AssertSameFrame(model.Transform(x), model.Transform(reordered));
    }

    [Fact]
    public void LogTransformerMatchesNumPyAndRejectsValuesAtMinusOne()
    {
        var x = Penguins;
        var model = new LogTransformer().Fit(x);
        AssertFrame(Trans("log1p_peng_nan"), model.Transform(x));
        AssertClose(((NumericColumn)x[0]).Values.ToArray(), ((NumericColumn)model.InverseTransform(model.Transform(x))[0]).Values.ToArray(), 1e-12);
        var bad = new DataFrame([new NumericColumn("a", [0.5, -1.0])]);
        var e = Assert.Throws<InvalidInputException>(() => new LogTransformer().Fit(bad));
        Assert.Equal(1, e.Row);
        Assert.Equal("a", e.Column);
        var ok = new DataFrame([new NumericColumn("a", [0.5, 3.0])]);
        Assert.Equal(1, Assert.Throws<InvalidInputException>(() => new LogTransformer().Fit(ok).Transform(bad)).Row);
        Assert.Equal(1e-20, LogTransformerModel.Log1p(1e-20));
    }

    [Fact]
    public void WinsorizerLearnsLimitsAtFitLikeNumPyPercentiles()
    {
        var x = Penguins;
        var model = new Winsorizer().Fit(x);
        AssertClose(Values(Trans("winsor_peng_nan_lower")), model.Lower, what: "lower");
        AssertClose(Values(Trans("winsor_peng_nan_upper")), model.Upper, what: "upper");
        AssertFrame(Trans("winsor_peng_nan"), model.Transform(x));
        AssertFrame(Trans("winsor_diab"), new Winsorizer { LowerQuantile = 0.01, UpperQuantile = 0.9 }.Fit(Diabetes).Transform(Diabetes));
        // Limits come from the fit data: new extreme rows are clipped to them, not to their own quantiles.
        var extreme = new DataFrame(x.ColumnNames.Select(n => (DataColumn)new NumericColumn(n, [1e6])).ToArray());
        Assert.Equal(model.Upper[3], ((NumericColumn)model.Transform(extreme)[3])[0]);
        Assert.Throws<InvalidHyperparameterException>(() => new Winsorizer { LowerQuantile = 0.6, UpperQuantile = 0.4 }.Fit(x));
    }

    [Fact]
    public void SaveLoadAndColumnChecks()
    {
        var x = Diabetes;
        ITransformerModel[] models =
        [
            new KBinsDiscretizer { Strategy = BinStrategy.KMeans }.Fit(x), new PolynomialFeatures { Degree = 3, InteractionOnly = true }.Fit(x.Select("age", "bmi", "bp")),
            new LogTransformer().Fit(x), new Winsorizer().Fit(x),
        ];
        foreach (var m in models)
        {
            AssertSameFrame(m.Transform(x), Reload(m).Transform(x));
            Assert.Equal("bmi", Assert.Throws<InvalidInputException>(() => m.Transform(x.Drop("bmi"))).Column);
        }
    }
}
