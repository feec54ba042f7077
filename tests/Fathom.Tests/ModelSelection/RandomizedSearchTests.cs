using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class RandomizedSearchTests
{
    [Fact]
    public void SpaceParsesAndSamplesWithinRanges()
    {
        var space = RandomizedSearch.ParseSpace("max_depth=2..10, learning_rate=log(0.01..0.3), penalty=l2|none, Tol=0.5");
        Assert.Equal(["learning_rate", "max_depth", "penalty", "tol"], space.Keys);
        var draws = RandomizedSearch.Sample(space, 2000, seed: 7);
        var depth = draws.Select(d => int.Parse(d["max_depth"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, depth.Min());
        Assert.Equal(10, depth.Max());
        Assert.Equal(9, depth.Distinct().Count());
        var lr = draws.Select(d => double.Parse(d["learning_rate"], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(lr, v => Assert.InRange(v, 0.01, 0.3));
        // log-uniform: the geometric midpoint sqrt(0.01 * 0.3) splits the draws in half (binomial sd ~ 22 of 2000)
        int below = lr.Count(v => v < Math.Sqrt(0.01 * 0.3));
        Assert.InRange(below, 900, 1100);
        Assert.Equal(["l2", "none"], draws.Select(d => d["penalty"]).Distinct().Order());
        Assert.All(draws, d => Assert.Equal("0.5", d["tol"]));
        Assert.Equal(draws.Select(d => d["learning_rate"]), RandomizedSearch.Sample(space, 2000, seed: 7).Select(d => d["learning_rate"]));
        Assert.NotEqual(draws.Select(d => d["learning_rate"]), RandomizedSearch.Sample(space, 2000, seed: 8).Select(d => d["learning_rate"]));
    }

    [Fact]
    public void BadSpacesGiveClearErrors()
    {
        var empty = Assert.Throws<InvalidHyperparameterException>(() => RandomizedSearch.ParseSpace("max_depth=10..2"));
        Assert.Equal("max_depth", empty.Parameter);
        Assert.Contains("empty", empty.Message);
        Assert.Contains("positive", Assert.Throws<InvalidHyperparameterException>(() => RandomizedSearch.ParseSpace("c=log(0..1)")).Message);
        Assert.Throws<InvalidHyperparameterException>(() => RandomizedSearch.ParseSpace("c=1..x"));
        Assert.Throws<InvalidHyperparameterException>(() => RandomizedSearch.ParseSpace("c"));
        Assert.Throws<InvalidHyperparameterException>(() => RandomizedSearch.ParseSpace(""));
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var unknown = Assert.Throws<InvalidHyperparameterException>(() =>
            RandomizedSearch.Run(new LogisticRegression(), RandomizedSearch.ParseSpace("depth=1..3"), x, y));
        Assert.Contains("no parameter 'depth'", unknown.Message);
    }

    [Fact]
    public void ScoresAgreeWithGridSearchOnTheSameCandidates()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var space = RandomizedSearch.ParseSpace("c=log(0.01..100), max_iter=1000");
        var result = RandomizedSearch.Run(new LogisticRegression(), space, x, y, nIter: 4, seed: 3);
        Assert.Equal(4, result.Candidates.Count);
        var again = RandomizedSearch.Run(new LogisticRegression(), space, x, y, nIter: 4, seed: 3, context: new FitContext { MaxThreads = 1 });
        Assert.Equal(result.Candidates.Select(c => c.MeanScore), again.Candidates.Select(c => c.MeanScore));
        var grid = GridSearch.Run(new LogisticRegression { MaxIter = 1000 },
            new Dictionary<string, IReadOnlyList<string>> { ["c"] = result.Candidates.Select(c => c.Parameters["c"]).ToArray() }, x, y);
        Assert.Equal(grid.Candidates.Select(c => c.MeanScore), result.Candidates.Select(c => c.MeanScore));
        Assert.Equal(result.Candidates.Max(c => c.MeanScore), result.BestScore);
        Assert.NotNull(result.BestModel);
    }
}
