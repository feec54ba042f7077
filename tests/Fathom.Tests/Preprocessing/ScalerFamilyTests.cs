using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Preprocessing;

/// <summary>MinMaxScaler, RobustScaler, MaxAbsScaler, Normalizer and Binarizer against scikit-learn 1.2.1
/// (transformers.json, made by make_transformers.py).</summary>
public class ScalerFamilyTests
{
    private static DataFrame Data(string name) => name switch { "iris" => Iris, "peng" => Penguins, _ => Diabetes };

    [Theory]
    [InlineData("minmax_iris", "iris", 0.0, 1.0)]
    [InlineData("minmax_peng_nan", "peng", 0.0, 1.0)]
    [InlineData("minmax_range", "diab", -2.0, 3.0)]
    public void MinMaxMatchesScikitLearn(string key, string data, double lo, double hi)
    {
        var x = Data(data);
        var model = new MinMaxScaler { FeatureRangeMin = lo, FeatureRangeMax = hi }.Fit(x);
        AssertFrame(Trans(key), model.Transform(x));
        AssertClose(Values(Trans(key + "_scale")), model.Scale, what: "scale");
        AssertClose(Values(Trans(key + "_min")), model.Min, what: "min");
        AssertClose(Columns(Trans(key))[0], ((NumericColumn)model.Transform(x)[0]).Values.ToArray());
        var back = model.InverseTransform(model.Transform(x));
        AssertClose(FrameInputValues(x, 2), ((NumericColumn)back[2]).Values.ToArray(), 1e-12, "inverse");
    }

    [Fact]
    public void MinMaxClipKeepsNewRowsInRange()
    {
        var x = Iris;
        var fitRows = x.Head(100);
        AssertFrame(Trans("minmax_clip"), new MinMaxScaler { Clip = true }.Fit(fitRows).Transform(x));
        AssertFrame(Trans("minmax_noclip"), new MinMaxScaler().Fit(fitRows).Transform(x));
        Assert.Throws<InvalidHyperparameterException>(() => new MinMaxScaler { FeatureRangeMin = 1, FeatureRangeMax = 1 }.Fit(x));
    }

    [Theory]
    [InlineData("robust_iris", "iris", true, true, 25.0, 75.0, false)]
    [InlineData("robust_peng_nan", "peng", true, true, 25.0, 75.0, false)]
    [InlineData("robust_range", "diab", true, true, 10.0, 80.0, false)]
    [InlineData("robust_unit", "diab", true, true, 25.0, 75.0, true)]
    [InlineData("robust_nocenter", "iris", false, true, 25.0, 75.0, false)]
    [InlineData("robust_noscale", "iris", true, false, 25.0, 75.0, false)]
    public void RobustMatchesScikitLearn(string key, string data, bool center, bool scale, double qlo, double qhi, bool unit)
    {
        var x = Data(data);
        var model = new RobustScaler { WithCentering = center, WithScaling = scale, QuantileRangeLow = qlo, QuantileRangeHigh = qhi, UnitVariance = unit }.Fit(x);
        AssertFrame(Trans(key), model.Transform(x));
        if (center) AssertClose(Values(Trans(key + "_center")), model.Center, what: "center");
        if (scale) AssertClose(Values(Trans(key + "_scale")), model.Scale, what: "scale");
        Assert.Throws<InvalidHyperparameterException>(() => new RobustScaler { QuantileRangeLow = 80, QuantileRangeHigh = 20 }.Fit(x));
    }

    [Theory]
    [InlineData("maxabs_diab", "diab")]
    [InlineData("maxabs_peng_nan", "peng")]
    public void MaxAbsMatchesScikitLearn(string key, string data)
    {
        var x = Data(data);
        var model = new MaxAbsScaler().Fit(x);
        AssertFrame(Trans(key), model.Transform(x));
        AssertClose(Values(Trans(key + "_scale")), model.Scale, what: "scale");
        var zero = new DataFrame([new NumericColumn("z", [0.0, 0.0, 0.0])]);
        Assert.Equal(1.0, new MaxAbsScaler().Fit(zero).Scale[0]);
    }

    [Theory]
    [InlineData(NormKind.L1, "normalizer_l1")]
    [InlineData(NormKind.L2, "normalizer_l2")]
    [InlineData(NormKind.Max, "normalizer_max")]
    public void NormalizerMatchesScikitLearn(NormKind norm, string key)
    {
        var x = Diabetes;
        AssertFrame(Trans(key), new Normalizer { Norm = norm }.Fit(x).Transform(x));
        // A zero row stays zero instead of dividing by zero.
        var zero = new DataFrame([new NumericColumn("a", [0.0, 3.0]), new NumericColumn("b", [0.0, 4.0])]);
        var z = new Normalizer { Norm = norm }.Fit(zero).Transform(zero);
        Assert.Equal(0.0, ((NumericColumn)z[0])[0]);
        Assert.Equal(0.0, ((NumericColumn)z[1])[0]);
    }

    [Fact]
    public void BinarizerMatchesScikitLearnAndRejectsMissing()
    {
        var x = Diabetes;
        AssertFrame(Trans("binarizer"), new Binarizer { Threshold = 0.01 }.Fit(x).Transform(x));
        var e = Assert.Throws<InvalidInputException>(() => new Binarizer().Fit(Penguins));
        Assert.Equal(3, e.Row);
    }

    [Fact]
    public void EachRefusesDataWithOtherColumnsThanAtFit()
    {
        ITransformer[] all = [new MinMaxScaler(), new RobustScaler(), new MaxAbsScaler(), new Normalizer(), new Binarizer()];
        var x = Diabetes;
        var other = x.Drop("bmi").WithColumn(new NumericColumn("BMI", ((NumericColumn)x["bmi"]).Values.ToArray()));
        foreach (var t in all)
        {
            var model = t.Fit(x);
            var e = Assert.Throws<InvalidInputException>(() => model.Transform(other));
            Assert.Equal("bmi", e.Column);
            Assert.Contains("'bmi'", e.Message, StringComparison.Ordinal);
            Assert.Equal("sex", Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("sex"))).Column);
        }
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var x = Diabetes;
        ITransformerModel[] models =
        [
            new MinMaxScaler { FeatureRangeMin = -1, Clip = true }.Fit(x), new RobustScaler { UnitVariance = true }.Fit(x),
            new MaxAbsScaler().Fit(x), new Normalizer { Norm = NormKind.L1 }.Fit(x), new Binarizer { Threshold = 0.02 }.Fit(x),
        ];
        foreach (var m in models) AssertSameFrame(m.Transform(x), Reload(m).Transform(x));
    }

    [Fact]
    public void TextColumnIsRejectedByName()
    {
        var x = Sample("iris.csv");
        ITransformer[] all = [new MinMaxScaler(), new RobustScaler(), new MaxAbsScaler(), new Normalizer(), new Binarizer()];
        foreach (var t in all) Assert.Equal("target", Assert.Throws<InvalidInputException>(() => t.Fit(x)).Column);
    }

    private static double[] FrameInputValues(DataFrame x, int j) => ((NumericColumn)x[j]).Values.ToArray();
}
