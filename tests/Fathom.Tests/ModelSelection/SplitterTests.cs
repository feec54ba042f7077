using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.ModelSelection;
using Fathom.Tests.Linear;

namespace Fathom.Tests.ModelSelection;

public class SplitterTests
{
    internal static readonly JsonNode Ref = LinearTestData.Reference("ModelSelection", "modelselection.json");

    private static int[] Ints(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    private static void SameAsSklearn(string key, IReadOnlyList<Fold> folds)
    {
        var expected = Ref[key]!.AsArray();
        Assert.Equal(expected.Count, folds.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            Assert.Equal(Ints(expected[f]!["train"]), folds[f].Train);
            Assert.Equal(Ints(expected[f]!["test"]), folds[f].Test);
        }
    }

    private static void Partition(IReadOnlyList<Fold> folds, int n)
    {
        var seen = new int[n];
        foreach (var (train, test) in folds)
        {
            foreach (int i in test) seen[i]++;
            Assert.Equal(n, train.Length + test.Length);
            Assert.Empty(train.Intersect(test));
        }
        Assert.All(seen, c => Assert.Equal(1, c));
    }

    [Fact]
    public void KFoldMatchesSklearn()
    {
        SameAsSklearn("kfold_10_3", new KFold { NSplits = 3 }.Split(10));
        SameAsSklearn("kfold_7_7", new KFold { NSplits = 7 }.Split(7));
    }

    [Fact]
    public void StratifiedKFoldMatchesSklearn()
    {
        SameAsSklearn("strat_3", new StratifiedKFold { NSplits = 3 }.Split(20, Ints(Ref["strat_y"])));
        var y2 = Ref["strat2_y"]!.AsArray().Select(v => v!.ToString()).ToArray();
        SameAsSklearn("strat2_3", new StratifiedKFold { NSplits = 3 }.Split(y2.Length, y2));
    }

    [Fact]
    public void GroupKFoldMatchesSklearn()
    {
        var g = Ints(Ref["groups"]);
        var folds = new GroupKFold { NSplits = 3 }.Split(g.Length, groups: g);
        SameAsSklearn("group_3", folds);
        foreach (var (train, test) in folds)
            Assert.Empty(train.Select(i => g[i]).Intersect(test.Select(i => g[i])));
    }

    [Fact]
    public void StratifiedGroupKFoldMatchesSklearn()
    {
        var g = Ints(Ref["sgkf_groups"]);
        var y = Ref["sgkf_y"]!.AsArray().Select(v => v!.ToString()).ToArray();
        var folds = new StratifiedGroupKFold { NSplits = 3 }.Split(60, y, g);
        SameAsSklearn("sgkf_3", folds);
        Partition(folds, 60);
        foreach (var (train, test) in folds)
            Assert.Empty(train.Select(i => g[i]).Intersect(test.Select(i => g[i])));
        var ySmall = Ints(Ref["strat_y"]);
        SameAsSklearn("sgkf_4_small", new StratifiedGroupKFold { NSplits = 2 }.Split(20, ySmall, Enumerable.Range(0, 20).Select(i => i / 3).ToArray()));
        Partition(new StratifiedGroupKFold { NSplits = 3, Shuffle = true, Seed = 2 }.Split(60, y, g), 60);
    }

    [Fact]
    public void TimeSeriesSplitMatchesSklearn()
    {
        SameAsSklearn("ts_default_13", new TimeSeriesSplit().Split(13));
        SameAsSklearn("ts_gap_20", new TimeSeriesSplit { NSplits = 3, MaxTrainSize = 6, TestSize = 3, Gap = 2 }.Split(20));
    }

    [Fact]
    public void EveryRowInExactlyOneTestFold()
    {
        var y = Enumerable.Range(0, 53).Select(i => i % 4 == 0 ? "a" : i % 3 == 0 ? "b" : "c").ToArray();
        var g = Enumerable.Range(0, 53).Select(i => i / 4).ToArray();
        Partition(new KFold { NSplits = 4 }.Split(53), 53);
        Partition(new KFold { NSplits = 5, Shuffle = true, Seed = 3 }.Split(53), 53);
        Partition(new StratifiedKFold { NSplits = 5, Shuffle = true, Seed = 3 }.Split(53, y), 53);
        Partition(new GroupKFold { NSplits = 4 }.Split(53, groups: g), 53);
        Partition(new LeaveOneOut().Split(6), 6);
        var rep = new RepeatedKFold { NSplits = 4, NRepeats = 3, Seed = 1 }.Split(53);
        Assert.Equal(12, rep.Count);
        for (int r = 0; r < 3; r++) Partition(rep.Skip(4 * r).Take(4).ToArray(), 53);
        var rs = new RepeatedStratifiedKFold { NSplits = 3, NRepeats = 2, Seed = 1 }.Split(53, y);
        for (int r = 0; r < 2; r++) Partition(rs.Skip(3 * r).Take(3).ToArray(), 53);
    }

    [Fact]
    public void StratifiedKeepsClassProportions()
    {
        var y = Enumerable.Range(0, 100).Select(i => i < 80 ? "a" : "b").ToArray();
        foreach (var (_, test) in new StratifiedKFold { Shuffle = true, Seed = 9 }.Split(100, y))
        {
            Assert.Equal(20, test.Length);
            Assert.Equal(4, test.Count(i => y[i] == "b"));
        }
    }

    [Fact]
    public void ShuffledSplittersAreDeterministicPerSeed()
    {
        var y = Enumerable.Range(0, 40).Select(i => (i % 3).ToString()).ToArray();
        ISplitter[] a = [new KFold { Shuffle = true, Seed = 5 }, new StratifiedKFold { Shuffle = true, Seed = 5 },
            new ShuffleSplit { Seed = 5 }, new RepeatedKFold { Seed = 5 }, new RepeatedStratifiedKFold { Seed = 5 }];
        foreach (var s in a)
        {
            var f1 = s.Split(40, y);
            var f2 = s.Split(40, y);
            Assert.Equal(f1.SelectMany(f => f.Test), f2.SelectMany(f => f.Test));
            var other = (s switch
            {
                KFold k => k with { Seed = 6 },
                StratifiedKFold k => k with { Seed = 6 },
                ShuffleSplit k => k with { Seed = 6 },
                RepeatedKFold k => k with { Seed = 6 },
                RepeatedStratifiedKFold k => (ISplitter)(k with { Seed = 6 }),
                _ => throw new InvalidOperationException(),
            }).Split(40, y);
            Assert.NotEqual(f1.SelectMany(f => f.Test), other.SelectMany(f => f.Test));
        }
    }

    [Fact]
    public void ShuffleSplitSizes()
    {
        var folds = new ShuffleSplit { NSplits = 3, TestSize = 0.25, TrainSize = 0.5, Seed = 2 }.Split(10);
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => { Assert.Equal(3, f.Test.Length); Assert.Equal(5, f.Train.Length); Assert.Empty(f.Train.Intersect(f.Test)); });
    }

    [Fact]
    public void ClearErrors()
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new KFold { NSplits = 6 }.Split(5));
        Assert.Equal("n_splits", e.Parameter);
        Assert.Contains("5 rows", e.Message);
        var y = new[] { "x", "x", "x", "rare", "x", "rare", "x" };
        var s = Assert.Throws<InvalidHyperparameterException>(() => new StratifiedKFold { NSplits = 3 }.Split(7, y));
        Assert.Contains("class 'rare' has only 2 rows", s.Message);
        Assert.Throws<InvalidInputException>(() => new StratifiedKFold().Split(7));
        Assert.Throws<InvalidInputException>(() => new GroupKFold().Split(7));
        Assert.Contains("3 groups", Assert.Throws<InvalidHyperparameterException>(
            () => new GroupKFold { NSplits = 4 }.Split(6, groups: new[] { 1, 1, 2, 2, 3, 3 })).Message);
        Assert.Throws<InvalidHyperparameterException>(() => new TimeSeriesSplit { NSplits = 3, TestSize = 4, Gap = 1 }.Split(12));
        Assert.Throws<InvalidHyperparameterException>(() => new KFold { NSplits = 1 }.Split(5));
    }
}
