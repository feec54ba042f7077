using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.NaiveBayes;
using Fathom.Tests.Linear;
using Fathom.Trees;

namespace Fathom.Tests.ModelSelection;

/// <summary>Successive halving's schedule and nested cross-validation against scikit-learn 1.2.1 (Reference/make_halving_nested_reference.py).</summary>
public class HalvingAndNestedTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("ModelSelection", "halving_nested_reference.json");

    [Fact]
    public void ScheduleMatchesHalvingGridSearchCV()
    {
        foreach (var h in Ref["halving"]!.AsArray())
        {
            int c = h!["candidates"]!.GetValue<int>(), n = h["rows"]!.GetValue<int>(), f = h["factor"]!.GetValue<int>();
            bool exhaust = h["min_resources"]!.GetValueKind() == System.Text.Json.JsonValueKind.String;
            int r0 = exhaust ? 5 * 2 * h["classes"]!.GetValue<int>() : h["min_resources"]!.GetValue<int>();
            var schedule = SuccessiveHalving.Schedule(c, n, f, r0, exhaust);
            var what = $"{c} candidates, {n} rows, factor {f}, min_resources {h["min_resources"]}";
            Assert.True(h["n_resources"]!.AsArray().Select(v => v!.GetValue<int>()).SequenceEqual(schedule.Select(s => s.Resources)), what + ": resources " + string.Join(",", schedule.Select(s => s.Resources)));
            Assert.True(h["n_candidates"]!.AsArray().Select(v => v!.GetValue<int>()).SequenceEqual(schedule.Select(s => s.Candidates)), what + ": candidates " + string.Join(",", schedule.Select(s => s.Candidates)));
        }
    }

    [Fact]
    public void HalvingKeepsTheBestAndRunsTheScheduledRounds()
    {
        var (x, t) = LinearTestData.LoadSample("breast_cancer.csv");
        var candidates = GridSearch.Expand(new Dictionary<string, IReadOnlyList<string>> { ["max_depth"] = Enumerable.Range(1, 9).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray() });
        var result = SuccessiveHalving.Run(new DecisionTreeClassifier(), candidates, x, t, factor: 3, seed: 2);
        var expected = SuccessiveHalving.Schedule(9, x.Rows, 3, 20, exhaust: true);
        Assert.Equal(expected.Select(s => s.Resources), result.Iterations.Select(i => i.Resources));
        Assert.Equal(expected.Select(s => s.Candidates), result.Iterations.Select(i => i.Candidates.Count));
        // Every round's survivors are the best of the round before.
        for (int r = 1; r < result.Iterations.Count; r++)
        {
            var previous = result.Iterations[r - 1].Candidates.OrderByDescending(c => c.MeanScore).ToArray();
            double cut = previous[result.Iterations[r].Candidates.Count - 1].MeanScore;
            Assert.All(result.Iterations[r].Candidates, c => Assert.True(previous.First(p => p.Parameters["max_depth"] == c.Parameters["max_depth"]).MeanScore >= cut));
        }
        Assert.Equal(result.Iterations[^1].Candidates.Max(c => c.MeanScore), result.BestScore);
        Assert.NotNull(result.BestModel);
        Assert.Equal(int.Parse(result.BestParameters["max_depth"], CultureInfo.InvariantCulture), result.BestEstimator.MaxDepth);
    }

    [Fact]
    public void NestedCrossValidationMatchesCrossValScoreOfGridSearchCV()
    {
        var (x, t) = LinearTestData.LoadSample("breast_cancer.csv");
        var grid = new Dictionary<string, IReadOnlyList<string>> { ["var_smoothing"] = ["1e-9", "1e-6", "1e-3", "0.1", "1"] };
        var result = NestedCrossValidation.Run(new GaussianNB(), grid, x, t, new StratifiedKFold { NSplits = 5 }, new StratifiedKFold { NSplits = 3 });
        var expected = LinearTestData.Doubles(Ref["nested"]!["scores"]);
        for (int f = 0; f < expected.Length; f++) Assert.Equal(expected[f], result.OuterScores[f], 12);
        var best = LinearTestData.Doubles(Ref["nested"]!["best_var_smoothing"]);
        for (int f = 0; f < best.Length; f++) Assert.Equal(best[f], double.Parse(result.BestParameters[f]["var_smoothing"], CultureInfo.InvariantCulture));
        Assert.Equal(expected.Average(), result.Mean, 12);
    }

    [Fact]
    public void BadHalvingSettingsAreClearErrors()
    {
        Assert.Throws<InvalidHyperparameterException>(() => SuccessiveHalving.Schedule(5, 100, 1, 10, false));
        Assert.Throws<InvalidHyperparameterException>(() => SuccessiveHalving.Schedule(5, 100, 3, 200, false));
    }
}

public class HyperbandTests
{
    [Fact]
    public void BracketsFollowLiEtAl()
    {
        // R = 81 rows, r_min = 1, η = 3: s_max = 4; brackets (81, 1), (34, 3), (15, 9), (8, 27), (5, 81) as in the paper's table.
        var b = Hyperband.Brackets(81, 1, 3);
        Assert.Equal([(81, 1), (34, 3), (15, 9), (8, 27), (5, 81)], b.Select(t => (t.Candidates, t.MinResources)).ToArray());
        Assert.Throws<InvalidHyperparameterException>(() => Hyperband.Brackets(81, 1, 1));
    }

    [Fact]
    public void SearchRunsEveryBracketAndKeepsTheBest()
    {
        var (x, t) = LinearTestData.LoadSample("breast_cancer.csv");
        var space = RandomizedSearch.ParseSpace("max_depth=1..12, min_samples_leaf=1..40");
        var (brackets, best) = Hyperband.Run(new DecisionTreeClassifier(), space, x, t, factor: 3, seed: 4,
            splitter: new StratifiedKFold { NSplits = 3, Shuffle = true, Seed = 0 });
        var plan = Hyperband.Brackets(x.Rows, 12, 3);
        Assert.Equal(plan.Count, brackets.Count);
        for (int i = 0; i < plan.Count; i++)
        {
            Assert.Equal(plan[i].Candidates, brackets[i].Candidates);
            Assert.Equal(plan[i].MinResources, brackets[i].Iterations[0].Resources);
            Assert.Equal(plan[i].Candidates, brackets[i].Iterations[0].Candidates.Count);
        }
        Assert.Equal(brackets.Max(b => b.BestScore), best.BestScore);
        Assert.NotNull(best.BestModel);
    }
}
