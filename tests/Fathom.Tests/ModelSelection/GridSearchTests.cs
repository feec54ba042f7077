using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class GridSearchTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> CGrid = new() { ["C"] = ["0.01", "1", "100"] };

    [Fact]
    public void LogisticRegressionOnIrisMatchesSklearnGridSearchCV()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var result = GridSearch.Run(new LogisticRegression { MaxIter = 1000 }, CGrid, x, y, new StratifiedKFold());
        var mean = LinearTestData.Doubles(SplitterTests.Ref["iris_grid_mean"]);
        var std = LinearTestData.Doubles(SplitterTests.Ref["iris_grid_std"]);
        Assert.Equal(3, result.Candidates.Count);
        for (int c = 0; c < 3; c++)
        {
            Assert.True(Math.Abs(result.Candidates[c].MeanScore - mean[c]) < 1e-6, $"candidate {c}: {result.Candidates[c].MeanScore} vs {mean[c]}");
            Assert.True(Math.Abs(result.Candidates[c].StdScore - std[c]) < 1e-6, $"candidate {c} std");
        }
        Assert.Equal(SplitterTests.Ref["iris_grid_best_index"]!.GetValue<int>(), result.BestIndex);
        Assert.Equal("100", result.BestParameters["c"]);
        Assert.Equal(100, result.BestEstimator.C);
        Assert.Equal(1, result.Candidates[result.BestIndex].Rank);
        Assert.NotNull(result.BestModel);
        Assert.Equal(result.BestEstimator.Fit(x, y).PredictIndex(x), result.BestModel!.PredictIndex(x));
    }

    [Fact]
    public void GridOrderIsSortedKeysLastFastest()
    {
        var points = GridSearch.Expand(new Dictionary<string, IReadOnlyList<string>> { ["tol"] = ["1e-4", "1e-6"], ["C"] = ["1", "2", "3"] });
        Assert.Equal(6, points.Count);
        Assert.Equal(["1", "1", "2", "2", "3", "3"], points.Select(p => p["c"]));
        Assert.Equal(["1e-4", "1e-6", "1e-4", "1e-6", "1e-4", "1e-6"], points.Select(p => p["tol"]));
    }

    [Fact]
    public void BadGridsGiveClearErrors()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var unknown = Assert.Throws<InvalidHyperparameterException>(() => GridSearch.Run(new LogisticRegression(),
            new Dictionary<string, IReadOnlyList<string>> { ["depth"] = ["1"] }, x, y));
        Assert.Contains("no parameter 'depth'", unknown.Message);
        var bad = Assert.Throws<InvalidHyperparameterException>(() => GridSearch.Run(new LogisticRegression(),
            new Dictionary<string, IReadOnlyList<string>> { ["C"] = ["1", "-1"] }, x, y));
        Assert.Equal("c", bad.Parameter);
        var empty = Assert.Throws<InvalidHyperparameterException>(() => GridSearch.Run(new LogisticRegression(),
            new Dictionary<string, IReadOnlyList<string>> { ["C"] = [] }, x, y));
        Assert.Contains("no values", empty.Message);
    }

    [Fact]
    public void RegressorSearchMinimizesLosses()
    {
        var (x, t) = LinearTestData.LoadSample("diabetes.csv");
        var y = t.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var result = GridSearch.Run(new Ridge(), new Dictionary<string, IReadOnlyList<string>> { ["alpha"] = ["100", "0.01", "10"] },
            x, y, new KFold(), scoring: "mse");
        int expected = Enumerable.Range(0, 3).MinBy(c => result.Candidates[c].MeanScore);
        Assert.Equal(expected, result.BestIndex);
        // each candidate's mean equals a direct cross-validation with the same settings
        var direct = CrossValidation.Run(new Ridge { Alpha = 10 }, x, y, new KFold(), ["mse"]);
        Assert.Equal(direct["mse"].TestMean, result.Candidates[2].MeanScore, 1e-9);
    }
}
