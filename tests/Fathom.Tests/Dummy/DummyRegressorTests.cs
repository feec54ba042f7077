using Fathom.Core;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Dummy;

public class DummyRegressorTests
{
    private static readonly double[] Y = [4, 1, 3, 10, 2];

    [Fact]
    public void ClosedForms()
    {
        var x = new Matrix(5, 2);
        Assert.Equal(4.0, new DummyRegressor().Fit(x, Y).Constant);
        Assert.Equal(3.0, new DummyRegressor { Strategy = DummyRegressorStrategy.Median }.Fit(x, Y).Constant);
        // Sorted 1 2 3 4 10: the 0.9 quantile sits at index 3.6 → 4 + 0.6·6.
        Assert.Equal(7.6, new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile, Quantile = 0.9 }.Fit(x, Y).Constant, 12);
        Assert.Equal(-2.5, new DummyRegressor { Strategy = DummyRegressorStrategy.Constant, Constant = -2.5 }.Fit(x, Y).Constant);
        // Weighted mean: (4·1 + 1·0 + 3·0 + 10·3 + 2·0) / 4.
        Assert.Equal(8.5, new DummyRegressor().Fit(x, Y, [1, 0, 0, 3, 0]).Constant);
        // Weighted median: cumulative weights over sorted 1 2 3 4 10 = 0 0 0 1 4; half is 2 → first reaching it is 10.
        Assert.Equal(10.0, new DummyRegressor { Strategy = DummyRegressorStrategy.Median }.Fit(x, Y, [1, 0, 0, 3, 0]).Constant);
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedRowsForTheMean()
    {
        int[] w = [2, 1, 3, 1, 4];
        var rows = Y.SelectMany((v, i) => Enumerable.Repeat(v, w[i])).ToArray();
        double a = new DummyRegressor().Fit(new Matrix(5, 1), Y, w.Select(v => (double)v).ToArray()).Constant;
        double b = new DummyRegressor().Fit(new Matrix(rows.Length, 1), rows).Constant;
        Assert.Equal(b, a, 14);
    }

    [Fact]
    public void MissingOrBadHyperparametersAreNamed()
    {
        var x = new Matrix(5, 1);
        Assert.Equal("quantile", Assert.Throws<InvalidHyperparameterException>(() => new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile }.Fit(x, Y)).Parameter);
        Assert.Equal("quantile", Assert.Throws<InvalidHyperparameterException>(() => new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile, Quantile = 1.5 }.Fit(x, Y)).Parameter);
        Assert.Equal("constant", Assert.Throws<InvalidHyperparameterException>(() => new DummyRegressor { Strategy = DummyRegressorStrategy.Constant }.Fit(x, Y)).Parameter);
        Assert.Equal("constant", Assert.Throws<InvalidHyperparameterException>(() => new DummyRegressor { Strategy = DummyRegressorStrategy.Constant, Constant = double.NaN }.Fit(x, Y)).Parameter);
    }

    [Fact]
    public void BadInputIsRejectedClearly()
    {
        var r = new DummyRegressor();
        Assert.Throws<InvalidInputException>(() => r.Fit(new Matrix(0, 1), []));
        var nan = Assert.Throws<InvalidInputException>(() => r.Fit(new Matrix(3, 1), [1, double.NaN, 2]));
        Assert.Equal(1, nan.Row);
        Assert.Throws<InvalidInputException>(() => r.Fit(new Matrix(3, 1), [1, 2]));
        Assert.Throws<InvalidInputException>(() => r.Fit(new Matrix(2, 1), [1, 2], [0, 0]));
        Assert.Throws<InvalidInputException>(() => r.Fit(new Matrix(2, 1), [1, 2], [1, double.PositiveInfinity]));
        var m = r.Fit(new Matrix(2, 4), [1, 2]);
        Assert.Contains("4 features", Assert.Throws<InvalidInputException>(() => m.Predict(new Matrix(1, 2))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DummyRegressorStrategy.Mean)]
    [InlineData(DummyRegressorStrategy.Median)]
    [InlineData(DummyRegressorStrategy.Quantile)]
    [InlineData(DummyRegressorStrategy.Constant)]
    public void SaveAndLoadKeepsEverything(DummyRegressorStrategy strategy)
    {
        var est = new DummyRegressor { Strategy = strategy, Quantile = 0.3, Constant = 0.1 + 0.2 };
        var m = est.Fit(new Matrix(5, 2), Y);
        var back = Assert.IsType<DummyRegressionModel>(ModelFile.Deserialize(ModelFile.Serialize(m)).Model);
        Assert.Equal(est, back.Estimator);
        Assert.Equal(m.Constant, back.Constant);
        Assert.Equal(m.Predict(new Matrix(3, 2)), back.Predict(new Matrix(3, 2)));
    }
}
