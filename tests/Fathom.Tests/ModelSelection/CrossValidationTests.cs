using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class CrossValidationTests
{
    private static readonly System.Text.Json.Nodes.JsonNode Ref = SplitterTests.Ref;

    private static double[] Doubles(string key) => LinearTestData.Doubles(Ref[key]);

    [Fact]
    public void LinearRegressionKFoldMatchesSklearnCrossValScore()
    {
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        var y = t.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var result = CrossValidation.Run(new LinearRegression(), x, y, new KFold(), ["r2", "mse"], returnTrainScores: true);
        Assert.Equal(5, result.FoldCount);
        var r2 = Doubles("diabetes_r2");
        var mse = Doubles("diabetes_mse");
        for (int f = 0; f < 5; f++)
        {
            Assert.True(Math.Abs(result["r2"].Test[f] - r2[f]) < 1e-8, $"fold {f}: {result["r2"].Test[f]} vs {r2[f]}");
            Assert.True(Math.Abs(result["mse"].Test[f] - mse[f]) < 1e-6 * mse[f], $"fold {f}: {result["mse"].Test[f]} vs {mse[f]}");
        }
        Assert.Equal(r2.Average(), result["r2"].TestMean, 1e-8);
        double m = r2.Average();
        Assert.Equal(Math.Sqrt(r2.Select(v => (v - m) * (v - m)).Sum() / 5), result["r2"].TestStd, 1e-8);
        Assert.All(result["r2"].Train!, v => Assert.InRange(v, 0.45, 0.6)); // training r2 of OLS on diabetes is ~0.52
        Assert.True(result["r2"].TrainMean > result["r2"].TestMean);
        Assert.False(result["mse"].GreaterIsBetter);
    }

    [Fact]
    public void DeterministicAcrossThreadCounts()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var split = new StratifiedKFold { Shuffle = true, Seed = 4 };
        var one = CrossValidation.Run(new LogisticRegression(), x, y, split, ["accuracy", "log_loss"], context: new FitContext { MaxThreads = 1 });
        var two = CrossValidation.Run(new LogisticRegression(), x, y, split, ["accuracy", "log_loss"], context: new FitContext { MaxThreads = 2 });
        Assert.Equal(one["accuracy"].Test, two["accuracy"].Test);
        Assert.Equal(one["log_loss"].Test, two["log_loss"].Test);
        Assert.InRange(one["accuracy"].TestMean, 0.9, 1.0);
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CrossValidation.Run(new LogisticRegression(), x, y, new StratifiedKFold(),
            context: new FitContext { CancellationToken = cts.Token }));
    }

    [Fact]
    public void ClearErrorsForScorers()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var e = Assert.Throws<InvalidHyperparameterException>(() => CrossValidation.Run(new LogisticRegression(), x, y, new StratifiedKFold(), ["r2"]));
        Assert.Contains("accuracy", e.Message);
        Assert.Throws<InvalidHyperparameterException>(() => CrossValidation.Run(new LogisticRegression(), x, y, new StratifiedKFold(), ["nope"]));
    }
}

public class ValidationCurveTests
{
    [Fact]
    public void RidgeAlphaCurveMatchesSklearn()
    {
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        var y = t.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var curve = ValidationCurve.Run(new Ridge(), "alpha", ["0.001", "0.1", "10"], x, y, new KFold());
        var train = LinearTestData.Rows(SplitterTests.Ref["ridge_vc_train"]);
        var test = LinearTestData.Rows(SplitterTests.Ref["ridge_vc_test"]);
        Assert.Equal("alpha", curve.Parameter);
        for (int v = 0; v < 3; v++)
            for (int f = 0; f < 5; f++)
            {
                Assert.True(Math.Abs(curve.TrainScores[v][f] - train[v][f]) < 1e-8, $"train {v},{f}: {curve.TrainScores[v][f]} vs {train[v][f]}");
                Assert.True(Math.Abs(curve.TestScores[v][f] - test[v][f]) < 1e-8, $"test {v},{f}: {curve.TestScores[v][f]} vs {test[v][f]}");
            }
        Assert.Throws<InvalidHyperparameterException>(() => ValidationCurve.Run(new Ridge(), "alpha", ["-1"], x, y));
    }
}
