using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

public class StandardScalerTests
{
    private static DataFrame IrisX => Sample("iris.csv").Drop("target");

    private static DataFrame PenguinNumbers => Sample("penguins.csv").Select("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)");

    [Theory]
    [InlineData("scaler_iris", true, true, false)]
    [InlineData("scaler_iris_weighted", true, true, true)]
    [InlineData("scaler_iris_no_mean", false, true, false)]
    [InlineData("scaler_iris_no_std", true, false, false)]
    public void MatchesScikitLearnOnIris(string key, bool withMean, bool withStd, bool weighted)
    {
        var x = IrisX;
        var scaler = new StandardScaler { WithMean = withMean, WithStd = withStd };
        var w = Enumerable.Range(0, x.RowCount).Select(i => (i % 5) * 0.5 + 0.25).ToArray();
        var model = weighted ? scaler.Fit(x, w) : scaler.Fit(x);
        AssertFrame(Prep(key), model.Transform(x));
        AssertClose(Values(Prep(key + "_mean")), model.Mean, what: "mean");
        if (withStd)
        {
            AssertClose(Values(Prep(key + "_var")), model.Variance, what: "var");
            AssertClose(Values(Prep(key + "_scale")), model.Scale, what: "scale");
        }
        else Assert.All(model.Scale, s => Assert.Equal(1.0, s));
    }

    [Fact]
    public void IgnoresMissingValuesInFitAndKeepsThemInTransform()
    {
        var x = PenguinNumbers;
        var model = new StandardScaler().Fit(x);
        var z = model.Transform(x);
        AssertFrame(Prep("scaler_penguins_nan"), z);
        AssertClose(Values(Prep("scaler_penguins_nan_mean")), model.Mean, what: "mean");
        AssertClose(Values(Prep("scaler_penguins_nan_var")), model.Variance, what: "var");
        Assert.True(double.IsNaN(((NumericColumn)z[0])[3]));
    }

    [Fact]
    public void ConstantColumnGetsScaleOne()
    {
        var x = new DataFrame([new NumericColumn("c", Enumerable.Repeat(3.0, 7).ToArray()), new NumericColumn("v", [1, 2, 3, 4, 5, 6, 8])]);
        var model = new StandardScaler().Fit(x);
        AssertClose(Values(Prep("scaler_constant_scale")), model.Scale);
        AssertFrame(Prep("scaler_constant"), model.Transform(x));
        Assert.All(((NumericColumn)model.Transform(x)[0]).Values.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void WeightsOfOneEqualNoWeightsAndIntegerWeightsEqualRepeatedRows()
    {
        var x = IrisX.Head(20);
        var plain = new StandardScaler().Fit(x);
        var ones = new StandardScaler().Fit(x, Enumerable.Repeat(1.0, 20).ToArray());
        AssertClose(plain.Mean, ones.Mean, 1e-14);
        AssertClose(plain.Variance, ones.Variance, 1e-14);
        var w = Enumerable.Range(0, 20).Select(i => (double)(i % 3)).ToArray();
        var rows = Enumerable.Range(0, 20).SelectMany(i => Enumerable.Repeat(i, i % 3)).ToArray();
        var weighted = new StandardScaler().Fit(x, w);
        var repeated = new StandardScaler().Fit(x.Take(rows));
        AssertClose(repeated.Mean, weighted.Mean, 1e-12);
        AssertClose(repeated.Variance, weighted.Variance, 1e-12);
    }

    [Fact]
    public void BooleanColumnIsReadAsZeroOne()
    {
        var x = new DataFrame([new BoolColumn("b", [true, false, true, null, true])]);
        var model = new StandardScaler().Fit(x);
        Assert.Equal(0.75, model.Mean[0], 12);
        Assert.Equal(0.1875, model.Variance[0], 12);
        var z = (NumericColumn)model.Transform(x)[0];
        Assert.Equal((1 - 0.75) / Math.Sqrt(0.1875), z[0], 12);
        Assert.True(double.IsNaN(z[3]));
    }

    [Fact]
    public void TextColumnIsRejectedByName()
    {
        var x = Sample("iris.csv");
        var e = Assert.Throws<InvalidInputException>(() => new StandardScaler().Fit(x));
        Assert.Equal("target", e.Column);
        Assert.Contains("'target'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransformSelectsByNameAndRejectsMissingOrRetypedColumns()
    {
        var x = IrisX;
        var model = new StandardScaler().Fit(x);
        var expected = model.Transform(x);
        var shuffled = x.Select("petal width (cm)", "sepal width (cm)", "petal length (cm)", "sepal length (cm)")
            .WithColumn(new TextColumn("extra", new string?[x.RowCount]));
        AssertSameFrame(expected, model.Transform(shuffled));

        var missing = Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("sepal width (cm)")));
        Assert.Equal("sepal width (cm)", missing.Column);

        var retyped = x.WithColumn(new TextColumn("sepal width (cm)", Enumerable.Repeat("wide", x.RowCount).ToArray()));
        var kind = Assert.Throws<InvalidInputException>(() => model.Transform(retyped));
        Assert.Equal("sepal width (cm)", kind.Column);
        Assert.Contains("text", kind.Message, StringComparison.Ordinal);

        // An all-missing column has no real type (an empty CSV column): accepted, output NaN.
        var empty = x.WithColumn(new TextColumn("sepal width (cm)", new string?[x.RowCount]));
        Assert.All(((NumericColumn)model.Transform(empty)[1]).Values.ToArray(), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var x = PenguinNumbers;
        var model = new StandardScaler { WithMean = false }.Fit(x);
        var loaded = RoundTrip(model);
        Assert.False(loaded.Options.WithMean);
        Assert.Equal(model.FeatureNamesIn, loaded.FeatureNamesIn);
        AssertSameFrame(model.Transform(x), loaded.Transform(x));
    }

    [Fact]
    public void MatrixOverloadsAndInverseTransform()
    {
        var m = IrisX.ToMatrix();
        var model = new StandardScaler().Fit(m);
        Matrix z = model.Transform(m);
        AssertClose(Columns(Prep("scaler_iris"))[2], z.Column(2), what: "matrix");
        var back = ((StandardScalerModel)model).InverseTransform(DataFrame.FromMatrix(z)).ToMatrix();
        AssertClose(m.Column(3), back.Column(3), 1e-12);
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Throws<InvalidInputException>(() => new StandardScaler().Fit(IrisX.Head(0)));
        Assert.Throws<InvalidInputException>(() => new StandardScaler().Fit(IrisX, new double[3]));
        var w = Enumerable.Repeat(1.0, 150).ToArray();
        w[7] = -1;
        Assert.Equal(7, Assert.Throws<InvalidInputException>(() => new StandardScaler().Fit(IrisX, w)).Row);
        var inf = new DataFrame([new NumericColumn("a", [1, double.PositiveInfinity])]);
        Assert.Equal("a", Assert.Throws<InvalidInputException>(() => new StandardScaler().Fit(inf)).Column);
    }
}
