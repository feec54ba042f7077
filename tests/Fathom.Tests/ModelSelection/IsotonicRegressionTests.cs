using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class IsotonicRegressionTests
{
    private static readonly System.Text.Json.Nodes.JsonNode Iso = CalibrationTests.Ref["isotonic"]!;

    private static double[] D(string key) => LinearTestData.Doubles(Iso[key]);

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void MatchesSklearnIsotonicRegression(bool increasing, bool weighted)
    {
        var x = D("x");
        var model = new IsotonicRegression { Increasing = increasing, OutOfBounds = OutOfBoundsHandling.Clip }
            .Fit(x, D("y"), weighted ? D("w") : null);
        string key = $"{(increasing ? "inc" : "dec")}/{(weighted ? "w" : "u")}";
        AssertClose(D(key + "/fit"), model.Predict(x));
        AssertClose(D(key + "/query"), model.Predict(D("query")));
        var fitted = model.YThresholds;
        for (int i = 1; i < fitted.Length; i++)
            Assert.True(increasing ? fitted[i] >= fitted[i - 1] : fitted[i] <= fitted[i - 1]);
    }

    [Fact]
    public void BoundsAndOutOfRangeHandling()
    {
        var x = D("x");
        var clipped = new IsotonicRegression { YMin = 0, YMax = 1.2, OutOfBounds = OutOfBoundsHandling.Clip }.Fit(x, D("y"));
        AssertClose(D("bounded/query"), clipped.Predict(D("query")));
        var nan = new IsotonicRegression().Fit(x, D("y"));
        Assert.True(double.IsNaN(nan.Predict([-5.0])[0]));
        var raise = new IsotonicRegression { OutOfBounds = OutOfBoundsHandling.Raise }.Fit(x, D("y"));
        Assert.Throws<InvalidInputException>(() => raise.Predict([100.0]));
    }

    [Fact]
    public void PavaClosedForm()
    {
        // 3, 1 pool to 2 (weights equal); with weights 1 and 3 they pool to (3 + 3)/4 = 1.5
        Assert.Equal([2.0, 2.0, 4.0], IsotonicRegression.Pava([3.0, 1.0, 4.0], [1.0, 1.0, 1.0]));
        Assert.Equal([1.5, 1.5, 4.0], IsotonicRegression.Pava([3.0, 1.0, 4.0], [1.0, 3.0, 1.0]));
        Assert.Equal([3.0, 3.0, 1.0], IsotonicRegression.Pava([2.0, 4.0, 1.0], [1.0, 1.0, 1.0], increasing: false));
    }

    [Fact]
    public void SavesAndLoadsThroughRegressorInterface()
    {
        var x = D("x");
        var xm = new Matrix(x.Length, 1);
        for (int i = 0; i < x.Length; i++) xm[i, 0] = x[i];
        IRegressor est = new IsotonicRegression { OutOfBounds = OutOfBoundsHandling.Clip };
        var model = est.Fit(xm, D("y"));
        var loaded = (IRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.Predict(xm), loaded.Predict(xm));
        Assert.Throws<InvalidInputException>(() => est.Fit(new Matrix(3, 2), [1.0, 2, 3]));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-10, $"[{i}] {actual[i]} vs {expected[i]}");
    }
}
