using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class BayesianSearchTests
{
    private static double Num(string v) => double.Parse(v, CultureInfo.InvariantCulture);

    // A smooth objective with its minimum at x = 1e-2 on a log scale, plus a categorical and an integer part.
    private static double Loss(IReadOnlyDictionary<string, string> p) =>
        Math.Pow(Math.Log10(Num(p["x"])) + 2, 2) + (p["kind"] == "b" ? 0 : 1) + Math.Abs(Num(p["depth"]) - 7) * 0.1;

    private static IReadOnlyDictionary<string, ParameterDistribution> Space() =>
        RandomizedSearch.ParseSpace("x=log(0.00001..1), kind=a|b|c|d, depth=1..20");

    private static double BestAfter(Func<int, IReadOnlyDictionary<string, string>> propose, Action<IReadOnlyDictionary<string, string>, double> tell, int trials)
    {
        double best = double.PositiveInfinity;
        for (int t = 0; t < trials; t++)
        {
            var p = propose(t);
            double loss = Loss(p);
            tell(p, loss);
            best = Math.Min(best, loss);
        }
        return best;
    }

    [Fact]
    public void TpeBeatsRandomSearchOnMostSeeds()
    {
        int wins = 0;
        for (int seed = 0; seed < 10; seed++)
        {
            var tpe = new TpeSampler(Space(), seed);
            double tpeBest = BestAfter(_ => tpe.Next(), tpe.Tell, 40);
            var random = RandomizedSearch.Sample(Space(), 40, seed);
            double randomBest = BestAfter(t => random[t], (_, _) => { }, 40);
            if (tpeBest <= randomBest) wins++;
        }
        Assert.True(wins >= 8, $"TPE at least as good as random search on {wins} of 10 seeds");
    }

    [Fact]
    public void ProposalsConcentrateOnTheGoodRegion()
    {
        var tpe = new TpeSampler(Space(), seed: 3);
        var late = new List<IReadOnlyDictionary<string, string>>();
        for (int t = 0; t < 60; t++)
        {
            var p = tpe.Next();
            if (t >= 30) late.Add(p);
            tpe.Tell(p, Loss(p));
        }
        Assert.True(late.Count(p => p["kind"] == "b") >= 20, "the best category dominates late proposals");
        Assert.True(late.Count(p => Math.Abs(Math.Log10(Num(p["x"])) + 2) < 1) >= 20, "late x values cluster around 1e-2");
        Assert.All(late, p =>
        {
            double d = Num(p["depth"]);
            Assert.Equal(Math.Round(d), d);
            Assert.InRange(d, 1, 20);
            Assert.InRange(Num(p["x"]), 0.00001, 1);
        });
    }

    [Fact]
    public void SameSeedSameProposals()
    {
        string Run(long seed)
        {
            var tpe = new TpeSampler(Space(), seed);
            var log = new List<string>();
            for (int t = 0; t < 20; t++)
            {
                var p = tpe.Next();
                tpe.Tell(p, Loss(p));
                log.Add(string.Join(";", p.OrderBy(kv => kv.Key).Select(kv => kv.Value)));
            }
            return string.Join("|", log);
        }
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void SearchOnIrisRecordsEveryTrialAndRefitsTheBest()
    {
        var (x, t) = LinearTestData.LoadSample("iris.csv");
        var result = BayesianSearch.Run(new LogisticRegression(), RandomizedSearch.ParseSpace("c=log(0.0001..100)"), x, t, nIter: 14, seed: 1,
            splitter: new StratifiedKFold { NSplits = 3, Shuffle = true, Seed = 0 });
        Assert.Equal(14, result.Candidates.Count);
        Assert.Equal(result.Candidates.Max(c => c.MeanScore), result.BestScore);
        Assert.Equal(1, result.Candidates[result.BestIndex].Rank);
        Assert.Equal(Num(result.BestParameters["c"]), result.BestEstimator.C);
        Assert.NotNull(result.BestModel);
        Assert.True(result.BestScore > 0.9);
    }

    [Fact]
    public void BadSettingsAreClearErrors()
    {
        Assert.Throws<InvalidHyperparameterException>(() => new TpeSampler(new Dictionary<string, ParameterDistribution>()));
        Assert.Throws<InvalidHyperparameterException>(() => new TpeSampler(Space(), gamma: 1.5));
        var (x, t) = LinearTestData.LoadSample("iris.csv");
        Assert.Throws<InvalidHyperparameterException>(() => BayesianSearch.Run(new LogisticRegression(), RandomizedSearch.ParseSpace("c=log(0.1..10)"), x, t, nIter: 0));
        Assert.Throws<InvalidHyperparameterException>(() => BayesianSearch.Run(new LogisticRegression(), RandomizedSearch.ParseSpace("nope=1..3"), x, t, nIter: 2));
    }
}
